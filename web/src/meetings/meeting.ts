// Video meetings as the UI uses them: the API's answers (the meeting as the
// caller sees it, its participants, links, ICE servers), who sees whom, the
// words for their codes, which reminders to show, and the addresses. The
// forms and failures in words are in meetingForms.ts. Pure.

import { ApiError } from '../api';
import { isObject, str } from '../cases/model';
import type { MessageKey } from '../i18n';

export const ROLES = ['host', 'staff', 'patient', 'guardian', 'guest'] as const;
export type Role = (typeof ROLES)[number];
export const STATES = ['waiting', 'admitted', 'rejected', 'left'] as const;
export type ParticipantState = (typeof STATES)[number];
export const IDENTIFICATIONS = ['e_id', 'e_id_demo', 'staff_account', 'staff_verified', 'guest_link'] as const;
export type Identification = (typeof IDENTIFICATIONS)[number] | 'unknown';
export const LOCATIONS = ['workplace', 'home'] as const;
export type Location = (typeof LOCATIONS)[number];

export interface Participant {
  id: string;
  role: Role;
  name: string;
  organisation: string;
  title: string;
  identification: Identification;
  /** When the host saw the person's ID on camera; null when not. */
  identifiedAt: string | null;
  state: ParticipantState;
}

export interface MeetingView {
  id: string;
  appointmentId: string;
  careUnit: { id: string; name: string };
  startsAt: string;
  /** Always false: meetings are never recorded. */
  recorded: boolean;
  /** The patient is under 18. */
  child: boolean;
  /** The server's reminders, in Swedish. */
  reminders: string[];
  confidentialityAssessedAt: string | null;
  phoneFallbackAt: string | null;
  /** When the host ended the meeting for everyone; null while it goes on. */
  endedAt: string | null;
  me: Participant;
  /** Everyone waiting or admitted when the caller is admitted; only the caller while waiting. */
  participants: Participant[];
}

export interface OpenedMeeting {
  id: string;
  appointmentId: string;
  startsAt: string;
}

export interface Invitation {
  id: string;
  /** "/mote/gast#<token>": a path of this app, the token in the fragment. */
  link: string;
  expiresAt: string | null;
}

export interface AcceptedInvitation {
  meetingId: string;
  participant: Participant;
  participantToken: string;
}

/** An ICE server as RTCPeerConnection takes it. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

function oneOf<T extends string>(values: readonly T[], v: unknown, fallback: T): T {
  return (values as readonly unknown[]).includes(v) ? (v as T) : fallback;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function parseParticipant(v: unknown): Participant | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  if (!id) return null;
  return {
    id,
    role: oneOf(ROLES, v.role, 'guest'),
    name: text(v.name),
    organisation: text(v.organisation),
    title: text(v.title),
    identification: oneOf<Identification>([...IDENTIFICATIONS, 'unknown'], v.identification, 'unknown'),
    identifiedAt: str(v.identified_by_staff_at),
    state: oneOf(STATES, v.state, 'waiting'),
  };
}

/** GET /api/v1/meetings/{id} and POST …/join. */
export function parseMeetingView(v: unknown): MeetingView {
  if (!isObject(v)) throw new ApiError('invalid', 200, 'not a meeting');
  const id = str(v.id);
  const me = parseParticipant(v.me);
  if (!id || !me) throw new ApiError('invalid', 200, 'meeting lacks id or me');
  const unit = isObject(v.care_unit) ? v.care_unit : {};
  const participants = Array.isArray(v.participants)
    ? v.participants.map(parseParticipant).filter((p): p is Participant => p !== null)
    : [];
  return {
    id,
    appointmentId: text(v.appointment_id),
    careUnit: { id: text(unit.id), name: text(unit.name) },
    startsAt: text(v.starts_at),
    recorded: v.recorded === true,
    child: v.child === true,
    reminders: Array.isArray(v.reminders) ? v.reminders.filter((r): r is string => typeof r === 'string' && r.trim() !== '') : [],
    confidentialityAssessedAt: str(v.confidentiality_assessed_at),
    phoneFallbackAt: str(v.phone_fallback_at),
    endedAt: str(v.ended_at),
    me,
    participants: participants.some((p) => p.id === me.id) ? participants : [me, ...participants],
  };
}

/** What the host learns on ending the meeting for everyone. */
export interface MeetingEnded {
  endedAt: string;
  /** The patient (or a guardian) was let in at some point: the appointment is recorded as fulfilled. */
  visitTookPlace: boolean;
  /** The server's reminder to document (W3) when the app does not know it; null when it is the one the app words itself. */
  reminder: string | null;
}

/** The server's reminder to document the visit (W3), as the server words it (rules.hpp). */
const DOCUMENT_REMINDER = 'Dokumentera besöket i journalen';

