import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../context';

export interface SummaryItem {
  /** The id of the input (or fieldset) the error belongs to. */
  target: string;
  text: string;
}

/** Moves focus to the field itself (the first choice of a group of radio buttons). */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  const target = el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input, select, textarea') : el;
  target?.focus();
}

/**
 * "Det finns fel i formuläret": a list of links to the fields with errors,
 * shown at the top of the form. It takes focus each time it is shown anew
 * (`version` changes on every failed attempt), so the person hears it.
 */
export function ErrorSummary({ items, version, extra }: { items: SummaryItem[]; version: number; extra?: string | null }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (version > 0) ref.current?.focus();
  }, [version]);
  if (items.length === 0 && !extra) return null;
  return (
    <div ref={ref} class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" class="error-summary__title">
        {t('caseForm.summaryTitle')}
      </h2>
      {extra && <p>{extra}</p>}
      {items.length > 0 && (
        <ul class="error-summary__list">
          {items.map((item) => (
            <li key={item.target}>
              <a
                href={`#${item.target}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(item.target);
                }}
              >
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
