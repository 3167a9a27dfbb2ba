import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { translate } from '../i18n';
import {
  answerLines,
  clockBadge,
  clockKey,
  isCaseService,
  outcomeKey,
  OUTCOMES,
  parseCase,
  parseCaseList,
  parseCaseView,
  parseForm,
  statusKey,
  CASE_STATUSES,
} from './model';

const formJson = {
  code: 'contact_me',
  intro_sv: 'Be mottagningen ringa upp dig.',
  intro_en: 'Ask the clinic to call you back.',
  fields: [
    { key: 'phone', kind: 'phone', required: true, label_sv: 'Telefonnummer', label_en: 'Phone number', help_sv: '', help_en: '', max_length: 200, choices: [] },
    {
      key: 'channel',
      kind: 'choice',
      required: false,
      label_sv: 'Hur vill du träffas?',
      label_en: 'How would you like to meet?',
      help_sv: '',
      help_en: '',
      max_length: 200,
      choices: [
        { value: 'video', label_sv: 'Videosamtal', label_en: 'Video call' },
        { value: 'phone', label_sv: 'Telefonsamtal', label_en: 'Phone call' },
      ],
    },
    { key: 'topic', kind: 'textarea', required: true, label_sv: 'Vad gäller det?', label_en: 'What is it about?', help_sv: 'Kort.', help_en: 'Briefly.', max_length: 4000, choices: [] },
  ],
};

const caseJson = {
  id: 'c-1',
  clinic: { id: 'u-11', name: 'Vårdcentralen Björkdalen' },
  service: { code: 'contact_me', name_sv: 'Kontakta mig', name_en: 'Contact me' },
  patient: { id: 'p-107', name: 'Erik Sandberg', birth_date: '1975-06-11' },
  submitted_by: 'patient',
  status: 'open',
  assignee: { id: 's-201', name: 'Karin Ekström', absent: false },
  fields: { phone: '070-123 45 67', channel: 'video', topic: 'Hej', gone: 'kvar', n: 5 },
  created_at: '2026-11-23T07:20:16.342Z',
  updated_at: '2026-11-23T07:20:18.469Z',
  due_at: '2026-11-25T22:59:59.999Z',
  clock: 'on_time',
  closed_at: null,
  outcome: null,
  last_contact_at: null,
  documented_at: null,
};

describe('parsing cases', () => {
  it('reads a form with labels, help and choices in both languages', () => {
    const form = parseForm(formJson);
    expect(form.code).toBe('contact_me');
    expect(form.intro).toEqual({ sv: 'Be mottagningen ringa upp dig.', en: 'Ask the clinic to call you back.' });
    expect(form.fields.map((f) => [f.key, f.kind, f.required])).toEqual([
      ['phone', 'phone', true],
      ['channel', 'choice', false],
      ['topic', 'textarea', true],
    ]);
    expect(form.fields[0]!.help).toBeNull();
    expect(form.fields[2]!.help).toEqual({ sv: 'Kort.', en: 'Briefly.' });
    expect(form.fields[1]!.choices[0]).toEqual({ value: 'video', label: { sv: 'Videosamtal', en: 'Video call' } });
    expect(form.fields[2]!.maxLength).toBe(4000);
  });

  it('reads a case and keeps only string answers', () => {
    const c = parseCase(caseJson);
    expect(c.service).toEqual({ code: 'contact_me', name: { sv: 'Kontakta mig', en: 'Contact me' } });
    expect(c.patient).toEqual({ id: 'p-107', name: 'Erik Sandberg', birthDate: '1975-06-11' });
    expect(c.assignee).toEqual({ id: 's-201', name: 'Karin Ekström', absent: false });
    expect(c.fields).toEqual({ phone: '070-123 45 67', channel: 'video', topic: 'Hej', gone: 'kvar' });
    expect(c.dueAt).toBe('2026-11-25T22:59:59.999Z');
    expect(c.clock).toBe('on_time');
    expect(c.outcome).toBeNull();
  });

  it('reads a view with its thread, attachments and form', () => {
    const v = parseCaseView({
      ...caseJson,
      messages: [
        { id: 'm1', author: { kind: 'staff', name: 'Karin Ekström' }, kind: 'question', body: 'När?', created_at: '2026-11-23T08:00:00Z', attachments: [] },
        {
          id: 'm2',
          author: { kind: 'guardian', name: 'Sara Lindqvist' },
          kind: 'message',
          body: '',
          created_at: '2026-11-23T09:00:00Z',
          attachments: [{ id: 'a1', content_type: 'image/jpeg', size: 1234, created_at: '2026-11-23T09:00:00Z', delete_after: '2026-12-23T09:00:00Z' }],
        },
        { bad: true },
      ],
      form: formJson,
      viewer: 'staff',
    });
    expect(v.viewer).toBe('staff');
    expect(v.messages).toHaveLength(2);
    expect(v.messages[0]).toMatchObject({ kind: 'question', author: { kind: 'staff' } });
    expect(v.messages[1]!.attachments[0]).toEqual({ id: 'a1', contentType: 'image/jpeg', size: 1234, createdAt: '2026-11-23T09:00:00Z', deleteAfter: '2026-12-23T09:00:00Z' });
    expect(v.form?.fields).toHaveLength(3);
    expect(parseCaseView({ ...caseJson, form: null }).form).toBeNull();
    expect(parseCaseView(caseJson).viewer).toBe('patient');
  });

  it('reads the clinic’s image routine for the case, or says it is unknown', () => {
    expect(parseCaseView({ ...caseJson, images: { accepted: true, types: ['image/jpeg', 5], max_bytes: 1000000 } }).images).toEqual({
      accepted: true,
      types: ['image/jpeg'],
      maxBytes: 1000000,
    });
    expect(parseCaseView({ ...caseJson, images: { accepted: false, types: [], max_bytes: 0 } }).images?.accepted).toBe(false);
    expect(parseCaseView(caseJson).images).toBeNull();
    expect(parseCaseView({ ...caseJson, images: { accepted: 'yes' } }).images).toBeNull();
  });

  it('fills in what is missing and rejects a case without an id', () => {
    const c = parseCase({ id: 'x', status: 'weird', clock: 'late', outcome: 'magic', assignee: { name: 'no id' }, patient: { birth_date: '11 juni' } });
    expect(c.status).toBe('open');
    expect(c.clock).toBe('none');
    expect(c.outcome).toBeNull();
    expect(c.assignee).toBeNull();
    expect(c.patient.birthDate).toBeNull();
    expect(() => parseCase({})).toThrow(ApiError);
    expect(() => parseCase(null)).toThrow(ApiError);
    expect(parseCase({ ...caseJson, outcome: 'referred' }).outcome).toBe('referred');
  });

  it('keeps the good rows of a list', () => {
    expect(parseCaseList({ items: [caseJson, { nope: 1 }] }).map((c) => c.id)).toEqual(['c-1']);
    expect(() => parseCaseList({})).toThrow(ApiError);
  });
});

