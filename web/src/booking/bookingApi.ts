// The booking calls. Every call takes an AbortSignal (see api.ts).

import type { ApiClient } from '../api';
import {
  APPOINTMENTS_URL,
  appointmentUrl,
  ME_APPOINTMENTS_URL,
  parseAppointment,
  parseAppointments,
  parseSlots,
  parseTypes,
  slotsUrl,
  typesUrl,
  unitAppointmentsUrl,
  type Appointment,
  type AppointmentType,
  type Slot,
  type StaffMark,
} from './booking';

export async function myAppointments(api: ApiClient, signal: AbortSignal): Promise<Appointment[]> {
  return parseAppointments(await api.get(ME_APPOINTMENTS_URL, signal));
}

export async function freeSlots(
  api: ApiClient,
  unitId: string,
  q: { from: string; to: string; typeId?: string | null },
  signal: AbortSignal,
): Promise<Slot[]> {
  return (await api.get(slotsUrl(unitId, { ...q, limit: 500 }), signal).then(parseSlots)).filter((s) => s.free);
}

export async function appointmentTypes(api: ApiClient, unitId: string, signal: AbortSignal): Promise<AppointmentType[]> {
  return parseTypes(await api.get(typesUrl(unitId), signal));
}

export async function unitAppointments(api: ApiClient, unitId: string, from: string, to: string, signal: AbortSignal): Promise<Appointment[]> {
  return parseAppointments(await api.get(unitAppointmentsUrl(unitId, from, to), signal));
}

export async function book(api: ApiClient, body: Record<string, unknown>, signal: AbortSignal): Promise<Appointment> {
  return parseAppointment(await api.post(APPOINTMENTS_URL, body, signal));
}

export async function cancelAppointment(api: ApiClient, id: string, signal: AbortSignal): Promise<Appointment> {
  return parseAppointment(await api.post(`${appointmentUrl(id)}/cancel`, {}, signal));
}

export async function rebookAppointment(api: ApiClient, id: string, slotId: string, signal: AbortSignal): Promise<Appointment> {
  return parseAppointment(await api.post(`${appointmentUrl(id)}/rebook`, { slot_id: slotId }, signal));
}

export async function markAppointment(api: ApiClient, id: string, status: StaffMark, signal: AbortSignal): Promise<Appointment> {
  return parseAppointment(await api.post(`${appointmentUrl(id)}/status`, { status }, signal));
}
