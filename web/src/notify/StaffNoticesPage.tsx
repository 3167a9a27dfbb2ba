import { useRef } from 'preact/hooks';
import { useStore, useT } from '../context';
import { formatDateTime } from '../format';
import { isAppHref, isPlainClick, paths } from '../router';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequireStaff } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { markedRead, noticeBadge, noticeKey } from './forms';
import { type Notices, type StaffNotice } from './notify';
import { markNoticeRead, myNotices } from './notifyApi';
import { PreferencesForm } from './PreferencesForm';
import { useSave } from '../ui/useSave';

export const NOTICE_LIMIT = 100;

const BADGE_CLASS = { late: 'badge badge--late', risk: 'badge badge--risk', new: 'badge badge--new' } as const;

/** The name of a unit the person works at, from their assignments. */
function unitName(me: Me, unitId: string): string | null {
  return me.assignments.find((a) => a.careUnitId === unitId)?.careUnitName ?? null;
}

function NoticeItem({ me, notice, onRead }: { me: Me; notice: StaffNotice; onRead: (id: string) => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const { phase, run } = useSave();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const unread = notice.readAt === null;
  const href = paths.staffCase(notice.caseId);
  const unit = unitName(me, notice.careUnitId);

  // Opening the case marks the notice read (without waiting: the case page opens at once).
  const onOpen = (e: MouseEvent) => {
    if (unread) {
      void markNoticeRead(store.api, notice.id, new AbortController().signal).then(
        () => onRead(notice.id),
        () => undefined, // still unread; the list says so next time
      );
    }
    if (!isAppHref(href) || !isPlainClick(e)) return;
    e.preventDefault();
    store.navigate(href);
  };

  const markRead = async () => {
    if (phase.name === 'busy') return;
    const done = await run((signal) => markNoticeRead(store.api, notice.id, signal));
    if (done) {
      onRead(notice.id);
      // The button is gone: focus the notice itself, the status says it is read.
      requestAnimationFrame(() => headingRef.current?.focus());
    }
  };

  return (
    <li class="event">
      <h3 ref={headingRef} tabIndex={-1}>
        {t(noticeKey(notice))}{' '}
        {unread && <span class={BADGE_CLASS[noticeBadge(notice)]}>{t('notices.unread')}</span>}
      </h3>
      <dl class="event__facts">
        {unit && (
          <>
            <dt>{t('notices.unit')}</dt>
            <dd>{unit}</dd>
          </>
        )}
        <dt>{t('notices.when')}</dt>
        <dd>
          <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt, lang)}</time>
        </dd>
      </dl>
      <div class="button-row button-row--start">
        <a href={href} onClick={onOpen}>
          {t('notices.open')}
          <span class="visually-hidden">: {t(noticeKey(notice))}, {formatDateTime(notice.createdAt, lang)}</span>
        </a>
        {unread && (
          <button type="button" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined} onClick={() => void markRead()}>
            {t('notices.markRead')}
          </button>
        )}
      </div>
      <Status>{phase.name === 'busy' ? t('notify.saving') : phase.name === 'done' ? t('notices.markedRead') : ''}</Status>
      {phase.name === 'failed' && <ErrorMessage message={t('notices.markError')} />}
    </li>
  );
}

function NoticeList({ me }: { me: Me }) {
  const store = useStore();
  const { t, plural } = useT();
  const { state, reload, setValue } = useLoad((signal) => myNotices(store.api, NOTICE_LIMIT, signal), 'notices');
  const latest = useRef<Notices | null>(null);
  latest.current = state.status === 'ready' ? state.value : null;
  const onRead = (id: string) => {
    if (!latest.current) return;
    latest.current = markedRead(latest.current, id, new Date().toISOString());
    setValue(latest.current);
  };
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{t('notices.listTitle')}</h2>
      <Status>
        {state.status === 'loading' ? t('notices.loading') : state.status === 'ready' ? plural('notices.unreadCount', state.value.unread) : ''}
      </Status>
      {state.status === 'error' && <ErrorMessage message={t('notices.loadError')} onRetry={reload} />}
      {state.status === 'ready' && state.value.items.length === 0 && (
        <div class="notice">
          <p>{t('notices.none')}</p>
        </div>
      )}
      {state.status === 'ready' && state.value.items.length > 0 && (
        <ul class="event-list">
          {state.value.items.map((n) => (
            <NoticeItem key={n.id} me={me} notice={n} onRead={onRead} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The staff member's notification centre: new cases and escalations, and how to be told outside the service. */
export function StaffNoticesPage() {
  const { t } = useT();
  return (
    <RequireStaff returnTo={paths.staffNotifications} heading={t('notices.title')}>
      {(me) => (
        <>
          <PageHeading title={t('notices.title')} />
          <p class="lead">{t('notices.intro')}</p>
          <NoticeList me={me} />
          <PreferencesForm />
          <p>
            <Link href={paths.staff}>{t('audit.back')}</Link>
          </p>
        </>
      )}
    </RequireStaff>
  );
}

/** "Aviseringar (2 olästa)": the way to the notification centre, on the staff start page. */
export function NoticesLink() {
  const store = useStore();
  const { t, plural } = useT();
  const { state } = useLoad((signal) => myNotices(store.api, 200, signal), 'notices-count');
  const unread = state.status === 'ready' ? state.value.unread : 0;
  return (
    <p>
      <Link href={paths.staffNotifications}>{t('notices.title')}</Link>
      {unread > 0 && (
        <>
          {' '}
          <span class="badge badge--new">{plural('notices.unreadBadge', unread)}</span>
        </>
      )}
    </p>
  );
}
