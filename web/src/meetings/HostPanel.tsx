import { useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { useT } from '../context';
import { othersAdmitted, waitingPeople, type MeetingView } from './meeting';
import { ConfidentialityForm, EndMeeting, InviteForm, PhoneFallback } from './HostForms';
import { PersonCard } from './PersonCard';

/**
 * The host's tools: the people waiting (admit, decline, "ID shown on
 * camera"), the people in the meeting, the confidentiality assessment, guest
 * invitations, the switch to phone, and ending the meeting for everyone.
 */
export function HostPanel({ api, view, refresh, onEnd }: { api: ApiClient; view: MeetingView; refresh: () => void; onEnd: () => Promise<void> }) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const [focusAssessment, setFocusAssessment] = useState(0);
  const waiting = waitingPeople(view);
  const inMeeting = othersAdmitted(view);
  const changed = (text: string) => {
    setNote(text);
    refresh();
  };
  const card = (p: (typeof waiting)[number]) => (
    <PersonCard key={p.id} api={api} view={view} p={p} onChanged={changed} onNeedsAssessment={() => setFocusAssessment((n) => n + 1)} />
  );
  return (
    <section class="host-panel" aria-labelledby="host-title">
      <h2 id="host-title">{t('meeting.hostTitle')}</h2>
      <p role="status" aria-live="polite" class="status">
        {note}
      </p>
      <section aria-labelledby="waiting-list-title">
        <h3 id="waiting-list-title">
          {t('meeting.waitingListTitle')} ({waiting.length})
        </h3>
        {waiting.length === 0 ? <p>{t('meeting.waitingNone')}</p> : <ul class="case-list" id="waiting-list">{waiting.map(card)}</ul>}
      </section>
      {inMeeting.length > 0 && (
        <section aria-labelledby="in-meeting-title">
          <h3 id="in-meeting-title">{t('meeting.inMeetingTitle')}</h3>
          <ul class="case-list" id="in-meeting-list">
            {inMeeting.map(card)}
          </ul>
        </section>
      )}
      <ConfidentialityForm api={api} view={view} onSaved={refresh} focusKey={focusAssessment} />
      <InviteForm api={api} meetingId={view.id} />
      <PhoneFallback api={api} view={view} onSwitched={refresh} />
      <EndMeeting onEnd={onEnd} />
    </section>
  );
}
