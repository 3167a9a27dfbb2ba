import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { isAbortError } from '../api';
import { PAGE_SIZE } from '../query';
import { listClinics } from './clinicApi';
import { initialListState, listReducer, type ListState } from './listState';

export interface ClinicList {
  state: ListState;
  retry: () => void;
  loadMore: () => void;
}

/**
 * Loads the clinic list for a search text. A new search aborts the request
 * in flight (and any "load more"); aborts are silent, failures become state.
 */
export function useClinicList(q: string): ClinicList {
  const [state, dispatch] = useReducer(listReducer, initialListState);
  const [attempt, setAttempt] = useState(0);
  const more = useRef<AbortController | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    dispatch({ type: 'start' });
    listClinics({ q, limit: PAGE_SIZE }, ac.signal).then(
      (page) => dispatch({ type: 'loaded', page }),
      (err: unknown) => {
        if (!isAbortError(err)) dispatch({ type: 'failed' });
      },
    );
    return () => {
      ac.abort();
      more.current?.abort();
    };
  }, [q, attempt]);

  const { nextCursor, more: moreStatus } = state;
  const loadMore = useCallback(() => {
    if (!nextCursor || moreStatus === 'loading') return;
    const ac = new AbortController();
    more.current = ac;
    dispatch({ type: 'moreStart' });
    listClinics({ q, limit: PAGE_SIZE, cursor: nextCursor }, ac.signal).then(
      (page) => dispatch({ type: 'moreLoaded', page }),
      (err: unknown) => {
        if (!isAbortError(err)) dispatch({ type: 'moreFailed' });
      },
    );
  }, [q, nextCursor, moreStatus]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry, loadMore };
}
