// The forms of video meetings, without a browser: the host's environment
// checklist and the missing readiness items in plain language, failures in
// words (read from the problem's stable code), the checks made before sending
// (confidentiality note, invitation, chat line, the manager's training
// record), and the guest link to give on. Pure.

import { ApiError } from '../api';
import type { MessageKey } from '../i18n';
import type { Location } from './meeting';

/** Why the host may not host yet (409 not_ready), in the order the server gives them. */
export const READINESS_ITEMS = [
  'checklist_not_confirmed',
  'training_missing',
  'remote_work_not_approved',
  'insurance_proof_not_seen',
  'too_few_meetings_held',
  'equipment_not_tested',
] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

export function readinessItemKey(code: string): MessageKey {
  return (READINESS_ITEMS as readonly string[]).includes(code) ? `meeting.notReady.${code as ReadinessItem}` : 'meeting.notReady.other';
}

/** The missing items of a 409 not_ready, as message keys (one "record your readiness" when none is named). */
export function notReadyKeys(err: unknown): MessageKey[] | null {
  if (!(err instanceof ApiError) || err.status !== 409 || err.problem?.code !== 'not_ready') return null;
  const codes = (err.problem.errors ?? []).map((e) => e.field).filter((f) => f !== 'readiness');
  return codes.length > 0 ? [...new Set(codes.map(readinessItemKey))] : ['meeting.notReady.readiness'];
}

/** The environment checklist (V5): every item must be ticked before hosting. */
export const CHECKLIST = ['alone', 'busySign', 'background', 'light', 'camera', 'clothes', 'headset', 'quiet'] as const;
/** From home, two more: a secure, password-protected and stable network (W5), and only programs IT installed (W8). */
export const HOME_CHECKLIST = ['network', 'itSoftware'] as const;
export type ChecklistItem = (typeof CHECKLIST)[number] | (typeof HOME_CHECKLIST)[number];

/** The items to tick where the host sits: the home items only at home. */
export function checklistFor(location: Location): readonly ChecklistItem[] {
  return location === 'home' ? [...CHECKLIST, ...HOME_CHECKLIST] : CHECKLIST;
}

export function checklistKey(item: ChecklistItem): MessageKey {
  return `meeting.checklist.${item}`;
}

/** Every item for the location is ticked (ticks of items that do not apply there do not count). */
export function checklistComplete(location: Location, ticked: ReadonlySet<ChecklistItem>): boolean {
  return checklistFor(location).every((c) => ticked.has(c));
}

/** What was being done: the same refusal means different things for each. */
export type MeetingAction =
  | 'open'
  | 'load'
  | 'join'
  | 'readiness'
  | 'admit'
  | 'identify'
  | 'confidentiality'
  | 'invite'
  | 'accept'
  | 'chat'
  | 'phone'
  | 'end'
  | 'leave'
  | 'training'
  | 'approval';

/** A failed meeting call in plain words. */
export function meetingErrorKey(err: unknown, action: MeetingAction): MessageKey {
  if (!(err instanceof ApiError) || err.kind !== 'http') return 'meeting.error.network';
  const code = err.problem?.code ?? '';
  switch (code) {
    case 'not_a_video_appointment':
      return 'meeting.error.notVideo';
    case 'meeting_ended':
      return 'meeting.error.ended';
    case 'meeting_not_found':
    case 'appointment_not_found':
      return 'meeting.error.notFound';
    case 'participant_not_found':
      return action === 'admit' || action === 'identify' ? 'meeting.error.personGone' : 'meeting.error.notParticipant';
    case 'not_ready':
      return 'meeting.error.notReady';
    case 'confidentiality_required':
      return 'meeting.error.confidentialityRequired';
    case 'invitation_invalid':
      return 'meeting.error.linkInvalid';
    case 'not_admitted':
      return 'meeting.error.notAdmitted';
    default:
      break;
  }
  switch (err.status) {
    case 401:
      return 'meeting.error.loggedOut';
    case 403:
      if (action === 'training' || action === 'approval') return 'meeting.error.onlyManager';
      return action === 'open' || action === 'join' || action === 'load' ? 'meeting.error.forbidden' : 'meeting.error.onlyHost';
    case 404:
      return action === 'accept' ? 'meeting.error.linkInvalid' : 'meeting.error.notFound';
    case 422:
      if (action === 'confidentiality') return 'meeting.error.noteTooShort';
      if (action === 'training') return 'meeting.error.badDate';
      return 'meeting.error.invalid';
    default:
      return 'meeting.error.other';
  }
}

// --- forms ---

export const MIN_NOTE_LENGTH = 5;

/** The confidentiality assessment's note: at least five characters. */
export function confidentialityBody(note: string): { body: { note: string } } | { error: 'noteTooShort' } {
  const trimmed = note.trim();
  return [...trimmed].length >= MIN_NOTE_LENGTH ? { body: { note: trimmed } } : { error: 'noteTooShort' };
}

export type InviteError = 'name' | 'organisation';

export function invitationBody(input: {
  name: string;
  organisation: string;
  title: string;
}): { body: { name: string; organisation: string; title?: string } } | { errors: InviteError[] } {
  const name = input.name.trim();
  const organisation = input.organisation.trim();
  const title = input.title.trim();
  const errors: InviteError[] = [];
  if (name === '' || name.length > 200) errors.push('name');
  if (organisation === '' || organisation.length > 200) errors.push('organisation');
  if (errors.length > 0) return { errors };
  return { body: title === '' ? { name, organisation } : { name, organisation, title: title.slice(0, 200) } };
}

export const MAX_CHAT_LENGTH = 2000;

/** A chat line to send, or null when blank. */
export function chatText(raw: string): string | null {
  const t = raw.trim();
  return t === '' ? null : t.slice(0, MAX_CHAT_LENGTH);
}

/**
 * The guest link to give on: the server's path with this site's origin.
 * Only an app path ("/…", not "//…") is accepted; anything else gives null.
 */
export function guestLinkUrl(origin: string, link: string): string | null {
  if (!link.startsWith('/') || link.startsWith('//')) return null;
  return `${origin.replace(/\/+$/, '')}${link}`;
}

// --- the unit manager's records (A1, W1, W7) ---

export type TrainingError = 'staff' | 'date';

/** The training record: a staff member and a real date that is not in the future (YYYY-MM-DD, `today` in Stockholm). */
export function trainingBody(staffId: string, date: string, today: string): { staffId: string; completedOn: string } | { errors: TrainingError[] } {
  const errors: TrainingError[] = [];
  if (staffId === '') errors.push('staff');
  const d = date.trim();
  const real = /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) && new Date(`${d}T12:00:00Z`).toISOString().slice(0, 10) === d;
  if (!real || d > today) errors.push('date');
  return errors.length > 0 ? { errors } : { staffId, completedOn: d };
}
