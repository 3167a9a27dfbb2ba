import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { parseMe } from '../session/me';
import { actionKey, addDays, auditEventsUrl, managedUnits, newSeed, parseAccessLog, parseAuditPage, periodRange } from './audit';

describe('audit helpers', () => {
  it('turns a period into an RFC 3339 range in Stockholm time', () => {
    expect(periodRange('2026-11-01', '2026-11-23')).toEqual({ from: '2026-10-31T23:00:00Z', to: '2026-11-23T23:00:00Z' });
    expect(periodRange('', '')).toEqual({ from: null, to: null });
  });

  it('builds the events URL with only the filters given', () => {
    const url = auditEventsUrl({ careUnitId: 'u1', from: '2026-11-01', to: '', patientId: ' p ', actorId: '' }, 'c2', 20);
    expect(url).toBe('/api/v1/audit/events?care_unit_id=u1&patient_id=p&from=2026-10-31T23%3A00%3A00Z&limit=20&cursor=c2');
  });

  it('labels known actions and leaves others', () => {
    expect(translate('sv', actionKey('read')!)).toBe('Läsning');
    expect(actionKey('frobnicate')).toBeNull();
  });

  it('parses events and access log entries', () => {
    const page = parseAuditPage({
      items: [
        { id: 'e1', sequence: 3, at: '2026-11-23T06:00:00Z', actor: { kind: 'staff', id: 's', role: 'unit_manager' }, care_unit_id: 'u', patient_id: null, action: 'read', object: { type: 'audit_log', id: null }, client_address: '127.0.0.1', success: true },
        { bad: true },
      ],
      next_cursor: null,
    });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: 'e1', actor: { kind: 'staff', role: 'unit_manager' }, success: true });
    expect(page.nextCursor).toBeNull();
    expect(parseAccessLog({ items: [{ at: '2026-11-23T06:00:00Z', care_unit_id: 'u', care_unit_name: 'VC', action: 'read' }] })).toEqual([
      { at: '2026-11-23T06:00:00Z', careUnitId: 'u', careUnitName: 'VC', action: 'read' },
    ]);
    expect(() => parseAccessLog({})).toThrow();
  });

  it('finds the units a person manages', () => {
    const me = parseMe({
      person: { id: 's', kind: 'staff' },
      csrf_token: 't',
      assignments: [
        { care_unit_id: 'u1', care_unit_name: 'A', role: 'doctor' },
        { care_unit_id: 'u2', care_unit_name: 'B', role: 'unit_manager' },
        { care_unit_id: 'u2', care_unit_name: 'B', role: 'unit_manager' },
      ],
    });
    expect(managedUnits(me)).toEqual([{ id: 'u2', name: 'B' }]);
    expect(managedUnits(null)).toEqual([]);
  });

  it('makes 8-digit seeds', () => {
    expect(newSeed(() => 0.5)).toBe('50000000');
    expect(newSeed(() => 0)).toBe('00000000');
  });
});

describe('addDays', () => {
  it('steps over month ends', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-23', -30)).toBe('2026-10-24');
  });
});
