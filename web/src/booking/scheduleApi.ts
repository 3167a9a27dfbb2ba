// The scheduling calls and the patient look-up. Every call takes an AbortSignal (see api.ts).

import { ApiError, type ApiClient } from '../api';
import { parseType, typesUrl, type AppointmentType } from './booking';
import {
  openingHoursUrl,
  parseOpeningHours,
  parsePatientMatch,
  parseSlotsCreated,
  parseStaff,
  parseUnitAbsences,
  patientLookupUrl,
  unitAbsencesUrl,
  unitStaffUrl,
  type OpeningHours,
  type PatientMatch,
  type StaffMember,
  type UnitAbsence,
} from './schedule';
import type { HoursBody, TypeBody } from './scheduleForms';

export async function unitStaff(api: ApiClient, unitId: string, signal: AbortSignal): Promise<StaffMember[]> {
  return parseStaff(await api.get(unitStaffUrl(unitId), signal));
}

export async function openingHours(api: ApiClient, unitId: string, signal: AbortSignal): Promise<OpeningHours[]> {
  return parseOpeningHours(await api.get(openingHoursUrl(unitId), signal));
}

export async function unitAbsences(api: ApiClient, unitId: string, signal: AbortSignal): Promise<UnitAbsence[]> {
  return parseUnitAbsences(await api.get(unitAbsencesUrl(unitId), signal));
}

export async function addType(api: ApiClient, unitId: string, body: TypeBody, signal: AbortSignal): Promise<AppointmentType> {
  const type = parseType(await api.post(typesUrl(unitId), body, signal));
  if (!type) throw new ApiError('invalid', 201, 'answer is not an appointment type');
  return type;
}

/** Resolves with the number of bookable times made. */
export async function addOpeningHours(api: ApiClient, unitId: string, body: HoursBody, signal: AbortSignal): Promise<number> {
  return parseSlotsCreated(await api.post(openingHoursUrl(unitId), body, signal));
}

export async function addAbsence(
  api: ApiClient,
  unitId: string,
  body: { staff_id: string; from: string; to: string },
  signal: AbortSignal,
): Promise<void> {
  await api.post(unitAbsencesUrl(unitId), body, signal);
}

/** The personnummer goes in the body, never in the address (addresses end up in logs). */
export async function lookupPatient(api: ApiClient, unitId: string, personalId: string, signal: AbortSignal): Promise<PatientMatch> {
  return parsePatientMatch(await api.post(patientLookupUrl(unitId), { personal_id: personalId }, signal));
}
