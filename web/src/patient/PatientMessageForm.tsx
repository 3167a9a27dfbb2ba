import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbortError, isUnauthenticated } from '../api';
import { postMessage } from '../cases/casesApi';
import { cleanMessage, MESSAGE_MAX } from '../cases/formState';
import type { CaseView } from '../cases/model';
import { useStore, useT } from '../context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';

type Phase = 'idle' | 'sending' | 'sent' | 'empty' | 'error' | 'closed';

/** The patient's (or guardian's) message in the thread of an open case. */
export function PatientMessageForm({ view, onChanged }: { view: CaseView; onChanged: (v: CaseView) => void }) {
  const store = useStore();
  const { t } = useT();
  const [text, setText] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const acRef = useRef<AbortController | null>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => () => acRef.current?.abort(), []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase === 'sending') return;
    const body = cleanMessage(text);
    if (body === null) {
      setPhase('empty');
      areaRef.current?.focus();
      return;
    }
    acRef.current?.abort();
    const ac = new AbortController();
    acRef.current = ac;
    setPhase('sending');
    try {
      const next = await postMessage(store.api, view.id, body, null, ac.signal);
      setText('');
      setPhase('sent');
      onChanged(next);
    } catch (err) {
      if (isAbortError(err)) return;
      if (isUnauthenticated(err)) void store.loadMe();
      setPhase(err instanceof ApiError && err.status === 409 ? 'closed' : 'error');
    }
  };

  const question = view.status === 'waiting_for_patient';
  return (
    <section aria-labelledby="message-form-title">
      <h2 id="message-form-title">{question ? t('patientCase.answerTitle') : t('patientCase.writeTitle')}</h2>
      <form class="form form--wide" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div class="field">
          <label for="patient-message">{t('patientCase.messageLabel')}</label>
          <p id="patient-message-hint" class="field__hint">
            {t('patientCase.messageHint', { max: MESSAGE_MAX })}
          </p>
          {phase === 'empty' && (
            <p id="patient-message-error" class="field__error">
              {t('patientCase.messageEmpty')}
            </p>
          )}
          <textarea
            ref={areaRef}
            id="patient-message"
            class="input input--area"
            rows={5}
            value={text}
            aria-invalid={phase === 'empty' ? 'true' : undefined}
            aria-describedby={phase === 'empty' ? 'patient-message-hint patient-message-error' : 'patient-message-hint'}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <button type="submit" class="button" aria-disabled={phase === 'sending' ? 'true' : undefined}>
          {t('patientCase.send')}
        </button>
        <Status>{phase === 'sending' ? t('patientCase.sending') : phase === 'sent' ? t('patientCase.sent') : ''}</Status>
        {phase === 'error' && <ErrorMessage message={t('patientCase.sendError')} />}
        {phase === 'closed' && <ErrorMessage message={t('patientCase.closedMeanwhile')} />}
      </form>
    </section>
  );
}
