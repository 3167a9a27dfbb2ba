// The pre-call check (V6) without a browser: the state of each part
// (camera, microphone, speaker, connection to the server, TURN), the
// microphone level from audio samples, the round-trip summary, when the
// equipment counts as tested, and the advice in plain language (V9). Pure;
// the measuring is in probes.ts and PreCallCheck.tsx.

import type { MessageKey } from '../i18n';

export type DeviceCheck = 'pending' | 'ok' | 'failed';
/** `silent`: the microphone works but no sound has been heard yet. */
export type MicCheck = 'pending' | 'ok' | 'silent' | 'failed';
export type SpeakerCheck = 'untested' | 'heard' | 'notHeard';
/**
 * `later`: the meeting's ICE servers could not be had before joining (a guest
 * before using the link, or the request failed), so the check runs once the
 * person has entered the waiting room.
 * `notConfigured`: the installation has no TURN server.
 */
export type RelayCheck = 'pending' | 'ok' | 'failed' | 'notConfigured' | 'later';

export interface NetworkCheck {
  state: DeviceCheck;
  /** Median round trip to the server in milliseconds; null until measured. */
  rttMs: number | null;
}

export interface PreCallResult {
  camera: DeviceCheck;
  microphone: MicCheck;
  speaker: SpeakerCheck;
  network: NetworkCheck;
  relay: RelayCheck;
}

export const INITIAL_RESULT: PreCallResult = {
  camera: 'pending',
  microphone: 'pending',
  speaker: 'untested',
  network: { state: 'pending', rttMs: null },
  relay: 'pending',
};

/** How many GET /healthz to time, one after the other. */
export const RTT_SAMPLES = 5;
/** A round trip up to this is good for video; up to POOR_RTT_MS it works; above, advise a wired connection. */
export const GOOD_RTT_MS = 150;
export const POOR_RTT_MS = 400;
/** A microphone level (0–1) above this counts as sound heard. */
export const SOUND_LEVEL = 0.02;

export function median(samples: readonly number[]): number | null {
  const s = samples.filter((x) => Number.isFinite(x) && x >= 0).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export type RttQuality = 'good' | 'fair' | 'poor';

export function rttQuality(ms: number): RttQuality {
  if (ms <= GOOD_RTT_MS) return 'good';
  return ms <= POOR_RTT_MS ? 'fair' : 'poor';
}

/** The connection check from timed round trips (null: a request failed). */
export function networkResult(samples: readonly (number | null)[]): NetworkCheck {
  if (samples.length === 0 || samples.some((s) => s === null)) return { state: 'failed', rttMs: null };
  const m = median(samples as number[]);
  return m === null ? { state: 'failed', rttMs: null } : { state: 'ok', rttMs: Math.round(m) };
}

/**
 * The level (0–1) of a block of audio samples (−1…1): the root mean square,
 * scaled so that ordinary speech fills most of the meter.
 */
export function audioLevel(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!;
    sum += v * v;
  }
  const rms = Math.sqrt(sum / samples.length);
  return Math.min(1, rms * 4);
}

/**
 * Whether the equipment counts as tested (W2, for hosting from home): the
 * camera shows a picture, the microphone picks up sound and the server
 * answers. The speaker and TURN give advice but do not block.
 */
export function equipmentTested(r: PreCallResult): boolean {
  return r.camera === 'ok' && r.microphone === 'ok' && r.network.state === 'ok';
}

/** The check has finished measuring what it measures by itself (the speaker needs the person). */
export function measured(r: PreCallResult): boolean {
  return r.camera !== 'pending' && r.microphone !== 'pending' && r.network.state !== 'pending' && r.relay !== 'pending';
}

/** Advice for what went wrong, then the advice everyone gets (V9). */
export function adviceKeys(r: PreCallResult): MessageKey[] {
  const out: MessageKey[] = [];
  if (r.camera === 'failed') out.push('precall.advice.camera');
  if (r.microphone === 'failed') out.push('precall.advice.microphone');
  if (r.microphone === 'silent') out.push('precall.advice.silent');
  if (r.speaker === 'notHeard') out.push('precall.advice.speaker');
  if (r.network.state === 'failed') out.push('precall.advice.offline');
  else if (r.network.rttMs !== null && rttQuality(r.network.rttMs) === 'poor') out.push('precall.advice.slow');
  if (r.relay === 'failed') out.push('precall.advice.relay');
  out.push('precall.advice.wired', 'precall.advice.headset', 'precall.advice.private');
  return out;
}
