import { useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { formatClockTime } from '../cases/deadline';
import { useT } from '../context';
import { useSave } from '../ui/useSave';
import { IDENTIFICATION_KEYS, mayMarkIdentified, needsAssessment, ROLE_KEYS, type MeetingView, type Participant } from './meeting';
import { meetingErrorKey, type MeetingAction } from './meetingForms';
import { admit, markIdentified } from './meetingApi';

interface Props {
  api: ApiClient;
  view: MeetingView;
  p: Participant;
  /** After a change: the page fetches the view again and announces `note`. */
  onChanged: (note: string) => void;
  /** The confidentiality assessment is needed first: take the host to its form. */
  onNeedsAssessment: () => void;
}

/** Someone waiting or in the meeting, as the host sees them: who, from where, how identified, and what the host may do. */
export function PersonCard({ api, view, p, onChanged, onNeedsAssessment }: Props) {
  const { t, lang } = useT();
  const { phase, run } = useSave();
  const [action, setAction] = useState<MeetingAction>('admit');
  const waiting = p.state === 'waiting';
  const busy = phase.name === 'busy';
  const hidden = <span class="visually-hidden"> {t('meeting.personHidden', { name: p.name })}</span>;

  const act = async (what: MeetingAction, call: (signal: AbortSignal) => Promise<void>, note: string) => {
    if (busy) return;
    setAction(what);
    if (await run(call)) onChanged(note);
  };
  const failed = phase.name === 'failed' ? phase.error : null;
  const refusedForAssessment = failed !== null && meetingErrorKey(failed, action) === 'meeting.error.confidentialityRequired';

  return (
    <li class="case-card person" id={`person-${p.id}`}>
      <h4 class="case-card__title">{p.name}</h4>
      <dl class="facts facts--stacked">
        <div>
          <dt>{t('meeting.roleLabel')}</dt>
          <dd>{[t(ROLE_KEYS[p.role]), p.title].filter((s) => s !== '').join(', ')}</dd>
        </div>
        <div>
          <dt>{t('meeting.organisation')}</dt>
          <dd>{p.organisation || '–'}</dd>
        </div>
        <div>
          <dt>{t('meeting.identifiedHow')}</dt>
          <dd>
            {t(IDENTIFICATION_KEYS[p.identification])}
            {p.identifiedAt && <> ({t('meeting.identifiedAt', { time: formatClockTime(p.identifiedAt, lang) })})</>}
          </dd>
        </div>
      </dl>
      {waiting && needsAssessment(view, p) && <p class="small">{t('meeting.assessFirst')}</p>}
      <p class="appointment__actions">
        {waiting && (
          <>
            <button
              type="button"
              class="button"
              aria-disabled={busy ? 'true' : undefined}
              onClick={() => void act('admit', (s) => admit(api, view.id, p.id, true, s), t('meeting.admitted', { name: p.name }))}
            >
              {t('meeting.admit')}
              {hidden}
            </button>
            <button
              type="button"
              class="button button--secondary"
              aria-disabled={busy ? 'true' : undefined}
              onClick={() => void act('admit', (s) => admit(api, view.id, p.id, false, s), t('meeting.rejected', { name: p.name }))}
            >
              {t('meeting.reject')}
              {hidden}
            </button>
          </>
        )}
        {mayMarkIdentified(view, p) && (
          <button
            type="button"
            class="button button--secondary"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => void act('identify', (s) => markIdentified(api, view.id, p.id, s), t('meeting.identified', { name: p.name }))}
          >
            {t('meeting.markIdentified')}
            {hidden}
          </button>
        )}
      </p>
      {failed !== null && (
        <div class="notice notice--error" role="alert">
          <p>{t(meetingErrorKey(failed, action))}</p>
          {refusedForAssessment && (
            <button type="button" class="button button--secondary" onClick={onNeedsAssessment}>
              {t('meeting.confidentialityTitle')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
