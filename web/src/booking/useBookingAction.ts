import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { isAbortError, isUnauthenticated } from '../api';
import { useStore } from '../context';
import type { MessageKey } from '../i18n';
import { bookingErrorKey, type BookingAction } from './booking';

export type BookingPhase = { name: 'idle' } | { name: 'busy' } | { name: 'done' } | { name: 'failed'; message: MessageKey };

/**
 * Runs one booking or scheduling call at a time for a form: `busy` while it
 * runs, then `done`, or `failed` with the refusal in plain words (read from
 * the problem's stable code). Leaving the page aborts silently.
 */
export function useBookingAction(action: BookingAction): {
  phase: BookingPhase;
  run: <T>(call: (signal: AbortSignal) => Promise<T>) => Promise<{ value: T } | null>;
  reset: () => void;
} {
  const store = useStore();
  const [phase, setPhase] = useState<BookingPhase>({ name: 'idle' });
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
    } catch (err) {
      if (isAbortError(err) || ac.signal.aborted) return null;
      if (isUnauthenticated(err)) void store.loadMe();
      setPhase({ name: 'failed', message: bookingErrorKey(err, action) });
      return null;
    }
  };
  const reset = useCallback(() => setPhase({ name: 'idle' }), []);
  return { phase, run, reset };
}
