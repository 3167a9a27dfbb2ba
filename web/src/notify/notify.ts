// Notifications by SMS and e-mail: the patient's consents per clinic and
// channel, a clinic's SMS setting, staff's notices and preferences, and the
// region's templates and outbox — as the UI uses them, the parsing of the
// API's answers, and the API's addresses. Pure. The checks before saving and
// the words for refusals are in forms.ts.

import { ApiError } from '../api';
import { isObject, str } from '../cases/model';

export const NOTIFY_CHANNELS = ['email', 'sms'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
export type MessageLang = 'sv' | 'en';
export type ConsentSource = 'patient' | 'guardian' | 'staff';

export interface Consent {
  clinicId: string;
  channel: NotifyChannel;
  given: boolean;
  address: string;
  language: MessageLang;
  source: ConsentSource;
  /** How the consent was obtained ("e-tjänst", "muntligt vid besök" …). */
  method: string;
  recordedAt: string;
}

/** The patient's consents, and which channels this installation sends at all. */
export interface MyConsents {
  items: Consent[];
  channels: Record<NotifyChannel, boolean>;
}

export interface ClinicSettings {
  clinicId: string;
  smsEnabled: boolean;
  riskAnalysis: { document: string; recordedBy: string; recordedAt: string | null } | null;
}

export type NoticeKind = 'escalation' | 'new_case';

export interface StaffNotice {
  id: string;
  kind: NoticeKind;
  careUnitId: string;
  caseId: string;
  level: 'at_risk' | 'overdue' | null;
  createdAt: string;
  readAt: string | null;
}

export interface Notices {
  items: StaffNotice[];
  unread: number;
}

export interface Preference {
  channel: NotifyChannel;
  escalations: boolean;
  address: string;
}

export const EVENTS = ['case_reply', 'booking_confirmed', 'visit_morning', 'video_soon', 'booking_cancelled', 'escalation'] as const;
export type NotifyEvent = (typeof EVENTS)[number];

export interface Template {
  event: NotifyEvent;
  channel: NotifyChannel;
  language: MessageLang;
  subject: string;
  body: string;
  customised: boolean;
}

export const DELIVERY_STATUSES = ['dead', 'pending', 'sending', 'sent', 'suppressed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Delivery {
  id: string;
  event: string;
  channel: string;
  /** Masked by the server ("070••••67"). */
  to: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string;
  providerStatus: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The common body of a consent change (the patient's PUT, staff's POST with a method). */
export type ConsentBody = { channel: NotifyChannel; given: boolean; address?: string; language: MessageLang };

// --- parsing ---

function oneOf<T extends string>(values: readonly T[], v: unknown): T | null {
  return (values as readonly unknown[]).includes(v) ? (v as T) : null;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function items(v: unknown, what: string): unknown[] {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, `${what} lacks items`);
  return v.items;
}

function list<T>(raw: unknown[], parse: (x: unknown) => T | null): T[] {
  return raw.map(parse).filter((x): x is T => x !== null);
}

function parseConsentRow(v: unknown): Consent | null {
  if (!isObject(v)) return null;
  const clinicId = str(v.clinic_id);
  const channel = oneOf(NOTIFY_CHANNELS, v.channel);
  if (!clinicId || !channel) return null;
  return {
    clinicId,
    channel,
    given: v.given === true,
    address: text(v.address),
    language: v.language === 'en' ? 'en' : 'sv',
    source: oneOf(['patient', 'guardian', 'staff'] as const, v.source) ?? 'patient',
    method: text(v.method),
    recordedAt: text(v.recorded_at),
  };
}

/** One consent (the answer of PUT /me/notification-consents and of staff's POST). */
export function parseConsent(v: unknown): Consent {
  const c = parseConsentRow(v);
  if (!c) throw new ApiError('invalid', 200, 'consent lacks clinic_id or channel');
  return c;
}

/** GET /api/v1/me/notification-consents. A channel the server does not mention is not offered. */
export function parseMyConsents(v: unknown): MyConsents {
  const rows = items(v, 'consents');
  const ch = isObject(v) && isObject(v.channels) ? v.channels : {};
  return { items: list(rows, parseConsentRow), channels: { sms: ch.sms === true, email: ch.email === true } };
}

/** GET /api/v1/units/{unit}/patients/{id}/notification-consents. */
export function parseConsentList(v: unknown): Consent[] {
  return list(items(v, 'consents'), parseConsentRow);
}

export function parseSettings(v: unknown): ClinicSettings {
  if (!isObject(v)) throw new ApiError('invalid', 200, 'settings is not an object');
  const r = isObject(v.risk_analysis) ? v.risk_analysis : null;
  const document = r ? str(r.document) : null;
  return {
    clinicId: text(v.clinic_id),
    smsEnabled: v.sms_enabled === true,
    riskAnalysis: r && document ? { document, recordedBy: text(r.recorded_by), recordedAt: str(r.recorded_at) } : null,
  };
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}

function parseNotice(v: unknown): StaffNotice | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  const kind = oneOf(['escalation', 'new_case'] as const, v.kind);
  const caseId = str(v.case_id);
  if (!id || !kind || !caseId) return null;
  return {
    id,
    kind,
    careUnitId: text(v.care_unit_id),
    caseId,
    level: oneOf(['at_risk', 'overdue'] as const, v.level),
    createdAt: text(v.created_at),
    readAt: str(v.read_at),
  };
}

/** GET /api/v1/me/notifications: rows of unknown kinds are left out. */
export function parseNotices(v: unknown): Notices {
  const rows = list(items(v, 'notices'), parseNotice);
  const unread = isObject(v) && typeof v.unread === 'number' ? count(v.unread) : rows.filter((n) => n.readAt === null).length;
  return { items: rows, unread };
}

function parsePreferenceRow(v: unknown): Preference | null {
  if (!isObject(v)) return null;
  const channel = oneOf(NOTIFY_CHANNELS, v.channel);
  return channel ? { channel, escalations: v.escalations === true, address: text(v.address) } : null;
}

export function parsePreference(v: unknown): Preference {
  const p = parsePreferenceRow(v);
  if (!p) throw new ApiError('invalid', 200, 'preference lacks a channel');
  return p;
}

/** GET /api/v1/me/notification-preferences: always one per channel, off when the server has none. */
export function parsePreferences(v: unknown): Record<NotifyChannel, Preference> {
  const out: Record<NotifyChannel, Preference> = {
    email: { channel: 'email', escalations: false, address: '' },
    sms: { channel: 'sms', escalations: false, address: '' },
  };
  for (const p of list(items(v, 'preferences'), parsePreferenceRow)) out[p.channel] = p;
  return out;
}

function parseTemplateRow(v: unknown): Template | null {
  if (!isObject(v)) return null;
  const event = oneOf(EVENTS, v.event);
  const channel = oneOf(NOTIFY_CHANNELS, v.channel);
  const language = oneOf(['sv', 'en'] as const, v.language);
  if (!event || !channel || !language) return null;
  return { event, channel, language, subject: text(v.subject), body: text(v.body), customised: v.customised === true };
}

export function parseTemplate(v: unknown): Template {
  const t = parseTemplateRow(v);
  if (!t) throw new ApiError('invalid', 200, 'template lacks event, channel or language');
  return t;
}

export function parseTemplates(v: unknown): Template[] {
  return list(items(v, 'templates'), parseTemplateRow);
}

function parseDeliveryRow(v: unknown): Delivery | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  const status = oneOf(DELIVERY_STATUSES, v.status);
  if (!id || !status) return null;
  return {
    id,
    event: text(v.event),
    channel: text(v.channel),
    to: text(v.to),
    status,
    attempts: count(v.attempts),
    nextAttemptAt: str(v.next_attempt_at),
    lastError: text(v.last_error),
    providerStatus: str(v.provider_status),
    createdAt: text(v.created_at),
    sentAt: str(v.sent_at),
  };
}

