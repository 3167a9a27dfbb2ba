import { describe, expect, it } from 'vitest';
import { hasNewReply, parseSeen, withSeen } from './seen';

describe('new reply markers', () => {
  it('marks a reply the patient has not seen', () => {
    expect(hasNewReply({ lastContactAt: null }, undefined)).toBe(false);
    expect(hasNewReply({ lastContactAt: '2026-11-23T10:00:00Z' }, undefined)).toBe(true);
    expect(hasNewReply({ lastContactAt: '2026-11-23T10:00:00Z' }, '2026-11-23T10:00:00Z')).toBe(false);
    expect(hasNewReply({ lastContactAt: '2026-11-23T10:00:00.500Z' }, '2026-11-23T10:00:00Z')).toBe(true);
  });

  it('reads what was remembered, ignoring anything broken', () => {
    expect(parseSeen(null)).toEqual({});
    expect(parseSeen('not json')).toEqual({});
    expect(parseSeen('[1]')).toEqual({});
    expect(parseSeen('{"a":"2026-11-23T10:00:00Z","b":5}')).toEqual({ a: '2026-11-23T10:00:00Z' });
  });

  it('remembers a bounded number of cases, dropping the oldest', () => {
    let seen = {};
    seen = withSeen(seen, 'a', '2026-11-20T10:00:00Z', 2);
    seen = withSeen(seen, 'b', '2026-11-21T10:00:00Z', 2);
    seen = withSeen(seen, 'a', '2026-11-23T10:00:00Z', 2);
    expect(seen).toEqual({ b: '2026-11-21T10:00:00Z', a: '2026-11-23T10:00:00Z' });
    seen = withSeen(seen, 'c', '2026-11-22T10:00:00Z', 2);
    expect(Object.keys(seen).sort()).toEqual(['a', 'c']);
  });
});
