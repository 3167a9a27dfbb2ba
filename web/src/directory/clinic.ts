// The clinic model as the UI uses it, and the parsing of the API's JSON into
// it. Pure. Parsing is forgiving: a missing optional field becomes null or
// empty; only an object without a string id and name is rejected.

import { ApiError } from '../api';

export const CLINIC_KINDS = ['primary_care', 'habilitation', 'psychiatry', 'home_care'] as const;
export type ClinicKind = (typeof CLINIC_KINDS)[number];

export const ESERVICE_CATEGORIES = ['basic', 'recommended', 'custom'] as const;
export type EserviceCategory = (typeof ESERVICE_CATEGORIES)[number];

/** Text given in both languages by the API, e.g. {"sv":"Boka tid","en":"Book an appointment"}. */
export interface LocalizedText {
  sv: string | null;
  en: string | null;
}

export interface Eservice {
  code: string;
  category: EserviceCategory;
  name: LocalizedText;
  offered: boolean;
  reason: LocalizedText | null;
}

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

export interface Clinic {
  id: string;
  hsaId: string | null;
  name: string;
  kind: string;
  administration: { id: string | null; name: string } | null;
  address: Address | null;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
  description: string | null;
  eservices: Eservice[];
}

/** Free text from the API (description, opening hours) is written in Swedish. */
export const DATA_LANG = 'sv';

export interface ClinicPage {
  items: Clinic[];
  nextCursor: string | null;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function localized(v: unknown): LocalizedText | null {
  // A plain string is the API's Swedish text.
  if (typeof v === 'string') return str(v) ? { sv: v, en: null } : null;
  if (!isObject(v)) return null;
  const text = { sv: str(v.sv), en: str(v.en) };
  return text.sv || text.en ? text : null;
}

function parseEservice(v: unknown): Eservice | null {
  if (!isObject(v)) return null;
  const code = str(v.code);
  if (!code) return null;
  const category = (ESERVICE_CATEGORIES as readonly unknown[]).includes(v.category)
    ? (v.category as EserviceCategory)
    : 'custom';
  return {
    code,
    category,
    name: localized(v.name) ?? { sv: code, en: null },
    // Anything but an explicit "on" is shown as not offered.
    offered: v.status === 'on',
    reason: localized(v.reason),
  };
}

function parseAddress(v: unknown): Address | null {
  if (!isObject(v)) return null;
  const address = { street: str(v.street) ?? '', postalCode: str(v.postal_code) ?? '', city: str(v.city) ?? '' };
  return address.street || address.postalCode || address.city ? address : null;
}

/** Parses one clinic; throws ApiError('invalid') without an id and a name. */
export function parseClinic(v: unknown): Clinic {
  if (!isObject(v)) throw new ApiError('invalid', 200, 'clinic is not an object');
  const id = str(v.id);
  const name = str(v.name);
  if (!id || !name) throw new ApiError('invalid', 200, 'clinic lacks id or name');
  const admin = isObject(v.administration) ? v.administration : null;
  const adminName = admin ? str(admin.name) : null;
  return {
    id,
    hsaId: str(v.hsa_id),
    name,
    kind: str(v.kind) ?? 'other',
    administration: admin && adminName ? { id: str(admin.id), name: adminName } : null,
    address: parseAddress(v.address),
    phone: str(v.phone),
    email: str(v.email),
    openingHours: str(v.opening_hours),
    description: str(v.description),
    eservices: Array.isArray(v.eservices)
      ? v.eservices.map(parseEservice).filter((e): e is Eservice => e !== null)
      : [],
  };
}

/** Parses a list page; entries that are not valid clinics are left out. */
export function parseClinicPage(v: unknown): ClinicPage {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, 'clinic page lacks items');
  const items: Clinic[] = [];
  for (const raw of v.items) {
    try {
      items.push(parseClinic(raw));
    } catch {
      // skip the broken entry, keep the rest of the list usable
    }
  }
  return { items, nextCursor: str(v.next_cursor) };
}
