// Cases (a patient's request to a clinic through one e-service) as the UI uses
// them, and the parsing of the API's JSON into them. Pure. Parsing is
// forgiving like the clinic's: a missing optional member becomes null or
// empty; only a case without an id is rejected.

import { ApiError } from '../api';
import type { LocalizedText } from '../directory/clinic';
import type { MessageKey } from '../i18n';

export const CASE_STATUSES = ['new', 'open', 'waiting_for_patient', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOCK_STATES = ['none', 'on_time', 'at_risk', 'overdue'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export const OUTCOMES = [
  'answered',
  'appointment_booked',
  'prescription_renewed',
  'certificate_issued',
  'referred',
  'no_action_needed',
  'withdrawn',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const FIELD_KINDS = ['text', 'textarea', 'phone', 'date', 'choice'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export type AuthorKind = 'patient' | 'guardian' | 'staff';
export type MessageKind = 'message' | 'reply' | 'question';

export interface FormChoice {
  value: string;
  label: LocalizedText;
}

export interface FormField {
  key: string;
  kind: FieldKind;
  required: boolean;
  label: LocalizedText;
  help: LocalizedText | null;
  maxLength: number | null;
  choices: FormChoice[];
}

export interface CaseForm {
  code: string;
  intro: LocalizedText | null;
  fields: FormField[];
}

export interface Attachment {
  id: string;
  contentType: string;
  size: number;
  createdAt: string;
  deleteAfter: string | null;
}

export interface CaseMessage {
  id: string;
  author: { kind: AuthorKind; name: string };
  kind: MessageKind;
  body: string;
  createdAt: string;
  attachments: Attachment[];
}

export interface CaseSummary {
  id: string;
  clinic: { id: string; name: string };
  service: { code: string; name: LocalizedText };
  patient: { id: string; name: string; birthDate: string | null };
  submittedBy: AuthorKind;
  status: CaseStatus;
  assignee: { id: string; name: string; absent: boolean } | null;
  /** The form's answers; empty in inbox rows (the list shows who and when). */
  fields: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** The answer deadline (RFC 3339), null when nothing waits for an answer. */
  dueAt: string | null;
  clock: ClockState;
  closedAt: string | null;
  outcome: Outcome | null;
  /** The last staff reply: the contact day to document. */
  lastContactAt: string | null;
  documentedAt: string | null;
}

/** The clinic's image routine as it applies to one case (not accepted once closed). */
export interface CaseImages {
  accepted: boolean;
  types: string[];
  maxBytes: number;
}

export interface CaseView extends CaseSummary {
  messages: CaseMessage[];
  form: CaseForm | null;
  viewer: 'staff' | 'patient';
  /** null when the server does not say; the upload then learns it from a refusal. */
  images: CaseImages | null;
}

type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function oneOf<T extends string>(values: readonly T[], v: unknown, fallback: T): T {
  return (values as readonly unknown[]).includes(v) ? (v as T) : fallback;
}

/** Text given as two members, e.g. name_sv and name_en. */
export function pair(sv: unknown, en: unknown): LocalizedText | null {
  const text = { sv: str(sv), en: str(en) };
  return text.sv || text.en ? text : null;
}

function list<T>(v: unknown, item: (x: unknown) => T | null): T[] {
  return Array.isArray(v) ? v.map(item).filter((x): x is T => x !== null) : [];
}

function parseChoice(v: unknown): FormChoice | null {
  if (!isObject(v)) return null;
  const value = str(v.value);
  if (!value) return null;
  return { value, label: pair(v.label_sv, v.label_en) ?? { sv: value, en: null } };
}

function parseField(v: unknown): FormField | null {
  if (!isObject(v)) return null;
  const key = str(v.key);
  if (!key) return null;
  return {
    key,
    kind: oneOf(FIELD_KINDS, v.kind, 'text'),
    required: v.required === true,
    label: pair(v.label_sv, v.label_en) ?? { sv: key, en: null },
    help: pair(v.help_sv, v.help_en),
    maxLength: typeof v.max_length === 'number' && v.max_length > 0 ? v.max_length : null,
    choices: list(v.choices, parseChoice),
  };
}

/** GET /api/v1/clinics/{id}/eservices/{code}/form, and the `form` of a case view. */
export function parseForm(v: unknown): CaseForm {
  if (!isObject(v)) throw new ApiError('invalid', 200, 'form is not an object');
  return { code: str(v.code) ?? '', intro: pair(v.intro_sv, v.intro_en), fields: list(v.fields, parseField) };
}

function parseAttachment(v: unknown): Attachment | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  if (!id) return null;
  return {
    id,
    contentType: str(v.content_type) ?? '',
    size: typeof v.size === 'number' ? v.size : 0,
    createdAt: str(v.created_at) ?? '',
    deleteAfter: str(v.delete_after),
  };
}

function parseMessage(v: unknown): CaseMessage | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  if (!id) return null;
  const author = isObject(v.author) ? v.author : {};
  return {
    id,
    author: { kind: oneOf(['patient', 'guardian', 'staff'] as const, author.kind, 'patient'), name: str(author.name) ?? '' },
    kind: oneOf(['message', 'reply', 'question'] as const, v.kind, 'message'),
    body: typeof v.body === 'string' ? v.body : '',
    createdAt: str(v.created_at) ?? '',
    attachments: list(v.attachments, parseAttachment),
  };
}

function stringFields(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** One case as listed (the patient's cases, the unit inbox); throws without an id. */
export function parseCase(v: unknown): CaseSummary {
  if (!isObject(v)) throw new ApiError('invalid', 200, 'case is not an object');
  const id = str(v.id);
  if (!id) throw new ApiError('invalid', 200, 'case lacks an id');
  const clinic = isObject(v.clinic) ? v.clinic : {};
  const service = isObject(v.service) ? v.service : {};
  const patient = isObject(v.patient) ? v.patient : {};
  const assignee = isObject(v.assignee) ? v.assignee : null;
  const code = str(service.code) ?? '';
  const birth = str(patient.birth_date);
  return {
    id,
    clinic: { id: str(clinic.id) ?? '', name: str(clinic.name) ?? '' },
    service: { code, name: pair(service.name_sv, service.name_en) ?? { sv: code, en: null } },
    patient: {
      id: str(patient.id) ?? '',
      name: str(patient.name) ?? '',
      birthDate: birth && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? birth : null,
    },
    submittedBy: oneOf(['patient', 'guardian', 'staff'] as const, v.submitted_by, 'patient'),
    status: oneOf(CASE_STATUSES, v.status, 'open'),
    assignee:
      assignee && str(assignee.id)
        ? { id: str(assignee.id) ?? '', name: str(assignee.name) ?? '', absent: assignee.absent === true }
        : null,
    fields: stringFields(v.fields),
    createdAt: str(v.created_at) ?? '',
    updatedAt: str(v.updated_at) ?? '',
    dueAt: str(v.due_at),
    clock: oneOf(CLOCK_STATES, v.clock, 'none'),
    closedAt: str(v.closed_at),
    outcome: (OUTCOMES as readonly unknown[]).includes(v.outcome) ? (v.outcome as Outcome) : null,
    lastContactAt: str(v.last_contact_at),
    documentedAt: str(v.documented_at),
  };
}

/** One case with its thread (GET /api/v1/cases/{id} and the answers of every change). */
export function parseCaseView(v: unknown): CaseView {
  const summary = parseCase(v);
  const o = v as Json;
  let form: CaseForm | null = null;
  if (isObject(o.form)) form = parseForm(o.form);
  let images: CaseImages | null = null;
  if (isObject(o.images) && typeof o.images.accepted === 'boolean') {
    const types = Array.isArray(o.images.types) ? o.images.types.filter((t): t is string => typeof t === 'string') : [];
    const maxBytes = typeof o.images.max_bytes === 'number' ? o.images.max_bytes : 0;
    images = { accepted: o.images.accepted, types, maxBytes };
  }
  return {
    ...summary,
    messages: list(o.messages, parseMessage),
    form,
    viewer: o.viewer === 'staff' ? 'staff' : 'patient',
    images,
  };
}

/** A list of cases ({items:[…]}); rows that are not cases are left out. */
export function parseCaseList(v: unknown): CaseSummary[] {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, 'case list lacks items');
  const items: CaseSummary[] = [];
  for (const raw of v.items) {
    try {
      items.push(parseCase(raw));
    } catch {
      // skip the broken row, keep the rest of the list usable
    }
  }
  return items;
}

/** Booking services are used in the timebook, not sent as cases: they have no form. */
export const NOT_CASE_SERVICES: readonly string[] = ['standalone_timebook', 'web_booking'];

export function isCaseService(code: string): boolean {
  return !NOT_CASE_SERVICES.includes(code);
}

/** The status in plain words; patients and staff are told it differently. */
export function statusKey(status: CaseStatus, viewer: 'patient' | 'staff'): MessageKey {
  return `caseStatus.${viewer}.${status}` as MessageKey;
}

export function clockKey(clock: ClockState): MessageKey {
  return `clock.${clock}` as MessageKey;
}

export function outcomeKey(outcome: Outcome): MessageKey {
  return `outcome.${outcome}` as MessageKey;
}

/** Whether the unit should hurry: a badge for "risk" and "försenad". */
export function clockBadge(clock: ClockState): 'risk' | 'late' | null {
  return clock === 'at_risk' ? 'risk' : clock === 'overdue' ? 'late' : null;
}

export interface AnswerLine {
  key: string;
  label: LocalizedText;
  value: string;
  /** The value is a choice's label (in both languages) rather than the person's own words. */
  choice: LocalizedText | null;
}

/**
 * The form's answers in the form's order, labelled by the form; answers the
 * form no longer has are kept at the end under their key.
 */
export function answerLines(fields: Record<string, string>, form: CaseForm | null): AnswerLine[] {
  const lines: AnswerLine[] = [];
  const seen = new Set<string>();
  for (const f of form?.fields ?? []) {
    const value = fields[f.key];
    seen.add(f.key);
    if (value === undefined || value.trim() === '') continue;
    const choice = f.kind === 'choice' ? (f.choices.find((c) => c.value === value)?.label ?? null) : null;
    lines.push({ key: f.key, label: f.label, value, choice });
  }
  for (const [key, value] of Object.entries(fields)) {
    if (!seen.has(key) && value.trim() !== '') lines.push({ key, label: { sv: key, en: null }, value, choice: null });
  }
  return lines;
}
