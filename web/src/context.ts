// The one context through which components reach the store created in main.tsx.

import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { translator, type Translator } from './i18n';
import type { AppState, SessionState, Store } from './store';

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext is missing: render inside <StoreContext.Provider>');
  return store;
}

/** The current state; the component re-renders when it changes. */
export function useAppState(): AppState {
  const store = useStore();
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    setState(store.getState());
    return store.subscribe(() => setState(store.getState()));
  }, [store]);
  return state;
}

/** The logged-in person and the session's notice; re-renders when they change. */
export function useSession(): SessionState {
  const store = useStore();
  const [session, setSession] = useState(store.getSession());
  useEffect(() => {
    setSession(store.getSession());
    return store.subscribe(() => setSession(store.getSession()));
  }, [store]);
  return session;
}

/** Messages in the chosen language. */
export function useT(): Translator {
  const { lang } = useAppState();
  return useMemo(() => translator(lang), [lang]);
}
