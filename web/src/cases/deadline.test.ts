import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDayTime, formatDueDay, stockholmDayOf } from './deadline';

const now = new Date('2026-11-23T10:00:00Z');

describe('answer deadlines', () => {
  it('shows the Stockholm day of a winter deadline (23:59:59.999 local is 22:59:59.999Z)', () => {
    expect(stockholmDayOf('2026-12-29T22:59:59.999Z')).toBe('2026-12-29');
    expect(formatDueDay('2026-12-29T22:59:59.999Z', 'sv', now)).toBe('tisdag 29 december');
    expect(formatDueDay('2026-12-29T22:59:59.999Z', 'en', now)).toBe('Tuesday 29 December');
  });

  it('shows the Stockholm day of a summer deadline (21:59:59.999Z), not the UTC one', () => {
    expect(stockholmDayOf('2027-06-30T21:59:59.999Z')).toBe('2027-06-30');
    // One millisecond later it is already the next day in Stockholm (but not in UTC).
    expect(stockholmDayOf('2027-06-30T22:00:00.000Z')).toBe('2027-07-01');
  });

  it('keeps the local day across the DST changes', () => {
    // Spring forward: Sunday 28 March 2027, 02:00 → 03:00. The day ends at 23:59:59.999+02:00.
    expect(stockholmDayOf('2027-03-28T21:59:59.999Z')).toBe('2027-03-28');
    expect(formatDueDay('2027-03-29T21:59:59.999Z', 'sv', now)).toBe('måndag 29 mars 2027');
    // The day before the change still ends at 23:59:59.999+01:00.
    expect(stockholmDayOf('2027-03-27T22:59:59.999Z')).toBe('2027-03-27');
    // Fall back: Sunday 25 October 2026. Monday 26 ends at 23:59:59.999+01:00.
    expect(stockholmDayOf('2026-10-25T22:59:59.999Z')).toBe('2026-10-25');
    expect(formatDueDay('2026-10-26T22:59:59.999Z', 'sv', now)).toBe('måndag 26 oktober');
    expect(formatDueDay('2026-10-23T21:59:59.999Z', 'sv', now)).toBe('fredag 23 oktober');
  });

  it('adds the year when the deadline is in another year', () => {
    expect(formatDueDay('2027-01-04T22:59:59.999Z', 'sv', now)).toBe('måndag 4 januari 2027');
    expect(formatDueDay('2027-01-04T22:59:59.999Z', 'en', now)).toBe('Monday 4 January 2027');
    // 31 December ends at 22:59:59.999Z: still this year.
    expect(formatDueDay('2026-12-31T22:59:59.999Z', 'sv', now)).toBe('torsdag 31 december');
    // Around midnight at the year end, "now" is read in Stockholm too.
    expect(formatDueDay('2027-01-04T22:59:59.999Z', 'sv', new Date('2026-12-31T23:30:00Z'))).toBe('måndag 4 januari');
  });

  it('returns what is not an instant as it is', () => {
    expect(formatDueDay('snart', 'sv', now)).toBe('snart');
    expect(stockholmDayOf('2026-13-45T00:00:00Z')).toBeNull();
    expect(stockholmDayOf('')).toBeNull();
  });
});

describe('appointment times', () => {
  const now = new Date('2026-11-23T08:00:00Z');
  it('writes day and time in Swedish and English', () => {
    expect(formatDayTime('2026-11-25T07:00:00Z', 'sv', now)).toBe('onsdag 25 november kl. 08.00');
    expect(formatDayTime('2026-11-25T07:00:00Z', 'en', now)).toBe('Wednesday 25 November at 08:00');
  });
  it('follows summer time and the change back', () => {
    // Summer: UTC+2. The clocks go back at 03.00 on 25 October 2026.
    expect(formatDayTime('2026-06-10T06:30:00Z', 'sv', now)).toBe('onsdag 10 juni kl. 08.30');
    expect(formatClockTime('2026-10-25T00:30:00Z', 'sv')).toBe('02.30');
    expect(formatClockTime('2026-10-25T01:30:00Z', 'sv')).toBe('02.30');
    expect(formatClockTime('2026-10-25T02:30:00Z', 'sv')).toBe('03.30');
    // Spring forward, 29 March 2026: 02.00 becomes 03.00.
    expect(formatClockTime('2026-03-29T00:59:00Z', 'sv')).toBe('01.59');
    expect(formatClockTime('2026-03-29T01:00:00Z', 'sv')).toBe('03.00');
  });
  it('adds the year when it is not this year, and leaves non-instants', () => {
    expect(formatDayTime('2027-01-05T12:15:00Z', 'sv', now)).toBe('tisdag 5 januari 2027 kl. 13.15');
    expect(formatDayTime('soon', 'sv', now)).toBe('soon');
  });
});
