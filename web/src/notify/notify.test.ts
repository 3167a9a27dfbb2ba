import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import {
  noticesUrl,
  outboxUrl,
  parseConsent,
  parseDeliveries,
  parseMyConsents,
  parseNotices,
  parsePreferences,
  parseSettings,
  parseTemplates,
  templateUrl,
  unitConsentsUrl,
} from './notify';

describe('parsing the notification answers', () => {
  it('reads the patient consents and the channels this installation offers', () => {
    const v = parseMyConsents({
      items: [
        { clinic_id: 'c1', channel: 'email', given: true, address: 'a@b.se', language: 'en', source: 'guardian', method: 'e-tjänst', recorded_at: 't' },
        { clinic_id: 'c2', channel: 'fax', given: true },
        { channel: 'sms' },
      ],
      channels: { sms: false, email: true },
    });
    expect(v.items).toEqual([
      { clinicId: 'c1', channel: 'email', given: true, address: 'a@b.se', language: 'en', source: 'guardian', method: 'e-tjänst', recordedAt: 't' },
    ]);
    expect(v.channels).toEqual({ sms: false, email: true });
    expect(parseMyConsents({ items: [] }).channels).toEqual({ sms: false, email: false });
    expect(() => parseMyConsents({})).toThrow(ApiError);
    expect(() => parseConsent({ clinic_id: 'c1' })).toThrow(ApiError);
  });

  it('reads a clinic setting with or without a risk analysis', () => {
    expect(parseSettings({ clinic_id: 'c1', sms_enabled: false, risk_analysis: null })).toEqual({ clinicId: 'c1', smsEnabled: false, riskAnalysis: null });
    expect(
      parseSettings({ clinic_id: 'c1', sms_enabled: true, risk_analysis: { document: 'RA-7', recorded_by: 's1', recorded_at: '2026-01-02T03:04:05Z' } }),
    ).toEqual({ clinicId: 'c1', smsEnabled: true, riskAnalysis: { document: 'RA-7', recordedBy: 's1', recordedAt: '2026-01-02T03:04:05Z' } });
    expect(parseSettings({ sms_enabled: true, risk_analysis: { document: '' } }).riskAnalysis).toBeNull();
  });

  it('reads notices, keeping only known kinds, and the unread count', () => {
    const v = parseNotices({
      items: [
        { id: 'n1', kind: 'escalation', care_unit_id: 'u', case_id: 'k1', level: 'overdue', created_at: 't1', read_at: null },
        { id: 'n2', kind: 'new_case', care_unit_id: 'u', case_id: 'k2', level: null, created_at: 't2', read_at: 't3' },
        { id: 'n3', kind: 'party', case_id: 'k3' },
      ],
      unread: 1,
    });
    expect(v.items.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(v.items[0]?.level).toBe('overdue');
    expect(v.items[1]?.readAt).toBe('t3');
    expect(v.unread).toBe(1);
    expect(parseNotices({ items: [{ id: 'a', kind: 'new_case', case_id: 'k' }] }).unread).toBe(1);
  });

  it('gives one preference per channel, off when the server has none', () => {
    expect(parsePreferences({ items: [{ channel: 'sms', escalations: true, address: '+46701234567' }] })).toEqual({
      email: { channel: 'email', escalations: false, address: '' },
      sms: { channel: 'sms', escalations: true, address: '+46701234567' },
    });
  });

  it('reads templates and deliveries, leaving out broken rows', () => {
    const ts = parseTemplates({
      items: [
        { event: 'case_reply', channel: 'sms', language: 'sv', subject: '', body: 'Nytt. {link}', customised: false },
        { event: 'gossip', channel: 'sms', language: 'sv', body: 'x' },
      ],
    });
    expect(ts).toEqual([{ event: 'case_reply', channel: 'sms', language: 'sv', subject: '', body: 'Nytt. {link}', customised: false }]);
    const ds = parseDeliveries({
      items: [
        { id: 'd1', event: 'case_reply', channel: 'email', to: 'eri••••se', status: 'dead', attempts: 8, next_attempt_at: 't', last_error: 'smtp 550', provider_status: null, created_at: 'c', sent_at: null },
        { id: 'd2', status: 'lost' },
      ],
    });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ id: 'd1', status: 'dead', attempts: 8, lastError: 'smtp 550', providerStatus: null, sentAt: null });
  });
  it('builds the API addresses, encoded and with bounded limits', () => {
    expect(unitConsentsUrl('u 1', 'p/2')).toBe('/api/v1/units/u%201/patients/p%2F2/notification-consents');
    expect(noticesUrl(1000)).toBe('/api/v1/me/notifications?limit=200');
    expect(outboxUrl('dead', 0)).toBe('/api/v1/notification-outbox?status=dead&limit=1');
    expect(templateUrl({ event: 'case_reply', channel: 'sms', language: 'sv' })).toBe('/api/v1/notification-templates/case_reply/sms/sv');
  });
});
