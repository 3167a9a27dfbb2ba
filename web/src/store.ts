// The one application store: language, location and the logged-in person.
// No DOM here — main.tsx passes in the browser's history and localStorage as
// small ports (and tests a fake fetch), so the store can be tested with fakes.

import { ApiClient, isAbortError, isForbidden, isUnauthenticated, type FetchLike } from './api';
import type { Lang } from './i18n';
import type { Me } from './session/me';
import { fetchMe, logout, putActingFor } from './session/sessionApi';

export const LANG_STORAGE_KEY = 'oppenvard.lang';

export interface AppLocation {
  path: string;
  search: string;
}

export interface AppState {
  lang: Lang;
  location: AppLocation;
  /**
   * Counts page changes (links, back/forward) since the app started. Pages
   * move focus to their heading only when this is above zero, so the first
   * Tab on a freshly loaded page still reaches the skip link.
   */
  navigations: number;
}

export interface HistoryPort {
  push(url: string): void;
  replace(url: string): void;
}

export interface StoragePort {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface StorePorts {
  history: HistoryPort;
  storage: StoragePort | null;
  /** The API's fetch; the browser's own when left out. */
  fetch?: FetchLike;
}

/** A message about the session shown once, on the page the person lands on. */
export type SessionNotice = 'loggedOut' | 'loggedOutEverywhere' | 'logoutFailed' | 'sessionEnded';

export interface SessionState {
  /** 'loading' until the first answer from /api/v1/me; 'error' when the latest load failed. */
  status: 'loading' | 'ready' | 'error';
  /** The logged-in person, or null when nobody is logged in. */
  me: Me | null;
  notice: SessionNotice | null;
}

export type ActingForResult = 'ok' | 'forbidden' | 'loggedOut' | 'error';

/** Splits "/a/b?x=1#h" into path and search; the hash is dropped. */
export function parseAppUrl(url: string): AppLocation {
  const noHash = url.split('#', 1)[0] ?? '';
  const q = noHash.indexOf('?');
  const path = (q === -1 ? noHash : noHash.slice(0, q)) || '/';
  const search = q === -1 ? '' : noHash.slice(q);
  return { path, search: search === '?' ? '' : search };
}

export function locationUrl(loc: AppLocation): string {
  return loc.path + loc.search;
}

type Listener = () => void;

export class Store {
  private state: AppState;
  private session: SessionState = { status: 'loading', me: null, notice: null };
  private readonly listeners = new Set<Listener>();
  private readonly ports: StorePorts;
  private meLoad: AbortController | null = null;
  private meLoading: Promise<SessionState> | null = null;
  /**
   * The API client. Writes carry the CSRF token of the current `me`
   * (or "anonymous" before log-in), see api.ts.
   */
  readonly api: ApiClient;

  constructor(initial: { lang: Lang; location: AppLocation }, ports: StorePorts) {
    this.state = { lang: initial.lang, location: initial.location, navigations: 0 };
    this.ports = ports;
    this.api = new ApiClient({ csrfToken: () => this.session.me?.csrfToken ?? null, fetchImpl: ports.fetch });
  }

  getState(): AppState {
    return this.state;
  }

