import { useAppState, useStore, useT } from '../context';
import { parseCaseList } from '../cases/model';
import { getParam } from '../query';
import { paths } from '../router';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequireStaff } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { CaseCard } from './CaseCard';
import { chooseUnit, inboxHref, inboxUnits, undocumentedApiUrl, UNIT_PARAM } from './inbox';
import { UnitChooser } from './UnitChooser';

function Undocumented({ me }: { me: Me }) {
  const store = useStore();
  const { t, plural } = useT();
  const { location } = useAppState();
  const units = inboxUnits(me);
  const unitId = chooseUnit(units, getParam(location.search, UNIT_PARAM));
  const { state, reload } = useLoad(
    async (signal) => (unitId ? parseCaseList(await store.api.get(undocumentedApiUrl(unitId), signal)) : []),
    unitId ?? '',
  );
  const unitName = units.find((u) => u.id === unitId)?.name ?? '';
  return (
    <>
      <PageHeading title={t('undocumented.title')} />
      {!unitId ? (
        <p>{t('inbox.noUnit')}</p>
      ) : (
        <>
          <p class="lead">{unitName}</p>
          <p>{t('undocumented.intro')}</p>
          <UnitChooser
            id="undocumented-unit"
            units={units}
            current={unitId}
            onChoose={(id) => store.navigate(`${paths.undocumented}?${UNIT_PARAM}=${encodeURIComponent(id)}`, { replace: true })}
          />
          <Status>
            {state.status === 'loading' ? t('inbox.loading') : state.status === 'ready' ? plural('undocumented.count', state.value.length) : ''}
          </Status>
          {state.status === 'error' && <ErrorMessage message={t('inbox.error')} onRetry={reload} />}
          {state.status === 'ready' && state.value.length === 0 && <p class="notice">{t('undocumented.empty')}</p>}
          {state.status === 'ready' && state.value.length > 0 && (
            <ul class="case-list">
              {state.value.map((c) => (
                <CaseCard key={c.id} c={c} showDue={false} />
              ))}
            </ul>
          )}
          <p>
            <Link href={inboxHref(paths.inbox, unitId, 'all')}>{t('staffCase.back')}</Link>
          </p>
        </>
      )}
    </>
  );
}

/** Contacts not yet documented in the patient record (M2), per unit. */
export function UndocumentedPage() {
  const { t } = useT();
  const { location } = useAppState();
  return (
    <RequireStaff returnTo={location.path + location.search} heading={t('undocumented.title')}>
      {(me) => <Undocumented me={me} />}
    </RequireStaff>
  );
}
