import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, isAbortError } from '../api';
import type { Clinic } from './clinic';
import { getClinic } from './clinicApi';

export type ClinicState =
  | { status: 'loading' }
  | { status: 'ready'; clinic: Clinic }
  | { status: 'notFound' }
  | { status: 'error' };

/** Loads one clinic; leaving the page aborts the request silently. */
export function useClinic(id: string): { state: ClinicState; retry: () => void } {
  const [state, setState] = useState<ClinicState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ac = new AbortController();
    setState({ status: 'loading' });
    getClinic(id, ac.signal).then(
      (clinic) => setState({ status: 'ready', clinic }),
      (err: unknown) => {
        if (isAbortError(err)) return;
        setState({ status: err instanceof ApiError && err.isNotFound ? 'notFound' : 'error' });
      },
    );
    return () => ac.abort();
  }, [id, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
