import { useCallback, useEffect, useReducer, useRef } from 'preact/hooks';
import { ApiError, isAbortError } from '../api';
import { useStore } from '../context';
import type { Me } from '../session/me';
import { cancelOrder, collectOrder, startOrder, type DemoPerson } from './demoApi';
import { POLL_INTERVAL_MS, flowReducer, initialFlow, orderToCancel, type FlowState } from './loginFlow';

/** Network trouble and server errors may pass; a 4xx or a malformed answer will not. */
function isRetryable(err: unknown): boolean {
  return err instanceof ApiError && (err.kind === 'network' || err.status >= 500);
}

export interface LoginFlow {
  state: FlowState;
  choose: (person: DemoPerson) => void;
  retry: () => void;
  cancel: () => void;
  back: () => void;
}

/**
 * Runs the demo e-ID order for the page: starts it, collects every
 * POLL_INTERVAL_MS while pending, reloads `me` on completion and then calls
 * `onSignedIn`. Every request is aborted when the page is left, and a
 * pending order is cancelled on the server then too.
 */
export function useLoginFlow(onSignedIn: (me: Me) => void): LoginFlow {
  const store = useStore();
  const [state, dispatch] = useReducer(flowReducer, initialFlow);
  const latest = useRef(state);
  latest.current = state;
  const signedIn = useRef(onSignedIn);
  signedIn.current = onSignedIn;

  /** Tells the server to drop an order. Not tied to the page: it must get through when leaving. */
  const sendCancel = useCallback(
    (orderRef: string) => cancelOrder(store.api, orderRef, new AbortController().signal),
    [store],
  );

  // Starting: ask for an order.
  useEffect(() => {
    if (state.step !== 'starting') return;
    const ac = new AbortController();
    startOrder(store.api, state.person.id, ac.signal).then(
      (order) => dispatch({ type: 'started', order, now: Date.now() }),
      (err: unknown) => {
        if (!isAbortError(err)) dispatch({ type: 'startFailed' });
      },
    );
    return () => ac.abort();
  }, [state, store]);

  // Pending: collect after a pause; each answer is a new state, which schedules the next.
  useEffect(() => {
    if (state.step !== 'pending') return;
    const { orderRef } = state;
    const ac = new AbortController();
    const timer = setTimeout(() => {
      collectOrder(store.api, orderRef, ac.signal).then(
        (result) => dispatch({ type: 'collected', orderRef, result, now: Date.now() }),
        (err: unknown) => {
          if (!isAbortError(err)) dispatch({ type: 'collectFailed', orderRef, retryable: isRetryable(err), now: Date.now() });
        },
      );
    }, POLL_INTERVAL_MS);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [state, store]);

  // Complete: the answer set the session cookie; find out who is logged in now.
  useEffect(() => {
    if (state.step !== 'complete') return;
    let live = true;
    void store.loadMe().then((session) => {
      if (!live) return;
      if (session.me) signedIn.current(session.me);
      else dispatch({ type: 'finishFailed', reason: session.status === 'error' ? 'error' : 'noSession' });
    });
    return () => {
      live = false;
    };
  }, [state, store]);

  // Given up on the client side (time limit, errors): the server may still be waiting.
  useEffect(() => {
    const orderRef = state.step === 'failed' ? orderToCancel(state) : null;
    if (orderRef) sendCancel(orderRef).catch(() => {});
  }, [state, sendCancel]);

  // Leaving the page while an order is pending cancels it.
  useEffect(
    () => () => {
      const last = latest.current;
      if (last.step === 'pending') sendCancel(last.orderRef).catch(() => {});
    },
    [sendCancel],
  );

  const choose = useCallback((person: DemoPerson) => dispatch({ type: 'choose', person }), []);
  const retry = useCallback(() => {
    const last = latest.current;
    if (last.step === 'failed') dispatch({ type: 'choose', person: last.person });
  }, []);
  const back = useCallback(() => dispatch({ type: 'back' }), []);
  const cancel = useCallback(() => {
    const last = latest.current;
    dispatch({ type: 'cancel' });
    if (last.step !== 'pending') return;
    // If the order completed just before the cancel arrived, a session exists:
    // ask /me so the page tells the truth.
    sendCancel(last.orderRef).then(
      (answer) => {
        if (answer.status !== 'failed') void store.loadMe();
      },
      () => void store.loadMe(),
    );
  }, [sendCancel, store]);

  return { state, choose, retry, cancel, back };
}
