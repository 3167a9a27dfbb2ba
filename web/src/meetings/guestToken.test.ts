import { describe, expect, it } from 'vitest';
import {
  browserSessionStorage,
  forgetToken,
  LINK_TOKEN_KEY,
  looksLikeToken,
  participantTokenKey,
  readToken,
  tokenFromHash,
  writeToken,
  type SessionStoragePort,
} from './guestToken';

describe('the guest’s tokens', () => {
  const token = 'A'.repeat(20) + '-_' + 'z9'.repeat(10) + 'x';

  function memory(): SessionStoragePort & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  }

  it('reads the link’s token from the fragment only when it looks like one', () => {
    expect(token).toHaveLength(43);
    expect(looksLikeToken(token)).toBe(true);
    expect(tokenFromHash(`#${token}`)).toBe(token);
    expect(tokenFromHash(token)).toBe(token);
    expect(tokenFromHash('#short')).toBeNull();
    expect(tokenFromHash(`#${token}<script>`)).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });

  it('keeps tokens per meeting in the storage given, and forgets them', () => {
    const s = memory();
    writeToken(s, participantTokenKey('m1'), token);
    expect(readToken(s, participantTokenKey('m1'))).toBe(token);
    expect(readToken(s, participantTokenKey('m2'))).toBeNull();
    writeToken(s, LINK_TOKEN_KEY, 'not a token');
    expect(readToken(s, LINK_TOKEN_KEY)).toBeNull();
    forgetToken(s, participantTokenKey('m1'));
    expect(s.data.size).toBe(1);
  });

  it('survives a storage that refuses', () => {
    const broken: SessionStoragePort = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(readToken(broken, LINK_TOKEN_KEY)).toBeNull();
    expect(() => writeToken(broken, LINK_TOKEN_KEY, token)).not.toThrow();
    expect(() => forgetToken(null, LINK_TOKEN_KEY)).not.toThrow();
    expect(browserSessionStorage()).toBeNull();
  });
});
