// Dates for people to read. Pure.

import type { Lang } from './i18n';

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * A calendar date (YYYY-MM-DD) written out, "13 maj 2029" / "13 May 2029".
 * The date is read as a date, not an instant, so no time zone can move it to
 * the day before. Anything that is not such a date is returned as it is.
 */
export function formatDate(isoDate: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(m[3])) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Whole minutes, rounded down, at least 1 — for "after 30 minutes without activity". */
export function wholeMinutes(seconds: number): number {
  return Math.max(1, Math.floor(seconds / 60));
}

export const TIME_ZONE = 'Europe/Stockholm';

/** An instant (RFC 3339) as Stockholm date and time, "2026-11-23 07:05"; anything else as it is. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE }).format(d);
}

/** Stockholm's calendar date (YYYY-MM-DD) at the instant `now`. */
export function stockholmDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Milliseconds Stockholm is ahead of UTC at the instant `ms`. */
function stockholmOffset(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(ms / 1000) * 1000;
}

/** The instant midnight starts the Stockholm date YYYY-MM-DD (+ `addDays`), as RFC 3339 UTC; null if not a date. */
export function stockholmMidnight(isoDate: string, addDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const local = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays);
  if (Number.isNaN(local)) return null;
  let utc = local - stockholmOffset(local);
  utc = local - stockholmOffset(utc);
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}
