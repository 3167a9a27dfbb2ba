import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { en } from '../i18n/en';
import { sv } from '../i18n/sv';
import { LOCATIONS } from './meeting';
import {
  checklistComplete,
  checklistFor,
  checklistKey,
  CHECKLIST,
  HOME_CHECKLIST,
  type ChecklistItem,
  chatText,
  confidentialityBody,
  guestLinkUrl,
  invitationBody,
  meetingErrorKey,
  notReadyKeys,
  READINESS_ITEMS,
  readinessItemKey,
  trainingBody,
} from './meetingForms';

function problem(status: number, code: string, errors?: { field: string; message: string }[]): ApiError {
  return new ApiError('http', status, 'x', { status, code, ...(errors ? { errors } : {}) });
}

describe('the host’s readiness', () => {
  it('words every missing item the server names', () => {
    for (const code of READINESS_ITEMS) {
      const key = readinessItemKey(code);
      expect(key).toBe(`meeting.notReady.${code}`);
      expect(sv[key]).toBeTruthy();
    }
    expect(readinessItemKey('something_new')).toBe('meeting.notReady.other');
  });

  it('reads the items of a 409 not_ready, in the server’s order', () => {
    const err = problem(409, 'not_ready', [
      { field: 'remote_work_not_approved', message: '…' },
      { field: 'too_few_meetings_held', message: '…' },
    ]);
    expect(notReadyKeys(err)).toEqual(['meeting.notReady.remote_work_not_approved', 'meeting.notReady.too_few_meetings_held']);
    expect(notReadyKeys(problem(409, 'not_ready', [{ field: 'readiness', message: '…' }]))).toEqual(['meeting.notReady.readiness']);
    expect(notReadyKeys(problem(409, 'confidentiality_required'))).toBeNull();
    expect(notReadyKeys(new Error('x'))).toBeNull();
  });

  it('asks the two home items (W5, W8) only at home', () => {
    expect(CHECKLIST).toHaveLength(8);
    expect(checklistFor('workplace')).toEqual(CHECKLIST);
    expect(checklistFor('home')).toEqual([...CHECKLIST, 'network', 'itSoftware']);
    for (const item of [...CHECKLIST, ...HOME_CHECKLIST]) {
      expect(sv[checklistKey(item)], item).toBeTruthy();
      expect(en[checklistKey(item)], item).toBeTruthy();
    }
    expect(sv['meeting.checklist.network']).toBe('Nätverket är säkert och lösenordsskyddat, med stabil kvalitet');
    expect(sv['meeting.checklist.itSoftware']).toBe('Datorn har bara program som IT har installerat');
  });

  it('needs every item for the place ticked, and no more: every combination, at the workplace and at home', () => {
    const all: ChecklistItem[] = [...CHECKLIST, ...HOME_CHECKLIST];
    for (let mask = 0; mask < 1 << all.length; mask++) {
      const ticked = new Set(all.filter((_, i) => (mask & (1 << i)) !== 0));
      const base = CHECKLIST.every((c) => ticked.has(c));
      const home = HOME_CHECKLIST.every((c) => ticked.has(c));
      expect(checklistComplete('workplace', ticked), `workplace ${[...ticked].join(',')}`).toBe(base);
      expect(checklistComplete('home', ticked), `home ${[...ticked].join(',')}`).toBe(base && home);
    }
    for (const location of LOCATIONS) expect(checklistComplete(location, new Set()), location).toBe(false);
  });
});

describe('failures in words', () => {
  it('reads the problem’s code first', () => {
    expect(meetingErrorKey(problem(409, 'confidentiality_required'), 'admit')).toBe('meeting.error.confidentialityRequired');
    expect(meetingErrorKey(problem(409, 'not_a_video_appointment'), 'open')).toBe('meeting.error.notVideo');
    expect(meetingErrorKey(problem(409, 'meeting_ended'), 'join')).toBe('meeting.error.ended');
    expect(meetingErrorKey(problem(404, 'invitation_invalid'), 'accept')).toBe('meeting.error.linkInvalid');
    expect(meetingErrorKey(problem(409, 'not_admitted'), 'chat')).toBe('meeting.error.notAdmitted');
    expect(meetingErrorKey(problem(404, 'participant_not_found'), 'admit')).toBe('meeting.error.personGone');
  });

  it('falls back on the status and what was being done', () => {
    expect(meetingErrorKey(problem(403, ''), 'join')).toBe('meeting.error.forbidden');
    expect(meetingErrorKey(problem(403, ''), 'invite')).toBe('meeting.error.onlyHost');
    expect(meetingErrorKey(problem(403, 'not_allowed'), 'end')).toBe('meeting.error.onlyHost');
    expect(meetingErrorKey(problem(403, ''), 'training')).toBe('meeting.error.onlyManager');
    expect(meetingErrorKey(problem(422, 'bad_input'), 'confidentiality')).toBe('meeting.error.noteTooShort');
    expect(meetingErrorKey(new ApiError('network', 0, 'x'), 'join')).toBe('meeting.error.network');
  });
});

describe('forms and links', () => {
  it('checks the confidentiality note and the invitation before sending', () => {
    expect(confidentialityBody(' kort ')).toEqual({ error: 'noteTooShort' });
    expect(confidentialityBody(' Samtycke finns. ')).toEqual({ body: { note: 'Samtycke finns.' } });
    expect(invitationBody({ name: ' ', organisation: '', title: '' })).toEqual({ errors: ['name', 'organisation'] });
    expect(invitationBody({ name: ' Sofia Berg ', organisation: 'Botkyrka kommun', title: ' ' })).toEqual({
      body: { name: 'Sofia Berg', organisation: 'Botkyrka kommun' },
    });
    expect(invitationBody({ name: 'Sofia', organisation: 'Botkyrka', title: 'Socialsekreterare' })).toEqual({
      body: { name: 'Sofia', organisation: 'Botkyrka', title: 'Socialsekreterare' },
    });
    expect(chatText('  ')).toBeNull();
    expect(chatText(' Hej ')).toBe('Hej');
  });

  it('builds the whole guest link from this site and the server’s path only', () => {
    expect(guestLinkUrl('https://vard.example.se', '/mote/gast#abc')).toBe('https://vard.example.se/mote/gast#abc');
    expect(guestLinkUrl('http://127.0.0.1:8080/', '/mote/gast#abc')).toBe('http://127.0.0.1:8080/mote/gast#abc');
    expect(guestLinkUrl('https://vard.example.se', '//evil.example/x')).toBeNull();
    expect(guestLinkUrl('https://vard.example.se', 'https://evil.example/x')).toBeNull();
  });

  it('checks the training record: someone, and a real day that has come', () => {
    expect(trainingBody('s1', '2026-11-20', '2026-11-23')).toEqual({ staffId: 's1', completedOn: '2026-11-20' });
    expect(trainingBody('', '2026-11-24', '2026-11-23')).toEqual({ errors: ['staff', 'date'] });
    expect(trainingBody('s1', '2026-02-30', '2026-11-23')).toEqual({ errors: ['date'] });
  });
});
