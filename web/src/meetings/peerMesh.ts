// The meeting's WebRTC mesh in the browser: one RTCPeerConnection per other
// admitted participant. The rules (who offers, what a signal means, whom to
// connect) are in mesh.ts; this carries them out. Media is sent only on
// connections to people the view lists as admitted, and signals only reach
// admitted people (the server refuses others).
//
// The offerer adds an audio and a video transceiver (sendrecv, even without a
// track) and offers; the answerer answers on the transceivers the offer made.
// Tracks change with replaceTrack (mute, another camera, screen sharing), so
// no renegotiation is needed; a failed connection is restarted by the offerer
// (restartIce, a new offer). Each side names its connection with a random
// session: a signal from a new session means the peer reloaded, and the
// connection starts afresh. Signals to one peer are sent one at a time, in
// order.

import type { Participant } from './meeting';
import { iOffer, rosterDiff, signalAction, type CandidateInit, type Signal, type SignalPayload } from './mesh';

export interface MeshPorts {
  createConnection(config: RTCConfiguration): RTCPeerConnection;
  send(to: string, payload: SignalPayload): Promise<void>;
  /** A fresh random name for one connection. */
  newSession(): string;
}

export interface LocalTracks {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  stream: MediaStream | null;
}

export interface RemotePeer {
  participant: Participant;
  stream: MediaStream;
  state: RTCPeerConnectionState | 'new';
}

interface Entry {
  participant: Participant;
  offerer: boolean;
  pc: RTCPeerConnection | null;
  session: string;
  remoteSession: string | null;
  stream: MediaStream;
  /** Candidates that came before the description they belong to. */
  candidates: { session: string; candidate: CandidateInit }[];
  /** Signal handling, one at a time. */
  work: Promise<void>;
  /** Sending, one at a time and in order. */
  outbox: Promise<void>;
}

const MAX_PENDING = 50;
/** How often connections that are still being set up are nudged (a signal may have been lost on a reconnecting socket). */
const NUDGE_MS = 5000;

