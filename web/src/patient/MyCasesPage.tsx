import { myCases } from '../cases/casesApi';
import { DueDay } from '../cases/DueDay';
import { statusKey, type CaseSummary } from '../cases/model';
import { hasNewReply, parseSeen, SEEN_STORAGE_KEY } from '../cases/seen';
import { useStore, useT } from '../context';
import { pickLocalized } from '../directory/labels';
import { formatDateTime } from '../format';
import { paths } from '../router';
import { fullName, type Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequirePatient } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';

/** The latest change first. */
function byLatest(items: CaseSummary[]): CaseSummary[] {
  return [...items].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}

function CaseItem({ c, isNew }: { c: CaseSummary; isNew: boolean }) {
  const { t, lang } = useT();
  const name = pickLocalized(c.service.name, lang);
  return (
    <li class="case-card">
      <h2 class="case-card__title">
        <Link href={paths.patientCase(c.id)}>{name.text}</Link>
      </h2>
      <p class="case-card__clinic">{c.clinic.name}</p>
      <p class="case-card__line">
        <span class="case-card__status">{t(statusKey(c.status, 'patient'))}</span>
        {isNew && <span class="badge badge--new">{t('myCases.newReply')}</span>}
        {c.status === 'waiting_for_patient' && <span class="badge badge--risk">{t('myCases.questionForYou')}</span>}
      </p>
      {c.dueAt && c.status !== 'closed' && (
        <p class="case-card__line">
          <DueDay dueAt={c.dueAt} clock={c.clock} />
        </p>
      )}
      <p class="case-card__line small muted">
        {t('case.sentAt')}: <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, lang)}</time>
      </p>
    </li>
  );
}

function MyCases({ me }: { me: Me }) {
  const store = useStore();
  const { t, plural } = useT();
  const { state, reload } = useLoad((signal) => myCases(store.api, signal), me.actingFor?.id ?? '');
  const seen = parseSeen(store.readLocal(SEEN_STORAGE_KEY));
  return (
    <>
      <PageHeading title={t('myCases.title')} />
      <p class="lead">{me.actingFor ? t('myCases.introChild', { name: fullName(me.actingFor) }) : t('myCases.intro')}</p>
      <Status>{state.status === 'loading' ? t('myCases.loading') : state.status === 'ready' ? plural('myCases.count', state.value.length) : ''}</Status>
      {state.status === 'error' && <ErrorMessage message={t('myCases.error')} onRetry={reload} />}
      {state.status === 'ready' && state.value.length === 0 && (
        <div class="notice">
          <p>{t('myCases.empty')}</p>
        </div>
      )}
      {state.status === 'ready' && state.value.length > 0 && (
        <ul class="case-list">
          {byLatest(state.value).map((c) => (
            <CaseItem key={c.id} c={c} isNew={hasNewReply(c, seen[c.id])} />
          ))}
        </ul>
      )}
      <p>
        {t('myCases.newHint')} <Link href={paths.directory}>{t('start.directoryLink')}</Link>
      </p>
      <p>
        <Link href={paths.patient}>{t('accessLog.back')}</Link>
      </p>
    </>
  );
}

/** "Mina ärenden": the patient's cases (or the child's, for a guardian). */
export function MyCasesPage() {
  const { t } = useT();
  return (
    <RequirePatient returnTo={paths.patientCases} heading={t('myCases.title')}>
      {(me) => <MyCases me={me} />}
    </RequirePatient>
  );
}
