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
