import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../context';
import type { MeetingEnded } from './meeting';

interface Props {
  /** The host is reminded to document (W3); a guest is thanked. */
  who: 'host' | 'guest' | 'other';
  /** Only on the page of the host who just ended it: whether the visit counts as held. */
  outcome: MeetingEnded | null;
}

/**
 * The meeting is over for everyone: said calmly, with no way back in. The
 * page then has no camera, microphone or connection to anyone. The host who
 * ended it is taken to the reminder to document the visit in the journal, and
 * told whether the visit was recorded as held.
 */
export function EndedNotice({ who, outcome }: Props) {
  const { t } = useT();
  const reminder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (who === 'host') reminder.current?.focus();
  }, [who]);
  return (
    <section class="notice" aria-labelledby="ended-title" id="meeting-ended">
      <h2 id="ended-title" class="notice__title">
        {t('meeting.endedTitle')}
      </h2>
      <p>{t(who === 'host' ? 'meeting.endedByYou' : 'meeting.endedText')}</p>
      {who === 'host' && (
        <div ref={reminder} tabIndex={-1} class="notice notice--warning" id="meeting-document">
          {outcome?.reminder ? <p lang="sv">{outcome.reminder}</p> : <p>{t('meeting.endedDocument')}</p>}
          {outcome && <p>{t(outcome.visitTookPlace ? 'meeting.endedVisitHeld' : 'meeting.endedVisitNotHeld')}</p>}
        </div>
      )}
      {who === 'guest' && <p>{t('meeting.endedGuest')}</p>}
    </section>
  );
}
