import type { ComponentChildren } from 'preact';

/** What the control inside a Field spreads onto itself. */
export interface FieldAria {
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

/** A labelled field with its hint and error; the control (`children`) gets the aria attributes that tie them to it. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  /** The control's id. */
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: (aria: FieldAria) => ComponentChildren;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const aria: FieldAria = {};
  if (described) aria['aria-describedby'] = described;
  if (error) aria['aria-invalid'] = 'true';
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
      {children(aria)}
    </div>
  );
}
