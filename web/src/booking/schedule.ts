// Schedule administration and booking for a patient at the desk: the API's
// answers (the unit's staff, opening hours, absences, a patient found by
// personnummer), times of day in words, and the addresses. The checks made
// before sending are in scheduleForms.ts. Pure.

import { ApiError } from '../api';
import { stockholmDayOf } from '../cases/deadline';
import { isObject, str } from '../cases/model';
import type { Lang, MessageKey } from '../i18n';
import { absenceLastDay } from '../inbox/absence';
import { UNIT_PARAM } from '../inbox/inbox';
import { paths } from '../router';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Somebody with an assignment at the unit (GET /api/v1/units/{id}/staff). */
export interface StaffMember {
  id: string;
  name: string;
  title: string;
}

/** Recurring opening hours of one staff member (GET /api/v1/units/{id}/opening-hours). */
export interface OpeningHours {
  id: string;
  staffId: string;
  typeId: string;
  weekday: Weekday;
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  /** YYYY-MM-DD. */
  validFrom: string;
  validTo: string | null;
}

/** An absence that has not ended (GET /api/v1/units/{id}/absences): [from, to). */
export interface UnitAbsence {
  staff: { id: string; name: string };
  from: string;
  to: string;
}

/** The patient a personnummer belongs to (POST /api/v1/units/{id}/patient-lookup). */
export interface PatientMatch {
  id: string;
  name: string;
  /** YYYY-MM-DD, or null when not given. */
  birthDate: string | null;
}

function list(v: unknown): unknown[] {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, 'answer lacks items');
  return v.items;
}

function whole(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

export function parseStaff(v: unknown): StaffMember[] {
  return list(v).flatMap((x) => {
    if (!isObject(x)) return [];
    const id = str(x.id);
    return id ? [{ id, name: str(x.name) ?? id, title: str(x.title) ?? '' }] : [];
  });
}

export function parseOpeningHours(v: unknown): OpeningHours[] {
  return list(v).flatMap((x) => {
    if (!isObject(x)) return [];
    const id = str(x.id);
    const weekday = whole(x.weekday);
    const startMinute = whole(x.start_minute);
    const endMinute = whole(x.end_minute);
    if (!id || weekday === null || weekday < 1 || weekday > 7 || startMinute === null || endMinute === null) return [];
    return [
      {
        id,
        staffId: str(x.staff_id) ?? '',
        typeId: str(x.appointment_type_id) ?? '',
        weekday: weekday as Weekday,
        startMinute,
        endMinute,
        validFrom: str(x.valid_from) ?? '',
        validTo: str(x.valid_to),
      },
    ];
  });
}

export function parseUnitAbsences(v: unknown): UnitAbsence[] {
  return list(v).flatMap((x) => {
    if (!isObject(x)) return [];
    const from = str(x.from);
    const to = str(x.to);
    const staff = isObject(x.staff) ? x.staff : {};
    const id = str(staff.id);
    if (!from || !to || !id) return [];
    return [{ staff: { id, name: str(staff.name) ?? id }, from, to }];
  });
}

export function parsePatientMatch(v: unknown): PatientMatch {
  const id = isObject(v) ? str(v.id) : null;
  if (!isObject(v) || !id) throw new ApiError('invalid', 200, 'answer names no patient');
  return { id, name: str(v.name) ?? '', birthDate: str(v.birth_date) };
}

/** The answer of POST …/opening-hours: how many bookable times were made. */
export function parseSlotsCreated(v: unknown): number {
  const n = isObject(v) ? whole(v.slots_created) : null;
  return n !== null && n >= 0 ? n : 0;
}

/** A minute of the day as the calendar writes times: "08.00" / "08:00". */
export function formatMinuteOfDay(minute: number, lang: Lang): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}${lang === 'sv' ? '.' : ':'}${String(m).padStart(2, '0')}`;
}

/** "08:00", "8.00", "24:00" → minutes after midnight; null for anything else. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

export function weekdayKey(weekday: Weekday): MessageKey {
  return `schedule.weekday.${weekday}`;
}

/** By staff member (name), then weekday, then start. */
export function sortOpeningHours(hours: readonly OpeningHours[], staff: readonly StaffMember[]): OpeningHours[] {
  const name = (id: string) => staff.find((s) => s.id === id)?.name ?? id;
  return [...hours].sort(
    (a, b) => name(a.staffId).localeCompare(name(b.staffId), 'sv') || a.weekday - b.weekday || a.startMinute - b.startMinute,
  );
}

/** Whom a person may schedule: the unit manager anyone at the unit, others only themselves. */
export function schedulableStaff(staff: readonly StaffMember[], myId: string, manager: boolean): StaffMember[] {
  return manager ? [...staff] : staff.filter((s) => s.id === myId);
}

/** An absence's first and last Stockholm day (its end is exclusive). */
export function absenceDays(a: UnitAbsence): { first: string | null; last: string | null } {
  return { first: stockholmDayOf(a.from), last: absenceLastDay(a) };
}

/** The schedule page of a unit. */
export function scheduleHref(unitId: string): string {
  return `${paths.schedule}?${new URLSearchParams({ [UNIT_PARAM]: unitId }).toString()}`;
}

// URLs. The personnummer never goes in one: it travels in the body of the look-up.

const unit = (unitId: string) => `/api/v1/units/${encodeURIComponent(unitId)}`;
export const unitStaffUrl = (unitId: string) => `${unit(unitId)}/staff`;
export const openingHoursUrl = (unitId: string) => `${unit(unitId)}/opening-hours`;
export const unitAbsencesUrl = (unitId: string) => `${unit(unitId)}/absences`;
export const patientLookupUrl = (unitId: string) => `${unit(unitId)}/patient-lookup`;