export class PeerMesh {
  private readonly peers = new Map<string, Entry>();
  /** Signals from people not (yet) admitted in the view: kept until the view lists them. */
  private readonly pending = new Map<string, SignalPayload[]>();
  private closed = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly myId: string,
    private readonly config: RTCConfiguration,
    private local: LocalTracks,
    private readonly ports: MeshPorts,
    private readonly onChange: () => void,
    private readonly onUnknownPeer: (id: string) => void,
  ) {
    this.timer = setInterval(() => this.nudge(), NUDGE_MS);
  }

  /**
   * Asks again where a connection is still being set up: the answerer says
   * hello, the offerer sends its pending offer again. Signals lost while the
   * realtime socket reconnected are recovered this way.
   */
  nudge(): void {
    if (this.closed) return;
    for (const e of this.peers.values()) {
      const pc = e.pc;
      if (e.offerer) {
        if (pc?.signalingState === 'have-local-offer' && pc.localDescription) this.send(e, { session: e.session, kind: 'offer', sdp: pc.localDescription.sdp });
      } else if (!pc || pc.signalingState !== 'stable' || pc.connectionState === 'new') {
        this.send(e, { session: e.session, kind: 'hello' });
      }
    }
  }

  /** The remote people, in the order of the view. */
  remotes(): RemotePeer[] {
    return [...this.peers.values()].map((e) => ({ participant: e.participant, stream: e.stream, state: e.pc?.connectionState ?? 'new' }));
  }

  /** Opens connections to newly admitted people and closes those to people who are gone. */
  sync(me: Participant, participants: readonly Participant[]): void {
    if (this.closed) return;
    const diff = rosterDiff(this.peers.keys(), me, participants);
    for (const id of diff.remove) this.drop(id);
    for (const p of participants) {
      const e = this.peers.get(p.id);
      if (e) e.participant = p;
    }
    for (const p of diff.add) this.add(p);
    if (diff.add.length > 0 || diff.remove.length > 0) this.onChange();
  }

  handle(signal: Signal): void {
    if (this.closed || signal.from === this.myId) return;
    const e = this.peers.get(signal.from);
    if (!e) {
      const list = this.pending.get(signal.from) ?? [];
      if (list.length < MAX_PENDING) list.push(signal.payload);
      this.pending.set(signal.from, list);
      this.onUnknownPeer(signal.from);
      return;
    }
    e.work = e.work.then(() => this.process(e, signal.payload)).catch(() => {
      // A description the browser refuses: the offerer starts over when the peer says hello again.
    });
  }

  /** Sends `track` (or nothing) instead of the current audio or video on every connection. */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null, stream: MediaStream | null = this.local.stream): Promise<void> {
    this.local = { ...this.local, [kind]: track, stream };
    const jobs: Promise<void>[] = [];
    for (const e of this.peers.values()) {
      for (const t of e.pc?.getTransceivers() ?? []) {
        if (t.receiver.track.kind === kind && t.currentDirection !== 'stopped') jobs.push(t.sender.replaceTrack(track));
      }
    }
    await Promise.allSettled(jobs);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    for (const id of [...this.peers.keys()]) this.drop(id);
    this.pending.clear();
  }

  private add(p: Participant): void {
    const e: Entry = {
      participant: p,
      offerer: iOffer(this.myId, p.id),
      pc: null,
      session: this.ports.newSession(),
      remoteSession: null,
      stream: new MediaStream(),
      candidates: [],
      work: Promise.resolve(),
      outbox: Promise.resolve(),
    };
    this.peers.set(p.id, e);
    if (e.offerer) this.connect(e);
    else this.send(e, { session: e.session, kind: 'hello' });
    const waiting = this.pending.get(p.id);
    this.pending.delete(p.id);
    for (const payload of waiting ?? []) this.handle({ from: p.id, payload });
  }

  private drop(id: string): void {
    const e = this.peers.get(id);
    this.peers.delete(id);
    if (e) this.hangUp(e);
  }

  private hangUp(e: Entry): void {
    const pc = e.pc;
    e.pc = null;
    if (!pc) return;
    pc.onicecandidate = pc.ontrack = pc.onconnectionstatechange = pc.onnegotiationneeded = null;
    pc.close();
    for (const t of e.stream.getTracks()) e.stream.removeTrack(t);
  }

  /** A new connection (and, for the offerer, its offer through negotiationneeded). */
  private connect(e: Entry): RTCPeerConnection {
    this.hangUp(e);
    e.session = this.ports.newSession();
    e.remoteSession = null;
    e.candidates = [];
    e.stream = new MediaStream();
    const pc = this.ports.createConnection(this.config);
    e.pc = pc;
    pc.onicecandidate = (ev) => {
      if (ev.candidate && e.pc === pc) {
        const c = ev.candidate.toJSON();
        this.send(e, {
          session: e.session,
          kind: 'candidate',
          candidate: { candidate: c.candidate ?? '', sdpMid: c.sdpMid ?? null, sdpMLineIndex: c.sdpMLineIndex ?? null, usernameFragment: c.usernameFragment ?? null },
        });
      }
    };
    pc.ontrack = (ev) => {
      if (e.pc !== pc) return;
      for (const old of e.stream.getTracks().filter((t) => t.kind === ev.track.kind)) e.stream.removeTrack(old);
      e.stream.addTrack(ev.track);
      this.onChange();
    };
    pc.onconnectionstatechange = () => {
      if (e.pc !== pc) return;
      if (pc.connectionState === 'failed' && e.offerer && pc.signalingState === 'stable') pc.restartIce();
      this.onChange();
    };
    if (e.offerer) {
      pc.onnegotiationneeded = () => {
        e.work = e.work.then(() => this.offer(e, pc)).catch(() => undefined);
      };
      const streams = this.local.stream ? [this.local.stream] : [];
      pc.addTransceiver(this.local.audio ?? 'audio', { direction: 'sendrecv', streams });
      pc.addTransceiver(this.local.video ?? 'video', { direction: 'sendrecv', streams });
    }
    this.onChange();
    return pc;
  }

  private async offer(e: Entry, pc: RTCPeerConnection): Promise<void> {
    if (e.pc !== pc || pc.signalingState !== 'stable') return;
    await pc.setLocalDescription();
    if (e.pc === pc && pc.localDescription) this.send(e, { session: e.session, kind: 'offer', sdp: pc.localDescription.sdp });
  }

  private async process(e: Entry, payload: SignalPayload): Promise<void> {
    const pc = e.pc;
    const action = signalAction(
      e.offerer,
      { hasConnection: pc !== null, remoteSession: e.remoteSession, signalingState: pc?.signalingState ?? null, hasRemoteDescription: pc?.remoteDescription != null },
      payload,
    );
    switch (action) {
      case 'restart':
        this.connect(e);
        return;
      case 'resendOffer':
        if (pc?.localDescription) this.send(e, { session: e.session, kind: 'offer', sdp: pc.localDescription.sdp });
        return;
      case 'acceptAnswer':
        if (!pc || payload.kind !== 'answer') return;
        await pc.setRemoteDescription({ type: 'answer', sdp: payload.sdp });
        e.remoteSession = payload.session;
        await this.drainCandidates(e, pc);
        return;
      case 'restartAndAnswer':
      case 'answer':
        if (payload.kind !== 'offer') return;
        await this.answer(e, action === 'restartAndAnswer' || !pc ? this.connectKeepingCandidates(e) : pc, payload);
        return;
      case 'addCandidate':
        if (pc && payload.kind === 'candidate') await pc.addIceCandidate(payload.candidate).catch(() => undefined);
        return;
      case 'bufferCandidate':
        if (payload.kind === 'candidate' && e.candidates.length < MAX_PENDING) e.candidates.push({ session: payload.session, candidate: payload.candidate });
        return;
      case 'ignore':
        return;
    }
  }

  /** A new connection for an answer; candidates that came before the offer are kept. */
  private connectKeepingCandidates(e: Entry): RTCPeerConnection {
    const early = e.candidates;
    const pc = this.connect(e);
    e.candidates = early;
    return pc;
  }

  private async answer(e: Entry, pc: RTCPeerConnection, offer: { session: string; sdp: string }): Promise<void> {
    await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
    if (e.pc !== pc) return;
    e.remoteSession = offer.session;
    for (const t of pc.getTransceivers()) {
      const kind = t.receiver.track.kind;
      if (t.currentDirection === 'stopped' || (kind !== 'audio' && kind !== 'video')) continue;
      t.direction = 'sendrecv';
      await t.sender.replaceTrack(this.local[kind]);
      if (this.local.stream) t.sender.setStreams?.(this.local.stream);
    }
    await pc.setLocalDescription();
    if (e.pc === pc && pc.localDescription) this.send(e, { session: e.session, kind: 'answer', sdp: pc.localDescription.sdp });
    await this.drainCandidates(e, pc);
  }

  private async drainCandidates(e: Entry, pc: RTCPeerConnection): Promise<void> {
    const list = e.candidates;
    e.candidates = [];
    for (const c of list) {
      if (c.session === e.remoteSession && e.pc === pc) await pc.addIceCandidate(c.candidate).catch(() => undefined);
    }
  }

  private send(e: Entry, payload: SignalPayload): void {
    const to = e.participant.id;
    e.outbox = e.outbox.then(() => this.ports.send(to, payload)).catch(() => {
      // Not admitted any more, or the network: the roster or a hello sorts it out.
    });
  }
}
