import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { parseCase } from '../cases/model';
import { parseMe } from '../session/me';
import {
  catalogueUnits,
  chooseUnit,
  escalation,
  filterCount,
  filterFromParam,
  filterKey,
  filterParam,
  inboxApiUrl,
  inboxHref,
  inboxUnits,
  INBOX_FILTERS,
  isRegionAdmin,
  isUnitManagerAt,
  parseInbox,
  sortByDeadline,
  unitTopic,
} from './inbox';
import { absenceBody, absenceLastDay, parseAbsence } from './absence';

function staff(assignments: { care_unit_id: string | null; care_unit_name: string | null; role: string }[]) {
  return parseMe({ person: { id: 's', kind: 'staff' }, csrf_token: 't', assignments });
}

const row = (id: string, due: string | null, created = '2026-11-20T08:00:00Z') =>
  parseCase({ id, due_at: due, created_at: created, status: 'new', clock: 'on_time' });

describe('inbox filters', () => {
  it('reads and writes the filter in Swedish words, "alla" by default', () => {
    for (const f of INBOX_FILTERS) expect(filterFromParam(filterParam(f))).toBe(f);
    expect(filterParam('unassigned')).toBe('ej-tilldelade');
    expect(filterFromParam('')).toBe('all');
    expect(filterFromParam('something')).toBe('all');
    expect(translate('sv', filterKey('unassigned'))).toBe('Ej tilldelade');
    expect(translate('sv', filterKey('closed'))).toBe('Avslutade');
  });

  it('builds the page and API addresses', () => {
    expect(inboxHref('/personal/inkorg', 'u-11', 'all')).toBe('/personal/inkorg?enhet=u-11');
    expect(inboxHref('/personal/inkorg', 'u-11', 'mine')).toBe('/personal/inkorg?enhet=u-11&visa=mina');
    expect(inboxHref('/personal/inkorg', null, 'all')).toBe('/personal/inkorg');
    expect(inboxApiUrl('u 1', 'closed')).toBe('/api/v1/units/u%201/inbox?filter=closed');
    expect(unitTopic('u-11')).toBe('unit:u-11');
  });

  it('shows the counts the server gives', () => {
    const counts = { open: 5, unassigned: 2, atRisk: 1, overdue: 0 };
    expect(filterCount(counts, 'all')).toBe(5);
    expect(filterCount(counts, 'unassigned')).toBe(2);
    expect(filterCount(counts, 'mine')).toBeNull();
    expect(filterCount(counts, 'closed')).toBeNull();
  });
});

describe('parseInbox and the order of the list', () => {
  it('reads counts and rows', () => {
    const inbox = parseInbox({ counts: { open: 2, unassigned: 1, at_risk: 1, overdue: -3 }, items: [{ id: 'a' }, { x: 1 }] });
    expect(inbox.counts).toEqual({ open: 2, unassigned: 1, atRisk: 1, overdue: 0 });
    expect(inbox.items.map((c) => c.id)).toEqual(['a']);
    expect(parseInbox({ items: [] }).counts).toEqual({ open: 0, unassigned: 0, atRisk: 0, overdue: 0 });
    expect(() => parseInbox({})).toThrow();
  });

  it('puts the earliest deadline first, cases without one last, then the oldest', () => {
    const items = [
      row('none', null),
      row('late', '2026-11-26T22:59:59.999Z'),
      row('soon-new', '2026-11-24T22:59:59.999Z', '2026-11-22T10:00:00Z'),
      row('soon-old', '2026-11-24T22:59:59.999Z', '2026-11-21T10:00:00Z'),
    ];
    expect(sortByDeadline(items).map((c) => c.id)).toEqual(['soon-old', 'soon-new', 'late', 'none']);
    expect(items[0]!.id).toBe('none');
  });

  it('lists closed cases latest first', () => {
    const a = parseCase({ id: 'a', closed_at: '2026-11-20T10:00:00Z' });
    const b = parseCase({ id: 'b', closed_at: '2026-11-22T10:00:00Z' });
    expect(sortByDeadline([a, b], 'closed').map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('tells the unit manager when cases are at risk or late', () => {
    expect(escalation({ open: 3, unassigned: 0, atRisk: 0, overdue: 0 })).toBeNull();
    expect(escalation({ open: 3, unassigned: 0, atRisk: 1, overdue: 2 })).toEqual({ atRisk: 1, overdue: 2 });
  });
});

describe('which units a person works with', () => {
  const me = staff([
    { care_unit_id: 'u1', care_unit_name: 'Björkdalen', role: 'clinician' },
    { care_unit_id: 'u1', care_unit_name: 'Björkdalen', role: 'eservice_admin' },
    { care_unit_id: 'u2', care_unit_name: 'Älvstaden', role: 'eservice_admin' },
    { care_unit_id: 'u3', care_unit_name: 'Ekbacken', role: 'unit_manager' },
    { care_unit_id: null, care_unit_name: null, role: 'region_admin' },
  ]);

  it('opens the inbox for care roles and the catalogue for administrators', () => {
    expect(inboxUnits(me)).toEqual([
      { id: 'u1', name: 'Björkdalen' },
      { id: 'u3', name: 'Ekbacken' },
    ]);
    expect(catalogueUnits(me)).toEqual([
      { id: 'u1', name: 'Björkdalen' },
      { id: 'u2', name: 'Älvstaden' },
      { id: 'u3', name: 'Ekbacken' },
    ]);
    expect(isUnitManagerAt(me, 'u3')).toBe(true);
    expect(isUnitManagerAt(me, 'u1')).toBe(false);
    expect(isRegionAdmin(me)).toBe(true);
    expect(inboxUnits(null)).toEqual([]);
    expect(inboxUnits(parseMe({ person: { id: 'p', kind: 'patient' }, csrf_token: 't' }))).toEqual([]);
  });

  it('chooses the unit in the address bar when the person has it', () => {
    const units = inboxUnits(me);
    expect(chooseUnit(units, 'u3')).toBe('u3');
    expect(chooseUnit(units, 'u2')).toBe('u1');
    expect(chooseUnit(units, '')).toBe('u1');
    expect(chooseUnit([], 'u1')).toBeNull();
  });
});

describe('absence', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('is absent from now up to and including the last day, in Stockholm', () => {
    expect(absenceBody(now, '2026-11-27')).toEqual({ from: '2026-11-23T10:00:00.000Z', to: '2026-11-27T23:00:00Z' });
    // Across the change to summer time the day ends at 22:00Z.
    expect(absenceBody(now, '2027-03-29')?.to).toBe('2027-03-29T22:00:00Z');
    expect(absenceBody(now, '2026-11-23')?.to).toBe('2026-11-23T23:00:00Z');
  });

  it('refuses a day that is over or not a date', () => {
    expect(absenceBody(now, '2026-11-22')).toBeNull();
    expect(absenceBody(now, 'fredag')).toBeNull();
  });

  it('reads an absence and its last day', () => {
    const a = parseAbsence({ from: '2026-11-23T10:00:00Z', to: '2026-11-27T23:00:00Z' });
    expect(a).toEqual({ from: '2026-11-23T10:00:00Z', to: '2026-11-27T23:00:00Z' });
    expect(absenceLastDay(a!)).toBe('2026-11-27');
    expect(absenceLastDay({ from: 'x', to: '2027-03-29T22:00:00Z' })).toBe('2027-03-29');
    expect(parseAbsence(null)).toBeNull();
    expect(parseAbsence({ from: 'x' })).toBeNull();
  });
});
