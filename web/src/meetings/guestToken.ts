// A guest of another organisation has no session: their link carries a
// single-use token in the fragment (never sent to a server), which the app
// exchanges for a participant token sent as X-Meeting-Token on every meeting
// call. Both live in sessionStorage only (gone when the tab closes), never in
// localStorage or the address. Pure, with the storage passed in.

export const GUEST_HEADER = 'X-Meeting-Token';
/** The link's token between reading it from the address and using it. */
export const LINK_TOKEN_KEY = 'oppenvard.meeting.link';
const PARTICIPANT_PREFIX = 'oppenvard.meeting.guest.';

export interface SessionStoragePort {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The server's tokens: 43 characters of base64url. */
export function looksLikeToken(s: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(s);
}

/** The link token in a location.hash ("#<token>"); null when there is none or it is malformed. */
export function tokenFromHash(hash: string): string | null {
  const t = hash.startsWith('#') ? hash.slice(1) : hash;
  return looksLikeToken(t) ? t : null;
}

export function participantTokenKey(meetingId: string): string {
  return `${PARTICIPANT_PREFIX}${meetingId}`;
}

function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    // Storage may be disabled or full: the guest then needs their link again.
    return fallback;
  }
}

export function readToken(storage: SessionStoragePort | null, key: string): string | null {
  const v = safely(() => storage?.getItem(key) ?? null, null);
  return v !== null && looksLikeToken(v) ? v : null;
}

export function writeToken(storage: SessionStoragePort | null, key: string, token: string): void {
  safely(() => storage?.setItem(key, token), undefined);
}

export function forgetToken(storage: SessionStoragePort | null, key: string): void {
  safely(() => storage?.removeItem(key), undefined);
}

/** The browser's sessionStorage, or null when it is not available. */
export function browserSessionStorage(): SessionStoragePort | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