export function parseDelivery(v: unknown): Delivery {
  const d = parseDeliveryRow(v);
  if (!d) throw new ApiError('invalid', 200, 'delivery lacks id or status');
  return d;
}

export function parseDeliveries(v: unknown): Delivery[] {
  return list(items(v, 'deliveries'), parseDeliveryRow);
}

// --- URLs ---

const enc = encodeURIComponent;
export const MY_CONSENTS_URL = '/api/v1/me/notification-consents';
export const MY_NOTICES_URL = '/api/v1/me/notifications';
export const MY_PREFERENCES_URL = '/api/v1/me/notification-preferences';
export const TEMPLATES_URL = '/api/v1/notification-templates';
export const OUTBOX_URL = '/api/v1/notification-outbox';

export const unitConsentsUrl = (unitId: string, patientId: string) => `/api/v1/units/${enc(unitId)}/patients/${enc(patientId)}/notification-consents`;
export const settingsUrl = (clinicId: string) => `/api/v1/clinics/${enc(clinicId)}/notification-settings`;
export const noticesUrl = (limit: number) => `${MY_NOTICES_URL}?limit=${Math.min(200, Math.max(1, Math.trunc(limit)))}`;
export const noticeReadUrl = (id: string) => `${MY_NOTICES_URL}/${enc(id)}/read`;
export const templateUrl = (t: { event: string; channel: string; language: string }) => `${TEMPLATES_URL}/${enc(t.event)}/${enc(t.channel)}/${enc(t.language)}`;
export const outboxUrl = (status: DeliveryStatus, limit: number) => `${OUTBOX_URL}?status=${status}&limit=${Math.min(500, Math.max(1, Math.trunc(limit)))}`;
export const retryUrl = (id: string) => `${OUTBOX_URL}/${enc(id)}/retry`;

/** A template's place in the list and in element ids: "case_reply-sms-sv". */
export function templateId(t: { event: string; channel: string; language: string }): string {
  return `${t.event}-${t.channel}-${t.language}`;
}
