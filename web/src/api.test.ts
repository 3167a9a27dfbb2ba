import { describe, expect, it } from 'vitest';
import {
  ApiError,
  ApiClient,
  csrfHeaderValue,
  getJson,
  isAbortError,
  isForbidden,
  isUnauthenticated,
  parseProblem,
  sendJson,
  type FetchLike,
} from './api';

const problemBody = JSON.stringify({
  type: 'https://oppenvard.example/problems/not-found',
  title: 'Not Found',
  status: 404,
  detail: 'No clinic with that id',
});

async function apiFailure(p: Promise<unknown>): Promise<ApiError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

function respond(status: number, body: string, contentType = 'application/json'): FetchLike {
  return async () => new Response(body, { status, headers: { 'Content-Type': contentType } });
}

describe('parseProblem', () => {
  it('reads a problem+json document', () => {
    expect(parseProblem('application/problem+json; charset=utf-8', problemBody)).toEqual({
      type: 'https://oppenvard.example/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'No clinic with that id',
    });
  });

  it('keeps only well-typed members', () => {
    expect(parseProblem('application/problem+json', '{"title":5,"status":"404","detail":"x"}')).toEqual({ detail: 'x' });
  });

  it('keeps the stable code that names the reason within the type', () => {
    expect(parseProblem('application/problem+json', '{"status":409,"code":"slot_taken"}')).toEqual({
      status: 409,
      code: 'slot_taken',
    });
    expect(parseProblem('application/problem+json', '{"code":7}')).toEqual({});
  });

  it('returns null for anything that is not a JSON object', () => {
    expect(parseProblem('text/html', '<h1>Bad gateway</h1>')).toBeNull();
    expect(parseProblem('application/problem+json', 'not json')).toBeNull();
    expect(parseProblem('application/problem+json', '[1]')).toBeNull();
    expect(parseProblem(null, problemBody)).toBeNull();
  });
});

describe('getJson', () => {
  const signal = new AbortController().signal;

  it('resolves with the parsed body', async () => {
    await expect(getJson('/api/x', signal, respond(200, '{"a":1}'))).resolves.toEqual({ a: 1 });
  });

  it('turns a problem response into an ApiError carrying the problem', async () => {
    const err = await apiFailure(getJson('/api/x', signal, respond(404, problemBody, 'application/problem+json')));
    expect(err.kind).toBe('http');
    expect(err.status).toBe(404);
    expect(err.isNotFound).toBe(true);
    expect(err.problem?.detail).toBe('No clinic with that id');
  });

  it('reports a server error without a problem body', async () => {
    const err = await apiFailure(getJson('/api/x', signal, respond(502, 'Bad gateway', 'text/plain')));
    expect(err.status).toBe(502);
    expect(err.problem).toBeNull();
    expect(err.isNotFound).toBe(false);
  });

  it('reports a network failure', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const err = await apiFailure(getJson('/api/x', signal, failing));
    expect(err.kind).toBe('network');
  });

  it('reports a body that is not JSON', async () => {
    const err = await apiFailure(getJson('/api/x', signal, respond(200, '<!doctype html>', 'text/html')));
    expect(err.kind).toBe('invalid');
  });

  it('passes an abort through untouched so callers can stay silent', async () => {
    const ac = new AbortController();
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const pending = getJson('/api/x', ac.signal, hanging);
    ac.abort();
    const err: unknown = await pending.catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(err).not.toBeInstanceOf(ApiError);
  });
});

