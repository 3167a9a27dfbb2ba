import { useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { useT } from '../context';
import type { MessageKey } from '../i18n';
import { ChatPanel } from './ChatPanel';
import { HostPanel } from './HostPanel';
import { isHost, type MeetingView } from './meeting';
import { tileLabel, type ChatLine } from './mesh';
import { Reminders } from './Reminders';
import { useCall } from './useCall';
import type { CallHandlers } from './useMeeting';
import { VideoTile } from './VideoTile';

interface Props {
  api: ApiClient;
  view: MeetingView;
  chat: ChatLine[];
  relayOnly: boolean;
  relayFailed: boolean;
  setSignalHandler: (h: CallHandlers | null) => void;
  refresh: () => void;
  onLeave: () => void;
  /** The host ends the meeting for everyone. */
  onEnd: () => Promise<void>;
}

const STATE_NOTES: Partial<Record<RTCPeerConnectionState | 'new', MessageKey>> = {
  new: 'meeting.connecting',
  connecting: 'meeting.connecting',
  failed: 'meeting.connectionLost',
  disconnected: 'meeting.connectionLost',
};

/** The meeting for someone admitted: "never recorded" always in sight, the pictures, the controls, the host's tools, and the chat. */
export function CallView({ api, view, chat, relayOnly, relayFailed, setSignalHandler, refresh, onLeave, onEnd }: Props) {
  const { t } = useT();
  const call = useCall(api, view, setSignalHandler, refresh, relayOnly);
  const [shareError, setShareError] = useState(false);
  const host = isHost(view);
  return (
    <>
      <Reminders view={view} sticky />
      {relayFailed && <p class="notice notice--warning">{t('meeting.relayFailedLater')}</p>}
      <section class="call" aria-labelledby="call-title">
        <h2 id="call-title" class="visually-hidden">
          {t('meeting.callTitle')}
        </h2>
        {call.noMedia && <p class="notice notice--warning">{t('meeting.noMedia')}</p>}
        <div class="tiles">
          {call.remotes.map((r) => {
            const key = STATE_NOTES[r.state];
            return <VideoTile key={r.participant.id} id={`tile-${r.participant.id}`} stream={r.stream} label={tileLabel(r.participant)} note={key ? t(key) : ''} />;
          })}
          <VideoTile own stream={call.local} label={t('meeting.youLabel', { name: view.me.name })} id="tile-own" />
        </div>
        {!call.starting && call.remotes.length === 0 && <p>{t('meeting.alone')}</p>}
        {call.sharing && <p role="status">{t('meeting.sharing')}</p>}
        <div class="call-controls" role="group" aria-label={t('meeting.controls')}>
          <button type="button" class="button button--secondary" disabled={call.noMedia} onClick={call.toggleAudio}>
            {t(call.audioOn ? 'meeting.mute' : 'meeting.unmute')}
          </button>
          <button type="button" class="button button--secondary" disabled={call.noMedia} onClick={call.toggleVideo}>
            {t(call.videoOn ? 'meeting.cameraOff' : 'meeting.cameraOn')}
          </button>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              setShareError(false);
              void call.toggleShare().then((ok) => setShareError(!ok));
            }}
          >
            {t(call.sharing ? 'meeting.stopShare' : 'meeting.share')}
          </button>
          <button type="button" class="button" onClick={onLeave}>
            {t('meeting.leave')}
          </button>
        </div>
        {call.cameras.length > 1 && (
          <div class="field camera-choice">
            <label for="camera-choice">{t('meeting.cameraChoose')}</label>
            <select id="camera-choice" class="input" value={call.cameraId ?? ''} onChange={(e) => void call.chooseCamera((e.currentTarget as HTMLSelectElement).value)}>
              {call.cameras.map((c, i) => (
                <option key={c.id} value={c.id}>
                  {c.label || t('meeting.cameraNamed', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        )}
        {shareError && (
          <p class="notice notice--error" role="alert">
            {t('meeting.shareFailed')}
          </p>
        )}
      </section>
      {host && <HostPanel api={api} view={view} refresh={refresh} onEnd={onEnd} />}
      <ChatPanel api={api} view={view} lines={chat} />
    </>
  );
}
