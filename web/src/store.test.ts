import { describe, expect, it } from 'vitest';
import { LANG_STORAGE_KEY, parseAppUrl, Store, type StoragePort } from './store';

function setup(path = '/', search = '') {
  const pushed: string[] = [];
  const replaced: string[] = [];
  const saved = new Map<string, string>();
  const storage: StoragePort = { getItem: (k) => saved.get(k) ?? null, setItem: (k, v) => void saved.set(k, v) };
  const store = new Store(
    { lang: 'sv', location: { path, search } },
    { history: { push: (u) => void pushed.push(u), replace: (u) => void replaced.push(u) }, storage },
  );
  let notified = 0;
  store.subscribe(() => notified++);
  return { store, pushed, replaced, saved, notifications: () => notified };
}

describe('parseAppUrl', () => {
  it('splits path and search and drops the hash', () => {
    expect(parseAppUrl('/mottagningar?q=a#main')).toEqual({ path: '/mottagningar', search: '?q=a' });
    expect(parseAppUrl('/x')).toEqual({ path: '/x', search: '' });
    expect(parseAppUrl('?q=1')).toEqual({ path: '/', search: '?q=1' });
    expect(parseAppUrl('/x?')).toEqual({ path: '/x', search: '' });
  });
});

describe('Store', () => {
  it('starts with no page changes counted', () => {
    const { store } = setup('/mottagningar', '?q=a');
    expect(store.getState()).toEqual({ lang: 'sv', location: { path: '/mottagningar', search: '?q=a' }, navigations: 0 });
  });

  it('remembers the language and tells subscribers', () => {
    const { store, saved, notifications } = setup();
    store.setLang('en');
    expect(store.getState().lang).toBe('en');
    expect(saved.get(LANG_STORAGE_KEY)).toBe('en');
    expect(notifications()).toBe(1);
    store.setLang('en');
    expect(notifications()).toBe(1);
  });

  it('keeps working when storage refuses to save', () => {
    const store = new Store(
      { lang: 'sv', location: { path: '/', search: '' } },
      {
        history: { push: () => {}, replace: () => {} },
        storage: {
          getItem: () => null,
          setItem: () => {
            throw new Error('QuotaExceededError');
          },
        },
      },
    );
    store.setLang('en');
    expect(store.getState().lang).toBe('en');
  });

  it('keeps small values in the browser and survives a storage that refuses', () => {
    const { store, saved } = setup();
    expect(store.readLocal('k')).toBeNull();
    store.writeLocal('k', 'v');
    expect(saved.get('k')).toBe('v');
    expect(store.readLocal('k')).toBe('v');
    const broken = new Store(
      { lang: 'sv', location: { path: '/', search: '' } },
      {
        history: { push: () => {}, replace: () => {} },
        storage: {
          getItem: () => {
            throw new Error('SecurityError');
          },
          setItem: () => {
            throw new Error('QuotaExceededError');
          },
        },
      },
    );
    expect(broken.readLocal('k')).toBeNull();
    expect(() => broken.writeLocal('k', 'v')).not.toThrow();
    const none = new Store({ lang: 'sv', location: { path: '/', search: '' } }, { history: { push: () => {}, replace: () => {} }, storage: null });
    expect(none.readLocal('k')).toBeNull();
  });

  it('pushes a history entry and counts a page change on navigate', () => {
    const { store, pushed } = setup();
    store.navigate('/mottagningar');
    expect(pushed).toEqual(['/mottagningar']);
    expect(store.getState().location).toEqual({ path: '/mottagningar', search: '' });
    expect(store.getState().navigations).toBe(1);
  });

  it('replaces the entry for search text without counting a page change', () => {
    const { store, pushed, replaced } = setup('/mottagningar');
    store.navigate('/mottagningar?q=Ekbacken', { replace: true });
    expect(pushed).toEqual([]);
    expect(replaced).toEqual(['/mottagningar?q=Ekbacken']);
    expect(store.getState().location.search).toBe('?q=Ekbacken');
    expect(store.getState().navigations).toBe(0);
  });

  it('does not stack duplicate entries when the same link is followed again', () => {
    const { store, pushed, replaced } = setup('/admin');
    store.navigate('/admin');
    expect(pushed).toEqual([]);
    expect(replaced).toEqual(['/admin']);
    expect(store.getState().navigations).toBe(1);
  });

  it('follows back and forward; only a new path counts as a page change', () => {
    const { store } = setup('/mottagningar', '?q=a');
    store.historyChanged({ path: '/mottagningar', search: '?q=b' });
    expect(store.getState().navigations).toBe(0);
    store.historyChanged({ path: '/', search: '' });
    expect(store.getState().location.path).toBe('/');
    expect(store.getState().navigations).toBe(1);
  });

  it('stops notifying after unsubscribe', () => {
    const { store } = setup();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.setLang('en');
    off();
    store.setLang('sv');
    expect(calls).toBe(1);
  });
});

