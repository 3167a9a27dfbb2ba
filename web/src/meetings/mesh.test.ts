import { describe, expect, it } from 'vitest';
import type { Participant } from './meeting';
import {
  eventType,
  iOffer,
  isRelayCandidate,
  MAX_PARTICIPANTS,
  parseChat,
  parseSignal,
  relayOnlyFrom,
  rosterDiff,
  rtcConfig,
  signalAction,
  tileLabel,
  withChatLine,
  CHAT_KEEP,
  type PeerSnapshot,
  type SignalPayload,
} from './mesh';

const p = (id: string, state: Participant['state'] = 'admitted'): Participant => ({
  id,
  role: 'patient',
  name: id,
  organisation: '',
  title: '',
  identification: 'e_id',
  identifiedAt: null,
  state,
});

describe('who offers', () => {
  it('lets the smaller id offer, so exactly one of two offers', () => {
    expect(iOffer('0190a-1', '0190a-2')).toBe(true);
    expect(iOffer('0190a-2', '0190a-1')).toBe(false);
    for (const [a, b] of [
      ['a', 'b'],
      ['019c', '019b'],
      ['x1', 'x10'],
    ] as const) {
      expect(iOffer(a, b) !== iOffer(b, a)).toBe(true);
    }
  });
});

describe('roster diffing', () => {
  const me = p('m');

  it('connects to the admitted others only', () => {
    const diff = rosterDiff([], me, [me, p('a'), p('b', 'waiting'), p('c', 'rejected'), p('d', 'left'), p('e')]);
    expect(diff.add.map((x) => x.id)).toEqual(['a', 'e']);
    expect(diff.remove).toEqual([]);
  });

  it('closes connections to people who left or vanished, and keeps the rest', () => {
    const diff = rosterDiff(['a', 'b', 'c'], me, [me, p('a'), p('b', 'left')]);
    expect(diff.add).toEqual([]);
    expect(diff.remove).toEqual(['b', 'c']);
  });

  it('connects to nobody while the caller waits, and drops everyone when they are no longer admitted', () => {
    expect(rosterDiff([], p('m', 'waiting'), [p('m', 'waiting'), p('a')]).add).toEqual([]);
    expect(rosterDiff(['a'], p('m', 'left'), [p('a')]).remove).toEqual(['a']);
  });

  it('stays within a mesh of six', () => {
    const many = Array.from({ length: 9 }, (_, i) => p(`p${i}`));
    expect(rosterDiff([], me, [me, ...many]).add).toHaveLength(MAX_PARTICIPANTS - 1);
  });
});

describe('settings', () => {
  it('passes the ICE servers on and forces the relay when asked', () => {
    const servers = [{ urls: ['turn:127.0.0.1:3478?transport=udp'], username: 'u', credential: 'c' }];
    expect(rtcConfig(servers, true)).toEqual({ iceServers: servers, iceTransportPolicy: 'relay', bundlePolicy: 'max-bundle' });
    expect(rtcConfig([], false).iceTransportPolicy).toBe('all');
    expect(relayOnlyFrom('relay')).toBe(true);
    expect(relayOnlyFrom('1')).toBe(false);
    expect(relayOnlyFrom(null)).toBe(false);
  });

  it('recognises relay candidates', () => {
    expect(isRelayCandidate('candidate:1 1 udp 41885439 127.0.0.1 49160 typ relay raddr 127.0.0.1 rport 5000')).toBe(true);
    expect(isRelayCandidate('candidate:1 1 udp 2122260223 192.168.1.2 5000 typ host')).toBe(false);
    expect(isRelayCandidate('candidate:1 1 udp 1 10.0.0.1 1 typ srflx raddr 0.0.0.0 rport 0')).toBe(false);
  });
});

