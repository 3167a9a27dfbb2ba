import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isForbidden, isUnauthenticated } from '../api';
import { useStore } from '../context';
import { parseGrants, socketUrl, startRealtime, type Grant, type RealtimeStatus, type SocketLike } from './realtime';

export const GRANTS_URL = '/api/v1/realtime/grants';

/** The browser's WebSocket behind the driver's small SocketLike. */
function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const s: SocketLike = {
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    send: (data) => ws.send(data),
    close: () => ws.close(),
  };
  ws.onopen = () => s.onopen?.();
  ws.onmessage = (e: MessageEvent) => s.onmessage?.({ data: e.data });
  ws.onclose = () => s.onclose?.();
  ws.onerror = () => s.onerror?.();
  return s;
}

export interface RealtimeOptions {
  /** Where grants come from, when not POST /api/v1/realtime/grants (a meeting's own topic). */
  requestGrants?: (topics: string[], signal: AbortSignal) => Promise<Grant[]>;
  /** Whether a failed grant request should stop for good; by default 401, 403 and 422. */
  isFatal?: (err: unknown) => boolean;
}

const defaultFatal = (err: unknown) => isUnauthenticated(err) || isForbidden(err) || (err instanceof ApiError && err.status === 422);

/**
 * Listens to realtime topics while the component is mounted and calls
 * `onChange` when something on them changed (or may have: after a
 * reconnection), with the event's body when it has one. Returns how the
 * connection stands. Every (re)connection asks for fresh grants: a grant
 * lasts five minutes and is checked when subscribing.
 */
export function useRealtime(
  topics: readonly string[],
  onChange: (topic: string | null, event?: Record<string, unknown>) => void,
  options: RealtimeOptions = {},
): RealtimeStatus {
  const store = useStore();
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const callback = useRef(onChange);
  callback.current = onChange;
  const opts = useRef(options);
  opts.current = options;
  const key = topics.join(' ');

  useEffect(() => {
    const list = key.split(' ').filter((t) => t !== '');
    if (typeof WebSocket === 'undefined' || list.length === 0) {
      setStatus('stopped');
      return;
    }
    return startRealtime(
      list,
      {
        requestGrants: async (t, signal) => {
          const own = opts.current.requestGrants;
          return own ? own(t, signal) : parseGrants(await store.api.post(GRANTS_URL, { topics: t }, signal));
        },
        isFatal: (err) => (opts.current.isFatal ?? defaultFatal)(err),
        openSocket: () => browserSocket(socketUrl(window.location)),
        setTimer: (fn, ms) => window.setTimeout(fn, ms),
        clearTimer: (handle) => window.clearTimeout(handle as number),
      },
      { onChange: (topic, event) => callback.current(topic, event), onStatus: setStatus },
    );
  }, [store, key]);

  return status;
}
