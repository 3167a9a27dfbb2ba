// "Nytt svar": which staff replies the patient has already read. The app
// remembers, per case, the time of the last reply shown on the case page;
// only case ids and times are kept (in localStorage), never content. Pure.

import type { CaseSummary } from './model';

export const SEEN_STORAGE_KEY = 'oppenvard.casesSeen';
/** At most this many cases are remembered; the oldest readings are dropped. */
export const SEEN_MAX = 200;

export type Seen = Record<string, string>;

export function parseSeen(raw: string | null): Seen {
  if (!raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    const out: Seen = {};
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
    return out;
  } catch {
    return {};
  }
}

/** `seen` with the case marked as read up to `at`; the oldest entries go past SEEN_MAX. */
export function withSeen(seen: Seen, caseId: string, at: string, max = SEEN_MAX): Seen {
  const entries = Object.entries(seen).filter(([k]) => k !== caseId);
  entries.push([caseId, at]);
  entries.sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]));
  return Object.fromEntries(entries.slice(Math.max(0, entries.length - max)));
}

/** Whether the clinic has replied since the patient last looked at the case. */
export function hasNewReply(c: Pick<CaseSummary, 'lastContactAt'>, seenAt: string | undefined): boolean {
  if (!c.lastContactAt) return false;
  if (!seenAt) return true;
  return Date.parse(c.lastContactAt) > Date.parse(seenAt);
}
