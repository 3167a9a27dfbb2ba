import { describe, expect, it } from 'vitest';
import { formatDate, wholeMinutes } from './format';

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
