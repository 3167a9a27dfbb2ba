import { useT } from '../context';
import { REMINDER_KEYS, selectReminders, type MeetingView } from './meeting';

/**
 * The reminders for this person: "never recorded" always and first (in the
 * call it stays in sight while the page scrolls); for staff in a meeting with
 * a child the C2 reminder; for the others a private place (V9). Reminders the
 * app does not know are shown as the server wrote them.
 */
export function Reminders({ view, sticky = false }: { view: MeetingView; sticky?: boolean }) {
  const { t } = useT();
  const { keys, other } = selectReminders(view);
  const rest = keys.filter((k) => k !== 'neverRecorded');
  return (
    <>
      <p class={sticky ? 'never-recorded never-recorded--sticky' : 'never-recorded'}>{t(REMINDER_KEYS.neverRecorded)}</p>
      {(rest.length > 0 || other.length > 0) && (
        <section class="meeting-reminders" aria-label={t('meeting.remindersLabel')}>
          {rest.map((k) => (
            <p key={k} class={k === 'child' ? 'notice notice--warning meeting-reminder--child' : 'notice'}>
              {t(REMINDER_KEYS[k])}
            </p>
          ))}
          {other.map((text) => (
            <p key={text} class="notice" lang="sv">
              {text}
            </p>
          ))}
        </section>
      )}
    </>
  );
}
