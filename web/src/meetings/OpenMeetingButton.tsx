import { useState } from 'preact/hooks';
import { isAbortError } from '../api';
import { useStore, useT } from '../context';
import { paths } from '../router';
import { meetingErrorKey } from './meetingForms';
import { openMeeting } from './meetingApi';

/** Opens the meeting of a video appointment (created at the first ask) and goes to it. */
export function OpenMeetingButton({ appointmentId, label, hidden }: { appointmentId: string; label: string; hidden: string }) {
  const store = useStore();
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        class="button"
        aria-disabled={busy ? 'true' : undefined}
        onClick={() => {
          if (busy) return;
          setBusy(true);
          setError(null);
          openMeeting(store.api, appointmentId, new AbortController().signal).then(
            (m) => store.navigate(paths.meeting(m.id)),
            (err: unknown) => {
              setBusy(false);
              if (!isAbortError(err)) setError(t(meetingErrorKey(err, 'open')));
            },
          );
        }}
      >
        {label}
        <span class="visually-hidden"> {hidden}</span>
      </button>
      {error && (
        <span class="notice notice--error meeting-open-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
