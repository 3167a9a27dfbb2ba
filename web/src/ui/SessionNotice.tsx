import { useEffect, useRef } from 'preact/hooks';
import { useSession, useT } from '../context';
import type { MessageKey } from '../i18n';
import type { SessionNotice as Notice } from '../store';

const MESSAGES: Record<Notice, MessageKey> = {
  loggedOut: 'session.notice.loggedOut',
  loggedOutEverywhere: 'session.notice.loggedOutEverywhere',
  logoutFailed: 'session.notice.logoutFailed',
  sessionEnded: 'session.notice.sessionEnded',
};

/**
 * A message about the session ("Du har loggat ut.") at the top of the page
 * one lands on. The control that led here (the log-out button) is gone, so
 * the message takes focus and is read out; a failed log-out leaves the
 * button in place and is announced as an alert instead.
 */
export function SessionNotice() {
  const { notice } = useSession();
  const { t } = useT();
  const ref = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (!notice || notice === 'logoutFailed') return;
    // After the new page's own focus handling (its heading), in the next frame.
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [notice]);

  if (!notice) return null;
  if (notice === 'logoutFailed') {
    return (
      <p role="alert" class="notice notice--error">
        {t(MESSAGES[notice])}
      </p>
    );
  }
  return (
    <p ref={ref} role="status" tabIndex={-1} class="notice notice--success session-notice">
      {t(MESSAGES[notice])}
    </p>
  );
}