describe('writes and the CSRF header', () => {
  function recording(status = 200, body = '{"ok":true}', contentType = 'application/json') {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': contentType } });
    };
    return { calls, fetchImpl };
  }
  const header = (init: RequestInit, name: string) => (init.headers as Record<string, string>)[name];
  const signal = new AbortController().signal;

  it('sends "anonymous" before log-in and the session token after', () => {
    expect(csrfHeaderValue(null)).toBe('anonymous');
    expect(csrfHeaderValue(undefined)).toBe('anonymous');
    expect(csrfHeaderValue('')).toBe('anonymous');
    expect(csrfHeaderValue('tok-1')).toBe('tok-1');
  });

  it('POSTs JSON with the CSRF header and parses the answer', async () => {
    const { calls, fetchImpl } = recording();
    await expect(sendJson('POST', '/api/x', { a: 1 }, null, signal, fetchImpl)).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    const init = calls[0]!.init;
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect(init.credentials).toBe('same-origin');
    expect(header(init, 'X-CSRF-Token')).toBe('anonymous');
    expect(header(init, 'Content-Type')).toBe('application/json');
  });

  it('resolves with null on 204 No Content', async () => {
    const { fetchImpl } = recording(204);
    await expect(sendJson('POST', '/api/logout', {}, 'tok', signal, fetchImpl)).resolves.toBeNull();
  });

  it('reads the token from the client at every write', async () => {
    let token: string | null = null;
    const { calls, fetchImpl } = recording();
    const client = new ApiClient({ csrfToken: () => token, fetchImpl });
    await client.post('/api/a', {}, signal);
    token = 'tok-2';
    await client.put('/api/b', { x: null }, signal);
    await client.get('/api/c', signal);
    expect(calls.map((c) => [c.init.method, header(c.init, 'X-CSRF-Token')])).toEqual([
      ['POST', 'anonymous'],
      ['PUT', 'tok-2'],
      ['GET', undefined],
    ]);
  });

  it('DELETEs without a body and POSTs raw bytes with their own type', async () => {
    const { calls, fetchImpl } = recording(201);
    const client = new ApiClient({ csrfToken: () => 'tok-3', fetchImpl });
    await client.delete('/api/v1/me/absence', signal);
    const bytes = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    await client.postBytes('/api/v1/cases/c/attachments', bytes, 'image/jpeg', signal);
    expect(calls[0]!.init.method).toBe('DELETE');
    expect(calls[0]!.init.body).toBeUndefined();
    expect(header(calls[0]!.init, 'X-CSRF-Token')).toBe('tok-3');
    expect(calls[1]!.init.method).toBe('POST');
    expect(calls[1]!.init.body).toBe(bytes);
    expect(header(calls[1]!.init, 'Content-Type')).toBe('image/jpeg');
    expect(header(calls[1]!.init, 'X-CSRF-Token')).toBe('tok-3');
  });

  it('adds the headers of withHeaders to every call, and leaves the original client alone', async () => {
    const { calls, fetchImpl } = recording();
    const client = new ApiClient({ csrfToken: () => null, fetchImpl });
    const guest = client.withHeaders({ 'X-Meeting-Token': 'pt-1' });
    await guest.get('/api/v1/meetings/m', signal);
    await guest.post('/api/v1/meetings/m/chat', { text: 'Hej' }, signal);
    await client.get('/api/v1/me', signal);
    expect(calls.map((c) => [c.init.method, header(c.init, 'X-Meeting-Token'), header(c.init, 'X-CSRF-Token')])).toEqual([
      ['GET', 'pt-1', undefined],
      ['POST', 'pt-1', 'anonymous'],
      ['GET', undefined, undefined],
    ]);
  });


  it('sends a keepalive POST with the same headers as any write (a guest’s token, the CSRF header)', async () => {
    const { calls, fetchImpl } = recording(204);
    const client = new ApiClient({ csrfToken: () => 'tok-4', fetchImpl });
    await expect(client.withHeaders({ 'X-Meeting-Token': 'pt-2' }).postKeepalive('/api/v1/meetings/m/leave', {})).resolves.toBeNull();
    await client.post('/api/v1/meetings/m/join', {}, signal);
    const init = calls[0]!.init;
    expect(init.method).toBe('POST');
    expect(init.keepalive).toBe(true);
    expect(init.body).toBe('{}');
    expect(header(init, 'X-CSRF-Token')).toBe('tok-4');
    expect(header(init, 'X-Meeting-Token')).toBe('pt-2');
    expect(init.signal?.aborted).toBe(false);
    expect(calls[1]!.init.keepalive).toBeUndefined();
  });
  it('tells 401 and 403 apart from other failures', async () => {
    const unauth = await apiFailure(
      getJson('/api/v1/me', signal, respond(401, '{"type":"urn:oppenvard:problem:unauthenticated"}', 'application/problem+json')),
    );
    expect(isUnauthenticated(unauth)).toBe(true);
    expect(isForbidden(unauth)).toBe(false);
    const forbidden = await apiFailure(getJson('/api/x', signal, respond(403, '{}', 'application/problem+json')));
    expect(isForbidden(forbidden)).toBe(true);
    expect(isUnauthenticated(new Error('x'))).toBe(false);
  });

  it('treats an empty body on a GET as invalid', async () => {
    const err = await apiFailure(getJson('/api/x', signal, respond(200, '')));
    expect(err.kind).toBe('invalid');
  });
});

describe('Retry-After and field errors', () => {
  it('reads delay seconds only', async () => {
    const { parseRetryAfter } = await import('./api');
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(' 5 ')).toBe(5);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
  it('keeps field errors of a 422 problem', () => {
    const p = parseProblem('application/problem+json', JSON.stringify({ status: 422, errors: [{ field: 'email', message: 'bad' }, { x: 1 }] }));
    expect(p?.errors).toEqual([{ field: 'email', message: 'bad' }]);
  });
});
