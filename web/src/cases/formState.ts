// The patient's form for one e-service: values, the check made before
// sending, the request body, and the server's field errors mapped back to
// the fields (a 422 names them "/fields/<key>"). Pure.

import type { FieldError } from '../api';
import type { MessageKey } from '../i18n';
import type { CaseForm, FormField } from './model';

export type Values = Record<string, string>;

export type FieldErrorCode = 'required' | 'tooLong' | 'phone' | 'date' | 'choice' | 'invalid';

/** Field key → what is wrong with it. */
export type FieldErrors = Record<string, FieldErrorCode>;

/** The longest message in a thread, as the server counts (characters). */
export const MESSAGE_MAX = 4000;

/** Characters as a person counts them (code points, not UTF-16 units). */
export function characters(text: string): number {
  return [...text].length;
}

export function initialValues(form: CaseForm): Values {
  const values: Values = {};
  for (const f of form.fields) values[f.key] = '';
  return values;
}

function localError(f: FormField, raw: string): FieldErrorCode | null {
  const value = raw.trim();
  if (value === '') return f.required ? 'required' : null;
  if (f.maxLength !== null && characters(value) > f.maxLength) return 'tooLong';
  if (f.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  if (f.kind === 'choice' && !f.choices.some((c) => c.value === value)) return 'choice';
  return null;
}

/**
 * What can be told before sending: required answers left blank, answers
 * that are too long, a date or choice that is not one. The server checks
 * everything again (phone numbers, for one, only there).
 */
export function checkValues(form: CaseForm, values: Values): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of form.fields) {
    const code = localError(f, values[f.key] ?? '');
    if (code) errors[f.key] = code;
  }
  return errors;
}

/** The request body of POST /api/v1/cases; blank answers are left out. */
export function submitBody(
  clinicId: string,
  serviceCode: string,
  form: CaseForm,
  values: Values,
): { clinic_id: string; service_code: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const f of form.fields) {
    const value = (values[f.key] ?? '').trim();
    if (value !== '') fields[f.key] = value;
  }
  return { clinic_id: clinicId, service_code: serviceCode, fields };
}

/** "/fields/phone" → "phone"; null for anything else (e.g. "/service_code"). */
export function fieldOfPointer(pointer: string): string | null {
  const m = /^\/?fields\/([^/]+)$/.exec(pointer);
  if (!m?.[1]) return null;
  return m[1].replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The server's words for a field problem (English, for developers) as a code the app words itself. */
export function errorCodeOf(message: string): FieldErrorCode {
  const m = message.toLowerCase();
  if (m.startsWith('is required') || m.startsWith('must not be blank')) return 'required';
  if (m.startsWith('is longer than')) return 'tooLong';
  if (m.includes('phone')) return 'phone';
  if (m.includes('date')) return 'date';
  if (m.includes('choice')) return 'choice';
  return 'invalid';
}

/**
 * The field errors of a 422 for the fields this form has. `other` says
 * whether some error could not be put at a field (then a general message is
 * shown as well).
 */
export function problemFieldErrors(errors: readonly FieldError[] | undefined, form: CaseForm): { fields: FieldErrors; other: boolean } {
  const known = new Set(form.fields.map((f) => f.key));
  const fields: FieldErrors = {};
  let other = false;
  for (const e of errors ?? []) {
    const key = fieldOfPointer(e.field);
    if (key !== null && known.has(key)) {
      if (!fields[key]) fields[key] = errorCodeOf(e.message);
    } else {
      other = true;
    }
  }
  return { fields, other };
}

/** The errors in the form's order, for the error summary at the top. */
export function orderedErrors(form: CaseForm, errors: FieldErrors): { key: string; code: FieldErrorCode }[] {
  return form.fields.flatMap((f) => {
    const code = errors[f.key];
    return code ? [{ key: f.key, code }] : [];
  });
}

export function errorKey(code: FieldErrorCode): MessageKey {
  return `caseForm.error.${code}`;
}

/** The id of a field's input on the page (keys are [a-z_] but are made safe anyway). */
export function fieldId(key: string): string {
  return `case-field-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A thread message as the server accepts it: 1–4000 characters once trimmed; null otherwise. */
export function cleanMessage(text: string): string | null {
  const t = text.trim();
  return t === '' || characters(t) > MESSAGE_MAX ? null : t;
}
