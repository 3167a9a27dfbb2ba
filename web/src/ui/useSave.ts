import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { isAbortError, isUnauthenticated } from '../api';
import { useStore } from '../context';

export type SavePhase = { name: 'idle' } | { name: 'busy' } | { name: 'done' } | { name: 'failed'; error: unknown };

/**
 * Runs one save at a time for a form: `busy` while it runs, then `done`, or
 * `failed` with the error, which the form turns into words from the
 * problem's stable code. Leaving the page aborts silently.
 */
export function useSave(): {
  phase: SavePhase;
  run: <T>(call: (signal: AbortSignal) => Promise<T>) => Promise<{ value: T } | null>;
  reset: () => void;
} {
  const store = useStore();
  const [phase, setPhase] = useState<SavePhase>({ name: 'idle' });
  const acRef = useRef<AbortController | null>(null);
  useEffect(() => () => acRef.current?.abort(), []);

  const run = async <T,>(call: (signal: AbortSignal) => Promise<T>): Promise<{ value: T } | null> => {
    acRef.current?.abort();
    const ac = new AbortController();
    acRef.current = ac;
    setPhase({ name: 'busy' });
    try {
      const value = await call(ac.signal);
      setPhase({ name: 'done' });
      return { value };
    } catch (error) {
      if (isAbortError(error) || ac.signal.aborted) return null;
      if (isUnauthenticated(error)) void store.loadMe();
      setPhase({ name: 'failed', error });
      return null;
    }
  };
  const reset = useCallback(() => setPhase({ name: 'idle' }), []);
  return { phase, run, reset };
}
