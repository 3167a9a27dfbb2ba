import { useState } from 'preact/hooks';
import { getSummary, markDocumented, summaryTextUrl, type SummaryDraft } from '../cases/casesApi';
import type { CaseView } from '../cases/model';
import { useStore, useT } from '../context';
import { formatDate, formatDateTime } from '../format';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { useAction } from './useAction';

/**
 * Documentation support (M2): a draft for the patient record with the
 * contact day, to copy or download, and "Dokumenterad i journalen" once it
 * has been written into the record system.
 */
export function DocumentationPanel({ view, onChanged }: { view: CaseView; onChanged: (v: CaseView) => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const [draft, setDraft] = useState<SummaryDraft | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const { phase, run } = useAction();
  const busy = phase.name === 'busy';

  const showDraft = async () => {
    if (busy) return;
    setCopied(null);
    const d = await run('summary', (s) => getSummary(store.api, view.id, s));
    if (d) {
      setDraft(d);
      requestAnimationFrame(() => document.getElementById('summary-text')?.focus());
    }
  };

  const copy = async () => {
    if (!draft) return;
    try {
      await navigator.clipboard.writeText(draft.text);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  const documented = async () => {
    if (busy) return;
    const next = await run('documented', (s) => markDocumented(store.api, view.id, s));
    if (next) onChanged(next);
  };

  return (
    <section class="card documentation" aria-labelledby="documentation-title">
      <h2 id="documentation-title">{t('doc.title')}</h2>
      {view.lastContactAt && <p>{t('doc.contactDay', { date: formatDateTime(view.lastContactAt, lang) })}</p>}
      {view.documentedAt ? (
        <p class="notice notice--success">{t('doc.documentedAt', { date: formatDateTime(view.documentedAt, lang) })}</p>
      ) : (
        <p>{t('doc.intro')}</p>
      )}
      <div class="button-row button-row--start">
        <button type="button" class="button button--secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => void showDraft()}>
          {t('doc.show')}
        </button>
        <a class="button button--secondary" href={summaryTextUrl(view.id)} download={`journalunderlag-${view.id}.txt`}>
          {t('doc.download')}
        </a>
      </div>
      {draft && (
        <div class="field summary">
          <label for="summary-text">{t('doc.draftLabel', { date: draft.contactDay ? formatDate(draft.contactDay, lang) : '' })}</label>
          <textarea id="summary-text" class="input input--area summary__text" rows={14} readOnly value={draft.text} />
          <button type="button" class="button button--secondary" onClick={() => void copy()}>
            {t('doc.copy')}
          </button>
        </div>
      )}
      {!view.documentedAt && (
        <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void documented()}>
          {t('doc.markDocumented')}
        </button>
      )}
      <Status>
        {busy
          ? t('staffCase.saving')
          : copied === 'yes'
            ? t('doc.copied')
            : phase.name === 'done' && phase.what === 'documented'
              ? t('doc.marked')
              : ''}
      </Status>
      {copied === 'no' && <ErrorMessage message={t('doc.copyFailed')} />}
      {phase.name === 'failed' && <ErrorMessage message={t(phase.status === 409 ? 'doc.noContact' : 'staffCase.actionError')} />}
    </section>
  );
}