/** POST /api/v1/meetings/{id}/end. */
export function parseEnded(v: unknown): MeetingEnded {
  if (!isObject(v) || !str(v.ended_at)) throw new ApiError('invalid', 200, 'not an ended meeting');
  const reminder = text(v.reminder).trim();
  return {
    endedAt: text(v.ended_at),
    visitTookPlace: v.visit_took_place === true,
    reminder: reminder === '' || reminder.startsWith(DOCUMENT_REMINDER) ? null : reminder,
  };
}

/** POST /api/v1/appointments/{id}/meeting. */
export function parseOpened(v: unknown): OpenedMeeting {
  if (!isObject(v) || !str(v.id)) throw new ApiError('invalid', 200, 'not a meeting');
  return { id: text(v.id), appointmentId: text(v.appointment_id), startsAt: text(v.starts_at) };
}

/** POST /api/v1/meetings/{id}/invitations. */
export function parseInvitation(v: unknown): Invitation {
  if (!isObject(v) || !str(v.link)) throw new ApiError('invalid', 201, 'not an invitation');
  return { id: text(v.id), link: text(v.link), expiresAt: str(v.expires_at) };
}

/** POST /api/v1/meeting-invitations/accept. */
export function parseAccepted(v: unknown): AcceptedInvitation {
  const participant = isObject(v) ? parseParticipant(v.participant) : null;
  if (!isObject(v) || !str(v.meeting_id) || !str(v.participant_token) || !participant) {
    throw new ApiError('invalid', 201, 'not an accepted invitation');
  }
  return { meetingId: text(v.meeting_id), participant, participantToken: text(v.participant_token) };
}

/** GET /api/v1/meetings/{id}/ice-servers: servers without a usable URL are left out. */
export function parseIceServers(v: unknown): IceServer[] {
  if (!isObject(v) || !Array.isArray(v.ice_servers)) return [];
  return v.ice_servers.flatMap((s: unknown): IceServer[] => {
    if (!isObject(s)) return [];
    const raw = Array.isArray(s.urls) ? s.urls : [s.urls];
    const urls = raw.filter((u): u is string => typeof u === 'string' && /^(stuns?|turns?):/.test(u));
    if (urls.length === 0) return [];
    const server: IceServer = { urls };
    if (typeof s.username === 'string' && typeof s.credential === 'string') {
      server.username = s.username;
      server.credential = s.credential;
    }
    return [server];
  });
}

/** What the unit manager has recorded for one staff member (A1, W1, W7), and how many meetings they hosted at the unit (W2). */
export interface HostingRecord {
  staffId: string;
  name: string;
  title: string;
  /** YYYY-MM-DD; null when no training is recorded. */
  trainingCompletedOn: string | null;
  /** Null when meetings from home are not approved. */
  remoteWork: { approvedAt: string; insuranceProofSeen: boolean } | null;
  meetingsHosted: number;
}

/** GET /api/v1/units/{id}/hosting-records: entries without a staff id are left out. */
export function parseHostingRecords(v: unknown): HostingRecord[] {
  if (!isObject(v) || !Array.isArray(v.staff)) return [];
  return v.staff.flatMap((r: unknown): HostingRecord[] => {
    if (!isObject(r)) return [];
    const staffId = str(r.staff_id);
    if (!staffId) return [];
    const training = isObject(r.training) ? str(r.training.completed_on) : null;
    const approval = isObject(r.remote_work_approval) ? r.remote_work_approval : null;
    const hosted = r.meetings_hosted;
    return [
      {
        staffId,
        name: text(r.name) || staffId,
        title: text(r.title),
        trainingCompletedOn: training,
        remoteWork: approval ? { approvedAt: text(approval.approved_at), insuranceProofSeen: approval.insurance_proof_seen === true } : null,
        meetingsHosted: typeof hosted === 'number' && Number.isInteger(hosted) && hosted >= 0 ? hosted : 0,
      },
    ];
  });
}

/** Whether any of the servers is a TURN server (a relay). */
export function hasTurn(servers: readonly IceServer[]): boolean {
  return servers.some((s) => s.urls.some((u) => /^turns?:/.test(u)));
}

/** POST /api/v1/meetings/{id}/grant. */
export function parseMeetingGrant(v: unknown): { topic: string; grant: string } | null {
  if (!isObject(v) || !str(v.topic) || !str(v.grant)) return null;
  return { topic: text(v.topic), grant: text(v.grant) };
}

/** The realtime topic on which the server tells one participant about admission, the roster, signals and chat. */
export function participantTopic(meetingId: string, participantId: string): string {
  return `meeting:${meetingId}:${participantId}`;
}

// --- who sees what ---

/** Someone of the care unit (the host or other staff), not the patient, a guardian or a guest. */
export function isStaff(p: Pick<Participant, 'role'>): boolean {
  return p.role === 'host' || p.role === 'staff';
}

