// Appointments and free times: the API's answers, times grouped per
// Stockholm day, what may be done with an appointment at a given moment,
// and failures in plain words. Pure.

import { ApiError } from '../api';
import { isObject, str } from '../cases/model';
import { stockholmDayOf } from '../cases/deadline';
import type { MessageKey } from '../i18n';

export const CHANNELS = ['in_person', 'video', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Who meets the patient: it decides the patient fee. */
export const PROFESSIONS = ['doctor', 'other'] as const;
export type Profession = (typeof PROFESSIONS)[number];
export const APPOINTMENT_STATUSES = ['booked', 'arrived', 'fulfilled', 'cancelled', 'noshow'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export interface Slot {
  id: string;
  careUnitId: string;
  practitioner: { id: string; name: string };
  typeId: string;
  start: string;
  end: string;
  free: boolean;
}

export interface AppointmentType {
  id: string;
  nameSv: string;
  nameEn: string;
  minutes: number;
  channel: Channel;
  profession: Profession;
  selfBookable: boolean;
}

export interface Appointment {
  id: string;
  status: AppointmentStatus;
  clinic: { id: string; name: string };
  practitioner: { id: string; name: string };
  patient: { id: string; name: string };
  type: { id: string; nameSv: string; nameEn: string };
  channel: Channel;
  start: string;
  end: string;
  caseId: string | null;
}

function oneOf<T extends string>(values: readonly T[], v: unknown, fallback: T): T {
  return (values as readonly unknown[]).includes(v) ? (v as T) : fallback;
}

function ref(v: unknown): { id: string; name: string } {
  const o = isObject(v) ? v : {};
  return { id: str(o.id) ?? '', name: str(o.name) ?? '' };
}

function items<T>(v: unknown, parse: (x: unknown) => T | null): T[] {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, 'answer lacks items');
  return v.items.map(parse).filter((x): x is T => x !== null);
}

export function parseSlot(v: unknown): Slot | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  const start = str(v.start);
  const end = str(v.end);
  if (!id || !start || !end) return null;
  return {
    id,
    careUnitId: str(v.care_unit_id) ?? '',
    practitioner: ref(v.practitioner),
    typeId: str(v.appointment_type_id) ?? '',
    start,
    end,
    free: v.status === 'free',
  };
}

export function parseType(v: unknown): AppointmentType | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  if (!id) return null;
  return {
    id,
    nameSv: str(v.name_sv) ?? '',
    nameEn: str(v.name_en) ?? str(v.name_sv) ?? '',
    minutes: typeof v.minutes === 'number' ? v.minutes : 0,
    channel: oneOf(CHANNELS, v.channel, 'in_person'),
    profession: oneOf(PROFESSIONS, v.profession, 'other'),
    selfBookable: v.self_bookable === true,
  };
}

export function parseAppointment(v: unknown): Appointment {
  if (!isObject(v) || !str(v.id) || !str(v.start)) throw new ApiError('invalid', 200, 'not an appointment');
  const type = isObject(v.type) ? v.type : {};
  return {
    id: str(v.id) ?? '',
    status: oneOf(APPOINTMENT_STATUSES, v.status, 'booked'),
    clinic: ref(v.clinic),
    practitioner: ref(v.practitioner),
    patient: ref(v.patient),
    type: { id: str(type.id) ?? '', nameSv: str(type.name_sv) ?? '', nameEn: str(type.name_en) ?? str(type.name_sv) ?? '' },
    channel: oneOf(CHANNELS, v.channel, 'in_person'),
    start: str(v.start) ?? '',
    end: str(v.end) ?? '',
    caseId: str(v.case_id),
  };
}

export const parseSlots = (v: unknown): Slot[] => items(v, parseSlot);
export const parseTypes = (v: unknown): AppointmentType[] => items(v, parseType);
export const parseAppointments = (v: unknown): Appointment[] =>
  items(v, (x) => {
    try {
      return parseAppointment(x);
    } catch {
      return null;
    }
  });

export interface DayGroup<T> {
  /** Stockholm date, YYYY-MM-DD. */
  day: string;
  items: T[];
}

