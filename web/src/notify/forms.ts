// Notifications: the patient's clinics and the address to offer, the checks
// made before saving, refusals in plain words (read from the problem's stable
// code), the words for codes, and the outbox filter in the address bar. Pure.

import { ApiError } from '../api';
import type { MessageKey } from '../i18n';
import {
  DELIVERY_STATUSES,
  EVENTS,
  NOTIFY_CHANNELS,
  type ClinicSettings,
  type Consent,
  type ConsentBody,
  type ConsentSource,
  type DeliveryStatus,
  type MessageLang,
  type Notices,
  type NotifyChannel,
  type Preference,
  type StaffNotice,
} from './notify';

// --- the patient's clinics ---

export interface ContactClinic {
  id: string;
  /** null when none of the lists carried it: the page asks the directory. */
  name: string | null;
}

/**
 * The clinics the patient has contact with: those of their cases and
 * appointments, and those that already have a consent row. Once each, named
 * where any list names them, in alphabetical order (unnamed last).
 */
export function contactClinics(
  named: readonly { id: string; name: string }[],
  consents: readonly Consent[],
): ContactClinic[] {
  const byId = new Map<string, string | null>();
  for (const c of named) {
    if (c.id === '') continue;
    if (!byId.get(c.id)) byId.set(c.id, c.name.trim() === '' ? null : c.name);
  }
  for (const c of consents) if (!byId.has(c.clinicId)) byId.set(c.clinicId, null);
  return [...byId]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || (a.name ?? a.id).localeCompare(b.name ?? b.id, 'sv'));
}

export function consentFor(consents: readonly Consent[], clinicId: string, channel: NotifyChannel): Consent | null {
  return consents.find((c) => c.clinicId === clinicId && c.channel === channel) ?? null;
}

/**
 * The address to offer when a consent is switched on: the one this clinic
 * had, else the latest one the person gave for the channel anywhere.
 */
export function suggestedAddress(consents: readonly Consent[], clinicId: string, channel: NotifyChannel): string {
  const own = consentFor(consents, clinicId, channel);
  if (own && own.address !== '') return own.address;
  const others = consents.filter((c) => c.channel === channel && c.given && c.address !== '');
  others.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return others[0]?.address ?? '';
}

/** Replaces the consent of the same clinic and channel, or adds it. */
export function withConsent(consents: readonly Consent[], saved: Consent): Consent[] {
  const same = (c: Consent) => c.clinicId === saved.clinicId && c.channel === saved.channel;
  return consents.some(same) ? consents.map((c) => (same(c) ? saved : c)) : [...consents, saved];
}

export function offeredChannels(channels: Record<NotifyChannel, boolean>): NotifyChannel[] {
  return NOTIFY_CHANNELS.filter((c) => channels[c]);
}

// --- bodies and local checks ---

export interface ConsentInput {
  channel: NotifyChannel;
  given: boolean;
  address: string;
  language: MessageLang;
}

/** The common part of a consent change; an address is needed to give consent. */
export function consentBody(input: ConsentInput): { body: ConsentBody } | { error: 'addressMissing' } {
  const address = input.address.trim();
  if (input.given && address === '') return { error: 'addressMissing' };
  const body: ConsentBody = { channel: input.channel, given: input.given, language: input.language };
  if (address !== '') body.address = address;
  return { body };
}

export type StaffConsentError = 'addressMissing' | 'methodMissing';

/** Staff's record of a consent: an address when given, and always how it was obtained. */
export function staffConsentBody(
  input: ConsentInput & { method: string },
): { body: ConsentBody & { method: string } } | { errors: StaffConsentError[] } {
  const errors: StaffConsentError[] = [];
  const checked = consentBody(input);
  if ('error' in checked) errors.push(checked.error);
  const method = input.method.trim();
  if (method === '') errors.push('methodMissing');
  if ('error' in checked || errors.length > 0) return { errors };
  return { body: { ...checked.body, method } };
}

/**
 * The PUT body of a clinic's SMS setting. A document reference is sent only
 * when it is new (sending it records it again, with who and when); switching
 * on needs one, recorded before or given now.
 */
export function settingsBody(
  enabled: boolean,
  document: string,
  current: ClinicSettings,
): { body: { sms_enabled: boolean; risk_analysis_document?: string } } | { error: 'documentMissing' } {
  const doc = document.trim();
  if (enabled && doc === '' && !current.riskAnalysis) return { error: 'documentMissing' };
  const body: { sms_enabled: boolean; risk_analysis_document?: string } = { sms_enabled: enabled };
  if (doc !== '' && doc !== current.riskAnalysis?.document) body.risk_analysis_document = doc;
  return { body };
}

/** A staff member's escalation preference: an address when switched on. */
export function preferenceBody(p: Preference): { body: Preference } | { error: 'addressMissing' } {
  const address = p.address.trim();
  if (p.escalations && address === '') return { error: 'addressMissing' };
  return { body: { channel: p.channel, escalations: p.escalations, address } };
}

// --- refusals in plain words ---

function code(err: unknown): string {
  return err instanceof ApiError ? (err.problem?.code ?? '') : '';
}

function isHttp(err: unknown): err is ApiError {
  return err instanceof ApiError && err.kind === 'http';
}

/** A refused consent change (the patient's own, or staff's record of it). */
export function consentErrorKey(err: unknown, channel: NotifyChannel): MessageKey {
  if (!isHttp(err)) return 'notify.error.network';
  switch (code(err)) {
    case 'bad_address':
      return channel === 'sms' ? 'notify.error.badMobile' : 'notify.error.badEmail';
    case 'sms_not_enabled':
      return 'notify.error.smsNotEnabled';
    case 'guardian_decides':
      return 'notify.error.guardianDecides';
    case 'unit_not_found':
      return 'notify.error.unitNotFound';
    case 'method_required':
      return 'notify.error.methodMissing';
    case 'patient_not_found':
      return 'notify.error.patientNotFound';
  }
  if (err.status === 403) return 'notify.error.forbidden';
  return 'notify.error.other';
}