describe('Store session', () => {
  const meBody = (extra: Record<string, unknown> = {}) => ({
    person: { id: 'p-103', kind: 'patient', given_name: 'Sara', family_name: 'Lindqvist' },
    assurance: 'demo',
    csrf_token: 'csrf-1',
    acting_for: null,
    may_act_for: [{ id: 'p-101', given_name: 'Ella', family_name: 'Lindqvist', birth_date: '2016-05-14', until: '2029-05-13' }],
    assignments: [],
    session: { expires_at: '2026-11-23T12:00:00Z', idle_timeout_seconds: 1800 },
    ...extra,
  });
  const json = (status: number, body: unknown, type = 'application/json') =>
    new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
  const unauthenticated = () =>
    json(401, { type: 'urn:oppenvard:problem:unauthenticated', title: 'x', status: 401 }, 'application/problem+json');

  type Handler = (url: string, init: RequestInit) => Response;
  function withServer(handler: Handler, path = '/patient') {
    const calls: { method: string; url: string; csrf: string | undefined; body: unknown }[] = [];
    const pushed: string[] = [];
    const store = new Store(
      { lang: 'sv', location: { path, search: '' } },
      {
        history: { push: (u) => void pushed.push(u), replace: () => {} },
        storage: null,
        fetch: async (url, init) => {
          const headers = (init.headers ?? {}) as Record<string, string>;
          calls.push({
            method: init.method ?? 'GET',
            url,
            csrf: headers['X-CSRF-Token'],
            body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
          });
          return handler(url, init);
        },
      },
    );
    return { store, calls, pushed };
  }

  it('is loading until /me answers, then knows the person', async () => {
    const { store } = withServer(() => json(200, meBody()));
    expect(store.getSession()).toEqual({ status: 'loading', me: null, notice: null });
    await store.loadMe();
    expect(store.getSession().status).toBe('ready');
    expect(store.getSession().me?.person.givenName).toBe('Sara');
  });

  it('treats 401 from /me as logged out, not as a failure', async () => {
    const { store } = withServer(unauthenticated);
    await store.loadMe();
    expect(store.getSession()).toEqual({ status: 'ready', me: null, notice: null });
  });

  it('reports other failures and keeps the last known person', async () => {
    let up = true;
    const { store } = withServer(() => (up ? json(200, meBody()) : json(503, {})));
    await store.loadMe();
    up = false;
    await store.loadMe();
    expect(store.getSession().status).toBe('error');
    expect(store.getSession().me?.person.id).toBe('p-103');
  });

  it('sends "anonymous" as CSRF token before log-in and the session token after', async () => {
    let loggedIn = false;
    const { store, calls } = withServer((url) => {
      if (url === '/api/v1/me') return loggedIn ? json(200, meBody()) : unauthenticated();
      return json(204, null);
    });
    await store.loadMe();
    await store.api.post('/api/v1/auth/demo/start', { person_id: 'p' }, new AbortController().signal);
    loggedIn = true;
    await store.loadMe();
    await store.logout();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.csrf)).toEqual(['anonymous', 'csrf-1']);
  });

  it('logs out: forgets the person, goes to the start page and says so', async () => {
    const { store, calls, pushed } = withServer((url) => (url === '/api/v1/me' ? json(200, meBody()) : json(204, null)));
    await store.loadMe();
    expect(await store.logout()).toBe(true);
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(store.getSession()).toEqual({ status: 'ready', me: null, notice: 'loggedOut' });
    expect(pushed).toEqual(['/']);
    // The notice is for the page one lands on only.
    store.navigate('/mottagningar');
    expect(store.getSession().notice).toBeNull();
  });

  it('logs out everywhere through its own endpoint', async () => {
    const { store, calls } = withServer((url) => (url === '/api/v1/me' ? json(200, meBody()) : json(204, null)));
    await store.loadMe();
    await store.logout({ everywhere: true });
    expect(calls.at(-1)?.url).toBe('/api/v1/auth/logout-everywhere');
    expect(store.getSession().notice).toBe('loggedOutEverywhere');
  });

  it('stays logged in and says so when log-out fails', async () => {
    const { store, pushed } = withServer((url) => (url === '/api/v1/me' ? json(200, meBody()) : json(500, {})));
    await store.loadMe();
    expect(await store.logout()).toBe(false);
    expect(store.getSession().me?.person.id).toBe('p-103');
    expect(store.getSession().notice).toBe('logoutFailed');
    expect(pushed).toEqual([]);
  });

  it('switches whom a guardian acts for and keeps the new me', async () => {
    const ella = { id: 'p-101', given_name: 'Ella', family_name: 'Lindqvist', birth_date: '2016-05-14' };
    const { store, calls } = withServer((url, init) =>
      url === '/api/v1/me/acting-for' && init.method === 'PUT' ? json(200, meBody({ acting_for: ella })) : json(200, meBody()),
    );
    await store.loadMe();
    expect(await store.setActingFor('p-101')).toBe('ok');
    expect(calls.at(-1)).toMatchObject({ method: 'PUT', csrf: 'csrf-1', body: { patient_id: 'p-101' } });
    expect(store.getSession().me?.actingFor?.givenName).toBe('Ella');
  });

  it('asks /me again when acting for a child is refused', async () => {
    const { store, calls } = withServer((url) =>
      url === '/api/v1/me/acting-for' ? json(403, { type: 'urn:oppenvard:problem:forbidden' }, 'application/problem+json') : json(200, meBody({ may_act_for: [] })),
    );
    await store.loadMe();
    expect(await store.setActingFor('p-101')).toBe('forbidden');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me', '/api/v1/me/acting-for', '/api/v1/me']);
    expect(store.getSession().me?.mayActFor).toEqual([]);
  });

  it('notices an ended session when acting for a child', async () => {
    let alive = true;
    const { store } = withServer((url) => (url === '/api/v1/me' && alive ? json(200, meBody()) : unauthenticated()));
    await store.loadMe();
    alive = false;
    expect(await store.setActingFor(null)).toBe('loggedOut');
    expect(store.getSession()).toEqual({ status: 'ready', me: null, notice: 'sessionEnded' });
  });
});

describe('Store session loads', () => {
  it('answers an overtaken load with the newer result', async () => {
    const answers: ((r: Response) => void)[] = [];
    const store = new Store(
      { lang: 'sv', location: { path: '/', search: '' } },
      {
        history: { push: () => {}, replace: () => {} },
        storage: null,
        fetch: (_url, init) =>
          new Promise<Response>((resolve, reject) => {
            answers.push(resolve);
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      },
    );
    const first = store.loadMe();
    const second = store.loadMe();
    answers[1]!(
      new Response(JSON.stringify({ person: { id: 'p', kind: 'patient' }, csrf_token: 't' }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expect((await second).me?.person.id).toBe('p');
    expect((await first).me?.person.id).toBe('p');
  });
});
