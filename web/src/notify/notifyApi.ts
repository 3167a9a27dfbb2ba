// The notification calls. Every call takes an AbortSignal (see api.ts).

import type { ApiClient } from '../api';
import {
  MY_CONSENTS_URL,
  MY_PREFERENCES_URL,
  noticeReadUrl,
  noticesUrl,
  outboxUrl,
  parseConsent,
  parseConsentList,
  parseDeliveries,
  parseDelivery,
  parseMyConsents,
  parseNotices,
  parsePreference,
  parsePreferences,
  parseSettings,
  parseTemplate,
  parseTemplates,
  retryUrl,
  settingsUrl,
  templateUrl,
  TEMPLATES_URL,
  unitConsentsUrl,
  type ClinicSettings,
  type Consent,
  type ConsentBody,
  type Delivery,
  type DeliveryStatus,
  type MyConsents,
  type Notices,
  type NotifyChannel,
  type Preference,
  type Template,
} from './notify';

export async function myConsents(api: ApiClient, signal: AbortSignal): Promise<MyConsents> {
  return parseMyConsents(await api.get(MY_CONSENTS_URL, signal));
}

export async function setMyConsent(api: ApiClient, clinicId: string, body: ConsentBody, signal: AbortSignal): Promise<Consent> {
  return parseConsent(await api.put(MY_CONSENTS_URL, { clinic_id: clinicId, ...body }, signal));
}

export async function unitConsents(api: ApiClient, unitId: string, patientId: string, signal: AbortSignal): Promise<Consent[]> {
  return parseConsentList(await api.get(unitConsentsUrl(unitId, patientId), signal));
}

export async function recordConsent(
  api: ApiClient,
  unitId: string,
  patientId: string,
  body: ConsentBody & { method: string },
  signal: AbortSignal,
): Promise<Consent> {
  return parseConsent(await api.post(unitConsentsUrl(unitId, patientId), body, signal));
}

export async function clinicSettings(api: ApiClient, clinicId: string, signal: AbortSignal): Promise<ClinicSettings> {
  return parseSettings(await api.get(settingsUrl(clinicId), signal));
}

export async function saveClinicSettings(
  api: ApiClient,
  clinicId: string,
  body: { sms_enabled: boolean; risk_analysis_document?: string },
  signal: AbortSignal,
): Promise<ClinicSettings> {
  return parseSettings(await api.put(settingsUrl(clinicId), body, signal));
}

export async function myNotices(api: ApiClient, limit: number, signal: AbortSignal): Promise<Notices> {
  return parseNotices(await api.get(noticesUrl(limit), signal));
}

export async function markNoticeRead(api: ApiClient, id: string, signal: AbortSignal): Promise<void> {
  await api.post(noticeReadUrl(id), {}, signal);
}

export async function myPreferences(api: ApiClient, signal: AbortSignal): Promise<Record<NotifyChannel, Preference>> {
  return parsePreferences(await api.get(MY_PREFERENCES_URL, signal));
}

export async function savePreference(api: ApiClient, body: Preference, signal: AbortSignal): Promise<Preference> {
  return parsePreference(await api.put(MY_PREFERENCES_URL, body, signal));
}

export async function templates(api: ApiClient, signal: AbortSignal): Promise<Template[]> {
  return parseTemplates(await api.get(TEMPLATES_URL, signal));
}

export async function saveTemplate(
  api: ApiClient,
  t: { event: string; channel: string; language: string },
  body: { subject?: string; body: string },
  signal: AbortSignal,
): Promise<Template> {
  return parseTemplate(await api.put(templateUrl(t), body, signal));
}

export async function deliveries(api: ApiClient, status: DeliveryStatus, limit: number, signal: AbortSignal): Promise<Delivery[]> {
  return parseDeliveries(await api.get(outboxUrl(status, limit), signal));
}

export async function retryDelivery(api: ApiClient, id: string, signal: AbortSignal): Promise<Delivery> {
  return parseDelivery(await api.post(retryUrl(id), {}, signal));
}
