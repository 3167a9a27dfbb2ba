// Fetch wrapper for the Öppenvård JSON API. Every call takes an AbortSignal;
// an abort rejects with an AbortError that callers ignore (see isAbortError).
// Any other failure becomes an ApiError, which pages turn into plain Swedish.

export type ApiErrorKind = 'http' | 'network' | 'invalid';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** A stable reason within the type (e.g. "slot_taken"), where the server gives one. */
  code?: string;
  /** Field errors of a 422 answer. */
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly problem: Problem | null;
  /** Seconds from a Retry-After header (429), or null. */
  readonly retryAfter: number | null;

  constructor(
    kind: ApiErrorKind,
    status: number,
    message: string,
    problem: Problem | null = null,
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
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
  if (typeof o.code === 'string') problem.code = o.code;
  if (Array.isArray(o.errors)) {
    problem.errors = o.errors.flatMap((e: unknown) => {
      if (typeof e !== 'object' || e === null) return [];
      const r = e as Record<string, unknown>;
      return typeof r.field === 'string' && typeof r.message === 'string' ? [{ field: r.field, message: r.message }] : [];
    });
  }
  return problem;
}

/** Retry-After as whole seconds (the delay-seconds form only); null when absent or not a number. */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value.trim());
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The default fetch, looked up when called (so tests without a global fetch can load this module). */
const browserFetch: FetchLike = (input, init) => fetch(input, init);

export type WriteMethod = 'POST' | 'PUT' | 'DELETE';

/** Header every POST/PUT/DELETE carries; the server rejects writes without it. */
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * The CSRF header value: the session's token when logged in, otherwise the
 * fixed value `anonymous` the server accepts before log-in.
 */
export function csrfHeaderValue(sessionToken: string | null | undefined): string {
  return sessionToken ? sessionToken : 'anonymous';
}

interface RequestOptions {
  method: 'GET' | WriteMethod;
  body?: unknown;
  /** Bytes sent as they are (an image), with their own Content-Type, instead of a JSON body. */
  raw?: { body: Blob; contentType: string };
  headers?: Record<string, string>;
  /** Sent even as the page goes away (fetch keepalive), e.g. on pagehide. */
  keepalive?: boolean;
}

/**
 * Sends one request and reads the answer. Resolves with the parsed JSON body,
 * or null for an empty answer (204); rejects with an AbortError when `signal`
 * aborts, otherwise with an ApiError.
 */
async function request(
  url: string,
  options: RequestOptions,
  signal: AbortSignal,
  fetchImpl: FetchLike,
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method: options.method, signal, headers, credentials: 'same-origin' };
  if (options.keepalive) init.keepalive = true;
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
    init.body = options.raw.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetchImpl(url, init);
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
    throw new ApiError(
      'http',
      res.status,
      problem?.title ?? `HTTP ${res.status} for ${url}`,
      problem,
      parseRetryAfter(res.headers.get('Retry-After')),
    );
  }
  if (res.status === 204 || text.trim() === '') {
    if (options.method === 'GET') throw new ApiError('invalid', res.status, `empty body from ${url}`);
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('invalid', res.status, `invalid JSON from ${url}`);
  }
}

/**
 * GETs a JSON document. Resolves with the parsed body; rejects with an
 * AbortError when `signal` aborts, otherwise with an ApiError.
 */
export async function getJson(url: string, signal: AbortSignal, fetchImpl: FetchLike = browserFetch): Promise<unknown> {
  return request(url, { method: 'GET' }, signal, fetchImpl);
}

/**
 * Sends a write (POST/PUT/DELETE) with a JSON body and the CSRF header.
 * Resolves with the parsed answer, or null for 204 No Content.
 */
export async function sendJson(
  method: WriteMethod,
  url: string,
  body: unknown,
  csrfToken: string | null,
  signal: AbortSignal,
  fetchImpl: FetchLike = browserFetch,
): Promise<unknown> {
  return request(url, { method, body, headers: { [CSRF_HEADER]: csrfHeaderValue(csrfToken) } }, signal, fetchImpl);
}

/**
 * Whether an error is the server saying "you are not logged in" (401,
 * `urn:oppenvard:problem:unauthenticated`). The status decides; the type is
 * informative and titles are never shown.
 */
export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && err.kind === 'http' && err.status === 401;
}

/** Whether an error is the server refusing the request for this person (403). */
export function isForbidden(err: unknown): boolean {
  return err instanceof ApiError && err.kind === 'http' && err.status === 403;
}

/**
 * The client the app's API modules use. It knows where the current CSRF
 * token comes from (the store's `me`), so no caller has to pass it.
 * `withHeaders` gives a client that sends a few more headers on every call
 * (a meeting guest's X-Meeting-Token, instead of a session).
 */
export class ApiClient {
  private readonly csrfToken: () => string | null;
  private readonly fetchImpl: FetchLike;
  private readonly extra: Record<string, string>;

  constructor(options: { csrfToken: () => string | null; fetchImpl?: FetchLike | undefined; headers?: Record<string, string> }) {
    this.csrfToken = options.csrfToken;
    this.fetchImpl = options.fetchImpl ?? browserFetch;
    this.extra = { ...options.headers };
  }

  /** The same client, with `headers` added to every request. */
  withHeaders(headers: Record<string, string>): ApiClient {
    return new ApiClient({ csrfToken: this.csrfToken, fetchImpl: this.fetchImpl, headers: { ...this.extra, ...headers } });
  }

  get(url: string, signal: AbortSignal): Promise<unknown> {
    return request(url, { method: 'GET', headers: { ...this.extra } }, signal, this.fetchImpl);
  }

  post(url: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.write('POST', url, body, signal);
  }

  put(url: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.write('PUT', url, body, signal);
  }

  delete(url: string, signal: AbortSignal): Promise<unknown> {
    return this.write('DELETE', url, undefined, signal);
  }

  /** POSTs raw bytes (an image) with their Content-Type and the CSRF header. */
  postBytes(url: string, body: Blob, contentType: string, signal: AbortSignal): Promise<unknown> {
    return request(url, { method: 'POST', raw: { body, contentType }, headers: this.writeHeaders() }, signal, this.fetchImpl);
  }

  /**
   * A POST that still goes out when the page is closed or left (fetch
   * keepalive, e.g. from a pagehide handler), with the same headers as any
   * write. It cannot be aborted: what it says must reach the server.
   */
  postKeepalive(url: string, body: unknown): Promise<unknown> {
    return request(url, { method: 'POST', body, keepalive: true, headers: this.writeHeaders() }, new AbortController().signal, this.fetchImpl);
  }

  private write(method: WriteMethod, url: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return request(url, { method, body, headers: this.writeHeaders() }, signal, this.fetchImpl);
  }

  /** The extra headers and the CSRF header, which every write carries. */
  private writeHeaders(): Record<string, string> {
    return { ...this.extra, [CSRF_HEADER]: csrfHeaderValue(this.csrfToken()) };
  }
}
