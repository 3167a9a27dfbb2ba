import { useT } from '../context';
import type { MeetingView } from './meeting';
import { Reminders } from './Reminders';

/** The waiting room: only that the person waits, the reminders, and a way out. Nothing is sent to anyone. */
export function WaitingRoom({ view, relayFailed, onLeave }: { view: MeetingView; relayFailed: boolean; onLeave: () => void }) {
  const { t } = useT();
  return (
    <section class="card waiting-room" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('meeting.waitingTitle')}</h2>
      <p>{t('meeting.waitingText')}</p>
      <Reminders view={view} />
      {relayFailed && <p class="notice notice--warning">{t('meeting.relayFailedLater')}</p>}
      <button type="button" class="button button--secondary" onClick={onLeave}>
        {t('meeting.leaveWaiting')}
      </button>
    </section>
  );
}
