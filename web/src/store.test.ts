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
