// Realtime updates: one WebSocket to /api/v1/ws subscribed to a few topics
// ("unit:<care unit id>", "case:<case id>"). Events carry no content, only
// that something changed: the page fetches again.
//
// The subscription is a small state machine (`step`, pure) and a driver
// (`startRealtime`) that carries out its commands with ports passed in, so
// both are tested without a browser:
//
//   idle → granting (POST /api/v1/realtime/grants) → opening (new WebSocket)
//        → subscribing (a "subscribe" frame per topic, with its grant)
//        → live (every topic answered "subscribed")
//   any failure → waiting (back-off) → granting again, with fresh grants:
//   a grant lasts five minutes and is needed only when subscribing.
//   A refusal to grant (logged out, not allowed) stops for good.

export type RealtimeStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface Grant {
  topic: string;
  grant: string;
}

export type Phase = 'idle' | 'granting' | 'opening' | 'subscribing' | 'live' | 'waiting' | 'stopped';

export interface MachineState {
  phase: Phase;
  topics: string[];
  grants: Grant[];
  /** Topics still waiting for their "subscribed" answer. */
  pending: string[];
  /** Failures in a row since the last time it was live: the back-off grows with them. */
  failures: number;
  /** Has been live before: becoming live again means events may have been missed. */
  wasLive: boolean;
}

export type Input =
  | { type: 'start' }
  | { type: 'grantsReceived'; grants: Grant[] }
  | { type: 'grantsFailed'; fatal: boolean }
  | { type: 'socketOpened' }
  | { type: 'frame'; frame: unknown }
  | { type: 'socketClosed' }
  | { type: 'timer' }
  | { type: 'stop' };

export type Command =
  | { type: 'requestGrants'; topics: string[] }
  | { type: 'openSocket' }
  | { type: 'send'; data: string }
  | { type: 'closeSocket' }
  | { type: 'startTimer'; ms: number }
  | { type: 'cancelTimer' }
  | { type: 'cancelGrants' }
  /** Something on `topic` changed (null: events may have been missed); `event` is the event's body when it has one. */
  | { type: 'changed'; topic: string | null; event?: Record<string, unknown> }
  | { type: 'status'; status: RealtimeStatus };

export const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000] as const;

/** The wait before attempt number `failures` (1, 2, …) to connect again. */
export function backoff(failures: number): number {
  const i = Math.min(Math.max(failures, 1), BACKOFF_MS.length) - 1;
  return BACKOFF_MS[i] ?? 30000;
}

export function initialState(topics: readonly string[]): MachineState {
  return { phase: 'idle', topics: [...new Set(topics)], grants: [], pending: [], failures: 0, wasLive: false };
}

type Result = [MachineState, Command[]];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Something failed: drop the socket (if any) and try again after the back-off. */
function retry(state: MachineState, closeSocket: boolean): Result {
  const failures = state.failures + 1;
  const commands: Command[] = [];
  if (closeSocket) commands.push({ type: 'closeSocket' });
  commands.push({ type: 'startTimer', ms: backoff(failures) }, { type: 'status', status: 'reconnecting' });
  return [{ ...state, phase: 'waiting', grants: [], pending: [], failures }, commands];
}

function onFrame(state: MachineState, frame: unknown): Result {
  if (!isObject(frame)) return [state, []];
  const topic = typeof frame.topic === 'string' ? frame.topic : null;
  switch (frame.type) {
    case 'subscribed': {
      if (state.phase !== 'subscribing' || topic === null) return [state, []];
      const pending = state.pending.filter((t) => t !== topic);
      if (pending.length > 0) return [{ ...state, pending }, []];
      const commands: Command[] = [{ type: 'status', status: 'live' }];
      // After a gap, whatever happened meanwhile was not announced: fetch again.
      if (state.wasLive) commands.push({ type: 'changed', topic: null });
      return [{ ...state, phase: 'live', pending: [], failures: 0, wasLive: true }, commands];
    }
    case 'event':
      if (state.phase !== 'live' || topic === null || !state.topics.includes(topic)) return [state, []];
      return [state, [isObject(frame.event) ? { type: 'changed', topic, event: frame.event } : { type: 'changed', topic }]];
    case 'error':
      // A refused subscription (a grant that expired on the way): start over with fresh grants.
      return state.phase === 'subscribing' ? retry(state, true) : [state, []];
    case 'system':
      // "resync": the server may have missed events meanwhile (its link to other nodes broke), so
      // fetch again as after a reconnection; a shutdown closes the socket next.
      return frame.event === 'resync' && state.phase === 'live' ? [state, [{ type: 'changed', topic: null }]] : [state, []];
    default:
      // "hello", "pong": nothing to do.
      return [state, []];
  }
}

