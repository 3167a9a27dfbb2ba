import { useState } from 'preact/hooks';
import { claimCase, closeCase, setAssignee } from '../cases/casesApi';
import { OUTCOMES, outcomeKey, type CaseView, type Outcome } from '../cases/model';
import { useStore, useT } from '../context';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { useAction, type ActionPhase } from './useAction';

const DONE: Record<string, MessageKey> = {
  claim: 'staffCase.claimed',
  release: 'staffCase.released',
  close: 'staffCase.closedDone',
};

function statusText(phase: ActionPhase, t: (k: MessageKey) => string): string {
  if (phase.name === 'busy') return t('staffCase.saving');
  if (phase.name === 'done') return t(DONE[phase.what] ?? 'staffCase.saved');
  return '';
}

/** "Ta ärendet" and "Lämna tillbaka till enhetens inkorg". */
export function CaseActions({ view, myId, onChanged }: { view: CaseView; myId: string; onChanged: (v: CaseView) => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useAction();
  const busy = phase.name === 'busy';
  const mine = view.assignee?.id === myId;

  const act = async (what: string, call: (signal: AbortSignal) => Promise<CaseView>) => {
    if (busy) return;
    const next = await run(what, call);
    if (next) onChanged(next);
  };

  return (
    <section class="card case-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('staffCase.actionsTitle')}</h2>
      <p>
        {view.assignee
          ? mine
            ? t('staffCase.assignedToYou')
            : t('staffCase.assignedTo', { name: view.assignee.name }) + (view.assignee.absent ? ` (${t('case.absent')})` : '')
          : t('staffCase.inUnitInbox')}
      </p>
      <div class="button-row button-row--start">
        {!mine && (
          <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void act('claim', (s) => claimCase(store.api, view.id, s))}>
            {t('staffCase.claim')}
          </button>
        )}
        {view.assignee && (
          <button
            type="button"
            class="button button--secondary"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => void act('release', (s) => setAssignee(store.api, view.id, null, s))}
          >
            {t('staffCase.release')}
          </button>
        )}
      </div>
      <Status>{statusText(phase, t)}</Status>
      {phase.name === 'failed' && <ErrorMessage message={t(phase.status === 409 ? 'staffCase.conflict' : 'staffCase.actionError')} />}
    </section>
  );
}

/** Closing the case with an outcome (the outcome counts in the follow-up). */
export function CloseCaseForm({ view, onChanged }: { view: CaseView; onChanged: (v: CaseView) => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useAction();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  const busy = phase.name === 'busy';

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (outcome === '') {
      setOutcomeMissing(true);
      document.getElementById('close-outcome')?.focus();
      return;
    }
    setOutcomeMissing(false);
    const chosen = outcome;
    const next = await run('close', (s) => closeCase(store.api, view.id, chosen, s));
    if (next) onChanged(next);
  };

  return (
    <section aria-labelledby="close-title">
      <h2 id="close-title">{t('staffCase.closeTitle')}</h2>
      <form class="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <div class="field">
          <label for="close-outcome">{t('staffCase.outcomeLabel')}</label>
          <p id="close-outcome-hint" class="field__hint">
            {t('staffCase.outcomeHint')}
          </p>
          {outcomeMissing && (
            <p id="close-outcome-error" class="field__error">
              {t('staffCase.outcomeMissing')}
            </p>
          )}
          <select
            id="close-outcome"
            class="input"
            value={outcome}
            aria-invalid={outcomeMissing ? 'true' : undefined}
            aria-describedby={outcomeMissing ? 'close-outcome-hint close-outcome-error' : 'close-outcome-hint'}
            onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value as Outcome | '')}
          >
            <option value="">{t('staffCase.outcomeChoose')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(outcomeKey(o))}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary" aria-disabled={busy ? 'true' : undefined}>
          {t('staffCase.close')}
        </button>
        <Status>{statusText(phase, t)}</Status>
        {phase.name === 'failed' && <ErrorMessage message={t(phase.status === 409 ? 'staffCase.conflict' : 'staffCase.actionError')} />}
      </form>
    </section>
  );
}
