import { useRef, useState } from 'preact/hooks';
import { postMessage } from '../cases/casesApi';
import { cleanMessage, MESSAGE_MAX } from '../cases/formState';
import type { CaseView } from '../cases/model';
import { useStore, useT } from '../context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { useAction } from './useAction';

/** Staff answer the patient, or ask a question (the case then waits for the patient). */
export function StaffReplyForm({ view, onChanged }: { view: CaseView; onChanged: (v: CaseView) => void }) {
  const store = useStore();
  const { t } = useT();
  const [kind, setKind] = useState<'reply' | 'question'>('reply');
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const { phase, run } = useAction();
  const areaRef = useRef<HTMLTextAreaElement>(null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase.name === 'busy') return;
    const body = cleanMessage(text);
    setEmpty(body === null);
    if (body === null) {
      areaRef.current?.focus();
      return;
    }
    const next = await run(kind, (signal) => postMessage(store.api, view.id, body, kind, signal));
    if (next) {
      setText('');
      onChanged(next);
    }
  };

  return (
    <section aria-labelledby="reply-title">
      <h2 id="reply-title">{t('staffCase.replyTitle')}</h2>
      <form class="form form--wide" onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset class="choices">
          <legend class="field__legend">{t('staffCase.kindLegend')}</legend>
          {(['reply', 'question'] as const).map((k) => (
            <div class="choice" key={k}>
              <input type="radio" id={`reply-kind-${k}`} name="reply-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <label for={`reply-kind-${k}`}>{t(k === 'reply' ? 'staffCase.kindReply' : 'staffCase.kindQuestion')}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="staff-message">{t('staffCase.messageLabel')}</label>
          <p id="staff-message-hint" class="field__hint">
            {t('staffCase.messageHint', { max: MESSAGE_MAX })}
          </p>
          {empty && (
            <p id="staff-message-error" class="field__error">
              {t('patientCase.messageEmpty')}
            </p>
          )}
          <textarea
            ref={areaRef}
            id="staff-message"
            class="input input--area"
            rows={6}
            value={text}
            aria-invalid={empty ? 'true' : undefined}
            aria-describedby={empty ? 'staff-message-hint staff-message-error' : 'staff-message-hint'}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <button type="submit" class="button" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
          {t(kind === 'reply' ? 'staffCase.sendReply' : 'staffCase.sendQuestion')}
        </button>
        <Status>
          {phase.name === 'busy' ? t('patientCase.sending') : phase.name === 'done' ? t(phase.what === 'question' ? 'staffCase.questionSent' : 'staffCase.replySent') : ''}
        </Status>
        {phase.name === 'failed' && <ErrorMessage message={t(phase.status === 409 ? 'patientCase.closedMeanwhile' : 'patientCase.sendError')} />}
      </form>
    </section>
  );
}
