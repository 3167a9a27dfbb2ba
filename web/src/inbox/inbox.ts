// The unit inbox for staff: who may see which unit's inbox, the filters and
// their address-bar words, the answer's parsing and the order of the list. Pure.

import { ApiError } from '../api';
import { parseCase, isObject, type CaseSummary } from '../cases/model';
import type { MessageKey } from '../i18n';
import type { Me } from '../session/me';

export const INBOX_FILTERS = ['all', 'mine', 'unassigned', 'closed'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/** The filter as written in the address bar (?visa=…). */
const FILTER_WORDS: Record<InboxFilter, string> = {
  all: 'alla',
  mine: 'mina',
  unassigned: 'ej-tilldelade',
  closed: 'avslutade',
};

export const UNIT_PARAM = 'enhet';
export const FILTER_PARAM = 'visa';

export function filterFromParam(word: string): InboxFilter {
  return INBOX_FILTERS.find((f) => FILTER_WORDS[f] === word) ?? 'all';
}

export function filterParam(filter: InboxFilter): string {
  return FILTER_WORDS[filter];
}

export function filterKey(filter: InboxFilter): MessageKey {
  return `inbox.filter.${filter}`;
}

export interface InboxCounts {
  open: number;
  unassigned: number;
  atRisk: number;
  overdue: number;
}

export interface Inbox {
  counts: InboxCounts;
  items: CaseSummary[];
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}

/** GET /api/v1/units/{id}/inbox (and, without counts, /undocumented). */
export function parseInbox(v: unknown): Inbox {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, 'inbox lacks items');
  const c = isObject(v.counts) ? v.counts : {};
  const items: CaseSummary[] = [];
  for (const raw of v.items) {
    try {
      items.push(parseCase(raw));
    } catch {
      // skip the broken row
    }
  }
  return { counts: { open: count(c.open), unassigned: count(c.unassigned), atRisk: count(c.at_risk), overdue: count(c.overdue) }, items };
}

/** The count shown on a filter's tab, when the server gives one. */
export function filterCount(counts: InboxCounts, filter: InboxFilter): number | null {
  return filter === 'all' ? counts.open : filter === 'unassigned' ? counts.unassigned : null;
}

function time(iso: string | null): number {
  if (!iso) return Number.POSITIVE_INFINITY;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * The most urgent first: by answer deadline, cases without one last, then
 * the oldest first. (The server sends them so; this keeps it so after
 * changes on the page.) Closed cases: the latest closed first.
 */
export function sortByDeadline(items: readonly CaseSummary[], filter: InboxFilter = 'all'): CaseSummary[] {
  const copy = [...items];
  if (filter === 'closed') return copy.sort((a, b) => time(b.closedAt ?? b.updatedAt) - time(a.closedAt ?? a.updatedAt));
  return copy.sort((a, b) => time(a.dueAt) - time(b.dueAt) || time(a.createdAt) - time(b.createdAt));
}

export interface Unit {
  id: string;
  name: string;
}

function unitsWith(me: Me | null, roles: readonly string[]): Unit[] {
  if (!me || me.person.kind !== 'staff') return [];
  const seen = new Map<string, string>();
  for (const a of me.assignments) {
    if (a.careUnitId && roles.includes(a.role) && !seen.has(a.careUnitId)) seen.set(a.careUnitId, a.careUnitName ?? a.careUnitId);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** Roles that work with the unit's cases. */
export const CARE_ROLES = ['doctor', 'clinician', 'unit_manager'] as const;
/** Roles that administer the unit's e-services. */
export const CATALOGUE_ROLES = ['eservice_admin', 'unit_manager'] as const;

/** The units whose inbox the person may open. */
export function inboxUnits(me: Me | null): Unit[] {
  return unitsWith(me, CARE_ROLES);
}

/** The units whose e-services the person administers. */
export function catalogueUnits(me: Me | null): Unit[] {
  return unitsWith(me, CATALOGUE_ROLES);
}

/** The units of the follow-up report (a region administrator sees every unit). */
export function reportUnits(me: Me | null): Unit[] {
  return unitsWith(me, CATALOGUE_ROLES);
}

export function isRegionAdmin(me: Me | null): boolean {
  return me?.person.kind === 'staff' && me.assignments.some((a) => a.role === 'region_admin');
}

export function isUnitManagerAt(me: Me | null, unitId: string): boolean {
  return me?.person.kind === 'staff' && me.assignments.some((a) => a.role === 'unit_manager' && a.careUnitId === unitId);
}

/** The unit named in the address bar if the person has it, else their first; null without any. */
export function chooseUnit(units: readonly Unit[], wanted: string): string | null {
  return units.find((u) => u.id === wanted)?.id ?? units[0]?.id ?? null;
}

/** Cases waiting too long: the unit manager is told (escalation). Null when nothing is late. */
export function escalation(counts: InboxCounts): { atRisk: number; overdue: number } | null {
  return counts.atRisk > 0 || counts.overdue > 0 ? { atRisk: counts.atRisk, overdue: counts.overdue } : null;
}

export function inboxApiUrl(unitId: string, filter: InboxFilter): string {
  return `/api/v1/units/${encodeURIComponent(unitId)}/inbox?filter=${filter}`;
}

export function undocumentedApiUrl(unitId: string): string {
  return `/api/v1/units/${encodeURIComponent(unitId)}/undocumented`;
}

/** The inbox page with a unit and a filter. */
export function inboxHref(base: string, unitId: string | null, filter: InboxFilter): string {
  const params = new URLSearchParams();
  if (unitId) params.set(UNIT_PARAM, unitId);
  if (filter !== 'all') params.set(FILTER_PARAM, filterParam(filter));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

/** The realtime topic of a unit's inbox. */
export function unitTopic(unitId: string): string {
  return `unit:${unitId}`;
}

export function caseTopic(caseId: string): string {
  return `case:${caseId}`;
}
