// The logged-in person as the UI uses it (GET /api/v1/me), the parsing of the
// API's JSON into it, and the words shown for its codes. Pure.

import { ApiError } from '../api';
import type { MessageKey } from '../i18n';

export type PersonKind = 'patient' | 'staff';

export interface Person {
  id: string;
  kind: PersonKind;
  givenName: string;
  familyName: string;
}

/** A patient the logged-in person may see or act for. */
export interface PatientRef {
  id: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD, or null when not given. */
  birthDate: string | null;
}

/** A child the guardian may act for, up to and including `until` (YYYY-MM-DD). */
export interface Proxy extends PatientRef {
  until: string;
}

export interface Assignment {
  /** null for a region-wide role such as region_admin. */
  careUnitId: string | null;
  careUnitName: string | null;
  role: string;
}

export interface Me {
  person: Person;
  /** demo | substantial | staff_verified | password_totp; anything else is shown as unknown. */
  assurance: string;
  csrfToken: string;
  actingFor: PatientRef | null;
  mayActFor: Proxy[];
  assignments: Assignment[];
  /** Staff: whether e-mail and phone for a password reset are registered; null when not told. */
  passwordResetRegistered: boolean | null;
  session: { expiresAt: string | null; idleTimeoutSeconds: number | null };
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(v: unknown): string | null {
  return typeof v === 'string' && DATE.test(v) ? v : null;
}

function patientRef(v: unknown): PatientRef | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  if (!id) return null;
  return { id, givenName: str(v.given_name) ?? '', familyName: str(v.family_name) ?? '', birthDate: date(v.birth_date) };
}

function proxy(v: unknown): Proxy | null {
  const ref = patientRef(v);
  const until = isObject(v) ? date(v.until) : null;
  return ref && until ? { ...ref, until } : null;
}

function assignment(v: unknown): Assignment | null {
  if (!isObject(v)) return null;
  const role = str(v.role);
  if (!role) return null;
  return { careUnitId: str(v.care_unit_id), careUnitName: str(v.care_unit_name), role };
}

function list<T>(v: unknown, item: (x: unknown) => T | null): T[] {
  return Array.isArray(v) ? v.map(item).filter((x): x is T => x !== null) : [];
}

/**
 * Parses GET /api/v1/me (and the answer of PUT /api/v1/me/acting-for).
 * Throws ApiError('invalid') without a person id and kind or a CSRF token:
 * without them the app cannot act on the person's behalf.
 */
export function parseMe(v: unknown): Me {
  if (!isObject(v) || !isObject(v.person)) throw new ApiError('invalid', 200, 'me lacks a person');
  const p = v.person;
  const id = str(p.id);
  const kind = p.kind === 'patient' || p.kind === 'staff' ? p.kind : null;
  const csrfToken = str(v.csrf_token);
  if (!id || !kind || !csrfToken) throw new ApiError('invalid', 200, 'me lacks id, kind or csrf_token');
  const session = isObject(v.session) ? v.session : {};
  const idle = session.idle_timeout_seconds;
  return {
    person: { id, kind, givenName: str(p.given_name) ?? '', familyName: str(p.family_name) ?? '' },
    assurance: str(v.assurance) ?? 'unknown',
    csrfToken,
    actingFor: patientRef(v.acting_for),
    mayActFor: list(v.may_act_for, proxy),
    assignments: list(v.assignments, assignment),
    passwordResetRegistered: typeof v.password_reset_registered === 'boolean' ? v.password_reset_registered : null,
    session: {
      expiresAt: str(session.expires_at),
      idleTimeoutSeconds: typeof idle === 'number' && Number.isFinite(idle) && idle > 0 ? idle : null,
    },
  };
}

/** "Sara Lindqvist" — given and family name, whichever exist. */
export function fullName(p: { givenName: string; familyName: string }): string {
  return [p.givenName, p.familyName].filter((s) => s !== '').join(' ');
}

/** The page a person lands on after log-in. */
export function homePath(kind: PersonKind): '/patient' | '/personal' {
  return kind === 'staff' ? '/personal' : '/patient';
}

const ASSURANCES = ['demo', 'substantial', 'staff_verified', 'password_totp'] as const;

/** The words for an assurance level; an unknown level is not guessed at. */
export function assuranceKey(assurance: string): MessageKey {
  return (ASSURANCES as readonly string[]).includes(assurance) ? (`assurance.${assurance}` as MessageKey) : 'assurance.unknown';
}

export const ROLES = ['doctor', 'clinician', 'unit_manager', 'eservice_admin', 'region_admin'] as const;

export function roleKey(role: string): MessageKey {
  return (ROLES as readonly string[]).includes(role) ? (`role.${role}` as MessageKey) : 'role.other';
}

/** Roles that may open the administration pages (the server decides for real). */
const ADMIN_ROLES = new Set(['region_admin', 'eservice_admin']);

export function mayAdminister(me: Me | null): boolean {
  return me?.person.kind === 'staff' && me.assignments.some((a) => ADMIN_ROLES.has(a.role));
}

export interface UnitRoles {
  /** null: the roles hold for the whole region. */
  careUnitId: string | null;
  careUnitName: string | null;
  roles: string[];
}

/**
 * Groups assignments by care unit, keeping the API's order of units and of
 * roles within a unit, and dropping repeated roles.
 */
export function groupAssignments(assignments: readonly Assignment[]): UnitRoles[] {
  const groups: UnitRoles[] = [];
  const byUnit = new Map<string, UnitRoles>();
  for (const a of assignments) {
    const key = a.careUnitId ?? `name:${a.careUnitName ?? ''}`;
    let group = byUnit.get(key);
    if (!group) {
      group = { careUnitId: a.careUnitId, careUnitName: a.careUnitName, roles: [] };
      byUnit.set(key, group);
      groups.push(group);
    }
    if (!group.roles.includes(a.role)) group.roles.push(a.role);
  }
  return groups;
}
