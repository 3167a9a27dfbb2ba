import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { formatClockTime, formatDayTime } from '../cases/deadline';
import { useT } from '../context';
import { CopyButton } from '../ui/CopyButton';
import { useSave } from '../ui/useSave';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import type { Invitation, MeetingView } from './meeting';
import { confidentialityBody, guestLinkUrl, invitationBody, meetingErrorKey, MIN_NOTE_LENGTH, type InviteError } from './meetingForms';
import { assessConfidentiality, invite, switchToPhone } from './meetingApi';

/** The confidentiality assessment (V3), recorded before anyone from another organisation is let in. */
export function ConfidentialityForm({ api, view, onSaved, focusKey }: { api: ApiClient; view: MeetingView; onSaved: () => void; focusKey: number }) {
  const { t, lang } = useT();
  const { phase, run } = useSave();
  const [note, setNote] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusKey > 0) area.current?.focus();
  }, [focusKey]);

  if (view.confidentialityAssessedAt) {
    return (
      <section class="card" aria-labelledby="confidentiality-title">
        <h3 id="confidentiality-title">{t('meeting.confidentialityTitle')}</h3>
        <p class="notice notice--success">{t('meeting.confidentialityDone', { time: formatClockTime(view.confidentialityAssessedAt, lang) })}</p>
      </section>
    );
  }
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const checked = confidentialityBody(note);
    if ('error' in checked) {
      setTooShort(true);
      area.current?.focus();
      return;
    }
    setTooShort(false);
    if (await run((s) => assessConfidentiality(api, view.id, checked.body.note, s))) onSaved();
  };
  return (
    <section class="card" aria-labelledby="confidentiality-title">
      <h3 id="confidentiality-title">{t('meeting.confidentialityTitle')}</h3>
      <p>{t('meeting.confidentialityIntro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field
          id="confidentiality-note"
          label={t('meeting.confidentialityNote')}
          hint={t('meeting.confidentialityHint', { min: MIN_NOTE_LENGTH })}
          error={tooShort ? t('meeting.error.noteTooShort') : null}
        >
          {(aria) => (
            <textarea
              ref={area}
              id="confidentiality-note"
              class="input"
              rows={3}
              maxLength={2000}
              value={note}
              {...aria}
              onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
          {t('meeting.confidentialitySave')}
        </button>
        <p role="status" aria-live="polite" class="status">
          {phase.name === 'busy' ? t('meeting.saving') : ''}
        </p>
        {phase.name === 'failed' && <ErrorMessage message={t(meetingErrorKey(phase.error, 'confidentiality'))} />}
      </form>
    </section>
  );
}

const INVITE_ERRORS: Record<InviteError, 'meeting.inviteNameError' | 'meeting.inviteOrganisationError'> = {
  name: 'meeting.inviteNameError',
  organisation: 'meeting.inviteOrganisationError',
};

/** A single-use link for a guest of another organisation, with the whole address to copy. */
export function InviteForm({ api, meetingId }: { api: ApiClient; meetingId: string }) {
  const { t, lang } = useT();
  const { phase, run } = useSave();
  const [input, setInput] = useState({ name: '', organisation: '', title: '' });
  const [errors, setErrors] = useState<InviteError[]>([]);
  const [made, setMade] = useState<{ invitation: Invitation; name: string } | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const errorOf = (e: InviteError) => (errors.includes(e) ? t(INVITE_ERRORS[e]) : null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const checked = invitationBody(input);
    if ('errors' in checked) {
      setErrors(checked.errors);
      document.getElementById(`invite-${checked.errors[0]!}`)?.focus();
      return;
    }
    setErrors([]);
    const r = await run((s) => invite(api, meetingId, checked.body, s));
    if (r) {
      setMade({ invitation: r.value, name: checked.body.name });
      setInput({ name: '', organisation: '', title: '' });
    }
  };
  useEffect(() => {
    if (made) linkRef.current?.focus();
  }, [made]);
  const url = made ? guestLinkUrl(window.location.origin, made.invitation.link) : null;

  return (
    <section class="card" aria-labelledby="invite-title">
      <h3 id="invite-title">{t('meeting.inviteTitle')}</h3>
      <p>{t('meeting.inviteIntro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field id="invite-name" label={t('meeting.inviteName')} error={errorOf('name')}>
          {(aria) => <input id="invite-name" class="input" type="text" autocomplete="off" value={input.name} {...aria} onInput={(e) => setInput({ ...input, name: value(e) })} />}
        </Field>
        <Field id="invite-organisation" label={t('meeting.inviteOrganisation')} error={errorOf('organisation')}>
          {(aria) => (
            <input
              id="invite-organisation"
              class="input"
              type="text"
              autocomplete="off"
              value={input.organisation}
              {...aria}
              onInput={(e) => setInput({ ...input, organisation: value(e) })}
            />
          )}
        </Field>
        <Field id="invite-title-input" label={t('meeting.inviteRole')}>
          {(aria) => <input id="invite-title-input" class="input" type="text" autocomplete="off" value={input.title} {...aria} onInput={(e) => setInput({ ...input, title: value(e) })} />}
        </Field>
        <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
          {t('meeting.inviteSend')}
        </button>
        {phase.name === 'failed' && <ErrorMessage message={t(meetingErrorKey(phase.error, 'invite'))} />}
      </form>
      {made && url && (
        <div class="invite-link">
          <label for="invite-link">{t('meeting.inviteLink', { name: made.name })}</label>
          <p id="invite-link-hint" class="field__hint">
            {t('meeting.inviteLinkHint', { time: made.invitation.expiresAt ? formatDayTime(made.invitation.expiresAt, lang, new Date()) : '' })}
          </p>
          <input ref={linkRef} id="invite-link" class="input" type="text" readOnly value={url} aria-describedby="invite-link-hint" onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
          <CopyButton text={url} copiedText={t('meeting.copied')} failedText={t('meeting.copyFailed')}>
            {t('meeting.copy')}
          </CopyButton>
        </div>
      )}
    </section>
  );
}

interface AskFirstProps {
  /** The button that asks; also names the question's group. */
  start: string;
  question: string;
  confirm: string;
  busy: boolean;
  onConfirm: () => void;
}

/**
 * A step that cannot be undone, asked once more on the page (not in a
 * browser dialog): the button, then the question with "yes" and "cancel".
 * Focus goes to the question, and back to the button on cancel.
 */
function AskFirst({ start, question, confirm, busy, onConfirm }: AskFirstProps) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const moved = useRef(false);
  const group = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  useEffect(() => {
    if (moved.current) (asking ? group : button).current?.focus();
  }, [asking]);
  const ask = (on: boolean) => {
    moved.current = true;
    setAsking(on);
  };
  if (!asking) {
    return (
      <button ref={button} type="button" class="button button--secondary" onClick={() => ask(true)}>
        {start}
      </button>
    );
  }
  return (
    <div ref={group} tabIndex={-1} class="notice" role="group" aria-label={start} aria-describedby={questionId}>
      <p id={questionId}>{question}</p>
      <p class="appointment__actions">
        <button
          type="button"
          class="button"
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => {
            if (!busy) onConfirm();
          }}
        >
          {confirm}
        </button>
        <button type="button" class="button button--secondary" onClick={() => ask(false)}>
          {t('meeting.cancel')}
        </button>
      </p>
    </div>
  );
}

/** The phone reserve (V8): the appointment goes on as a phone call, with the reminder for calling from a mobile (W4). */
export function PhoneFallback({ api, view, onSwitched }: { api: ApiClient; view: MeetingView; onSwitched: () => void }) {
  const { t } = useT();
  const { phase, run } = useSave();
  const [done, setDone] = useState(view.phoneFallbackAt !== null);
  const reminder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done && phase.name === 'done') reminder.current?.focus();
  }, [done, phase.name]);
  return (
    <section class="card" aria-labelledby="phone-title">
      <h3 id="phone-title">{t('meeting.phoneTitle')}</h3>
      {done ? (
        <div ref={reminder} tabIndex={-1} class="notice notice--warning" role="status" id="phone-reminder">
          <p>{t('meeting.phoneDone')}</p>
          <p>{t('meeting.phoneReminder')}</p>
        </div>
      ) : (
        <>
          <p>{t('meeting.phoneIntro')}</p>
          <AskFirst
            start={t('meeting.phoneSwitch')}
            question={t('meeting.phoneQuestion')}
            confirm={t('meeting.phoneConfirm')}
            busy={phase.name === 'busy'}
            onConfirm={() =>
              void run((s) => switchToPhone(api, view.id, s)).then((r) => {
                if (!r) return;
                setDone(true);
                onSwitched();
              })
            }
          />
        </>
      )}
      {phase.name === 'failed' && <ErrorMessage message={t(meetingErrorKey(phase.error, 'phone'))} />}
    </section>
  );
}

/**
 * Ending the meeting for everyone when the visit is over (W3), apart from
 * leaving it: asked once more first. Everyone still there is out and nobody
 * can come in again; the page then shows the end (`onEnd` moves it there).
 */
export function EndMeeting({ onEnd }: { onEnd: () => Promise<void> }) {
  const { t } = useT();
  const { phase, run } = useSave();
  return (
    <section class="card" aria-labelledby="end-title">
      <h3 id="end-title">{t('meeting.endTitle')}</h3>
      <p>{t('meeting.endIntro')}</p>
      <AskFirst
        start={t('meeting.endForAll')}
        question={t('meeting.endQuestion')}
        confirm={t('meeting.endConfirm')}
        busy={phase.name === 'busy'}
        onConfirm={() => void run(() => onEnd())}
      />
      <p role="status" aria-live="polite" class="status">
        {phase.name === 'busy' ? t('meeting.ending') : ''}
      </p>
      {phase.name === 'failed' && <ErrorMessage message={t(meetingErrorKey(phase.error, 'end'))} />}
    </section>
  );
}