/** Times grouped per Stockholm day, the days and the times within them in order. */
export function groupByDay<T extends { start: string }>(list: readonly T[]): DayGroup<T>[] {
  const sorted = [...list].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const groups: DayGroup<T>[] = [];
  for (const item of sorted) {
    const day = stockholmDayOf(item.start);
    if (!day) continue;
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** Upcoming booked appointments first (soonest first), then the rest (latest first). */
export function sortAppointments(list: readonly Appointment[], now: Date): Appointment[] {
  const upcoming = (a: Appointment) => a.status === 'booked' && Date.parse(a.end) > now.getTime();
  const a = list.filter(upcoming).sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
  const b = list.filter((x) => !upcoming(x)).sort((x, y) => Date.parse(y.start) - Date.parse(x.start));
  return [...a, ...b];
}

const HOUR = 3_600_000;
/** Patients may cancel or rebook online until this long before the start. */
export const PATIENT_CANCEL_LIMIT_MS = 24 * HOUR;

export interface PatientActions {
  cancel: boolean;
  rebook: boolean;
  /** Booked but too close to the start: call the clinic. */
  tooLate: boolean;
}

export function patientActions(a: Appointment, now: Date): PatientActions {
  if (a.status !== 'booked') return { cancel: false, rebook: false, tooLate: false };
  const start = Date.parse(a.start);
  if (start <= now.getTime()) return { cancel: false, rebook: false, tooLate: false };
  const inTime = now.getTime() <= start - PATIENT_CANCEL_LIMIT_MS;
  return { cancel: inTime, rebook: inTime, tooLate: !inTime };
}

export type StaffMark = 'arrived' | 'noshow' | 'fulfilled';

/** The marks staff may set now: arrived from an hour before the start, no-show once started, fulfilled while booked or arrived. */
export function staffMarks(a: Appointment, now: Date): StaffMark[] {
  const start = Date.parse(a.start);
  const t = now.getTime();
  const out: StaffMark[] = [];
  if (a.status === 'booked' && t >= start - HOUR) out.push('arrived');
  if (a.status === 'booked' && t >= start) out.push('noshow');
  if (a.status === 'booked' || a.status === 'arrived') out.push('fulfilled');
  return out;
}

/** Video and phone need staff's confirmation that a digital meeting suits the patient. */
export function needsSuitability(channel: Channel): boolean {
  return channel !== 'in_person';
}

/** What was being done: the same refusal means different things for each. */
export type BookingAction = 'book' | 'cancel' | 'rebook' | 'mark' | 'load' | 'lookup' | 'addType' | 'addHours' | 'addAbsence';

const SCHEDULE_ACTIONS: readonly BookingAction[] = ['addType', 'addHours', 'addAbsence'];

/** A failed booking or scheduling call in plain words. */
export function bookingErrorKey(err: unknown, action: BookingAction): MessageKey {
  if (!(err instanceof ApiError) || err.kind !== 'http') return 'booking.error.network';
  const field = err.problem?.errors?.[0]?.field ?? '';
  // The problem's stable code says which conflict it was (see docs/openapi.yaml).
  const code = err.problem?.code ?? '';
  const scheduling = SCHEDULE_ACTIONS.includes(action);
  switch (err.status) {
    case 409:
      if (code === 'too_late_to_cancel') return 'booking.error.tooLate';
      if (code === 'maturity_required') return 'booking.error.maturity';
      if (code === 'not_booked') return 'booking.error.notBooked';
      if (action === 'mark') return 'booking.error.notNow';
      if (code === 'slot_in_past') return 'booking.error.passed';
      return 'booking.error.taken';
    case 422:
      if (field.includes('suitability')) return 'booking.error.suitability';
      if (code === 'bad_personal_id' || field === '/personal_id') return 'booking.error.badPersonalId';
      if (code === 'self_booking_in_person') return 'schedule.error.selfBookable';
      if (code === 'type_not_found') return 'schedule.error.typeNotFound';
      if (code === 'bad_hours') return action === 'addType' ? 'schedule.error.minutes' : 'schedule.error.badHours';
      return scheduling ? 'schedule.error.invalid' : 'booking.error.invalid';
    case 404:
      if (code === 'patient_not_found') return 'booking.error.patientNotFound';
      return action === 'book' || action === 'rebook' ? 'booking.error.taken' : 'booking.error.notFound';
    case 403:
      if (action === 'addType') return 'schedule.error.typeForbidden';
      if (action === 'addHours' || action === 'addAbsence') return 'schedule.error.othersForbidden';
      if (action === 'lookup') return 'booking.error.lookupForbidden';
      return 'booking.error.forbidden';
    default:
      return 'booking.error.other';
  }
}

export const CHANNEL_KEYS: Record<Channel, MessageKey> = {
  in_person: 'booking.channel.in_person',
  video: 'booking.channel.video',
  phone: 'booking.channel.phone',
};

export const PROFESSION_KEYS: Record<Profession, MessageKey> = {
  doctor: 'schedule.profession.doctor',
  other: 'schedule.profession.other',
};

export function statusKey(status: AppointmentStatus): MessageKey {
  return `booking.status.${status}`;
}

export function markKey(mark: StaffMark): MessageKey {
  return `booking.mark.${mark}`;
}

// URLs

const enc = encodeURIComponent;
export const ME_APPOINTMENTS_URL = '/api/v1/me/appointments';
export const APPOINTMENTS_URL = '/api/v1/appointments';
export const appointmentUrl = (id: string) => `${APPOINTMENTS_URL}/${enc(id)}`;
export const calendarIcsUrl = (id: string) => `${appointmentUrl(id)}/calendar.ics`;
export const typesUrl = (unitId: string) => `/api/v1/units/${enc(unitId)}/appointment-types`;

export function slotsUrl(unitId: string, q: { from: string; to: string; typeId?: string | null; limit?: number }): string {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.typeId) p.set('appointment_type_id', q.typeId);
  if (q.limit) p.set('limit', String(q.limit));
  return `/api/v1/units/${enc(unitId)}/slots?${p.toString()}`;
}

export function unitAppointmentsUrl(unitId: string, from: string, to: string): string {
  return `/api/v1/units/${enc(unitId)}/appointments?${new URLSearchParams({ from, to }).toString()}`;
}

/** A YYYY-MM-DD date plus `n` days. */
export function addDays(isoDate: string, n: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + n)).toISOString().slice(0, 10);
}

/**
 * After booking a time starting at `start`: the day the calendar should move
 * to, or null when the calendar already shows it (`span` days from `day`).
 */
export function dayToShow(start: string, day: string, span: number): string | null {
  const booked = stockholmDayOf(start);
  if (!booked) return null;
  return booked >= day && booked <= addDays(day, span - 1) ? null : booked;
}

/** Whether a string is a real YYYY-MM-DD date. */
export function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && addDays(s, 0) === s;
}
