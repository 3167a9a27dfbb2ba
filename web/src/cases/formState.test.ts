import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import {
  checkValues,
  cleanMessage,
  errorCodeOf,
  errorKey,
  fieldId,
  fieldOfPointer,
  initialValues,
  orderedErrors,
  problemFieldErrors,
  submitBody,
  type FieldErrorCode,
} from './formState';
import type { CaseForm, FormField } from './model';

function field(key: string, over: Partial<FormField> = {}): FormField {
  return { key, kind: 'text', required: false, label: { sv: key, en: key }, help: null, maxLength: 200, choices: [], ...over };
}

const form: CaseForm = {
  code: 'contact_me',
  intro: null,
  fields: [
    field('phone', { kind: 'phone', required: true }),
    field('good_times', { required: true }),
    field('topic', { kind: 'textarea', required: true, maxLength: 4000 }),
    field('sent_on', { kind: 'date' }),
    field('channel', { kind: 'choice', choices: [{ value: 'video', label: { sv: 'Video', en: 'Video' } }] }),
  ],
};

describe('the case form', () => {
  it('starts with every answer empty', () => {
    expect(initialValues(form)).toEqual({ phone: '', good_times: '', topic: '', sent_on: '', channel: '' });
  });

  it('finds required answers left blank before sending', () => {
    expect(checkValues(form, { phone: '070', good_times: '  ', topic: '' })).toEqual({ good_times: 'required', topic: 'required' });
    expect(checkValues(form, { phone: '070', good_times: 'efter 13', topic: 'Ont' })).toEqual({});
  });

  it('counts characters, not bytes or UTF-16 units, against the limit', () => {
    const f: CaseForm = { ...form, fields: [field('x', { maxLength: 3 })] };
    expect(checkValues(f, { x: 'åäö' })).toEqual({});
    expect(checkValues(f, { x: '😀😀😀' })).toEqual({});
    expect(checkValues(f, { x: 'abcd' })).toEqual({ x: 'tooLong' });
  });

  it('checks dates and choices when given, and leaves optional ones alone when blank', () => {
    expect(checkValues(form, { phone: '1', good_times: '1', topic: '1', sent_on: '5 maj', channel: 'fax' })).toEqual({ sent_on: 'date', channel: 'choice' });
    expect(checkValues(form, { phone: '1', good_times: '1', topic: '1', sent_on: '2026-05-05', channel: 'video' })).toEqual({});
  });

  it('sends trimmed answers and leaves blank ones out', () => {
    expect(submitBody('u-11', 'contact_me', form, { phone: ' 070 ', good_times: 'nu', topic: 'x', sent_on: '', channel: '  ' })).toEqual({
      clinic_id: 'u-11',
      service_code: 'contact_me',
      fields: { phone: '070', good_times: 'nu', topic: 'x' },
    });
  });
});

describe('server field errors', () => {
  it('reads the field from a JSON pointer', () => {
    expect(fieldOfPointer('/fields/phone')).toBe('phone');
    expect(fieldOfPointer('fields/phone')).toBe('phone');
    expect(fieldOfPointer('/fields/a~1b')).toBe('a/b');
    expect(fieldOfPointer('/service_code')).toBeNull();
    expect(fieldOfPointer('/fields/')).toBeNull();
    expect(fieldOfPointer('/fields/a/b')).toBeNull();
  });

  it('turns the server messages into codes the app words itself', () => {
    const cases: [string, FieldErrorCode][] = [
      ['is required', 'required'],
      ['must not be blank', 'required'],
      ['is longer than 200 characters', 'tooLong'],
      ['must be a phone number', 'phone'],
      ['must be a date YYYY-MM-DD', 'date'],
      ['must be one of the listed choices', 'choice'],
      ['contains control characters', 'invalid'],
      ['must be a string', 'invalid'],
    ];
    for (const [message, code] of cases) expect(errorCodeOf(message), message).toBe(code);
  });

  it('maps a 422 to the fields and says when something could not be placed', () => {
    const r = problemFieldErrors(
      [
        { field: '/fields/phone', message: 'must be a phone number' },
        { field: '/fields/good_times', message: 'must not be blank' },
        { field: '/fields/phone', message: 'is required' },
      ],
      form,
    );
    expect(r).toEqual({ fields: { phone: 'phone', good_times: 'required' }, other: false });
    expect(problemFieldErrors([{ field: '/fields/unknown', message: 'is not a field of this form' }], form)).toEqual({ fields: {}, other: true });
    expect(problemFieldErrors([{ field: '/service_code', message: 'not offered by this clinic' }], form).other).toBe(true);
    expect(problemFieldErrors(undefined, form)).toEqual({ fields: {}, other: false });
  });

  it('lists errors in the order of the form for the summary', () => {
    expect(orderedErrors(form, { topic: 'required', phone: 'phone' })).toEqual([
      { key: 'phone', code: 'phone' },
      { key: 'topic', code: 'required' },
    ]);
  });

  it('words every error code in both languages', () => {
    for (const code of ['required', 'tooLong', 'phone', 'date', 'choice', 'invalid'] as const) {
      expect(translate('sv', errorKey(code))).not.toBe(errorKey(code));
      expect(translate('en', errorKey(code))).not.toBe(errorKey(code));
    }
  });

  it('makes safe element ids', () => {
    expect(fieldId('good_times')).toBe('case-field-good_times');
    expect(fieldId('a b"c')).toBe('case-field-a-b-c');
  });
});

describe('thread messages', () => {
  it('accepts 1–4000 characters once trimmed', () => {
    expect(cleanMessage('  hej  ')).toBe('hej');
    expect(cleanMessage('   ')).toBeNull();
    expect(cleanMessage('x'.repeat(4000))).toHaveLength(4000);
    expect(cleanMessage('x'.repeat(4001))).toBeNull();
  });
});