describe('signals', () => {
  it('reads offers, answers, candidates and hellos, and nothing else', () => {
    expect(parseSignal({ type: 'signal', from: 'a', payload: { session: 's', kind: 'offer', sdp: 'v=0' } })).toEqual({
      from: 'a',
      payload: { session: 's', kind: 'offer', sdp: 'v=0' },
    });
    expect(parseSignal({ type: 'signal', from: 'a', payload: { session: 's', kind: 'hello' } })?.payload.kind).toBe('hello');
    expect(
      parseSignal({ type: 'signal', from: 'a', payload: { session: 's', kind: 'candidate', candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } } }),
    ).toEqual({ from: 'a', payload: { session: 's', kind: 'candidate', candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: null } } });
    expect(parseSignal({ type: 'signal', from: 'a', payload: { kind: 'offer', sdp: 'v=0' } })).toBeNull();
    expect(parseSignal({ type: 'signal', from: 'a', payload: { session: 's', kind: 'offer', sdp: '' } })).toBeNull();
    expect(parseSignal({ type: 'chat', from: 'a' })).toBeNull();
  });

  const fresh: PeerSnapshot = { hasConnection: false, remoteSession: null, signalingState: null, hasRemoteDescription: false };
  const offering: PeerSnapshot = { hasConnection: true, remoteSession: null, signalingState: 'have-local-offer', hasRemoteDescription: false };
  const connected: PeerSnapshot = { hasConnection: true, remoteSession: 'r1', signalingState: 'stable', hasRemoteDescription: true };
  const hello = (session: string): SignalPayload => ({ session, kind: 'hello' });
  const offer = (session: string): SignalPayload => ({ session, kind: 'offer', sdp: 'v=0' });
  const answer = (session: string): SignalPayload => ({ session, kind: 'answer', sdp: 'v=0' });
  const cand = (session: string): SignalPayload => ({ session, kind: 'candidate', candidate: { candidate: 'c', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: null } });

  it('the offerer resends a pending offer on hello, and starts afresh when the peer reloaded', () => {
    expect(signalAction(true, offering, hello('r1'))).toBe('resendOffer');
    expect(signalAction(true, connected, hello('r1'))).toBe('ignore');
    expect(signalAction(true, connected, hello('r2'))).toBe('restart');
    expect(signalAction(true, fresh, hello('r1'))).toBe('restart');
  });

  it('the offerer takes an answer only to its pending offer, and never answers', () => {
    expect(signalAction(true, offering, answer('r1'))).toBe('acceptAnswer');
    expect(signalAction(true, connected, answer('r1'))).toBe('ignore');
    expect(signalAction(true, offering, offer('r1'))).toBe('ignore');
  });

  it('the answerer answers, on a new connection when the offerer reloaded, and ignores answers and hellos', () => {
    expect(signalAction(false, fresh, offer('o1'))).toBe('answer');
    expect(signalAction(false, { ...connected, remoteSession: 'o1' }, offer('o1'))).toBe('answer');
    expect(signalAction(false, { ...connected, remoteSession: 'o1' }, offer('o2'))).toBe('restartAndAnswer');
    expect(signalAction(false, connected, answer('o1'))).toBe('ignore');
    expect(signalAction(false, connected, hello('o1'))).toBe('ignore');
  });

  it('keeps candidates that come before their description and drops stale ones', () => {
    expect(signalAction(false, fresh, cand('o1'))).toBe('bufferCandidate');
    expect(signalAction(true, offering, cand('r1'))).toBe('bufferCandidate');
    expect(signalAction(true, connected, cand('r1'))).toBe('addCandidate');
    expect(signalAction(true, connected, cand('old'))).toBe('ignore');
    expect(signalAction(true, fresh, cand('r1'))).toBe('ignore');
  });
});

describe('chat and events', () => {
  it('reads chat lines and keeps only the latest on the page', () => {
    const line = parseChat({ type: 'chat', from: 'a', name: 'Karin', text: 'Hej', at: '2026-11-24T12:00:00Z' });
    expect(line).toEqual({ from: 'a', name: 'Karin', text: 'Hej', at: '2026-11-24T12:00:00Z' });
    expect(parseChat({ type: 'chat', from: 'a', text: '  ' })).toBeNull();
    let lines = [line!];
    for (let i = 0; i < CHAT_KEEP + 5; i++) lines = withChatLine(lines, { ...line!, text: `${i}` });
    expect(lines).toHaveLength(CHAT_KEEP);
    expect(lines.at(-1)?.text).toBe(`${CHAT_KEEP + 4}`);
  });

  it('names the events the page acts on', () => {
    expect(eventType({ type: 'admitted' })).toBe('admitted');
    expect(eventType({ type: 'roster' })).toBe('roster');
    expect(eventType({ type: 'ended' })).toBe('ended');
    expect(eventType({ type: 'left' })).toBe('left');
    expect(eventType({ type: 'surprise' })).toBe('other');
    expect(eventType(undefined)).toBe('other');
  });

  it('labels a picture with name and organisation', () => {
    expect(tileLabel({ name: 'Sofia Berg', organisation: 'Botkyrka kommun' })).toBe('Sofia Berg, Botkyrka kommun');
    expect(tileLabel({ name: 'Erik Sandberg', organisation: '' })).toBe('Erik Sandberg');
  });
});
