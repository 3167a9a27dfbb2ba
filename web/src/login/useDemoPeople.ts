import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, isAbortError } from '../api';
import { useStore } from '../context';
import { listDemoPeople, type DemoPerson } from './demoApi';

export type PeopleState =
  | { status: 'loading' }
  | { status: 'ready'; people: DemoPerson[] }
  /** The server is not in demo mode (404): log-in is the region's e-ID only. */
  | { status: 'notDemo' }
  | { status: 'error' };

/** Loads the demo people once; leaving the page aborts the request silently. */
export function useDemoPeople(): { state: PeopleState; retry: () => void } {
  const store = useStore();
  const [state, setState] = useState<PeopleState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ac = new AbortController();
    setState({ status: 'loading' });
    listDemoPeople(store.api, ac.signal).then(
      (people) => setState({ status: 'ready', people }),
      (err: unknown) => {
        if (isAbortError(err)) return;
        setState({ status: err instanceof ApiError && err.isNotFound ? 'notDemo' : 'error' });
      },
    );
    return () => ac.abort();
  }, [store, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
