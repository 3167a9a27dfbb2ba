import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { MeetingView } from './meeting';
import type { CallHandlers } from './useMeeting';
import { iceServers, sendSignal } from './meetingApi';
import { rtcConfig } from './mesh';
import { PeerMesh, type RemotePeer } from './peerMesh';
import { getLocalMedia, listCameras } from './probes';

export interface CallState {
  /** What this person sends (the camera, or the shared screen); null while starting or without devices. */
  local: MediaStream | null;
  starting: boolean;
  /** Neither camera nor microphone could be had: the person only receives. */
  noMedia: boolean;
  remotes: RemotePeer[];
  audioOn: boolean;
  videoOn: boolean;
  sharing: boolean;
  cameras: { id: string; label: string }[];
  cameraId: string | null;
  toggleAudio: () => void;
  toggleVideo: () => void;
  chooseCamera: (id: string) => Promise<void>;
  /** Resolves false when the screen could not be shared. */
  toggleShare: () => Promise<boolean>;
}

function randomSession(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The call of an admitted person: the camera and microphone (asked for only
 * now, once admitted), the mesh of peer connections to the others admitted,
 * and the controls (mute, camera off, another camera, screen sharing through
 * replaceTrack). Everything is stopped when the call ends.
 */
export function useCall(
  api: ApiClient,
  view: MeetingView,
  setSignalHandler: (h: CallHandlers | null) => void,
  refresh: () => void,
  relayOnly: boolean,
): CallState {
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [starting, setStarting] = useState(true);
  const [noMedia, setNoMedia] = useState(false);
  const [remotes, setRemotes] = useState<RemotePeer[]>([]);
  const [audioOn, setAudioOn] = useState(true);
  const [videoOn, setVideoOn] = useState(true);
  const [sharing, setSharing] = useState(false);
  const [cameras, setCameras] = useState<{ id: string; label: string }[]>([]);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const mesh = useRef<PeerMesh | null>(null);
  const camera = useRef<MediaStreamTrack | null>(null);
  const screen = useRef<MediaStreamTrack | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const latest = useRef(view);
  latest.current = view;
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const meetingId = view.id;
  const myId = view.me.id;

  useEffect(() => {
    const ac = new AbortController();
    let m: PeerMesh | null = null;
    void (async () => {
      const [servers, media] = await Promise.all([iceServers(api, meetingId, ac.signal).catch(() => []), getLocalMedia(null)]);
      if (ac.signal.aborted) {
        media?.getTracks().forEach((t) => t.stop());
        return;
      }
      stream.current = media;
      camera.current = media?.getVideoTracks()[0] ?? null;
      setCameraId(camera.current?.getSettings().deviceId ?? null);
      setLocal(media);
      setNoMedia(media === null);
      setStarting(false);
      const mine = m = new PeerMesh(
        myId,
        rtcConfig(servers, relayOnly),
        { audio: media?.getAudioTracks()[0] ?? null, video: camera.current, stream: media },
        {
          createConnection: (config) => new RTCPeerConnection(config),
          send: (to, payload) => sendSignal(api, meetingId, to, payload, ac.signal),
          newSession: randomSession,
        },
        () => setRemotes(mine.remotes()),
        () => refreshRef.current(),
      );
      mesh.current = mine;
      mine.sync(latest.current.me, latest.current.participants);
      setSignalHandler({ signal: (s) => mine.handle(s), reconnected: () => mine.nudge() });
      void listCameras().then((list) => {
        if (!ac.signal.aborted) setCameras(list);
      }, () => undefined);
    })();
    return () => {
      ac.abort();
      setSignalHandler(null);
      m?.close();
      mesh.current = null;
      stream.current?.getTracks().forEach((t) => t.stop());
      screen.current?.stop();
      stream.current = null;
    };
  }, [api, meetingId, myId, relayOnly, setSignalHandler]);

  useEffect(() => {
    mesh.current?.sync(view.me, view.participants);
  }, [view]);

  const toggleAudio = useCallback(() => {
    const track = stream.current?.getAudioTracks()[0];
    if (!track) return;
    track.enabled = !track.enabled;
    setAudioOn(track.enabled);
  }, []);

  const toggleVideo = useCallback(() => {
    const track = camera.current;
    if (!track) return;
    track.enabled = !track.enabled;
    setVideoOn(track.enabled);
  }, []);

  /** Shows `track` in the own picture instead of the current video. */
  const showOwn = (track: MediaStreamTrack) => {
    const s = stream.current ?? new MediaStream();
    for (const old of s.getVideoTracks()) s.removeTrack(old);
    s.addTrack(track);
    stream.current = s;
    setLocal(new MediaStream(s.getTracks()));
  };

  const chooseCamera = useCallback(async (id: string) => {
    let next: MediaStream;
    try {
      next = await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: id }, width: { ideal: 640 }, height: { ideal: 480 } } });
    } catch {
      return;
    }
    const track = next.getVideoTracks()[0];
    if (!track) return;
    track.enabled = camera.current?.enabled ?? true;
    const old = camera.current;
    camera.current = track;
    setCameraId(id);
    if (!screen.current) {
      await mesh.current?.replaceTrack('video', track);
      showOwn(track);
    }
    old?.stop();
  }, []);

  const stopShare = useCallback(async () => {
    const s = screen.current;
    screen.current = null;
    setSharing(false);
    s?.stop();
    const cam = camera.current;
    await mesh.current?.replaceTrack('video', cam);
    if (cam) showOwn(cam);
  }, []);

  const toggleShare = useCallback(async (): Promise<boolean> => {
    if (screen.current) {
      await stopShare();
      return true;
    }
    let shared: MediaStream;
    try {
      shared = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    } catch {
      return false;
    }
    const track = shared.getVideoTracks()[0];
    if (!track) return false;
    screen.current = track;
    track.onended = () => void stopShare();
    await mesh.current?.replaceTrack('video', track);
    showOwn(track);
    setSharing(true);
    return true;
  }, [stopShare]);

  return { local, starting, noMedia, remotes, audioOn, videoOn, sharing, cameras, cameraId, toggleAudio, toggleVideo, chooseCamera, toggleShare };
}
