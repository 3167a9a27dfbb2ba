// The measurements of the pre-call check, in the browser: round trips to the
// server, whether a TURN relay answers, the microphone's level and a test
// sound. What the results mean is decided in precall.ts.

import { audioLevel, RTT_SAMPLES } from './precall';
import { isRelayCandidate, rtcConfig } from './mesh';
import type { IceServer } from './meeting';

const HEALTH_URL = '/healthz';

/** Times `n` GET /healthz one after the other; null for a request that failed. */
export async function measureRoundTrips(signal: AbortSignal, n = RTT_SAMPLES): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${HEALTH_URL}?t=${Date.now()}-${i}`, { cache: 'no-store', signal });
      await res.arrayBuffer();
      out.push(res.ok ? performance.now() - t0 : null);
    } catch (err) {
      if (signal.aborted) throw err;
      out.push(null);
    }
  }
  return out;
}

/**
 * Whether a TURN relay answers: gathers candidates with iceTransportPolicy
 * "relay" (only relay candidates can appear) and waits for the first one.
 * Nothing is sent to anyone: the connection is never connected and is closed
 * at once.
 */
export function checkRelay(servers: readonly IceServer[], timeoutMs = 8000): Promise<boolean> {
  return new Promise((resolve) => {
    let pc: RTCPeerConnection;
    try {
      pc = new RTCPeerConnection(rtcConfig(servers, true));
    } catch {
      resolve(false);
      return;
    }
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      window.clearTimeout(timer);
      pc.onicecandidate = pc.onicegatheringstatechange = null;
      pc.close();
      resolve(ok);
    };
    const timer = window.setTimeout(() => finish(false), timeoutMs);
    pc.onicecandidate = (e) => {
      if (e.candidate && (e.candidate.type === 'relay' || isRelayCandidate(e.candidate.candidate))) finish(true);
      else if (!e.candidate) finish(false);
    };
    pc.onicegatheringstatechange = () => {
      if (pc.iceGatheringState === 'complete') finish(false);
    };
    pc.createDataChannel('check');
    pc.createOffer()
      .then((offer) => pc.setLocalDescription(offer))
      .catch(() => finish(false));
  });
}

/** Calls `onLevel` (0–1) about ten times a second with the microphone's level; returns the function that stops. */
export function watchMicrophone(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const Ctx = window.AudioContext;
  if (!Ctx || stream.getAudioTracks().length === 0) return () => undefined;
  const ctx = new Ctx();
  const source = ctx.createMediaStreamSource(stream);
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  const timer = window.setInterval(() => {
    analyser.getFloatTimeDomainData(buf);
    onLevel(audioLevel(buf));
  }, 100);
  void ctx.resume().catch(() => undefined);
  return () => {
    window.clearInterval(timer);
    source.disconnect();
    void ctx.close().catch(() => undefined);
  };
}

/** Plays a short, soft two-tone sound through the speakers or headset. */
export async function playTestSound(): Promise<void> {
  const Ctx = window.AudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  await ctx.resume().catch(() => undefined);
  const gain = ctx.createGain();
  gain.gain.value = 0.15;
  gain.connect(ctx.destination);
  const tones = [523.25, 659.25];
  tones.forEach((hz, i) => {
    const osc = ctx.createOscillator();
    osc.frequency.value = hz;
    osc.connect(gain);
    osc.start(ctx.currentTime + i * 0.45);
    osc.stop(ctx.currentTime + i * 0.45 + 0.4);
  });
  await new Promise((r) => window.setTimeout(r, 1000));
  await ctx.close().catch(() => undefined);
}

/** The cameras the browser lists (labels appear once the camera has been allowed). */
export async function listCameras(): Promise<{ id: string; label: string }[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput' && d.deviceId !== '').map((d) => ({ id: d.deviceId, label: d.label }));
}

/** Camera and microphone for the meeting (or only what is there); null when neither can be had. */
export async function getLocalMedia(cameraId: string | null): Promise<MediaStream | null> {
  const md = navigator.mediaDevices;
  if (!md?.getUserMedia) return null;
  const video: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 } };
  if (cameraId) video.deviceId = { exact: cameraId };
  const audio: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true };
  for (const constraints of [{ audio, video }, { audio }, { video }] as MediaStreamConstraints[]) {
    try {
      return await md.getUserMedia(constraints);
    } catch {
      // try with less
    }
  }
  return null;
}
