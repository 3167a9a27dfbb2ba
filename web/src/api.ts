// Fetch wrapper for the Öppenvård JSON API. Every call takes an AbortSignal;
// an abort rejects with an AbortError that callers ignore (see isAbortError).
// Any other failure becomes an ApiError, which pages turn into plain Swedish.

export type ApiErrorKind = 'http' | 'network' | 'invalid';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly problem: Problem | null;

  constructor(kind: ApiErrorKind, status: number, message: string, problem: Problem | null = null) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }
}

export function isAbortError(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && 'name' in err && (err as { name: unknown }).name === 'AbortError'
  );
}

/**
 * Reads an RFC 9457 problem document. Returns null when the body is not one
 * (wrong media type, not JSON, not an object); only well-typed members are kept.
 */
export function parseProblem(contentType: string | null, body: string): Problem | null {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/problem+json' && mediaType !== 'application/json') return null;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const o = data as Record<string, unknown>;
  const problem: Problem = {};
  if (typeof o.type === 'string') problem.type = o.type;
  if (typeof o.title === 'string') problem.title = o.title;
  if (typeof o.status === 'number') problem.status = o.status;
  if (typeof o.detail === 'string') problem.detail = o.detail;
  return problem;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * GETs a JSON document. Resolves with the parsed body; rejects with an
 * AbortError when `signal` aborts, otherwise with an ApiError.
 */
export async function getJson(url: string, signal: AbortSignal, fetchImpl: FetchLike = fetch): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (err) {
    if (isAbortError(err) || signal.aborted) throw err;
    throw new ApiError('network', 0, `network error for ${url}`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    if (isAbortError(err) || signal.aborted) throw err;
    throw new ApiError('network', res.status, `body read failed for ${url}`);
  }
  if (!res.ok) {
    const problem = parseProblem(res.headers.get('Content-Type'), text);
    throw new ApiError('http', res.status, problem?.title ?? `HTTP ${res.status} for ${url}`, problem);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('invalid', res.status, `invalid JSON from ${url}`);
  }
}
