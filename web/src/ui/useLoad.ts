import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { isAbortError, isUnauthenticated } from '../api';
import { useStore } from '../context';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T; refreshing: boolean }
  | { status: 'error'; error: unknown };

/**
 * Loads something for a page: again when `key` changes, and on `reload()`
 * (after a change, or a realtime event) without blanking what is shown
 * (a refresh that fails keeps it too). A
 * newer load aborts an older one; leaving the page aborts silently. A 401
 * means the session has ended: the session is asked again, so the page
 * turns into its logged-out view.
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): { state: LoadState<T>; reload: () => void; setValue: (value: T) => void } {
  const store = useStore();
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const shownKey = useRef(key);

  useEffect(() => {
    const ac = new AbortController();
    const sameKey = shownKey.current === key;
    shownKey.current = key;
    setState((s) => (s.status === 'ready' && sameKey ? { ...s, refreshing: true } : { status: 'loading' }));
    loader.current(ac.signal).then(
      (value) => {
        if (!ac.signal.aborted) setState({ status: 'ready', value, refreshing: false });
      },
      (error: unknown) => {
        if (isAbortError(error) || ac.signal.aborted) return;
        if (isUnauthenticated(error)) void store.loadMe();
        // A failed refresh keeps what is shown; a failed first load says so.
        setState((s) => (s.status === 'ready' && sameKey ? { ...s, refreshing: false } : { status: 'error', error }));
      },
    );
    return () => ac.abort();
  }, [store, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setValue = useCallback((value: T) => setState({ status: 'ready', value, refreshing: false }), []);
  return { state, reload, setValue };
}
