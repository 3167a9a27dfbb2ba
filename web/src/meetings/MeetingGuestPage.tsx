import { useState } from 'preact/hooks';
import { isAbortError } from '../api';
import { useStore, useT } from '../context';
import { paths } from '../router';
import { ErrorMessage } from '../ui/ErrorMessage';
import { PageHeading } from '../ui/PageHeading';
import { Status } from '../ui/Status';
import { browserSessionStorage, forgetToken, LINK_TOKEN_KEY, participantTokenKey, readToken, tokenFromHash, writeToken } from './guestToken';
import { meetingErrorKey } from './meetingForms';
import { acceptInvitation } from './meetingApi';
import { PreCallCheck } from './PreCallCheck';

/**
 * Reads the link's token from the fragment once, keeps it in sessionStorage
 * and removes it from the address bar (and so from the history).
 */
function takeLinkToken(): string | null {
  const storage = browserSessionStorage();
  const hash = window.location.hash;
  if (hash !== '') {
    window.history.replaceState(window.history.state, '', paths.meetingGuest);
    const token = tokenFromHash(hash);
    if (token) {
      writeToken(storage, LINK_TOKEN_KEY, token);
      return token;
    }
  }
  return readToken(storage, LINK_TOKEN_KEY);
}

/**
 * /mote/gast#<token>: a guest of another organisation tests their
 * equipment, then uses the link (once) and goes to the meeting's waiting
 * room. The guest needs no log-in; their participant token stays in this
 * tab's sessionStorage.
 */
export function MeetingGuestPage() {
  const store = useStore();
  const { t } = useT();
  const [token] = useState(takeLinkToken);
  const [phase, setPhase] = useState<'check' | 'accepting' | { failed: string }>('check');

  const accept = () => {
    if (!token) return;
    setPhase('accepting');
    acceptInvitation(store.api, token, new AbortController().signal).then(
      (a) => {
        const storage = browserSessionStorage();
        writeToken(storage, participantTokenKey(a.meetingId), a.participantToken);
        forgetToken(storage, LINK_TOKEN_KEY);
        store.navigate(paths.meeting(a.meetingId), { replace: true });
      },
      (err: unknown) => {
        if (isAbortError(err)) return;
        // A used or expired link cannot be used again: forget it.
        forgetToken(browserSessionStorage(), LINK_TOKEN_KEY);
        setPhase({ failed: t(meetingErrorKey(err, 'accept')) });
      },
    );
  };

  return (
    <>
      <PageHeading title={t('meeting.guestTitle')} />
      {!token ? (
        <ErrorMessage message={t('meeting.guestNoLink')} />
      ) : phase === 'check' ? (
        <>
          <p class="lead">{t('meeting.guestIntro')}</p>
          <PreCallCheck loadIceServers={async () => null} continueLabel={t('meeting.guestEnter')} onDone={accept} />
        </>
      ) : phase === 'accepting' ? (
        <Status>{t('meeting.joining')}</Status>
      ) : (
        <ErrorMessage message={phase.failed} />
      )}
    </>
  );
}
