// The follow-up report of the e-services (GET /api/v1/reports/eservices):
// parsing, the query, and the sums and shares shown. Pure.

import { ApiError } from '../api';
import { addDays } from '../audit/audit';
import { isObject, pair, str } from '../cases/model';
import type { LocalizedText } from '../directory/clinic';
import type { Lang } from '../i18n';

export interface ServiceRow {
  code: string;
  name: LocalizedText;
  category: string;
  status: string;
  reason: string | null;
  cases: number;
  clocks: number;
  answeredInTime: number;
  medianHours: number | null;
}

export interface ClinicRow {
  clinic: { id: string; name: string };
  administration: { id: string; name: string };
  published: boolean;
  offersEservices: boolean;
  basicOffered: string[];
  basicNotApplicable: string[];
  basicMissing: string[];
  othersOffered: string[];
  cases: number;
  clocks: number;
  answeredInTime: number;
  medianHours: number | null;
  services: ServiceRow[];
}

export interface Report {
  from: string | null;
  to: string | null;
  items: ClinicRow[];
}

function n(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

function hours(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function codes(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function ref(v: unknown): { id: string; name: string } {
  const o = isObject(v) ? v : {};
  return { id: str(o.id) ?? '', name: str(o.name) ?? '' };
}

function service(v: unknown): ServiceRow | null {
  if (!isObject(v)) return null;
  const code = str(v.code);
  if (!code) return null;
  return {
    code,
    name: pair(v.name_sv, v.name_en) ?? { sv: code, en: null },
    category: str(v.category) ?? 'custom',
    status: str(v.status) ?? 'off',
    reason: str(v.reason),
    cases: n(v.cases),
    clocks: n(v.clocks),
    answeredInTime: n(v.answered_in_time),
    medianHours: hours(v.median_answer_working_hours),
  };
}

function clinic(v: unknown): ClinicRow | null {
  if (!isObject(v)) return null;
  const c = ref(v.clinic);
  if (!c.id) return null;
  return {
    clinic: c,
    administration: ref(v.administration),
    published: v.published === true,
    offersEservices: v.offers_eservices === true,
    basicOffered: codes(v.basic_offered),
    basicNotApplicable: codes(v.basic_not_applicable),
    basicMissing: codes(v.basic_missing_without_reason),
    othersOffered: codes(v.others_offered),
    cases: n(v.cases),
    clocks: n(v.clocks),
    answeredInTime: n(v.answered_in_time),
    medianHours: hours(v.median_answer_working_hours),
    services: Array.isArray(v.services) ? v.services.map(service).filter((s): s is ServiceRow => s !== null) : [],
  };
}

export function parseReport(v: unknown): Report {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, 'report lacks items');
  return { from: str(v.from), to: str(v.to), items: v.items.map(clinic).filter((c): c is ClinicRow => c !== null) };
}

/** The share of answer clocks answered in time, in whole per cent; null when no clock has run out or been answered. */
export function shareInTime(answeredInTime: number, clocks: number): number | null {
  if (clocks <= 0) return null;
  return Math.round((100 * Math.min(answeredInTime, clocks)) / clocks);
}

/** Sums over the clinics shown. (Medians cannot be summed; they are shown per clinic.) */
export function totals(items: readonly ClinicRow[]): { clinics: number; offering: number; cases: number; clocks: number; answeredInTime: number; share: number | null } {
  const cases = items.reduce((s, c) => s + c.cases, 0);
  const clocks = items.reduce((s, c) => s + c.clocks, 0);
  const answeredInTime = items.reduce((s, c) => s + c.answeredInTime, 0);
  return {
    clinics: items.length,
    offering: items.filter((c) => c.offersEservices).length,
    cases,
    clocks,
    answeredInTime,
    share: shareInTime(answeredInTime, clocks),
  };
}

/** Working hours with one decimal, "3,5" in Swedish and "3.5" in English; "–" when there is none. */
export function formatHours(h: number | null, lang: Lang): string {
  if (h === null) return '–';
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(h);
}

export interface ReportFilter {
  careUnitId: string;
  administrationId: string;
  /** YYYY-MM-DD, Stockholm; both days included. */
  from: string;
  to: string;
}

/**
 * The report's API address. The server reads a date as the start of that day,
 * so the day after `to` is sent to include `to` itself.
 */
export function reportUrl(f: ReportFilter, format: 'json' | 'csv' = 'json'): string {
  const q = new URLSearchParams();
  if (f.careUnitId) q.set('care_unit_id', f.careUnitId);
  if (f.administrationId) q.set('administration_id', f.administrationId);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', addDays(f.to, 1));
  if (format === 'csv') q.set('format', 'csv');
  const qs = q.toString();
  return qs ? `/api/v1/reports/eservices?${qs}` : '/api/v1/reports/eservices';
}

/** Whether the period can be asked for: two dates, the first not after the second. */
export function periodError(from: string, to: string): 'missing' | 'order' | null {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(from) || !date.test(to)) return 'missing';
  return from > to ? 'order' : null;
}

/** The administrations (huvudmän) found among the clinics, once each, by name. */
export function administrations(clinics: readonly { administration: { id: string | null; name: string } | null }[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const c of clinics) if (c.administration?.id && !seen.has(c.administration.id)) seen.set(c.administration.id, c.administration.name);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
