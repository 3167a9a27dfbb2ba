import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, isAbortError, type ApiClient } from '../api';
import type { MessageKey } from '../i18n';
import { useRealtime } from '../realtime/useRealtime';
import type { RealtimeStatus } from '../realtime/realtime';
import { participantTopic, type Location, type MeetingEnded, type MeetingView } from './meeting';
import { checklistComplete, meetingErrorKey, notReadyKeys, type ChecklistItem } from './meetingForms';
import { endMeeting, joinMeeting, leaveMeeting, meetingGrant, meetingView, recordReadiness } from './meetingApi';
import { eventType, parseChat, parseSignal, withChatLine, type ChatLine, type Signal } from './mesh';

export type Phase =
  | { name: 'loading' }
  /** The pre-call check, before joining. */
  | { name: 'check' }
  | { name: 'joining' }
  /** The host must confirm the checklist and location first. */
  | { name: 'readiness' }
  | { name: 'waiting' }
  | { name: 'inCall' }
  | { name: 'rejected' }
  | { name: 'left' }
  /** The host ended the meeting for everyone; `outcome` only on the page of the host who just ended it. */
  | { name: 'ended'; outcome: MeetingEnded | null }
  | { name: 'failed'; message: MessageKey };

const ENDED: Phase = { name: 'ended', outcome: null };

/**
 * Where the first view of the page puts the caller: someone who left (the
 * leave button, or the tab closed or reloaded: pagehide leaves) comes back
 * through the check to the waiting room, unless the meeting has ended (a guest
 * keeps their place and waits for the host again); anyone else is put where
 * the view says (someone turned away stays turned away).
 */
export function startPhase(view: MeetingView): Phase {
  return view.endedAt === null && view.me.state === 'left' ? { name: 'check' } : phaseOf(view);
}

/** Where a view puts the caller: an ended meeting is over for everyone, whatever their state. */
export function phaseOf(view: MeetingView): Phase {
  if (view.endedAt !== null) return ENDED;
  switch (view.me.state) {
    case 'waiting':
      return { name: 'waiting' };
    case 'admitted':
      return { name: 'inCall' };
    case 'rejected':
      return { name: 'rejected' };
    case 'left':
      return { name: 'left' };
  }
}

/**
 * The end is final: once the page says the meeting has ended, nothing that
 * comes later (a view, an event, an answer that crossed) takes it elsewhere;
 * only the host's own outcome, when the answer to ending it comes after the
 * event, is added.
 */
export function nextPhase(current: Phase, next: Phase): Phase {
  if (current.name !== 'ended') return next;
  return next.name === 'ended' && next.outcome !== null ? next : current;
}

function isCode(err: unknown, code: string): boolean {
  return err instanceof ApiError && err.problem?.code === code;
}

export interface CallHandlers {
  signal: (s: Signal) => void;
  /** The realtime socket came back: signals may have been lost. */
  reconnected: () => void;
}

export interface MeetingState {
  phase: Phase;
  view: MeetingView | null;
  realtime: RealtimeStatus;
  chat: ChatLine[];
  /** The check is done: join (the guest has joined already). */
  join: () => void;
  /** The host's readiness; resolves with the missing items in words, or null when it went through (and the meeting is joined). */
  ready: (location: Location, ticked: ReadonlySet<ChecklistItem>, equipmentTested: boolean) => Promise<MessageKey[] | null>;
  leave: () => Promise<void>;
  /** The host ends the meeting for everyone; rejects with the error when that failed (the page then stays in the call). */
  end: () => Promise<void>;
  /** Fetch the view again (after the host's own changes). */
  refresh: () => void;
  /** The call registers where signals go (and hears of a reconnected socket); signals that come before are kept and handed over then. */
  setSignalHandler: (handler: CallHandlers | null) => void;
}

/**
 * One person's place in one meeting: whether they are checking their
 * equipment, waiting, in the call or out; the view the server gives them; the
 * realtime topic (admission, roster changes, signals and chat); and the chat
 * lines, which live only on this page.
 */
