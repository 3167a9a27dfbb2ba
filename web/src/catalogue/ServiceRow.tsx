import { useRef, useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { pickLocalized } from '../directory/labels';
import { useAction } from '../inbox/useAction';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { MIN_REASON, offerBody, offerUrl, parseEntryOrThrow, statusKey, type CatalogueEntry } from './catalogue';

/**
 * One e-service with its switch. A basic e-service that is switched off is
 * "not applicable" and needs a reason before it is saved; the others are
 * saved at once.
 */
export function ServiceRow({ unitId, entry, onSaved }: { unitId: string; entry: CatalogueEntry; onSaved: (e: CatalogueEntry) => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const { phase, run } = useAction();
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState(entry.reason ?? '');
  const [reasonError, setReasonError] = useState(false);
  // The switch shows the choice at once while it is saved; a failure puts it back.
  const [pending, setPending] = useState<boolean | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const name = pickLocalized(entry.name, lang);
  const id = `service-${entry.code}`;
  const basic = entry.category === 'basic';
  const checked = pending ?? (entry.status === 'on' && !askReason);

  const save = async (on: boolean) => {
    const change = offerBody(entry.category, on, reason);
    if ('error' in change) {
      setReasonError(true);
      reasonRef.current?.focus();
      return;
    }
    setReasonError(false);
    setPending(on);
    const saved = await run(on ? 'on' : 'off', async (signal) => parseEntryOrThrow(await store.api.put(offerUrl(unitId, entry.code), change.body, signal)));
    setPending(null);
    if (saved) {
      setAskReason(false);
      onSaved(saved);
    }
  };

  const onToggle = (on: boolean) => {
    if (phase.name === 'busy') return;
    if (!on && basic) {
      setAskReason(true);
      requestAnimationFrame(() => reasonRef.current?.focus());
      return;
    }
    setAskReason(false);
    void save(on);
  };

  const failedReason = phase.name === 'failed' && phase.status === 422;
  return (
    <li class="service-row">
      <div class="service-row__main">
        <span class="service-row__name" lang={name.lang === lang ? undefined : name.lang}>
          {name.text}
        </span>
        {entry.status === 'not_applicable' && <span class="badge badge--na">{t(statusKey(entry.status))}</span>}
        <span class="switch">
          <input
            type="checkbox"
            role="switch"
            id={id}
            checked={checked}
            aria-describedby={entry.reason ? `${id}-reason` : undefined}
            onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
          />
          <label for={id}>
            <span class="visually-hidden">{name.text}: </span>
            {t('catalogue.offer')}
          </label>
        </span>
      </div>
      {entry.status === 'not_applicable' && entry.reason && !askReason && (
        <p id={`${id}-reason`} class="service-row__reason">
          {t('clinic.reasonLabel')} {entry.reason}
        </p>
      )}
      {askReason && (
        <form
          class="service-row__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (phase.name !== 'busy') void save(false);
          }}
        >
          <div class="field">
            <label for={`${id}-why`}>{t('catalogue.reasonLabel', { name: name.text })}</label>
            <p id={`${id}-why-hint`} class="field__hint">
              {t('catalogue.reasonHint', { min: MIN_REASON })}
            </p>
            {(reasonError || failedReason) && (
              <p id={`${id}-why-error`} class="field__error">
                {t('catalogue.reasonRequired', { min: MIN_REASON })}
              </p>
            )}
            <textarea
              ref={reasonRef}
              id={`${id}-why`}
              class="input input--area"
              rows={2}
              value={reason}
              aria-invalid={reasonError || failedReason ? 'true' : undefined}
              aria-describedby={reasonError || failedReason ? `${id}-why-hint ${id}-why-error` : `${id}-why-hint`}
              onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
          <div class="button-row button-row--start">
            <button type="submit" class="button" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
              {t('catalogue.saveNotApplicable')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setAskReason(false);
                setReasonError(false);
                document.getElementById(id)?.focus();
              }}
            >
              {t('catalogue.cancel')}
            </button>
          </div>
        </form>
      )}
      <Status>
        {phase.name === 'busy'
          ? t('staffCase.saving')
          : phase.name === 'done'
            ? t(entry.status === 'on' ? 'catalogue.savedOn' : 'catalogue.savedOff', { name: name.text })
            : ''}
      </Status>
      {phase.name === 'failed' && !failedReason && (
        <ErrorMessage message={t(phase.status === 403 ? 'catalogue.forbidden' : 'catalogue.saveError')} />
      )}
    </li>
  );
}

