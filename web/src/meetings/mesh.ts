// The rules of the meeting's WebRTC mesh, without a browser: one peer
// connection per other admitted participant, who makes the offer (the smaller
// id, so two people never offer at once), which connections to open and close
// when the roster changes, what each signal from a peer means, the
// RTCPeerConnection settings, and the realtime events' bodies. Pure; the
// driver is peerMesh.ts.

import { isObject, str } from '../cases/model';
import type { IceServer, Participant } from './meeting';

/** At most this many people in one meeting (a mesh: everyone sends to everyone). */
export const MAX_PARTICIPANTS = 6;

/** Of two participants, the one with the lexicographically smaller id makes the offer (no glare). */
export function iOffer(myId: string, peerId: string): boolean {
  return myId < peerId;
}

export interface RosterDiff {
  /** Admitted people without a connection yet. */
  add: Participant[];
  /** Connections to people who are no longer admitted (left, or gone from the view). */
  remove: string[];
}

/**
 * Which connections to open and close. Only admitted people listed in the
 * view get one, never the caller, and none at all while the caller is not
 * admitted: nothing is sent to anyone in the waiting room.
 */
export function rosterDiff(connected: Iterable<string>, me: Participant, participants: readonly Participant[]): RosterDiff {
  const wanted = me.state === 'admitted' ? participants.filter((p) => p.state === 'admitted' && p.id !== me.id).slice(0, MAX_PARTICIPANTS - 1) : [];
  const have = new Set(connected);
  const wantedIds = new Set(wanted.map((p) => p.id));
  return {
    add: wanted.filter((p) => !have.has(p.id)),
    remove: [...have].filter((id) => !wantedIds.has(id)),
  };
}

/**
 * RTCPeerConnection settings from the meeting's ICE servers. `relayOnly`
 * sends everything through TURN (iceTransportPolicy "relay"): it hides the
 * addresses of the people in the meeting from each other.
 */
export function rtcConfig(servers: readonly IceServer[], relayOnly: boolean): RTCConfiguration {
  return {
    iceServers: servers.map((s) => ({ ...s, urls: [...s.urls] })),
    iceTransportPolicy: relayOnly ? 'relay' : 'all',
    bundlePolicy: 'max-bundle',
  };
}

/** Whether an ICE candidate line is a relay (TURN) candidate. */
export function isRelayCandidate(candidate: string): boolean {
  return / typ relay( |$)/.test(candidate);
}

// --- signals ---

export interface CandidateInit {
  candidate: string;
  sdpMid: string | null;
  sdpMLineIndex: number | null;
  usernameFragment: string | null;
}

/**
 * What one browser sends another through the server. `session` names the
 * sender's connection: a new one (after a reload) means starting afresh.
 */
export type SignalPayload =
  | { session: string; kind: 'hello' }
  | { session: string; kind: 'offer' | 'answer'; sdp: string }
  | { session: string; kind: 'candidate'; candidate: CandidateInit };

export interface Signal {
  from: string;
  payload: SignalPayload;
}

/** The body of a "signal" event (from the server: {type, from, payload}); null when it is not one. */
export function parseSignal(event: unknown): Signal | null {
  if (!isObject(event) || event.type !== 'signal') return null;
  const from = str(event.from);
  const p = event.payload;
  if (!from || !isObject(p)) return null;
  const session = str(p.session);
  if (!session) return null;
  if (p.kind === 'hello') return { from, payload: { session, kind: 'hello' } };
  if ((p.kind === 'offer' || p.kind === 'answer') && typeof p.sdp === 'string' && p.sdp !== '') {
    return { from, payload: { session, kind: p.kind, sdp: p.sdp } };
  }
  if (p.kind === 'candidate' && isObject(p.candidate) && typeof p.candidate.candidate === 'string') {
    const c = p.candidate;
    return {
      from,
      payload: {
        session,
        kind: 'candidate',
        candidate: {
          candidate: String(c.candidate),
          sdpMid: typeof c.sdpMid === 'string' ? c.sdpMid : null,
          sdpMLineIndex: typeof c.sdpMLineIndex === 'number' ? c.sdpMLineIndex : null,
          usernameFragment: typeof c.usernameFragment === 'string' ? c.usernameFragment : null,
        },
      },
    };
  }
  return null;
}

