// The one application store: language and location. No DOM here — main.tsx
// passes in the browser's history and localStorage as small ports, so the
// store can be tested with fakes.

import type { Lang } from './i18n';

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
}

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
  private readonly listeners = new Set<Listener>();
  private readonly ports: StorePorts;

  constructor(initial: { lang: Lang; location: AppLocation }, ports: StorePorts) {
    this.state = { lang: initial.lang, location: initial.location, navigations: 0 };
    this.ports = ports;
  }

  getState(): AppState {
    return this.state;
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
    this.set({ ...this.state, location, navigations: this.state.navigations + 1 });
  }

  /** The browser moved through its history (back/forward). */
  historyChanged(location: AppLocation): void {
    if (locationUrl(location) === locationUrl(this.state.location)) return;
    const pageChanged = location.path !== this.state.location.path;
    this.set({ ...this.state, location, navigations: this.state.navigations + (pageChanged ? 1 : 0) });
  }

  private set(next: AppState): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