export function isHost(view: MeetingView): boolean {
  return view.me.role === 'host' && view.me.state === 'admitted';
}

/** People waiting for the host, in the order they came. */
export function waitingPeople(view: MeetingView): Participant[] {
  return view.participants.filter((p) => p.state === 'waiting' && p.id !== view.me.id);
}

/** The others in the meeting (admitted), as the caller may see them. */
export function othersAdmitted(view: MeetingView): Participant[] {
  if (view.me.state !== 'admitted') return [];
  return view.participants.filter((p) => p.state === 'admitted' && p.id !== view.me.id);
}

/** Someone from another organisation needs the confidentiality assessment before admission (V3). */
export function needsAssessment(view: MeetingView, p: Participant): boolean {
  return p.role === 'guest' && view.confidentialityAssessedAt === null;
}

/** The host may record that they saw this person's ID on camera. */
export function mayMarkIdentified(view: MeetingView, p: Participant): boolean {
  return isHost(view) && p.id !== view.me.id && p.identification !== 'staff_verified' && (p.state === 'waiting' || p.state === 'admitted');
}

// --- reminders ---

export type ReminderKey = 'neverRecorded' | 'child' | 'privatePlace';

/** The texts the server sends (model.hpp); recognised ones are shown in the chosen language. */
const SERVER_REMINDERS: Record<ReminderKey, string> = {
  neverRecorded: 'Mötet spelas inte in.',
  child: 'Patienten är under 18 år.',
  privatePlace: 'Sitt på en avskild plats',
};

export interface Reminders {
  /** In order: never recorded (always), the child reminder for staff (C2), a private place for the others (V9). */
  keys: ReminderKey[];
  /** Reminders from the server that the app does not know: shown as the server wrote them. */
  other: string[];
}

/**
 * Which reminders to show. The app decides from who the caller is, so a guest
 * (whom the server does not remind) is asked to sit somewhere private too, and
 * staff other than the host see the child reminder. Reminders the server adds
 * later and the app does not know are shown as written.
 */
export function selectReminders(view: Pick<MeetingView, 'child' | 'reminders' | 'me'>): Reminders {
  const keys: ReminderKey[] = ['neverRecorded'];
  const staff = isStaff(view.me);
  if (staff && view.child) keys.push('child');
  if (!staff) keys.push('privatePlace');
  const known = Object.values(SERVER_REMINDERS);
  const other = view.reminders.filter((r) => !known.some((k) => r.startsWith(k)));
  return { keys, other };
}

export const REMINDER_KEYS: Record<ReminderKey, MessageKey> = {
  neverRecorded: 'meeting.reminder.neverRecorded',
  child: 'meeting.reminder.child',
  privatePlace: 'meeting.reminder.privatePlace',
};

// --- words for codes ---

export const ROLE_KEYS: Record<Role, MessageKey> = {
  host: 'meeting.role.host',
  staff: 'meeting.role.staff',
  patient: 'meeting.role.patient',
  guardian: 'meeting.role.guardian',
  guest: 'meeting.role.guest',
};

export const IDENTIFICATION_KEYS: Record<Identification, MessageKey> = {
  e_id: 'meeting.identification.e_id',
  e_id_demo: 'meeting.identification.e_id_demo',
  staff_account: 'meeting.identification.staff_account',
  staff_verified: 'meeting.identification.staff_verified',
  guest_link: 'meeting.identification.guest_link',
  unknown: 'meeting.identification.unknown',
};

// --- addresses ---

const enc = encodeURIComponent;
export const meetingApiUrl = (id: string) => `/api/v1/meetings/${enc(id)}`;
export const openMeetingUrl = (appointmentId: string) => `/api/v1/appointments/${enc(appointmentId)}/meeting`;
export const ACCEPT_URL = '/api/v1/meeting-invitations/accept';
export const participantUrl = (meetingId: string, participantId: string) => `${meetingApiUrl(meetingId)}/participants/${enc(participantId)}`;
export const trainingUrl = (unitId: string, staffId: string) => `/api/v1/units/${enc(unitId)}/staff/${enc(staffId)}/meeting-training`;
export const approvalUrl = (unitId: string, staffId: string) => `/api/v1/units/${enc(unitId)}/staff/${enc(staffId)}/remote-work-approval`;
export const hostingRecordsUrl = (unitId: string) => `/api/v1/units/${enc(unitId)}/hosting-records`;

/** A video appointment that is booked (or the patient has arrived) and not long over: its meeting can be opened. */
export function mayOpenMeeting(a: { channel: string; status: string; end: string }, now: Date): boolean {
  const end = Date.parse(a.end);
  return a.channel === 'video' && (a.status === 'booked' || a.status === 'arrived') && (Number.isNaN(end) || now.getTime() < end + 3_600_000);
}
