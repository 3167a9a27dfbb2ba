import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../context';
import type { MessageKey } from '../i18n';
import { hasTurn, type IceServer } from './meeting';
import { adviceKeys, equipmentTested, INITIAL_RESULT, measured, networkResult, rttQuality, SOUND_LEVEL, type PreCallResult } from './precall';
import { checkRelay, getLocalMedia, measureRoundTrips, playTestSound, watchMicrophone } from './probes';

/** How long the camera may take to show a picture, and the microphone to hear something, before saying so. */
const CAMERA_WAIT_MS = 6000;
const MIC_WAIT_MS = 5000;

interface Props {
  /** The meeting's ICE servers (patients, guardians and staff get them before joining), or null when they cannot be had yet (a guest before using the link). */
  loadIceServers: (signal: AbortSignal) => Promise<IceServer[] | null>;
  continueLabel: string;
  onDone: (result: PreCallResult) => void;
}

function Row({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <div class="precall__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Badge({ ok, text }: { ok: boolean | null; text: string }) {
  return <span class={ok === null ? 'badge badge--na' : ok ? 'badge badge--on' : 'badge badge--risk'}>{text}</span>;
}

/**
 * The pre-call check (V6): the camera's picture, the microphone's level, a
 * test sound, the round trip to the server and whether the TURN relay
 * answers, with advice in plain words (V9). The camera and microphone are
 * turned off again when the check is left: nothing is sent to anyone.
 */
export function PreCallCheck({ loadIceServers, continueLabel, onDone }: Props) {
  const { t } = useT();
  const [result, setResult] = useState<PreCallResult>(INITIAL_RESULT);
  const [level, setLevel] = useState(0);
  const [speaker, setSpeaker] = useState<'idle' | 'playing' | 'asking'>('idle');
  const [waitNote, setWaitNote] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const update = (patch: Partial<PreCallResult>) => setResult((r) => ({ ...r, ...patch }));
  const loader = useRef(loadIceServers);
  loader.current = loadIceServers;

  useEffect(() => {
    const ac = new AbortController();
    let stream: MediaStream | null = null;
    let stopMeter = () => undefined as void;
    const timers: number[] = [];

    void getLocalMedia(null).then((s) => {
      if (ac.signal.aborted) {
        s?.getTracks().forEach((tr) => tr.stop());
        return;
      }
      stream = s;
      const hasVideo = (s?.getVideoTracks().length ?? 0) > 0;
      const hasAudio = (s?.getAudioTracks().length ?? 0) > 0;
      if (!hasVideo) update({ camera: 'failed' });
      if (!hasAudio) update({ microphone: 'failed' });
      const el = video.current;
      if (s && hasVideo && el) {
        el.srcObject = s;
        const shown = () => {
          if (el.videoWidth > 0) update({ camera: 'ok' });
        };
        el.addEventListener('loadeddata', shown);
        el.addEventListener('resize', shown);
        void el.play().catch(() => undefined);
        timers.push(window.setTimeout(() => setResult((r) => (r.camera === 'pending' ? { ...r, camera: 'failed' } : r)), CAMERA_WAIT_MS));
      }
      if (s && hasAudio) {
        stopMeter = watchMicrophone(s, (l) => {
          setLevel(l);
          if (l > SOUND_LEVEL) setResult((r) => (r.microphone === 'ok' ? r : { ...r, microphone: 'ok' }));
        });
        timers.push(window.setTimeout(() => setResult((r) => (r.microphone === 'pending' ? { ...r, microphone: 'silent' } : r)), MIC_WAIT_MS));
      }
    });

    measureRoundTrips(ac.signal).then(
      (samples) => update({ network: networkResult(samples) }),
      () => undefined,
    );

    loader.current(ac.signal).then(
      async (servers) => {
        if (servers === null) return update({ relay: 'later' });
        if (!hasTurn(servers)) return update({ relay: 'notConfigured' });
        const ok = await checkRelay(servers);
        if (!ac.signal.aborted) update({ relay: ok ? 'ok' : 'failed' });
      },
      () => {
        if (!ac.signal.aborted) update({ relay: 'later' });
      },
    );

    return () => {
      ac.abort();
      timers.forEach((h) => window.clearTimeout(h));
      stopMeter();
      stream?.getTracks().forEach((tr) => tr.stop());
      if (video.current) video.current.srcObject = null;
    };
  }, []);

  const done = measured(result);
  const advice = adviceKeys(result);
  const net = result.network;
  const relayText: Record<PreCallResult['relay'], MessageKey> = {
    pending: 'precall.pending',
    ok: 'precall.relayOk',
    failed: 'precall.relayFailed',
    notConfigured: 'precall.relayNone',
    later: 'precall.relayLater',
  };

  return (
    <section class="card precall" aria-labelledby="precall-title">
      <h2 id="precall-title">{t('precall.title')}</h2>
      <p>{t('precall.intro')}</p>
      <div class="precall__preview">
        <video ref={video} muted playsInline autoPlay aria-label={t('precall.preview')} />
      </div>
      <dl class="precall__list">
        <Row label={t('precall.camera')}>
          <Badge
            ok={result.camera === 'pending' ? null : result.camera === 'ok'}
            text={t(result.camera === 'pending' ? 'precall.pending' : result.camera === 'ok' ? 'precall.cameraOk' : 'precall.cameraFailed')}
          />
        </Row>
        <Row label={t('precall.microphone')}>
          {result.microphone !== 'failed' && <meter class="precall__meter" min={0} max={1} low={0.05} value={level} aria-label={t('precall.micLevel')} />}{' '}
          <Badge
            ok={result.microphone === 'pending' || result.microphone === 'silent' ? null : result.microphone === 'ok'}
            text={t(
              result.microphone === 'pending'
                ? 'precall.pending'
                : result.microphone === 'ok'
                  ? 'precall.micOk'
                  : result.microphone === 'silent'
                    ? 'precall.micSilent'
                    : 'precall.micFailed',
            )}
          />
        </Row>
        <Row label={t('precall.speaker')}>
          {speaker === 'asking' ? (
            <span role="group" aria-label={t('precall.heardQuestion')} class="precall__ask">
              <span>{t('precall.heardQuestion')}</span>{' '}
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  update({ speaker: 'heard' });
                  setSpeaker('idle');
                }}
              >
                {t('precall.heard')}
              </button>{' '}
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  update({ speaker: 'notHeard' });
                  setSpeaker('idle');
                }}
              >
                {t('precall.notHeard')}
              </button>
            </span>
          ) : (
            <>
              <button
                type="button"
                class="button button--secondary"
                aria-disabled={speaker === 'playing' ? 'true' : undefined}
                onClick={() => {
                  if (speaker === 'playing') return;
                  setSpeaker('playing');
                  void playTestSound().finally(() => setSpeaker('asking'));
                }}
              >
                {t(speaker === 'playing' ? 'precall.playing' : 'precall.playSound')}
              </button>{' '}
              {result.speaker !== 'untested' && (
                <Badge ok={result.speaker === 'heard'} text={t(result.speaker === 'heard' ? 'precall.speakerOk' : 'precall.speakerNotHeard')} />
              )}
            </>
          )}
        </Row>
        <Row label={t('precall.network')}>
          <Badge
            ok={net.state === 'pending' ? null : net.state === 'ok' && rttQuality(net.rttMs ?? 0) !== 'poor'}
            text={
              net.state === 'pending'
                ? t('precall.pending')
                : net.state === 'failed' || net.rttMs === null
                  ? t('precall.networkFailed')
                  : t('precall.rtt', { ms: net.rttMs, quality: t(`precall.quality.${rttQuality(net.rttMs)}`) })
            }
          />
        </Row>
        <Row label={t('precall.relay')}>
          <Badge ok={result.relay === 'ok' ? true : result.relay === 'failed' ? false : null} text={t(relayText[result.relay])} />
        </Row>
      </dl>
      <p role="status" aria-live="polite" class="status">
        {done ? t(equipmentTested(result) ? 'precall.equipmentOk' : 'precall.equipmentNotOk') : ''}
      </p>
      <h3>{t('precall.adviceTitle')}</h3>
      <ul class="precall__advice">
        {advice.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      {waitNote && !done && <p class="field__error">{t('precall.continueWait')}</p>}
      <button
        type="button"
        class="button"
        aria-disabled={done ? undefined : 'true'}
        onClick={() => {
          if (!done) {
            setWaitNote(true);
            return;
          }
          onDone(result);
        }}
      >
        {continueLabel}
      </button>
    </section>
  );
}