describe('case words', () => {
  it('tells every status in plain words, to patients and to staff, in both languages', () => {
    for (const s of CASE_STATUSES) {
      for (const viewer of ['patient', 'staff'] as const) {
        expect(translate('sv', statusKey(s, viewer))).not.toBe(statusKey(s, viewer));
        expect(translate('en', statusKey(s, viewer))).not.toBe(statusKey(s, viewer));
      }
    }
    expect(translate('sv', statusKey('waiting_for_patient', 'patient'))).toBe('Mottagningen väntar på svar från dig');
    expect(translate('sv', statusKey('new', 'staff'))).toBe('Ny');
    expect(translate('sv', statusKey('closed', 'patient'))).toBe('Avslutat');
  });

  it('names every outcome and clock state', () => {
    for (const o of OUTCOMES) expect(translate('sv', outcomeKey(o))).not.toBe(outcomeKey(o));
    expect(translate('sv', outcomeKey('prescription_renewed'))).toBe('Receptet är förnyat');
    expect(translate('sv', clockKey('overdue'))).toBe('Försenad');
    expect(translate('sv', clockKey('at_risk'))).toBe('Risk');
  });

  it('puts a badge on cases at risk and overdue only', () => {
    expect(clockBadge('at_risk')).toBe('risk');
    expect(clockBadge('overdue')).toBe('late');
    expect(clockBadge('on_time')).toBeNull();
    expect(clockBadge('none')).toBeNull();
  });

  it('offers a form for case services but not for the booking services', () => {
    expect(isCaseService('send_message')).toBe(true);
    expect(isCaseService('bjorkdalen_diabetes_nurse')).toBe(true);
    expect(isCaseService('web_booking')).toBe(false);
    expect(isCaseService('standalone_timebook')).toBe(false);
  });
});

describe('answerLines', () => {
  it('labels answers by the form, words choices, and keeps answers the form lacks', () => {
    const form = parseForm(formJson);
    const lines = answerLines(parseCase(caseJson).fields, form);
    expect(lines.map((l) => l.key)).toEqual(['phone', 'channel', 'topic', 'gone']);
    expect(lines[1]!.choice).toEqual({ sv: 'Videosamtal', en: 'Video call' });
    expect(lines[0]!.choice).toBeNull();
    expect(lines[3]!.label).toEqual({ sv: 'gone', en: null });
  });

  it('leaves out blank answers and works without a form', () => {
    expect(answerLines({ a: ' ', b: 'x' }, null)).toEqual([{ key: 'b', label: { sv: 'b', en: null }, value: 'x', choice: null }]);
  });
});