/** What the connection to one peer looks like when a signal arrives. */
export interface PeerSnapshot {
  /** A connection exists. */
  hasConnection: boolean;
  /** The peer's session we are talking to; null before hearing from it. */
  remoteSession: string | null;
  signalingState: RTCSignalingState | null;
  /** The remote description is set (candidates can be added). */
  hasRemoteDescription: boolean;
}

export type SignalAction =
  | 'ignore'
  /** Offerer: start over with a new connection and a new offer (the peer reloaded). */
  | 'restart'
  /** Offerer: send the pending offer again (it may have been lost). */
  | 'resendOffer'
  /** Offerer: take the answer. */
  | 'acceptAnswer'
  /** Answerer: answer on the existing connection (or a new one when there is none). */
  | 'answer'
  /** Answerer: drop the connection and answer on a new one (the peer reloaded). */
  | 'restartAndAnswer'
  | 'addCandidate'
  | 'bufferCandidate';

/** What to do with a signal from a peer. `offerer`: whether the caller makes the offers to this peer. */
export function signalAction(offerer: boolean, peer: PeerSnapshot, payload: SignalPayload): SignalAction {
  const fromOtherSession = peer.remoteSession !== null && peer.remoteSession !== payload.session;
  switch (payload.kind) {
    case 'hello':
      if (!offerer) return 'ignore';
      if (!peer.hasConnection || fromOtherSession) return 'restart';
      return peer.signalingState === 'have-local-offer' ? 'resendOffer' : 'ignore';
    case 'answer':
      if (!offerer || !peer.hasConnection || peer.signalingState !== 'have-local-offer') return 'ignore';
      return 'acceptAnswer';
    case 'offer':
      if (offerer) return 'ignore';
      return peer.hasConnection && fromOtherSession ? 'restartAndAnswer' : 'answer';
    case 'candidate':
      if (!peer.hasConnection || fromOtherSession) return offerer || peer.hasConnection ? 'ignore' : 'bufferCandidate';
      return peer.hasRemoteDescription ? 'addCandidate' : 'bufferCandidate';
  }
}

// --- chat ---

export interface ChatLine {
  from: string;
  name: string;
  text: string;
  at: string;
}

/** The body of a "chat" event; null when it is not one. */
export function parseChat(event: unknown): ChatLine | null {
  if (!isObject(event) || event.type !== 'chat') return null;
  const from = str(event.from);
  const t = typeof event.text === 'string' ? event.text : '';
  if (!from || t.trim() === '') return null;
  return { from, name: typeof event.name === 'string' ? event.name : '', text: t, at: typeof event.at === 'string' ? event.at : '' };
}

/** The chat keeps this many lines on the page (nothing is stored anywhere). */
export const CHAT_KEEP = 200;

export function withChatLine(lines: readonly ChatLine[], line: ChatLine): ChatLine[] {
  const next = [...lines, line];
  return next.length > CHAT_KEEP ? next.slice(next.length - CHAT_KEEP) : next;
}

const EVENT_TYPES = ['admitted', 'rejected', 'roster', 'signal', 'chat', 'ended', 'left'] as const;
export type MeetingEventType = (typeof EVENT_TYPES)[number] | 'other';

export function eventType(event: Record<string, unknown> | undefined): MeetingEventType {
  const t = event?.type;
  return (EVENT_TYPES as readonly unknown[]).includes(t) ? (t as MeetingEventType) : 'other';
}

/** The label under a video: "Name, Organisation". */
export function tileLabel(p: Pick<Participant, 'name' | 'organisation'>): string {
  return [p.name.trim(), p.organisation.trim()].filter((s) => s !== '').join(', ');
}

/**
 * A setting kept in localStorage under this key with the value "relay" sends
 * all media through TURN (iceTransportPolicy "relay"). The browser tests set
 * it to prove the relay path; someone who does not want their address seen by
 * the others in a meeting may set it too. Anything else: direct when possible.
 */
export const ICE_POLICY_KEY = 'oppenvard.meeting.iceTransportPolicy';

export function relayOnlyFrom(stored: string | null): boolean {
  return stored === 'relay';
}