  getSession(): SessionState {
    return this.session;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  setLang(lang: Lang): void {
    if (lang === this.state.lang) return;
    try {
      this.ports.storage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage may be full or forbidden; the choice then lasts this visit only.
    }
    this.set({ ...this.state, lang });
  }

  /** A small value the browser keeps (localStorage), or null when absent or unavailable. */
  readLocal(key: string): string | null {
    try {
      return this.ports.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  /** Keeps a small value in the browser; a full or forbidden storage is ignored. */
  writeLocal(key: string, value: string): void {
    try {
      this.ports.storage?.setItem(key, value);
    } catch {
      // Forgetting a hint (such as "Nytt svar") is harmless.
    }
  }

  /**
   * Goes to an app URL. `replace` rewrites the current history entry and is
   * not a page change (used for the search text in the directory's URL).
   */
  navigate(url: string, options: { replace?: boolean } = {}): void {
    const location = parseAppUrl(url);
    const same = locationUrl(location) === locationUrl(this.state.location);
    if (options.replace) {
      if (same) return;
      this.ports.history.replace(locationUrl(location));
      this.set({ ...this.state, location });
      return;
    }
    if (same) this.ports.history.replace(locationUrl(location));
    else this.ports.history.push(locationUrl(location));
    this.dropNotice();
    this.set({ ...this.state, location, navigations: this.state.navigations + 1 });
  }

  /** The browser moved through its history (back/forward). */
  historyChanged(location: AppLocation): void {
    if (locationUrl(location) === locationUrl(this.state.location)) return;
    const pageChanged = location.path !== this.state.location.path;
    if (pageChanged) this.dropNotice();
    this.set({ ...this.state, location, navigations: this.state.navigations + (pageChanged ? 1 : 0) });
  }

  /**
   * (Re)loads the logged-in person from /api/v1/me; a newer load aborts an
   * older one. Resolves with the session as it is afterwards. Nobody logged
   * in (401) is `me: null`; other failures keep the last known person and
   * set status 'error'.
   */
  loadMe(): Promise<SessionState> {
    this.meLoad?.abort();
    const ac = new AbortController();
    this.meLoad = ac;
    const load = fetchMe(this.api, ac.signal).then(
      (me): Promise<SessionState> | SessionState => {
        if (ac.signal.aborted) return this.meLoading ?? this.session;
        this.setSession({ ...this.session, status: 'ready', me });
        return this.session;
      },
      (err: unknown): Promise<SessionState> | SessionState => {
        // Superseded by a newer load: answer with that one.
        if (ac.signal.aborted || isAbortError(err)) return this.meLoading ?? this.session;
        this.setSession({ ...this.session, status: 'error' });
        return this.session;
      },
    );
    this.meLoading = load;
    void load.finally(() => {
      if (this.meLoad === ac) {
        this.meLoad = null;
        this.meLoading = null;
      }
    });
    return load;
  }

  /**
   * Logs out (this session, or every session of the person), forgets `me`
   * and goes to the start page, which then says so. A failure keeps the
   * person logged in and says that instead: the session may still be alive.
   */
  async logout(options: { everywhere?: boolean } = {}): Promise<boolean> {
    const everywhere = options.everywhere ?? false;
    this.meLoad?.abort();
    try {
      await logout(this.api, everywhere, new AbortController().signal);
    } catch (err) {
      if (!isUnauthenticated(err)) {
        this.setSession({ ...this.session, notice: 'logoutFailed' });
        return false;
      }
      // 401: the session had already ended; the person is logged out either way.
    }
    this.setSession({ status: 'ready', me: null, notice: null });
    this.navigate('/');
    this.setSession({ ...this.session, notice: everywhere ? 'loggedOutEverywhere' : 'loggedOut' });
    return true;
  }

  /** A guardian starts acting for a child (its patient id), or with null for themself again. */
  async setActingFor(patientId: string | null): Promise<ActingForResult> {
    try {
      const me = await putActingFor(this.api, patientId, new AbortController().signal);
      this.setSession({ ...this.session, status: 'ready', me });
      return 'ok';
    } catch (err) {
      if (isUnauthenticated(err)) {
        this.setSession({ status: 'ready', me: null, notice: 'sessionEnded' });
        return 'loggedOut';
      }
      if (isForbidden(err)) {
        // The allowed children may have changed (a 13th birthday): ask again.
        await this.loadMe();
        return 'forbidden';
      }
      return 'error';
    }
  }

  private dropNotice(): void {
    if (this.session.notice !== null) this.session = { ...this.session, notice: null };
  }

  private setSession(next: SessionState): void {
    this.session = next;
    this.notify();
  }

  private set(next: AppState): void {
    this.state = next;
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
