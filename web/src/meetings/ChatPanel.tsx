import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { isAbortError } from '../api';
import { formatClockTime, stockholmDayOf } from '../cases/deadline';
import { useT } from '../context';
import { stockholmDate } from '../format';
import { CopyButton } from '../ui/CopyButton';
import { ErrorMessage } from '../ui/ErrorMessage';
import { isStaff, type MeetingView } from './meeting';
import { chatText, MAX_CHAT_LENGTH, meetingErrorKey } from './meetingForms';
import { sendChat } from './meetingApi';
import type { ChatLine } from './mesh';
import { chatTranscript } from './transcript';

/** For staff: the whole chat to the clipboard, to paste into the case or the journal (the server keeps none of it). */
function CopyChat({ view, lines }: { view: MeetingView; lines: ChatLine[] }) {
  const { t } = useT();
  const text = useMemo(() => {
    const date = stockholmDayOf(view.startsAt) ?? stockholmDate(new Date());
    return chatTranscript(t('meeting.chatTranscriptHeading', { date }), lines);
  }, [t, view.startsAt, lines]);
  return (
    <div class="chat__copy">
      <CopyButton text={text} copiedText={t('meeting.chatCopied')} failedText={t('meeting.chatCopyFailed')}>
        {t('meeting.chatCopy')}
      </CopyButton>
    </div>
  );
}

/** The meeting's chat: lines go to everyone admitted through the server and are stored nowhere. */
export function ChatPanel({ api, view, lines }: { api: ApiClient; view: MeetingView; lines: ChatLine[] }) {
  const { t, lang } = useT();
  const meetingId = view.id;
  const myId = view.me.id;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ac = useRef<AbortController | null>(null);
  useEffect(() => () => ac.current?.abort(), []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const text = chatText(draft);
    if (!text || busy) return;
    ac.current?.abort();
    const c = new AbortController();
    ac.current = c;
    setBusy(true);
    setError(null);
    try {
      await sendChat(api, meetingId, text, c.signal);
      setDraft('');
    } catch (err) {
      if (!isAbortError(err)) setError(t(meetingErrorKey(err, 'chat')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card chat" aria-labelledby="chat-title">
      <h2 id="chat-title">{t('meeting.chatTitle')}</h2>
      <div role="log" aria-live="polite" aria-labelledby="chat-title" class="chat__log">
        <ol class="chat__lines">
          {lines.length === 0 && <li class="muted">{t('meeting.chatEmpty')}</li>}
          {lines.map((l, i) => (
            <li key={`${l.at}-${i}`} class={l.from === myId ? 'chat__line chat__line--mine' : 'chat__line'}>
              <span class="chat__who">{t('meeting.chatLine', { name: l.from === myId ? t('meeting.you') : l.name, time: l.at ? formatClockTime(l.at, lang) : '' })}</span>
              <span class="chat__text">{l.text}</span>
            </li>
          ))}
        </ol>
      </div>
      {error && <ErrorMessage message={error} />}
      <form class="chat__form" onSubmit={(e) => void onSubmit(e)}>
        <label for="chat-text">{t('meeting.chatLabel')}</label>
        <div class="search__row">
          <input
            id="chat-text"
            class="input"
            type="text"
            autocomplete="off"
            maxLength={MAX_CHAT_LENGTH}
            value={draft}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
            {t('meeting.chatSend')}
          </button>
        </div>
      </form>
      <p class="small muted">{t('meeting.chatNotStored')}</p>
      {isStaff(view.me) && lines.length > 0 && <CopyChat view={view} lines={lines} />}
    </section>
  );
}
