import { useAppState, useStore, useT } from '../context';
import { getParam } from '../query';
import { useRealtime } from '../realtime/useRealtime';
import type { RealtimeStatus } from '../realtime/realtime';
import { paths } from '../router';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequireStaff } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { AbsenceControl } from './AbsenceControl';
import { CaseCard } from './CaseCard';
import {
  chooseUnit,
  escalation,
  FILTER_PARAM,
  filterCount,
  filterFromParam,
  filterKey,
  inboxApiUrl,
  inboxHref,
  inboxUnits,
  INBOX_FILTERS,
  isUnitManagerAt,
  parseInbox,
  sortByDeadline,
  UNIT_PARAM,
  unitTopic,
  type InboxCounts,
  type InboxFilter,
} from './inbox';
import { UnitChooser } from './UnitChooser';

function FilterTabs({ unitId, current, counts }: { unitId: string; current: InboxFilter; counts: InboxCounts | null }) {
  const { t } = useT();
  return (
    <nav class="filter-tabs" aria-label={t('inbox.filterLabel')}>
      <ul>
        {INBOX_FILTERS.map((f) => {
          const n = counts ? filterCount(counts, f) : null;
          return (
            <li key={f}>
              <Link href={inboxHref(paths.inbox, unitId, f)} class="filter-tabs__link" aria-current={f === current ? 'page' : undefined}>
                {t(filterKey(f))}
                {n !== null && <span class="filter-tabs__count"> ({n})</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function LiveNote({ status }: { status: RealtimeStatus }) {
  const { t } = useT();
  const key = status === 'live' ? 'inbox.live' : status === 'stopped' ? 'inbox.notLive' : 'inbox.connecting';
  return <p class="small muted live-note">{t(key)}</p>;
}

function Inbox({ me }: { me: Me }) {
  const store = useStore();
  const { t, plural } = useT();
  const { location } = useAppState();
  const units = inboxUnits(me);
  const unitId = chooseUnit(units, getParam(location.search, UNIT_PARAM));
  const filter = filterFromParam(getParam(location.search, FILTER_PARAM));
  const { state, reload } = useLoad(
    async (signal) => (unitId ? parseInbox(await store.api.get(inboxApiUrl(unitId, filter), signal)) : null),
    `${unitId ?? ''} ${filter}`,
  );
  // A new case, a reply or a colleague taking a case: the list is fetched again.
  const live = useRealtime(unitId ? [unitTopic(unitId)] : [], () => reload());

  if (!unitId) {
    return (
      <>
        <PageHeading title={t('inbox.title')} />
        <p>{t('inbox.noUnit')}</p>
        <p>
          <Link href={paths.staff}>{t('audit.back')}</Link>
        </p>
      </>
    );
  }
  const unitName = units.find((u) => u.id === unitId)?.name ?? '';
  const inbox = state.status === 'ready' ? state.value : null;
  const late = inbox && isUnitManagerAt(me, unitId) ? escalation(inbox.counts) : null;
  const items = inbox ? sortByDeadline(inbox.items, filter) : [];

  return (
    <>
      <PageHeading title={t('inbox.title')} />
      <p class="lead">{unitName}</p>
      <UnitChooser
        id="inbox-unit"
        units={units}
        current={unitId}
        onChoose={(id) => store.navigate(inboxHref(paths.inbox, id, filter), { replace: true })}
      />
      {late && (
        <div class="notice notice--warning" role="note">
          <h2 class="notice__title">{t('inbox.escalationTitle')}</h2>
          <p>
            {plural('inbox.atRisk', late.atRisk)} {plural('inbox.overdue', late.overdue)}
          </p>
          <p>{t('inbox.escalationText')}</p>
        </div>
      )}
      <FilterTabs unitId={unitId} current={filter} counts={inbox?.counts ?? null} />
      <section aria-labelledby="inbox-list-title">
        <h2 id="inbox-list-title">{t(filterKey(filter))}</h2>
        <LiveNote status={live} />
        <Status>
          {state.status === 'loading' ? t('inbox.loading') : inbox ? plural('inbox.count', items.length) : ''}
        </Status>
        {state.status === 'error' && <ErrorMessage message={t('inbox.error')} onRetry={reload} />}
        {inbox && items.length === 0 && <p>{t(filter === 'closed' ? 'inbox.emptyClosed' : 'inbox.empty')}</p>}
        {items.length > 0 && (
          <ul class="case-list">
            {items.map((c) => (
              <CaseCard key={c.id} c={c} />
            ))}
          </ul>
        )}
      </section>
      <AbsenceControl onChanged={reload} />
      <p>
        <Link href={`${paths.undocumented}?${UNIT_PARAM}=${encodeURIComponent(unitId)}`}>{t('undocumented.title')}</Link>
      </p>
    </>
  );
}

/** The unit inbox: the unit's cases by deadline, with filters, updated in real time. */
export function InboxPage() {
  const { t } = useT();
  const { location } = useAppState();
  return (
    <RequireStaff returnTo={location.path + location.search} heading={t('inbox.title')}>
      {(me) => <Inbox me={me} />}
    </RequireStaff>
  );
}
