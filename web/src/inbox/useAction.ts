import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbortError, isUnauthenticated } from '../api';
import { useStore } from '../context';

export type ActionPhase = { name: 'idle' } | { name: 'busy'; what: string } | { name: 'done'; what: string } | { name: 'failed'; what: string; status: number };

/**
 * Runs one change at a time for a page (claim, reply, close …): `busy`
 * while it runs, then `done` or `failed` with the HTTP status, so the page
 * can say what happened. Leaving the page aborts silently.
 */
export function useAction(): { phase: ActionPhase; run: <T>(what: string, call: (signal: AbortSignal) => Promise<T>) => Promise<T | null> } {
  const store = useStore();
  const [phase, setPhase] = useState<ActionPhase>({ name: 'idle' });
  const acRef = useRef<AbortController | null>(null);
  useEffect(() => () => acRef.current?.abort(), []);

  const run = async <T,>(what: string, call: (signal: AbortSignal) => Promise<T>): Promise<T | null> => {
    acRef.current?.abort();
    const ac = new AbortController();
    acRef.current = ac;
    setPhase({ name: 'busy', what });
    try {
      const result = await call(ac.signal);
      setPhase({ name: 'done', what });
      return result;
    } catch (err) {
      if (isAbortError(err)) return null;
      if (isUnauthenticated(err)) void store.loadMe();
      setPhase({ name: 'failed', what, status: err instanceof ApiError ? err.status : 0 });
      return null;
    }
  };
  return { phase, run };
}
