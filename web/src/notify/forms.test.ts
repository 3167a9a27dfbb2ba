import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import {
  consentBody,
  consentErrorKey,
  contactClinics,
  isAddressError,
  lastErrorKey,
  markedRead,
  noticeBadge,
  noticeKey,
  offeredChannels,
  outboxHref,
  preferenceBody,
  retryErrorKey,
  settingsBody,
  settingsErrorKey,
  staffConsentBody,
  statusFromParam,
  suggestedAddress,
  templateErrorKey,
  templateRefusal,
  withConsent,
} from './forms';
import type { ClinicSettings, Consent, StaffNotice } from './notify';

function problem(status: number, code: string, errors?: { field: string; message: string }[]): ApiError {
  return new ApiError('http', status, 'x', { status, code, ...(errors ? { errors } : {}) });
}

const consent = (over: Partial<Consent>): Consent => ({
  clinicId: 'c1',
  channel: 'email',
  given: true,
  address: 'erik@example.se',
  language: 'sv',
  source: 'patient',
  method: 'e-tjänst',
  recordedAt: '2026-11-23T10:00:00Z',
  ...over,
});

describe('the patient’s clinics and consents', () => {
  it('lists each clinic of cases, appointments and consents once, named ones in alphabetical order', () => {
    const clinics = contactClinics(
      [
        { id: 'c2', name: 'Vårdcentralen Björkdalen' },
        { id: 'c1', name: 'Barn- och ungdomshabiliteringen Älvstaden' },
        { id: 'c2', name: 'Vårdcentralen Björkdalen' },
        { id: '', name: 'no id' },
      ],
      [consent({ clinicId: 'c3' }), consent({ clinicId: 'c2', channel: 'sms' })],
    );
    expect(clinics).toEqual([
      { id: 'c1', name: 'Barn- och ungdomshabiliteringen Älvstaden' },
      { id: 'c2', name: 'Vårdcentralen Björkdalen' },
      { id: 'c3', name: null },
    ]);
  });

  it('offers the clinic’s own address first, else the latest given for the channel', () => {
    const list = [
      consent({ clinicId: 'c1', address: 'old@example.se', recordedAt: '2026-01-01T00:00:00Z' }),
      consent({ clinicId: 'c2', address: 'new@example.se', recordedAt: '2026-06-01T00:00:00Z' }),
      consent({ clinicId: 'c4', channel: 'sms', address: '+46701234567' }),
    ];
    expect(suggestedAddress(list, 'c1', 'email')).toBe('old@example.se');
    expect(suggestedAddress(list, 'c3', 'email')).toBe('new@example.se');
    expect(suggestedAddress(list, 'c3', 'sms')).toBe('+46701234567');
    expect(suggestedAddress([], 'c3', 'sms')).toBe('');
  });

  it('replaces a saved consent of the same clinic and channel, or adds it', () => {
    const a = consent({});
    const off = consent({ given: false });
    expect(withConsent([a], off)).toEqual([off]);
    const sms = consent({ channel: 'sms' });
    expect(withConsent([a], sms)).toEqual([a, sms]);
  });

  it('offers only the channels the installation sends, e-mail first', () => {
    expect(offeredChannels({ sms: true, email: true })).toEqual(['email', 'sms']);
    expect(offeredChannels({ sms: false, email: false })).toEqual([]);
  });
});

describe('checks before saving', () => {
  it('needs an address to give consent, not to withdraw it', () => {
    expect(consentBody({ channel: 'sms', given: true, address: '  ', language: 'sv' })).toEqual({ error: 'addressMissing' });
    expect(consentBody({ channel: 'sms', given: true, address: ' 070-123 45 67 ', language: 'en' })).toEqual({
      body: { channel: 'sms', given: true, address: '070-123 45 67', language: 'en' },
    });
    expect(consentBody({ channel: 'email', given: false, address: '', language: 'sv' })).toEqual({ body: { channel: 'email', given: false, language: 'sv' } });
  });

  it('needs how staff obtained the consent', () => {
    expect(staffConsentBody({ channel: 'sms', given: true, address: '', language: 'sv', method: ' ' })).toEqual({ errors: ['addressMissing', 'methodMissing'] });
    expect(staffConsentBody({ channel: 'email', given: false, address: '', language: 'sv', method: '' })).toEqual({ errors: ['methodMissing'] });
    expect(staffConsentBody({ channel: 'email', given: true, address: 'a@b.se', language: 'sv', method: ' muntligt vid besök ' })).toEqual({
      body: { channel: 'email', given: true, address: 'a@b.se', language: 'sv', method: 'muntligt vid besök' },
    });
  });

  it('switches SMS on only with a risk analysis, and sends the reference only when it is new', () => {
    const none: ClinicSettings = { clinicId: 'c', smsEnabled: false, riskAnalysis: null };
    const recorded: ClinicSettings = { clinicId: 'c', smsEnabled: false, riskAnalysis: { document: 'RA-1', recordedBy: 's', recordedAt: null } };
    expect(settingsBody(true, ' ', none)).toEqual({ error: 'documentMissing' });
    expect(settingsBody(false, '', none)).toEqual({ body: { sms_enabled: false } });
    expect(settingsBody(true, ' RA-2 ', none)).toEqual({ body: { sms_enabled: true, risk_analysis_document: 'RA-2' } });
    expect(settingsBody(true, 'RA-1', recorded)).toEqual({ body: { sms_enabled: true } });
    expect(settingsBody(true, '', recorded)).toEqual({ body: { sms_enabled: true } });
    expect(settingsBody(false, 'RA-3', recorded)).toEqual({ body: { sms_enabled: false, risk_analysis_document: 'RA-3' } });
  });

  it('needs an address for escalations that are on', () => {
    expect(preferenceBody({ channel: 'email', escalations: true, address: '' })).toEqual({ error: 'addressMissing' });
    expect(preferenceBody({ channel: 'email', escalations: false, address: ' ' })).toEqual({ body: { channel: 'email', escalations: false, address: '' } });
    expect(preferenceBody({ channel: 'sms', escalations: true, address: ' 0701234567 ' })).toEqual({ body: { channel: 'sms', escalations: true, address: '0701234567' } });
  });
});

