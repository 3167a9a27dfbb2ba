// The checks made before a new appointment type, opening hours, an absence
// or a patient look-up is sent, and the bodies sent. Pure.

import { addDays, isDate, type Channel, type Profession } from './booking';
import { parseTimeOfDay, WEEKDAYS } from './schedule';

export const MAX_TYPE_NAME = 100;
export const MIN_TYPE_MINUTES = 5;
export const MAX_TYPE_MINUTES = 480;

/** Only visits at the clinic may be booked by patients themselves. */
export function maySelfBook(channel: Channel): boolean {
  return channel === 'in_person';
}

export interface TypeInput {
  nameSv: string;
  nameEn: string;
  /** As typed. */
  minutes: string;
  channel: Channel;
  profession: Profession;
  selfBookable: boolean;
}

export type TypeError = 'nameSv' | 'nameEn' | 'minutes';

export interface TypeBody {
  name_sv: string;
  name_en: string;
  minutes: number;
  channel: Channel;
  profession: Profession;
  self_bookable: boolean;
}

function nameOk(s: string): boolean {
  const text = s.trim();
  return text !== '' && [...text].length <= MAX_TYPE_NAME;
}

/** The POST body of a new appointment type, or which fields are wrong. */
export function typeBody(input: TypeInput): { body: TypeBody } | { errors: TypeError[] } {
  const errors: TypeError[] = [];
  if (!nameOk(input.nameSv)) errors.push('nameSv');
  if (!nameOk(input.nameEn)) errors.push('nameEn');
  const minutes = /^\s*\d+\s*$/.test(input.minutes) ? Number(input.minutes) : NaN;
  if (!(minutes >= MIN_TYPE_MINUTES && minutes <= MAX_TYPE_MINUTES)) errors.push('minutes');
  if (errors.length > 0) return { errors };
  return {
    body: {
      name_sv: input.nameSv.trim(),
      name_en: input.nameEn.trim(),
      minutes,
      channel: input.channel,
      profession: input.profession,
      self_bookable: input.selfBookable && maySelfBook(input.channel),
    },
  };
}

export interface HoursInput {
  staffId: string;
  typeId: string;
  weekday: string;
  /** As typed, HH:MM. */
  start: string;
  end: string;
  /** YYYY-MM-DD; validTo may be blank (no end). */
  validFrom: string;
  validTo: string;
}

export type HoursError = 'staff' | 'type' | 'weekday' | 'start' | 'end' | 'tooShort' | 'validFrom' | 'validTo';

export interface HoursBody {
  staff_id: string;
  appointment_type_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
  valid_from: string;
  valid_to?: string;
}

/**
 * The POST body of new opening hours, or which fields are wrong. The hours
 * must hold at least one appointment of the type (`typeMinutes` long).
 */
export function hoursBody(input: HoursInput, typeMinutes: number | null): { body: HoursBody } | { errors: HoursError[] } {
  const errors: HoursError[] = [];
  if (!input.staffId) errors.push('staff');
  if (!input.typeId) errors.push('type');
  const weekday = Number(input.weekday);
  if (!(WEEKDAYS as readonly number[]).includes(weekday)) errors.push('weekday');
  const start = parseTimeOfDay(input.start);
  const end = parseTimeOfDay(input.end);
  if (start === null || start >= 24 * 60) errors.push('start');
  if (end === null || (start !== null && end <= start)) errors.push('end');
  else if (start !== null && typeMinutes !== null && end - start < typeMinutes) errors.push('tooShort');
  if (!isDate(input.validFrom)) errors.push('validFrom');
  const to = input.validTo.trim();
  if (to !== '' && (!isDate(to) || (isDate(input.validFrom) && to < input.validFrom))) errors.push('validTo');
  if (errors.length > 0 || start === null || end === null) return { errors };
  const body: HoursBody = {
    staff_id: input.staffId,
    appointment_type_id: input.typeId,
    weekday,
    start_minute: start,
    end_minute: end,
    valid_from: input.validFrom,
  };
  if (to !== '') body.valid_to = to;
  return { body };
}

export interface AbsenceInput {
  staffId: string;
  /** First and last day away, YYYY-MM-DD (Stockholm). */
  from: string;
  lastDay: string;
}

export type AbsenceError = 'staff' | 'from' | 'lastDay';

/**
 * The POST body of an absence: from the start of the first day up to the
 * midnight that ends the last day (the server's `to` is exclusive). The last
 * day may not be before the first, nor before `today`.
 */
export function unitAbsenceBody(
  input: AbsenceInput,
  today: string,
): { body: { staff_id: string; from: string; to: string } } | { errors: AbsenceError[] } {
  const errors: AbsenceError[] = [];
  if (!input.staffId) errors.push('staff');
  if (!isDate(input.from)) errors.push('from');
  if (!isDate(input.lastDay) || (isDate(input.from) && input.lastDay < input.from) || input.lastDay < today) errors.push('lastDay');
  if (errors.length > 0) return { errors };
  return { body: { staff_id: input.staffId, from: input.from, to: addDays(input.lastDay, 1) } };
}

/**
 * A personnummer or samordningsnummer as typed, with spaces taken out, if it
 * has the shape the server reads (YYYYMMDD-NNNN, YYMMDD-NNNN, with or without
 * the dash); null otherwise. The server checks the date and check digit.
 */
export function personalIdInput(text: string): string | null {
  const s = text.replace(/\s+/g, '');
  return /^(\d{6}|\d{8})[-+]?\d{4}$/.test(s) ? s : null;
}