/** Whether a refusal belongs at the address field (rather than above the form). */
export function isAddressError(err: unknown): boolean {
  return code(err) === 'bad_address';
}

export function settingsErrorKey(err: unknown): MessageKey {
  if (!isHttp(err)) return 'notify.error.network';
  if (code(err) === 'risk_analysis_missing') return 'smsSettings.documentMissing';
  if (err.status === 403) return 'smsSettings.forbidden';
  return 'notify.error.other';
}

export type TemplateRefusal =
  | 'forbidden_placeholder'
  | 'unknown_placeholder'
  | 'sensitive_word'
  | 'clinic_name'
  | 'empty'
  | 'too_long'
  | 'unbalanced_braces'
  | 'other';

const REFUSALS: readonly TemplateRefusal[] = [
  'forbidden_placeholder',
  'unknown_placeholder',
  'sensitive_word',
  'clinic_name',
  'empty',
  'too_long',
  'unbalanced_braces',
];

/**
 * Why the check refused a template. The field error's message starts with
 * the check's own code ("forbidden_placeholder: {clinic} could …"); the
 * offending placeholder or word is taken from the rest, the English words are
 * not shown.
 */
export function templateRefusal(err: unknown): { reason: TemplateRefusal; what: string } {
  const message = err instanceof ApiError ? (err.problem?.errors?.[0]?.message ?? '') : '';
  const m = /^([a-z_]+):\s*(.*)$/s.exec(message);
  const reason = m && (REFUSALS as readonly string[]).includes(m[1] ?? '') ? (m[1] as TemplateRefusal) : 'other';
  const rest = m?.[2] ?? '';
  let what = '';
  if (reason === 'forbidden_placeholder') what = /^(\{[^}]*\})/.exec(rest)?.[1] ?? '';
  if (reason === 'sensitive_word') what = /"([^"]+)"/.exec(rest)?.[1] ?? '';
  return { reason, what };
}

export function refusalKey(reason: TemplateRefusal): MessageKey {
  return `templates.refused.${reason}`;
}

/** A failed template save: the check's refusal, or something else. */
export function templateErrorKey(err: unknown): MessageKey | null {
  if (!isHttp(err)) return 'notify.error.network';
  if (code(err) === 'template_rejected') return null; // told at the field, see templateRefusal
  if (err.status === 403) return 'templates.forbidden';
  return 'notify.error.other';
}

export function retryErrorKey(err: unknown): MessageKey {
  if (!isHttp(err)) return 'notify.error.network';
  if (code(err) === 'not_dead') return 'outbox.notDead';
  if (err.status === 404) return 'outbox.gone';
  return 'notify.error.other';
}

// --- words ---

export function channelKey(channel: NotifyChannel): MessageKey {
  return `notify.channel.${channel}`;
}

export function eventKey(event: string): MessageKey | null {
  return (EVENTS as readonly string[]).includes(event) ? (`notify.event.${event}` as MessageKey) : null;
}

export function sourceKey(source: ConsentSource): MessageKey {
  return `notify.source.${source}`;
}

/** "Nytt ärende", "Ärende nära svarstiden", "Ärende efter svarstiden". */
export function noticeKey(n: StaffNotice): MessageKey {
  if (n.kind === 'new_case') return 'notices.kind.newCase';
  return n.level === 'overdue' ? 'notices.kind.overdue' : 'notices.kind.atRisk';
}

export function noticeBadge(n: StaffNotice): 'late' | 'risk' | 'new' {
  if (n.kind === 'new_case') return 'new';
  return n.level === 'overdue' ? 'late' : 'risk';
}

export function deliveryStatusKey(status: DeliveryStatus): MessageKey {
  return `outbox.status.${status}`;
}

/** Marks one notice read in a list (after POST …/read). */
export function markedRead(notices: Notices, id: string, at: string): Notices {
  let changed = false;
  const items = notices.items.map((n) => {
    if (n.id !== id || n.readAt !== null) return n;
    changed = true;
    return { ...n, readAt: at };
  });
  return changed ? { items, unread: Math.max(0, notices.unread - 1) } : notices;
}

const KNOWN_ERRORS = ['consent_withdrawn', 'channel_not_configured', 'too_many_attempts', 'retried_by_admin'] as const;

/** Words for the outbox's own reasons; a gateway's or mail server's error is shown as it came (null). */
export function lastErrorKey(error: string): MessageKey | null {
  return (KNOWN_ERRORS as readonly string[]).includes(error) ? (`outbox.error.${error}` as MessageKey) : null;
}

// --- the outbox filter in the address bar (?visa=…) ---

export const OUTBOX_PARAM = 'visa';

const STATUS_WORDS: Record<DeliveryStatus, string> = {
  dead: 'misslyckade',
  pending: 'vantar',
  sending: 'skickas',
  sent: 'skickade',
  suppressed: 'stoppade',
  cancelled: 'avbrutna',
};

/** The status a word of the address bar names; the failed ones when it names none. */
export function statusFromParam(word: string): DeliveryStatus {
  return DELIVERY_STATUSES.find((s) => STATUS_WORDS[s] === word) ?? 'dead';
}

export function outboxHref(base: string, status: DeliveryStatus): string {
  return status === 'dead' ? base : `${base}?${OUTBOX_PARAM}=${STATUS_WORDS[status]}`;
}
