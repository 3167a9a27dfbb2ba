// Staff absence (GET/PUT/DELETE /api/v1/me/absence): while absent, one's
// cases show up under "Ej tilldelade" for the colleagues. Pure.

import { stockholmMidnight } from '../format';
import { stockholmDayOf } from '../cases/deadline';
import { isObject, str } from '../cases/model';

export interface Absence {
  from: string;
  to: string;
}

/** The answer of GET /api/v1/me/absence: null when not absent. */
export function parseAbsence(v: unknown): Absence | null {
  if (!isObject(v)) return null;
  const from = str(v.from);
  const to = str(v.to);
  return from && to ? { from, to } : null;
}

/**
 * The PUT body for "absent from now up to and including `lastDay`"
 * (YYYY-MM-DD, Stockholm): to is the midnight that ends that day. Null when
 * the day is not a date or is already over.
 */
export function absenceBody(now: Date, lastDay: string): Absence | null {
  const to = stockholmMidnight(lastDay, 1);
  if (!to || Date.parse(to) <= now.getTime()) return null;
  return { from: now.toISOString(), to };
}

/** The last day of an absence (the day before the midnight that ends it), YYYY-MM-DD. */
export function absenceLastDay(absence: Absence): string | null {
  const end = Date.parse(absence.to);
  if (Number.isNaN(end)) return null;
  return stockholmDayOf(new Date(end - 1).toISOString());
}