/** One step of the machine: the next state and what the driver must do. Pure. */
export function step(state: MachineState, input: Input): Result {
  if (state.phase === 'stopped') return [state, []];
  switch (input.type) {
    case 'start':
      if (state.phase !== 'idle') return [state, []];
      if (state.topics.length === 0) return [{ ...state, phase: 'stopped' }, [{ type: 'status', status: 'stopped' }]];
      return [
        { ...state, phase: 'granting' },
        [
          { type: 'status', status: 'connecting' },
          { type: 'requestGrants', topics: state.topics },
        ],
      ];
    case 'grantsReceived': {
      if (state.phase !== 'granting') return [state, []];
      const grants = input.grants.filter((g) => state.topics.includes(g.topic));
      if (grants.length !== state.topics.length) return retry(state, false);
      return [{ ...state, phase: 'opening', grants }, [{ type: 'openSocket' }]];
    }
    case 'grantsFailed':
      if (state.phase !== 'granting') return [state, []];
      if (input.fatal) return [{ ...state, phase: 'stopped', grants: [] }, [{ type: 'status', status: 'stopped' }]];
      return retry(state, false);
    case 'socketOpened':
      if (state.phase !== 'opening') return [state, []];
      return [
        { ...state, phase: 'subscribing', pending: state.grants.map((g) => g.topic) },
        state.grants.map((g) => ({ type: 'send', data: JSON.stringify({ type: 'subscribe', topic: g.topic, grant: g.grant }) })),
      ];
    case 'frame':
      return onFrame(state, input.frame);
    case 'socketClosed':
      if (state.phase !== 'opening' && state.phase !== 'subscribing' && state.phase !== 'live') return [state, []];
      return retry(state, false);
    case 'timer':
      if (state.phase !== 'waiting') return [state, []];
      return [{ ...state, phase: 'granting' }, [{ type: 'requestGrants', topics: state.topics }]];
    case 'stop':
      return [
        { ...state, phase: 'stopped', grants: [], pending: [] },
        [{ type: 'cancelGrants' }, { type: 'cancelTimer' }, { type: 'closeSocket' }, { type: 'status', status: 'stopped' }],
      ];
  }
}

/** The WebSocket address on this origin: ws: for http:, wss: for https:. */
export function socketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/ws`;
}

/** Reads the answer of POST /api/v1/realtime/grants. */
export function parseGrants(v: unknown): Grant[] {
  if (!isObject(v) || !Array.isArray(v.grants)) return [];
  return v.grants.flatMap((g: unknown) =>
    isObject(g) && typeof g.topic === 'string' && typeof g.grant === 'string' ? [{ topic: g.topic, grant: g.grant }] : [],
  );
}

/** The part of a WebSocket the driver uses. */
export interface SocketLike {
  onopen: (() => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
  send(data: string): void;
  close(): void;
}

export interface RealtimePorts {
  /** POST /api/v1/realtime/grants: resolves with one grant per topic. */
  requestGrants(topics: string[], signal: AbortSignal): Promise<Grant[]>;
  /** Whether a failed grant request should stop for good (401, 403). */
  isFatal(err: unknown): boolean;
  openSocket(): SocketLike;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface RealtimeHandlers {
  /**
   * Something on `topic` changed, or (null) events may have been missed: fetch again.
   * `event` is what the server said happened (most topics carry no content; meetings carry signals and chat).
   */
  onChange(topic: string | null, event?: Record<string, unknown>): void;
  onStatus?(status: RealtimeStatus): void;
}

/** Starts listening to `topics`; returns the function that stops it. */
export function startRealtime(topics: readonly string[], ports: RealtimePorts, handlers: RealtimeHandlers): () => void {
  let state = initialState(topics);
  let socket: SocketLike | null = null;
  let timer: unknown = null;
  let grantsRequest: AbortController | null = null;

  const dropSocket = () => {
    const s = socket;
    socket = null;
    if (!s) return;
    s.onopen = s.onmessage = s.onclose = s.onerror = null;
    try {
      s.close();
    } catch {
      // already closed
    }
  };

  const run = (commands: Command[]) => {
    for (const c of commands) {
      switch (c.type) {
        case 'requestGrants': {
          const ac = new AbortController();
          grantsRequest = ac;
          ports.requestGrants(c.topics, ac.signal).then(
            (grants) => {
              if (grantsRequest === ac) dispatch({ type: 'grantsReceived', grants });
            },
            (err: unknown) => {
              if (grantsRequest === ac && !ac.signal.aborted) dispatch({ type: 'grantsFailed', fatal: ports.isFatal(err) });
            },
          );
          break;
        }
        case 'cancelGrants':
          grantsRequest?.abort();
          grantsRequest = null;
          break;
        case 'openSocket': {
          dropSocket();
          let s: SocketLike;
          try {
            s = ports.openSocket();
          } catch {
            dispatch({ type: 'socketClosed' });
            break;
          }
          socket = s;
          s.onopen = () => dispatch({ type: 'socketOpened' });
          s.onmessage = (e) => {
            let frame: unknown = null;
            try {
              frame = typeof e.data === 'string' ? JSON.parse(e.data) : null;
            } catch {
              frame = null;
            }
            dispatch({ type: 'frame', frame });
          };
          s.onclose = () => {
            if (socket === s) {
              socket = null;
              dispatch({ type: 'socketClosed' });
            }
          };
          // An error is always followed by a close.
          s.onerror = null;
          break;
        }
        case 'send':
          socket?.send(c.data);
          break;
        case 'closeSocket':
          dropSocket();
          break;
        case 'startTimer':
          if (timer !== null) ports.clearTimer(timer);
          timer = ports.setTimer(() => {
            timer = null;
            dispatch({ type: 'timer' });
          }, c.ms);
          break;
        case 'cancelTimer':
          if (timer !== null) ports.clearTimer(timer);
          timer = null;
          break;
        case 'changed':
          handlers.onChange(c.topic, c.event);
          break;
        case 'status':
          handlers.onStatus?.(c.status);
          break;
      }
    }
  };

  function dispatch(input: Input) {
    const [next, commands] = step(state, input);
    state = next;
    run(commands);
  }

  dispatch({ type: 'start' });
  return () => dispatch({ type: 'stop' });
}
