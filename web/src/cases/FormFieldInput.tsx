import { useT } from '../context';
import { pickLocalized } from '../directory/labels';
import { errorKey, fieldId, type FieldErrorCode } from './formState';
import type { FormField } from './model';

interface Props {
  field: FormField;
  value: string;
  error: FieldErrorCode | undefined;
  onInput: (value: string) => void;
}

/** One question of an e-service form: label, help text and error tied to the input. */
export function FormFieldInput({ field, value, error, onInput }: Props) {
  const { t, lang } = useT();
  const id = fieldId(field.key);
  const label = pickLocalized(field.label, lang);
  const help = field.help ? pickLocalized(field.help, lang) : null;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [help ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const labelLang = label.lang === lang ? undefined : label.lang;
  const mark = field.required ? (
    <span class="field__required"> {t('caseForm.required')}</span>
  ) : (
    <span class="field__optional"> {t('caseForm.optional')}</span>
  );
  const hint = help && (
    <p id={hintId} class="field__hint" lang={help.lang === lang ? undefined : help.lang}>
      {help.text}
    </p>
  );
  const message = error && (
    <p id={errorId} class="field__error">
      <span class="visually-hidden">{t('caseForm.errorPrefix')} </span>
      {t(errorKey(error), { max: field.maxLength ?? '' })}
    </p>
  );
  const read = (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);

  if (field.kind === 'choice') {
    return (
      <fieldset id={id} class={error ? 'field choices field--error' : 'field choices'} tabIndex={-1} aria-describedby={describedBy}>
        <legend class="field__legend">
          <span lang={labelLang}>{label.text}</span>
          {mark}
        </legend>
        {hint}
        {message}
        {field.choices.map((c, i) => {
          const choice = pickLocalized(c.label, lang);
          const choiceId = `${id}-${i}`;
          return (
            <div class="choice" key={c.value}>
              <input
                type="radio"
                id={choiceId}
                name={id}
                value={c.value}
                checked={value === c.value}
                required={field.required}
                aria-invalid={error ? 'true' : undefined}
                onChange={() => onInput(c.value)}
              />
              <label for={choiceId} lang={choice.lang === lang ? undefined : choice.lang}>
                {choice.text}
              </label>
            </div>
          );
        })}
      </fieldset>
    );
  }

  const common = {
    id,
    class: 'input',
    value,
    required: field.required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    onInput: read,
  };
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>
        <span lang={labelLang}>{label.text}</span>
        {mark}
      </label>
      {hint}
      {message}
      {field.kind === 'textarea' ? (
        <textarea {...common} class="input input--area" rows={5} />
      ) : field.kind === 'phone' ? (
        <input {...common} type="tel" autocomplete="tel" inputMode="tel" />
      ) : field.kind === 'date' ? (
        <input {...common} type="date" />
      ) : (
        <input {...common} type="text" />
      )}
    </div>
  );
}
