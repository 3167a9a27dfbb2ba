// Query-string handling for the address bar and for API URLs. Pure.

export const MAX_QUERY_LENGTH = 100;
export const PAGE_SIZE = 20;

/** Trims, collapses inner whitespace and caps the length of a search text. */
export function normalizeQuery(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

/** Reads one parameter from a location.search string ("" when absent). */
export function getParam(search: string, key: string): string {
  return new URLSearchParams(search).get(key) ?? '';
}

/**
 * Returns `path?search` with `key` set to `value`, or removed when value is
 * empty. Other parameters are kept in their order.
 */
export function withParam(path: string, search: string, key: string, value: string): string {
  const params = new URLSearchParams(search);
  if (value === '') params.delete(key);
  else params.set(key, value);
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

export interface ClinicListQuery {
  q?: string;
  limit?: number;
  cursor?: string | null;
}

/** URL for GET /api/v1/clinics; empty q and missing cursor are left out. */
export function clinicsApiUrl({ q, limit, cursor }: ClinicListQuery): string {
  const params = new URLSearchParams();
  const text = normalizeQuery(q ?? '');
  if (text) params.set('q', text);
  if (limit !== undefined) params.set('limit', String(Math.min(100, Math.max(1, Math.trunc(limit)))));
  if (cursor) params.set('cursor', cursor);
  const qs = params.toString();
  return qs ? `/api/v1/clinics?${qs}` : '/api/v1/clinics';
}

export function clinicApiUrl(id: string): string {
  return `/api/v1/clinics/${encodeURIComponent(id)}`;
}
