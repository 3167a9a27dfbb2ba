import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { formatDayTime } from '../cases/deadline';
import type { MessageKey } from '../i18n';
import { useStore, useT } from '../context';
import { loginHref, paths } from '../router';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { SessionGate } from '../ui/SessionGate';
import { Status } from '../ui/Status';
import { CallView } from './CallView';
import { EndedNotice } from './EndedNotice';
import { browserSessionStorage, GUEST_HEADER, participantTokenKey, readToken } from './guestToken';
import { hasTurn } from './meeting';
import { iceServers } from './meetingApi';
import { ICE_POLICY_KEY, relayOnlyFrom } from './mesh';
import { equipmentTested, type PreCallResult } from './precall';
import { PreCallCheck } from './PreCallCheck';
import { checkRelay } from './probes';
import { ReadinessForm } from './ReadinessForm';
import { RejectedNotice } from './RejectedNotice';
import { useMeeting, type Phase } from './useMeeting';
import { WaitingRoom } from './WaitingRoom';

/**
 * When the relay could not be checked before joining (a guest, whose token
 * comes with the link, or the ICE servers did not answer): check it once the
 * person is in (waiting or in the call); true when it failed.
 */
function useLaterRelayCheck(api: ApiClient, id: string, run: boolean): boolean {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!run) return;
    const ac = new AbortController();
    iceServers(api, id, ac.signal).then(
      async (servers) => {
        if (!hasTurn(servers)) return;
        const ok = await checkRelay(servers);
        if (!ac.signal.aborted) setFailed(!ok);
      },
      () => undefined,
    );
    return () => ac.abort();
  }, [api, id, run]);
  return failed;
}

/** Said in a live region when the person's place changes (waiting, let in, declined, out); the page shows it in its own way. */
const ANNOUNCE: Partial<Record<Phase['name'], MessageKey>> = {
  waiting: 'meeting.announce.waiting',
  inCall: 'meeting.announce.inCall',
  rejected: 'meeting.rejectedTitle',
  left: 'meeting.leftTitle',
  ended: 'meeting.endedTitle',
};

function Meeting({ api, id, me }: { api: ApiClient; id: string; me: Me | null }) {
  const store = useStore();
  const { t, lang } = useT();
  const m = useMeeting(api, id);
  const [check, setCheck] = useState<PreCallResult | null>(null);
  const relayOnly = relayOnlyFrom(store.readLocal(ICE_POLICY_KEY));
  const inside = m.phase.name === 'waiting' || m.phase.name === 'inCall';
  const relayFailed = useLaterRelayCheck(api, id, inside && (check === null || check.relay === 'later'));
  const back = me === null ? null : me.person.kind === 'staff' ? { href: paths.calendar, text: t('meeting.toCalendar') } : { href: paths.appointments, text: t('meeting.toAppointments') };
  const view = m.view;
  const announce = ANNOUNCE[m.phase.name];

  let body;
  switch (m.phase.name) {
    case 'loading':
      body = <Status>{t('meeting.loading')}</Status>;
      break;
    case 'check':
      body = (
        <PreCallCheck
          loadIceServers={(signal) => iceServers(api, id, signal)}
          continueLabel={t(me?.person.kind === 'staff' ? 'meeting.enterHost' : 'meeting.enterWaiting')}
          onDone={(r) => {
            setCheck(r);
            m.join();
          }}
        />
      );
      break;
    case 'joining':
      body = <Status>{t('meeting.joining')}</Status>;
      break;
    case 'readiness':
      body = <ReadinessForm equipmentTested={check ? equipmentTested(check) : false} onReady={m.ready} />;
      break;
    case 'waiting':
      body = view && <WaitingRoom view={view} relayFailed={relayFailed} onLeave={() => void m.leave()} />;
      break;
    case 'inCall':
      body = view && (
        <CallView
          api={api}
          view={view}
          chat={m.chat}
          relayOnly={relayOnly}
          relayFailed={relayFailed}
          setSignalHandler={m.setSignalHandler}
          refresh={m.refresh}
          onLeave={() => void m.leave()}
          onEnd={m.end}
        />
      );
      break;
    case 'rejected':
      body = <RejectedNotice />;
      break;
    case 'left':
      body = (
        <div class="notice">
          <h2 class="notice__title">{t('meeting.leftTitle')}</h2>
          <p>{t('meeting.leftText')}</p>
          <button type="button" class="button button--secondary" onClick={m.join}>
            {t('meeting.rejoin')}
          </button>
        </div>
      );
      break;
    case 'ended':
      body = <EndedNotice who={view?.me.role === 'host' ? 'host' : me === null ? 'guest' : 'other'} outcome={m.phase.outcome} />;
      break;
    case 'failed':
      body = <ErrorMessage message={t(m.phase.message)} />;
      break;
  }

  return (
    <>
      <PageHeading title={t('meeting.title')} />
      {view && <p class="lead">{t('meeting.lead', { unit: view.careUnit.name, when: formatDayTime(view.startsAt, lang, new Date()) })}</p>}
      {inside && (m.realtime === 'reconnecting' || m.realtime === 'stopped') && (
        <p class="notice notice--warning" role="status">
          {t(m.realtime === 'reconnecting' ? 'meeting.realtime.reconnecting' : 'meeting.realtime.stopped')}
        </p>
      )}
      <p role="status" aria-live="polite" class="visually-hidden">
        {announce ? t(announce) : ''}
      </p>
      {body}
      {back && m.phase.name !== 'inCall' && m.phase.name !== 'waiting' && (
        <p>
          <Link href={back.href}>{back.text}</Link>
        </p>
      )}
    </>
  );
}

/**
 * /mote/<id>: the video meeting for patients, guardians and staff (by their
 * session) and for guests (by the participant token their link gave them,
 * kept in sessionStorage): the pre-call check, the host's readiness, the
 * waiting room, the call, and the end.
 */
export function MeetingPage({ id }: { id: string }) {
  const store = useStore();
  const { t } = useT();
  const guestApi = useMemo(() => {
    const token = readToken(browserSessionStorage(), participantTokenKey(id));
    return token ? store.api.withHeaders({ [GUEST_HEADER]: token }) : null;
  }, [store, id]);
  if (guestApi) return <Meeting api={guestApi} id={id} me={null} />;
  return (
    <SessionGate heading={t('meeting.title')}>
      {(me) =>
        me ? (
          <Meeting api={store.api} id={id} me={me} />
        ) : (
          <>
            <PageHeading title={t('meeting.title')} />
            <p>{t('meeting.loginFirst')}</p>
            <p>
              <Link href={loginHref(paths.meeting(id))} class="button">
                {t('session.loginLink')}
              </Link>
            </p>
          </>
        )
      }
    </SessionGate>
  );
}
