import { describe, expect, it } from 'vitest';
import {
  backoff,
  initialState,
  parseGrants,
  socketUrl,
  startRealtime,
  step,
  type Command,
  type Grant,
  type Input,
  type MachineState,
  type RealtimeStatus,
  type SocketLike,
} from './realtime';

const UNIT = 'unit:u-11';
const CASE = 'case:c-1';
const grants: Grant[] = [
  { topic: UNIT, grant: 'g1' },
  { topic: CASE, grant: 'g2' },
];

/** Runs inputs through the machine from the start; returns the last state and every command. */
function run(inputs: Input[], topics = [UNIT, CASE]): { state: MachineState; commands: Command[] } {
  let state = initialState(topics);
  const commands: Command[] = [];
  for (const input of inputs) {
    const [next, out] = step(state, input);
    state = next;
    commands.push(...out);
  }
  return { state, commands };
}

const toLive: Input[] = [
  { type: 'start' },
  { type: 'grantsReceived', grants },
  { type: 'socketOpened' },
  { type: 'frame', frame: { type: 'hello', protocol: 1 } },
  { type: 'frame', frame: { type: 'subscribed', topic: UNIT } },
  { type: 'frame', frame: { type: 'subscribed', topic: CASE } },
];

describe('the realtime state machine', () => {
  it('asks for grants, opens the socket and subscribes to every topic with its grant', () => {
    const { state, commands } = run(toLive);
    expect(state.phase).toBe('live');
    expect(commands).toEqual([
      { type: 'status', status: 'connecting' },
      { type: 'requestGrants', topics: [UNIT, CASE] },
      { type: 'openSocket' },
      { type: 'send', data: JSON.stringify({ type: 'subscribe', topic: UNIT, grant: 'g1' }) },
      { type: 'send', data: JSON.stringify({ type: 'subscribe', topic: CASE, grant: 'g2' }) },
      { type: 'status', status: 'live' },
    ]);
  });

  it('is live only when every topic is subscribed', () => {
    const { state } = run(toLive.slice(0, 5));
    expect(state.phase).toBe('subscribing');
    expect(state.pending).toEqual([CASE]);
  });

  it('passes events of its own topics on and ignores others', () => {
    const { commands } = run([
      ...toLive,
      { type: 'frame', frame: { type: 'event', topic: UNIT, event: { kind: 'case', case_id: 'c-9', status: 'new' } } },
      { type: 'frame', frame: { type: 'event', topic: 'unit:other', event: {} } },
      { type: 'frame', frame: 'not an object' },
      { type: 'frame', frame: { type: 'pong' } },
    ]);
    expect(commands.filter((c) => c.type === 'changed')).toEqual([
      { type: 'changed', topic: UNIT, event: { kind: 'case', case_id: 'c-9', status: 'new' } },
    ]);
  });

  it('asks for a fetch when the server says to resync, and only then', () => {
    const { commands } = run([
      ...toLive,
      { type: 'frame', frame: { type: 'system', event: 'resync' } },
      { type: 'frame', frame: { type: 'system', event: 'shutdown' } },
    ]);
    expect(commands.filter((c) => c.type === 'changed')).toEqual([{ type: 'changed', topic: null }]);
    const early = run([...toLive.slice(0, 3), { type: 'frame', frame: { type: 'system', event: 'resync' } }]);
    expect(early.commands.some((c) => c.type === 'changed')).toBe(false);
  });

  it('ignores events before it is live', () => {
    const { commands } = run([...toLive.slice(0, 3), { type: 'frame', frame: { type: 'event', topic: UNIT, event: {} } }]);
    expect(commands.some((c) => c.type === 'changed')).toBe(false);
  });

  it('reconnects with fresh grants after the socket closes, and asks for a fetch once live again', () => {
    const { state, commands } = run([...toLive, { type: 'socketClosed' }]);
    expect(state.phase).toBe('waiting');
    expect(state.grants).toEqual([]);
    expect(commands.slice(-2)).toEqual([
      { type: 'startTimer', ms: 1000 },
      { type: 'status', status: 'reconnecting' },
    ]);
    const again = run([...toLive, { type: 'socketClosed' }, { type: 'timer' }, ...toLive.slice(1)]);
    expect(again.state.phase).toBe('live');
    const afterTimer = again.commands.slice(again.commands.findIndex((c) => c.type === 'startTimer') + 2);
    expect(afterTimer[0]).toEqual({ type: 'requestGrants', topics: [UNIT, CASE] });
    expect(afterTimer.slice(-2)).toEqual([
      { type: 'status', status: 'live' },
      { type: 'changed', topic: null },
    ]);
    expect(again.state.failures).toBe(0);
  });

  it('backs off longer after each failure in a row, up to 30 seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(backoff)).toEqual([1000, 2000, 4000, 8000, 15000, 30000, 30000, 30000]);
    const inputs: Input[] = [{ type: 'start' }];
    for (let i = 0; i < 3; i++) inputs.push({ type: 'grantsFailed', fatal: false }, { type: 'timer' });
    inputs.push({ type: 'grantsReceived', grants }, { type: 'socketClosed' });
    const { commands } = run(inputs);
    expect(commands.filter((c) => c.type === 'startTimer').map((c) => (c as { ms: number }).ms)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('starts over when a subscription is refused (an expired grant)', () => {
    const { state, commands } = run([
      ...toLive.slice(0, 3),
      { type: 'frame', frame: { type: 'error', problem: { status: 403 } } },
    ]);
    expect(state.phase).toBe('waiting');
    expect(commands.slice(-3)).toEqual([
      { type: 'closeSocket' },
      { type: 'startTimer', ms: 1000 },
      { type: 'status', status: 'reconnecting' },
    ]);
  });

  it('stops for good when the grants are refused (logged out, not allowed)', () => {
    const { state, commands } = run([{ type: 'start' }, { type: 'grantsFailed', fatal: true }, { type: 'timer' }, { type: 'start' }]);
    expect(state.phase).toBe('stopped');
    expect(commands.at(-1)).toEqual({ type: 'status', status: 'stopped' });
    expect(commands.filter((c) => c.type === 'requestGrants')).toHaveLength(1);
  });

  it('retries when the grants do not cover every topic', () => {
    const { state } = run([{ type: 'start' }, { type: 'grantsReceived', grants: [grants[0]!] }]);
    expect(state.phase).toBe('waiting');
  });

  it('cleans everything up when stopped, and then does nothing', () => {
    const { state, commands } = run([...toLive, { type: 'stop' }, { type: 'socketClosed' }, { type: 'timer' }]);
    expect(state.phase).toBe('stopped');
    expect(commands.slice(-4)).toEqual([
      { type: 'cancelGrants' },
      { type: 'cancelTimer' },
      { type: 'closeSocket' },
      { type: 'status', status: 'stopped' },
    ]);
  });

  it('does nothing without topics', () => {
    const { state, commands } = run([{ type: 'start' }], []);
    expect(state.phase).toBe('stopped');
    expect(commands).toEqual([{ type: 'status', status: 'stopped' }]);
  });
});

describe('realtime helpers', () => {
  it('uses ws: or wss: on this host', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:18300' })).toBe('ws://127.0.0.1:18300/api/v1/ws');
    expect(socketUrl({ protocol: 'https:', host: 'vard.example.se' })).toBe('wss://vard.example.se/api/v1/ws');
  });

  it('reads the grants', () => {
    expect(parseGrants({ grants: [{ topic: UNIT, grant: 'g' }, { topic: 1 }], expires_at: 'x' })).toEqual([{ topic: UNIT, grant: 'g' }]);
    expect(parseGrants(null)).toEqual([]);
  });
});

class FakeSocket implements SocketLike {
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  sent: string[] = [];
  closed = false;
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  receive(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startRealtime (the driver)', () => {
  function setup(grantAnswers: (() => Promise<Grant[]>)[]) {
    const sockets: FakeSocket[] = [];
    const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
    const changes: (string | null)[] = [];
    const statuses: RealtimeStatus[] = [];
    let grantCalls = 0;
    const stop = startRealtime(
      [UNIT],
      {
        requestGrants: () => {
          const answer = grantAnswers[Math.min(grantCalls, grantAnswers.length - 1)]!;
          grantCalls++;
          return answer();
        },
        isFatal: (err) => err === 'fatal',
        openSocket: () => {
          const s = new FakeSocket();
          sockets.push(s);
          return s;
        },
        setTimer: (fn, ms) => {
          const t = { fn, ms, cleared: false };
          timers.push(t);
          return t;
        },
        clearTimer: (t) => {
          (t as { cleared: boolean }).cleared = true;
        },
      },
      { onChange: (topic) => changes.push(topic), onStatus: (s) => statuses.push(s) },
    );
    return { sockets, timers, changes, statuses, stop, grantCalls: () => grantCalls };
  }

  it('subscribes, reports events and reconnects with a fresh grant after a close', async () => {
    let n = 0;
    const t = setup([async () => [{ topic: UNIT, grant: `grant-${++n}` }]]);
    await tick();
    const first = t.sockets[0]!;
    first.onopen?.();
    expect(JSON.parse(first.sent[0]!)).toEqual({ type: 'subscribe', topic: UNIT, grant: 'grant-1' });
    first.receive({ type: 'subscribed', topic: UNIT });
    first.receive({ type: 'event', topic: UNIT, event: { kind: 'case', case_id: 'c-2' } });
    expect(t.changes).toEqual([UNIT]);

    first.onclose?.();
    expect(t.statuses.at(-1)).toBe('reconnecting');
    expect(t.timers[0]!.ms).toBe(1000);
    t.timers[0]!.fn();
    await tick();
    const second = t.sockets[1]!;
    second.onopen?.();
    expect(JSON.parse(second.sent[0]!).grant).toBe('grant-2');
    second.receive({ type: 'subscribed', topic: UNIT });
    expect(t.changes).toEqual([UNIT, null]);
    expect(t.statuses).toEqual(['connecting', 'live', 'reconnecting', 'live']);

    t.stop();
    expect(second.closed).toBe(true);
    expect(t.statuses.at(-1)).toBe('stopped');
    // A late close of the stopped socket changes nothing.
    second.onclose?.();
    expect(t.timers).toHaveLength(1);
  });

  it('retries a failed grant request and gives up on a refusal', async () => {
    const t = setup([() => Promise.reject(new Error('network')), () => Promise.reject('fatal')]);
    await tick();
    expect(t.statuses).toEqual(['connecting', 'reconnecting']);
    t.timers[0]!.fn();
    await tick();
    expect(t.statuses.at(-1)).toBe('stopped');
    expect(t.grantCalls()).toBe(2);
    expect(t.sockets).toHaveLength(0);
  });

  it('ignores a grant answer that arrives after it was stopped', async () => {
    let release: (g: Grant[]) => void = () => {};
    const t = setup([() => new Promise<Grant[]>((resolve) => (release = resolve))]);
    t.stop();
    release([{ topic: UNIT, grant: 'late' }]);
    await tick();
    expect(t.sockets).toHaveLength(0);
  });
});