describe('refusals in plain words, from the problem’s code', () => {
  it('words each consent refusal', () => {
    const bad = problem(422, 'bad_address', [{ field: '/address', message: 'whatever' }]);
    expect(consentErrorKey(bad, 'sms')).toBe('notify.error.badMobile');
    expect(consentErrorKey(bad, 'email')).toBe('notify.error.badEmail');
    expect(isAddressError(bad)).toBe(true);
    expect(consentErrorKey(problem(409, 'sms_not_enabled'), 'sms')).toBe('notify.error.smsNotEnabled');
    expect(consentErrorKey(problem(403, 'guardian_decides'), 'email')).toBe('notify.error.guardianDecides');
    expect(consentErrorKey(problem(404, 'unit_not_found'), 'email')).toBe('notify.error.unitNotFound');
    expect(consentErrorKey(problem(422, 'method_required'), 'email')).toBe('notify.error.methodMissing');
    expect(consentErrorKey(problem(403, 'forbidden'), 'email')).toBe('notify.error.forbidden');
    expect(consentErrorKey(problem(500, ''), 'email')).toBe('notify.error.other');
    expect(consentErrorKey(new ApiError('network', 0, 'x'), 'email')).toBe('notify.error.network');
    expect(isAddressError(problem(409, 'sms_not_enabled'))).toBe(false);
  });

  it('words the SMS setting’s and the outbox’s refusals', () => {
    expect(settingsErrorKey(problem(422, 'risk_analysis_missing'))).toBe('smsSettings.documentMissing');
    expect(settingsErrorKey(problem(403, 'forbidden'))).toBe('smsSettings.forbidden');
    expect(retryErrorKey(problem(409, 'not_dead'))).toBe('outbox.notDead');
    expect(retryErrorKey(problem(404, 'delivery_not_found'))).toBe('outbox.gone');
  });

  it('reads the template check’s reason and what it found', () => {
    const rejected = (message: string) => problem(422, 'template_rejected', [{ field: '/body', message }]);
    const clinic = rejected('forbidden_placeholder: {clinic} could reveal a clinic, a person, a reason for visit or free text; only {date}, {time} and {link} may be used.');
    expect(templateErrorKey(clinic)).toBeNull();
    expect(templateRefusal(clinic)).toEqual({ reason: 'forbidden_placeholder', what: '{clinic}' });
    expect(templateRefusal(rejected('sensitive_word: The text names a diagnosis or a kind of care ("diabetes"), which a message must not reveal.'))).toEqual({
      reason: 'sensitive_word',
      what: 'diabetes',
    });
    expect(templateRefusal(rejected('clinic_name: The text names a clinic, which a message must not.'))).toEqual({ reason: 'clinic_name', what: '' });
    expect(templateRefusal(rejected('something new'))).toEqual({ reason: 'other', what: '' });
    expect(templateRefusal(problem(422, 'template_rejected'))).toEqual({ reason: 'other', what: '' });
    expect(templateErrorKey(problem(403, 'forbidden'))).toBe('templates.forbidden');
    expect(templateErrorKey(new ApiError('network', 0, 'x'))).toBe('notify.error.network');
  });
});

describe('words and addresses', () => {
  const notice = (over: Partial<StaffNotice>): StaffNotice => ({
    id: 'n',
    kind: 'escalation',
    careUnitId: 'u',
    caseId: 'k',
    level: 'at_risk',
    createdAt: 't',
    readAt: null,
    ...over,
  });

  it('names notices by kind and level', () => {
    expect(noticeKey(notice({ kind: 'new_case', level: null }))).toBe('notices.kind.newCase');
    expect(noticeKey(notice({}))).toBe('notices.kind.atRisk');
    expect(noticeKey(notice({ level: 'overdue' }))).toBe('notices.kind.overdue');
    expect(noticeBadge(notice({ level: 'overdue' }))).toBe('late');
    expect(noticeBadge(notice({ kind: 'new_case', level: null }))).toBe('new');
  });

  it('marks a notice read once', () => {
    const list = { items: [notice({ id: 'a' }), notice({ id: 'b', readAt: 'x' })], unread: 1 };
    const after = markedRead(list, 'a', 'now');
    expect(after.items[0]?.readAt).toBe('now');
    expect(after.unread).toBe(0);
    expect(markedRead(after, 'a', 'later')).toBe(after);
    expect(markedRead(list, 'b', 'now')).toBe(list);
  });

  it('puts the outbox status in the address bar in Swedish, failed by default', () => {
    expect(outboxHref('/personal/utskick', 'dead')).toBe('/personal/utskick');
    expect(outboxHref('/personal/utskick', 'sent')).toBe('/personal/utskick?visa=skickade');
    expect(statusFromParam('skickade')).toBe('sent');
    expect(statusFromParam('')).toBe('dead');
    expect(statusFromParam('nonsense')).toBe('dead');
  });

  it('words the outbox’s own errors and leaves others as they came', () => {
    expect(lastErrorKey('consent_withdrawn')).toBe('outbox.error.consent_withdrawn');
    expect(lastErrorKey('smtp 550')).toBeNull();
  });
});
