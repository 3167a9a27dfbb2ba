// Answer deadlines and appointment times for people to read. Pure.
//
// The server gives a deadline as an instant: the last millisecond of the
// deadline's day in Stockholm (23:59:59.999 local time, 22:59:59.999Z in
// winter, 21:59:59.999Z in summer). People are told the day, read in
// Stockholm, never the instant in the browser's own time zone.

import { TIME_ZONE } from '../format';
import type { Lang } from '../i18n';

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

function instant(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

function stockholmParts(d: Date, lang: Lang, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: TIME_ZONE }).formatToParts(d)) {
    if (p.type !== 'literal') out[p.type] = p.value;
  }
  return out;
}

/** Stockholm's calendar date (YYYY-MM-DD) of an instant; null when it is not one. */
export function stockholmDayOf(iso: string): string | null {
  const d = instant(iso);
  if (!d) return null;
  const p = stockholmParts(d, 'sv', { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The day of a deadline, "tisdag 29 december" / "Tuesday 29 December"; the
 * year is added when it is not the year it is now in Stockholm. Anything that
 * is not an instant is returned as it is.
 */
export function formatDueDay(iso: string, lang: Lang, now: Date): string {
  const d = instant(iso);
  if (!d) return iso;
  const p = stockholmParts(d, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const thisYear = stockholmParts(now, lang, { year: 'numeric' }).year;
  const day = `${p.weekday} ${p.day} ${p.month}`;
  return p.year === thisYear ? day : `${day} ${p.year}`;
}

/**
 * A day and a time of day in Stockholm: "onsdag 25 november kl. 08.00" /
 * "Wednesday 25 November at 08:00" (the year added as in formatDueDay).
 * Anything that is not an instant is returned as it is.
 */
export function formatDayTime(iso: string, lang: Lang, now: Date): string {
  const d = instant(iso);
  if (!d) return iso;
  return `${formatDueDay(iso, lang, now)} ${lang === 'sv' ? 'kl.' : 'at'} ${formatClockTime(iso, lang)}`;
}

/** The Stockholm time of day of an instant: "08.00" / "08:00". */
export function formatClockTime(iso: string, lang: Lang): string {
  const d = instant(iso);
  if (!d) return iso;
  const p = stockholmParts(d, 'sv', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}${lang === 'sv' ? '.' : ':'}${p.minute}`;
}
