import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, stockholmDate, stockholmMidnight, wholeMinutes } from './format';

describe('formatDate', () => {
  it('writes a date out in Swedish and English', () => {
    expect(formatDate('2029-05-13', 'sv')).toBe('13 maj 2029');
    expect(formatDate('2029-05-13', 'en')).toBe('13 May 2029');
    expect(formatDate('2026-01-01', 'sv')).toBe('1 januari 2026');
  });

  it('leaves what is not a calendar date alone', () => {
    expect(formatDate('2029-02-30', 'sv')).toBe('2029-02-30');
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatDate('2029-05-13T00:00:00Z', 'sv')).toBe('2029-05-13T00:00:00Z');
  });
});

describe('wholeMinutes', () => {
  it('rounds down and never says zero', () => {
    expect(wholeMinutes(1800)).toBe(30);
    expect(wholeMinutes(1799)).toBe(29);
    expect(wholeMinutes(20)).toBe(1);
  });
});


describe('Stockholm times', () => {
  it('formats instants in Stockholm time', () => {
    expect(formatDateTime('2026-11-23T06:05:00Z', 'sv')).toBe('2026-11-23 07:05');
    expect(formatDateTime('2026-07-01T22:30:00Z', 'sv')).toBe('2026-07-02 00:30');
    expect(formatDateTime('nonsense', 'sv')).toBe('nonsense');
  });
  it('finds midnight in winter and summer', () => {
    expect(stockholmMidnight('2026-01-15')).toBe('2026-01-14T23:00:00Z');
    expect(stockholmMidnight('2026-07-15')).toBe('2026-07-14T22:00:00Z');
    expect(stockholmMidnight('2026-12-31', 1)).toBe('2026-12-31T23:00:00Z');
    expect(stockholmMidnight('x')).toBeNull();
  });
  it('gives the Stockholm date', () => {
    expect(stockholmDate(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
  });
});