export function useMeeting(api: ApiClient, id: string): MeetingState {
  const [phase, setPhaseRaw] = useState<Phase>({ name: 'loading' });
  const [view, setView] = useState<MeetingView | null>(null);
  const [chat, setChat] = useState<ChatLine[]>([]);
  const handler = useRef<CallHandlers | null>(null);
  const early = useRef<Signal[]>([]);
  const life = useRef<AbortController>(new AbortController());
  /** Counts view loads and leavings: an answer that is not the latest is dropped (answers may cross). */
  const seq = useRef(0);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  // The place the page stands for: a leave names it, so a late one (a closed tab) cannot take out a newer place.
  const viewRef = useRef(view);
  viewRef.current = view;
  const explicitLeave = useRef(false);

  useEffect(() => {
    const ac = new AbortController();
    life.current = ac;
    return () => ac.abort();
  }, []);

  /** Every change of place goes through nextPhase: the end stays. */
  const setPhase = useCallback((next: Phase) => setPhaseRaw((current) => nextPhase(current, next)), []);

  const show = useCallback((v: MeetingView) => {
    setView(v);
    setPhase(phaseOf(v));
  }, [setPhase]);

  const fail = useCallback((err: unknown, action: 'load' | 'join') => {
    if (isAbortError(err)) return;
    setPhase({ name: 'failed', message: meetingErrorKey(err, action) });
  }, [setPhase]);

  // Still waiting or in the call (the page opened again without having left): no check, straight back in.
  // Turned away: said again. Otherwise (never joined, or left, as a reload or a closed tab does) the check comes first.
  useEffect(() => {
    const ac = new AbortController();
    meetingView(api, id, ac.signal).then(
      (v) => {
        setView(v);
        setPhase(startPhase(v));
      },
      (err: unknown) => {
        if (ac.signal.aborted) return;
        if (isCode(err, 'participant_not_found')) setPhase({ name: 'check' });
        else fail(err, 'load');
      },
    );
    return () => ac.abort();
  }, [api, id, fail, setPhase]);

  const refresh = useCallback(() => {
    const mine = ++seq.current;
    meetingView(api, id, life.current.signal).then(
      (v) => {
        if (mine === seq.current) show(v);
      },
      (err: unknown) => {
        if (isAbortError(err) || mine !== seq.current) return;
        // Out of the meeting (left elsewhere, or the meeting ended): say so rather than keep an old picture.
        if (isCode(err, 'participant_not_found')) setPhase({ name: 'left' });
        else if (isCode(err, 'meeting_not_found')) fail(err, 'load');
      },
    );
  }, [api, id, show, fail, setPhase]);

  const join = useCallback(() => {
    const mine = ++seq.current;
    explicitLeave.current = false;
    setPhase({ name: 'joining' });
    joinMeeting(api, id, life.current.signal).then(
      (v) => {
        if (mine === seq.current) show(v);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        if (isCode(err, 'not_ready')) setPhase({ name: 'readiness' });
        // Ended before this person came in (the check was done before): said as the end.
        else if (isCode(err, 'meeting_ended')) setPhase(ENDED);
        else fail(err, 'join');
      },
    );
  }, [api, id, show, fail, setPhase]);

  const ready = useCallback(
    async (location: Location, ticked: ReadonlySet<ChecklistItem>, equipmentTested: boolean): Promise<MessageKey[] | null> => {
      const signal = life.current.signal;
      try {
        await recordReadiness(api, id, { location, checklist_confirmed: checklistComplete(location, ticked), equipment_tested: equipmentTested }, signal);
      } catch (err) {
        if (isAbortError(err)) return null;
        return notReadyKeys(err) ?? [meetingErrorKey(err, 'readiness')];
      }
      join();
      return null;
    },
    [api, id, join],
  );

  const leave = useCallback(async () => {
    explicitLeave.current = true;
    seq.current++;
    // Out at once: the call ends here (camera and microphone off) whatever the server answers.
    setPhase({ name: 'left' });
    try {
      await leaveMeeting(api, id, viewRef.current?.me.id);
    } catch {
      // Gone already, or the network: the person is shown out either way.
    }
  }, [api, id, setPhase]);

  // Tied to the page, not to the button: the event "ended" may come first and take the call (and the button) away.
  const end = useCallback(async () => {
    let outcome: MeetingEnded | null;
    try {
      outcome = await endMeeting(api, id, life.current.signal);
    } catch (err) {
      if (!isCode(err, 'meeting_ended')) throw err;
      outcome = null; // ended already (another tab of the host's): say so
    }
    seq.current++;
    setPhase({ name: 'ended', outcome });
  }, [api, id, setPhase]);

  // Leaving the page while in the meeting leaves it, so the host's roster drops the person: inside the
  // app (unmount), or the tab closed, reloaded or taken elsewhere (pagehide; the request outlives the page).
  useEffect(() => {
    const goneQuietly = () => {
      const p = phaseRef.current.name;
      if (!explicitLeave.current && (p === 'waiting' || p === 'inCall')) void leaveMeeting(api, id, viewRef.current?.me.id).catch(() => undefined);
    };
    // Back from the browser's page cache after a pagehide: out on the server, so say how things stand.
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) refresh();
    };
    window.addEventListener('pagehide', goneQuietly);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.removeEventListener('pagehide', goneQuietly);
      window.removeEventListener('pageshow', onPageShow);
      goneQuietly();
    };
  }, [api, id, refresh]);

  const setSignalHandler = useCallback((h: CallHandlers | null) => {
    handler.current = h;
    if (h) {
      const list = early.current;
      early.current = [];
      for (const s of list) h.signal(s);
    }
  }, []);

  const listening = view !== null && (phase.name === 'waiting' || phase.name === 'inCall');
  const topics = useMemo(() => (listening && view ? [participantTopic(id, view.me.id)] : []), [listening, id, view?.me.id]);
  const realtime = useRealtime(
    topics,
    (topic, event) => {
      if (topic === null) {
        refresh();
        handler.current?.reconnected();
        return;
      }
      switch (eventType(event)) {
        case 'rejected':
          // Said at once, without waiting for the view (which says the same: me.state "rejected").
          seq.current++;
          setPhase({ name: 'rejected' });
          break;
        case 'ended':
          // The call stops at once (camera, microphone and connections): the topic is no longer listened to either.
          seq.current++;
          setPhase(ENDED);
          break;
        case 'admitted':
        case 'roster':
        // This place was left elsewhere (another tab of the same person closed): the view says so.
        case 'left':
          refresh();
          break;
        case 'signal': {
          const s = parseSignal(event);
          if (!s) break;
          if (handler.current) handler.current.signal(s);
          else if (early.current.length < 100) early.current.push(s);
          break;
        }
        case 'chat': {
          const line = parseChat(event);
          if (line) setChat((old) => withChatLine(old, line));
          break;
        }
        default:
          break;
      }
    },
    {
      requestGrants: (_t, signal) => meetingGrant(api, id, signal),
      isFatal: (err) => err instanceof ApiError && err.kind === 'http' && [401, 403, 404, 422].includes(err.status),
    },
  );

  return { phase, view, realtime, chat, join, ready, leave, end, refresh, setSignalHandler };
}
