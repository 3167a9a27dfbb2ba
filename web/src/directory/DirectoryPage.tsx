import { useAppState, useStore, useT } from '../context';
import { getParam, withParam } from '../query';
import { ErrorMessage } from '../ui/ErrorMessage';
import { PageHeading } from '../ui/PageHeading';
import { Status } from '../ui/Status';
import { ClinicList } from './ClinicList';
import type { ListState } from './listState';
import { SearchForm } from './SearchForm';
import { useClinicList } from './useClinicList';
import type { Translator } from '../i18n';

function statusText(state: ListState, q: string, tr: Translator): string {
  if (state.status === 'loading') return tr.t('directory.loading');
  if (state.status === 'error') return '';
  if (state.more === 'loading') return tr.t('directory.loadingMore');
  if (state.items.length === 0) return q ? tr.t('directory.empty', { q }) : tr.t('directory.emptyAll');
  const count = tr.plural('directory.count', state.items.length);
  return state.nextCursor ? `${count} ${tr.t('directory.countMore')}` : count;
}

export function DirectoryPage() {
  const store = useStore();
  const { location } = useAppState();
  const tr = useT();
  const { t } = tr;
  const q = getParam(location.search, 'q');
  const { state, retry, loadMore } = useClinicList(q);

  const onSearch = (text: string) => {
    const loc = store.getState().location;
    store.navigate(withParam(loc.path, loc.search, 'q', text), { replace: true });
  };

  return (
    <>
      <PageHeading title={t('directory.title')} />
      <p>{t('directory.intro')}</p>
      <SearchForm q={q} onSearch={onSearch} />
      <Status>{statusText(state, q, tr)}</Status>
      {state.status === 'error' && <ErrorMessage message={t('directory.error')} onRetry={retry} />}
      {state.status === 'ready' && state.items.length === 0 && q && <p>{t('directory.emptyHint')}</p>}
      {state.items.length > 0 && <ClinicList clinics={state.items} focusIndex={state.firstNew} />}
      {state.more === 'error' && <ErrorMessage message={t('directory.error')} />}
      {state.status === 'ready' && state.nextCursor && (
        <p>
          <button
            type="button"
            class="button button--secondary"
            aria-disabled={state.more === 'loading' ? 'true' : undefined}
            onClick={loadMore}
          >
            {t('directory.loadMore')}
          </button>
        </p>
      )}
    </>
  );
}
