import { describe, expect, it } from 'vitest';
import { ApiError, getJson, isAbortError, parseProblem, type FetchLike } from './api';

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
