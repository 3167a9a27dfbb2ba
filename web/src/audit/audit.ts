// The audit log for unit managers and the patient's access log: parsing,
// query URLs and labels. Pure.

import { ApiError } from '../api';
import { stockholmMidnight } from '../format';
import type { MessageKey } from '../i18n';
import type { Me } from '../session/me';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

export interface AuditEvent {
  id: string;
  sequence: number | null;
  at: string;
  actor: { kind: string; id: string; role: string | null };
  careUnitId: string | null;
  patientId: string | null;
  action: string;
  object: { type: string; id: string | null } | null;
  success: boolean;
}

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

function auditEvent(v: unknown): AuditEvent | null {
  if (!isObject(v)) return null;
  const id = typeof v.id === 'number' ? String(v.id) : str(v.id);
  const at = str(v.at);
  const action = str(v.action);
  if (!id || !at || !action) return null;
  const actor = isObject(v.actor) ? v.actor : {};
  const object = isObject(v.object) ? v.object : null;
  return {
    id,
    sequence: typeof v.sequence === 'number' ? v.sequence : null,
    at,
    actor: { kind: str(actor.kind) ?? '', id: str(actor.id) ?? '', role: str(actor.role) },
    careUnitId: str(v.care_unit_id),
    patientId: str(v.patient_id),
    action,
    object: object ? { type: str(object.type) ?? '', id: str(object.id) } : null,
    success: v.success !== false,
  };
}

/** GET /api/v1/audit/events (and /audit/sample, which has no cursor). */
export function parseAuditPage(v: unknown): AuditPage {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, 'audit answer lacks items');
  return {
    items: v.items.map(auditEvent).filter((e): e is AuditEvent => e !== null),
    nextCursor: str(v.next_cursor),
  };
}

export interface AccessEntry {
  at: string;
  careUnitId: string | null;
  careUnitName: string | null;
  action: string;
}

/** GET /api/v1/me/access-log. */
export function parseAccessLog(v: unknown): AccessEntry[] {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, 'access log lacks items');
  return v.items.flatMap((x: unknown) => {
    if (!isObject(x)) return [];
    const at = str(x.at);
    if (!at) return [];
    return [{ at, careUnitId: str(x.care_unit_id), careUnitName: str(x.care_unit_name), action: str(x.action) ?? '' }];
  });
}

/** The from/to dates (YYYY-MM-DD, Stockholm) as an RFC 3339 range: from's midnight to the midnight after `to`. */
export function periodRange(from: string, to: string): { from: string | null; to: string | null } {
  return { from: from ? stockholmMidnight(from) : null, to: to ? stockholmMidnight(to, 1) : null };
}

export interface AuditFilter {
  careUnitId: string;
  from: string;
  to: string;
  patientId: string;
  actorId: string;
}

function query(params: [string, string | null | undefined][]): string {
  const q = new URLSearchParams();
  for (const [k, v] of params) if (v) q.set(k, v);
  return q.toString();
}

export function auditEventsUrl(f: AuditFilter, cursor: string | null, limit = 50): string {
  const range = periodRange(f.from, f.to);
  return `/api/v1/audit/events?${query([
    ['care_unit_id', f.careUnitId],
    ['patient_id', f.patientId.trim()],
    ['actor_id', f.actorId.trim()],
    ['from', range.from],
    ['to', range.to],
    ['limit', String(limit)],
    ['cursor', cursor],
  ])}`;
}

export function auditSampleUrl(f: AuditFilter, n: number, seed: string): string {
  const range = periodRange(f.from, f.to);
  return `/api/v1/audit/sample?${query([
    ['care_unit_id', f.careUnitId],
    ['from', range.from],
    ['to', range.to],
    ['n', String(n)],
    ['seed', seed.trim()],
  ])}`;
}

export const reviewUrl = (eventId: string) => `/api/v1/audit/events/${encodeURIComponent(eventId)}/reviews`;

const ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'login', 'logout', 'list', 'search', 'review'] as const;

/** Words for an event's action; unknown actions are shown as written. */
export function actionKey(action: string): MessageKey | null {
  return (ACTIONS as readonly string[]).includes(action) ? (`audit.action.${action}` as MessageKey) : null;
}

const ACTOR_KINDS = ['staff', 'patient', 'guardian', 'system'] as const;

export function actorKindKey(kind: string): MessageKey | null {
  return (ACTOR_KINDS as readonly string[]).includes(kind) ? (`audit.actor.${kind}` as MessageKey) : null;
}

/** The care units where the person is unit manager, in the API's order, once each. */
export function managedUnits(me: Me | null): { id: string; name: string }[] {
  if (!me || me.person.kind !== 'staff') return [];
  const seen = new Map<string, string>();
  for (const a of me.assignments) {
    if (a.role === 'unit_manager' && a.careUnitId && !seen.has(a.careUnitId)) seen.set(a.careUnitId, a.careUnitName ?? a.careUnitId);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** A fresh seed for the random sample: 8 digits. */
export function newSeed(random: () => number = Math.random): string {
  return String(Math.floor(random() * 1e8)).padStart(8, '0');
}

/** YYYY-MM-DD plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}
