// The clinic's e-service catalogue as its administrators see it
// (GET /api/v1/clinics/{id}/eservice-administration), and the checks made
// before saving a change. Pure.

import { ApiError } from '../api';
import { isObject, pair, str } from '../cases/model';
import { ESERVICE_CATEGORIES, type EserviceCategory, type LocalizedText } from '../directory/clinic';
import type { MessageKey } from '../i18n';

export type OfferStatus = 'on' | 'off' | 'not_applicable';

export interface CatalogueEntry {
  code: string;
  category: EserviceCategory;
  name: LocalizedText;
  status: OfferStatus;
  reason: string | null;
  /** The clinic's own contact form. */
  own: boolean;
}

export interface ImageRoutine {
  enabled: boolean;
  types: string[];
  maxBytes: number;
  retentionDays: number;
}

export interface StaffRef {
  id: string;
  name: string;
}

export interface Administration {
  catalogue: CatalogueEntry[];
  published: boolean;
  imageRoutine: ImageRoutine;
  admins: StaffRef[];
  /** The unit's staff: who can be made an e-service administrator. */
  staff: StaffRef[];
}

/** Fewest characters in the reason a basic e-service is not applicable (as the server counts). */
export const MIN_REASON = 5;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic'] as const;
/** The server takes at most 1 MiB in one request: a larger limit would never be reached. */
export const MAX_IMAGE_KB = 1048;
export const MAX_RETENTION_DAYS = 3650;
export const MAX_NAME = 100;

function parseEntry(v: unknown): CatalogueEntry | null {
  if (!isObject(v)) return null;
  const code = str(v.code);
  if (!code) return null;
  return {
    code,
    category: (ESERVICE_CATEGORIES as readonly unknown[]).includes(v.category) ? (v.category as EserviceCategory) : 'custom',
    name: pair(v.name_sv, v.name_en) ?? { sv: code, en: null },
    status: v.status === 'on' || v.status === 'not_applicable' ? v.status : 'off',
    reason: str(v.reason),
    own: v.own === true,
  };
}

/** Reads one entry (also the answer of PUT …/eservices/{code} and POST …/eservices). */
export function parseEntryOrThrow(v: unknown): CatalogueEntry {
  const e = parseEntry(v);
  if (!e) throw new ApiError('invalid', 200, 'catalogue entry lacks a code');
  return e;
}

function people(v: unknown): StaffRef[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((p: unknown) => {
    if (!isObject(p)) return [];
    const id = str(p.id);
    return id ? [{ id, name: str(p.name) ?? id }] : [];
  });
}

export function parseAdministration(v: unknown): Administration {
  if (!isObject(v) || !Array.isArray(v.catalogue)) throw new ApiError('invalid', 200, 'administration lacks a catalogue');
  const r = isObject(v.image_routine) ? v.image_routine : {};
  return {
    catalogue: v.catalogue.map(parseEntry).filter((e): e is CatalogueEntry => e !== null),
    published: v.published === true,
    imageRoutine: {
      enabled: r.enabled === true,
      types: Array.isArray(r.types) ? r.types.filter((t): t is string => typeof t === 'string') : [],
      maxBytes: typeof r.max_bytes === 'number' ? r.max_bytes : 0,
      retentionDays: typeof r.retention_days === 'number' ? r.retention_days : 30,
    },
    admins: people(v.admins),
    staff: people(v.staff),
  };
}

/** Replaces one entry (by code), or adds it at the end. */
export function withEntry(catalogue: readonly CatalogueEntry[], entry: CatalogueEntry): CatalogueEntry[] {
  return catalogue.some((e) => e.code === entry.code) ? catalogue.map((e) => (e.code === entry.code ? entry : e)) : [...catalogue, entry];
}

/** "Not offered" is "not applicable" (with a reason) for a basic e-service, plainly "off" for the others. */
export function offStatus(category: EserviceCategory): OfferStatus {
  return category === 'basic' ? 'not_applicable' : 'off';
}

export type OfferError = 'reasonRequired';

/**
 * The PUT body for switching an e-service on or off. A basic e-service may
 * only be not applicable with a reason of at least five characters.
 */
export function offerBody(
  category: EserviceCategory,
  on: boolean,
  reason: string,
): { body: { status: OfferStatus; reason?: string } } | { error: OfferError } {
  if (on) return { body: { status: 'on' } };
  if (category !== 'basic') return { body: { status: 'off' } };
  const text = reason.trim();
  // Characters as a person counts them (code points), as the server does.
  if ([...text].length < MIN_REASON) return { error: 'reasonRequired' };
  return { body: { status: 'not_applicable', reason: text } };
}

export function statusKey(status: OfferStatus): MessageKey {
  return `catalogue.status.${status}`;
}

/** One or two administrators (E5). */
export function adminsError(ids: readonly string[]): 'none' | 'tooMany' | null {
  const n = new Set(ids).size;
  return n === 0 ? 'none' : n > 2 ? 'tooMany' : null;
}

export interface OwnFormInput {
  nameSv: string;
  nameEn: string;
}

export function ownFormErrors(input: OwnFormInput): { nameSv?: 'required' | 'tooLong'; nameEn?: 'required' | 'tooLong' } {
  const check = (s: string) => (s.trim() === '' ? 'required' : [...s.trim()].length > MAX_NAME ? 'tooLong' : undefined);
  const out: { nameSv?: 'required' | 'tooLong'; nameEn?: 'required' | 'tooLong' } = {};
  const sv = check(input.nameSv);
  const en = check(input.nameEn);
  if (sv) out.nameSv = sv;
  if (en) out.nameEn = en;
  return out;
}

export interface RoutineInput {
  enabled: boolean;
  types: string[];
  /** As typed: kilobytes (1 kB = 1000 bytes). */
  maxKb: string;
  retentionDays: string;
}

export function routineInput(r: ImageRoutine): RoutineInput {
  return { enabled: r.enabled, types: [...r.types], maxKb: String(Math.round(r.maxBytes / 1000)), retentionDays: String(r.retentionDays) };
}

export type RoutineError = 'types' | 'maxKb' | 'retentionDays';

/** The PUT body of the image routine, or which fields are wrong. */
export function routineBody(
  input: RoutineInput,
): { body: { enabled: boolean; types: string[]; max_bytes: number; retention_days: number } } | { errors: RoutineError[] } {
  const errors: RoutineError[] = [];
  const types = IMAGE_TYPES.filter((t) => input.types.includes(t));
  if (input.enabled && types.length === 0) errors.push('types');
  const kb = /^\s*\d+\s*$/.test(input.maxKb) ? Number(input.maxKb) : NaN;
  if (!(kb >= 2 && kb <= MAX_IMAGE_KB)) errors.push('maxKb');
  const days = /^\s*\d+\s*$/.test(input.retentionDays) ? Number(input.retentionDays) : NaN;
  if (!(days >= 1 && days <= MAX_RETENTION_DAYS)) errors.push('retentionDays');
  if (errors.length > 0) return { errors };
  return {
    body: {
      enabled: input.enabled,
      types: types.length > 0 ? types : ['image/jpeg', 'image/png'],
      max_bytes: Math.min(kb * 1000, 1 << 20),
      retention_days: days,
    },
  };
}

/** "image/jpeg" → "JPEG". */
export function imageTypeLabel(type: string): string {
  return type.replace(/^image\//, '').toUpperCase();
}

const base = (unitId: string) => `/api/v1/clinics/${encodeURIComponent(unitId)}`;
export const administrationUrl = (unitId: string) => `${base(unitId)}/eservice-administration`;
export const offerUrl = (unitId: string, code: string) => `${base(unitId)}/eservices/${encodeURIComponent(code)}`;
export const ownFormUrl = (unitId: string) => `${base(unitId)}/eservices`;
export const adminsUrl = (unitId: string) => `${base(unitId)}/eservice-admins`;
export const publicationUrl = (unitId: string) => `${base(unitId)}/eservice-publication`;
export const imageRoutineUrl = (unitId: string) => `${base(unitId)}/image-routine`;
