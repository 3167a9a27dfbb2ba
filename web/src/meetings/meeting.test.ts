import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { sv } from '../i18n/sv';
import {
  hasTurn,
  hostingRecordsUrl,
  isStaff,
  mayMarkIdentified,
  mayOpenMeeting,
  needsAssessment,
  othersAdmitted,
  parseAccepted,
  parseHostingRecords,
  parseIceServers,
  parseEnded,
  parseMeetingView,
  participantTopic,
  selectReminders,
  waitingPeople,
  type MeetingView,
} from './meeting';
import { meetingView, person } from './testing';


const karin = person({ id: 'a-karin', role: 'host', name: 'Karin Ekström', organisation: 'Vårdcentralen Björkdalen', identification: 'staff_account', state: 'admitted' });
const erik = person({ id: 'b-erik' });
const sofia = person({ id: 'c-sofia', role: 'guest', name: 'Sofia Berg', organisation: 'Botkyrka kommun', identification: 'guest_link' });

function view(over: Partial<MeetingView> = {}): MeetingView {
  return meetingView(karin, { reminders: ['Mötet spelas inte in.'], participants: [karin, erik, sofia], ...over });
}

describe('reading the meeting', () => {
  it('reads the view the server gives, with the caller among the participants', () => {
    const v = parseMeetingView({
      id: 'm1',
      appointment_id: 'a1',
      care_unit: { id: 'u1', name: 'Vårdcentralen Björkdalen' },
      starts_at: '2026-11-24T12:00:00Z',
      recorded: false,
      child: true,
      reminders: ['Mötet spelas inte in.', 42, ''],
      confidentiality_assessed_at: null,
      phone_fallback_at: '2026-11-24T12:05:00Z',
      me: { id: 'p1', role: 'patient', name: 'Erik', organisation: '', title: '', identification: 'e_id', identified_by_staff_at: null, state: 'waiting' },
      participants: [],
    });
    expect(v.child).toBe(true);
    expect(v.reminders).toEqual(['Mötet spelas inte in.']);
    expect(v.phoneFallbackAt).toBe('2026-11-24T12:05:00Z');
    expect(v.endedAt).toBeNull();
    expect(parseMeetingView({ id: 'm1', me: { id: 'p1' }, ended_at: '2026-11-24T12:30:00Z' }).endedAt).toBe('2026-11-24T12:30:00Z');
    expect(v.participants.map((p) => p.id)).toEqual(['p1']);
    expect(v.me.identification).toBe('e_id');
    expect(() => parseMeetingView({ id: 'm1' })).toThrow(ApiError);
  });

  it('keeps unknown codes from breaking the page', () => {
    const v = parseMeetingView({ id: 'm', me: { id: 'p', role: 'wizard', identification: 'magic', state: 'floating' } });
    expect(v.me).toMatchObject({ role: 'guest', identification: 'unknown', state: 'waiting' });
  });

  it('reads the end: when, whether the visit was held, and a reminder only when the app does not know it', () => {
    const server = {
      ended_at: '2026-11-24T12:30:00Z',
      visit_took_place: true,
      reminder: 'Dokumentera besöket i journalen direkt efter mötet. Skriv inte ner uppgifter om patienten någon annanstans.',
    };
    expect(parseEnded(server)).toEqual({ endedAt: '2026-11-24T12:30:00Z', visitTookPlace: true, reminder: null });
    expect(parseEnded({ ...server, visit_took_place: 'yes', reminder: ' Något nytt. ' })).toEqual({
      endedAt: '2026-11-24T12:30:00Z',
      visitTookPlace: false,
      reminder: 'Något nytt.',
    });
    expect(parseEnded({ ended_at: '2026-11-24T12:30:00Z' }).reminder).toBeNull();
    expect(() => parseEnded({ visit_took_place: true })).toThrow(ApiError);
    // The app's own words for the reminder it knows are the server's, in Swedish.
    expect(sv['meeting.endedDocument']).toBe(server.reminder);
  });

  it('reads an accepted invitation and the ICE servers', () => {
    const a = parseAccepted({ meeting_id: 'm1', participant: { id: 'g1', role: 'guest', state: 'waiting' }, participant_token: 't'.repeat(43) });
    expect(a.meetingId).toBe('m1');
    expect(() => parseAccepted({ meeting_id: 'm1' })).toThrow(ApiError);
    const servers = parseIceServers({
      ice_servers: [
        { urls: ['stun:127.0.0.1:3478'] },
        { urls: ['turn:127.0.0.1:3478?transport=udp'], username: '1700000000:p1', credential: 'c2VjcmV0' },
        { urls: ['https://not-ice'] },
        'junk',
      ],
    });
    expect(servers).toEqual([
      { urls: ['stun:127.0.0.1:3478'] },
      { urls: ['turn:127.0.0.1:3478?transport=udp'], username: '1700000000:p1', credential: 'c2VjcmV0' },
    ]);
    expect(hasTurn(servers)).toBe(true);
    expect(hasTurn(servers.slice(0, 1))).toBe(false);
    expect(parseIceServers({})).toEqual([]);
  });

  it('names each participant’s realtime topic as the server does', () => {
    expect(participantTopic('m1', 'p1')).toBe('meeting:m1:p1');
  });
});

describe('who sees whom', () => {
  it('lists the waiting and the admitted others, never the caller', () => {
    expect(waitingPeople(view()).map((p) => p.id)).toEqual(['b-erik', 'c-sofia']);
    const both = view({ participants: [karin, { ...erik, state: 'admitted' }, sofia] });
    expect(othersAdmitted(both).map((p) => p.id)).toEqual(['b-erik']);
    // Someone waiting is shown nobody.
    expect(othersAdmitted(view({ me: erik, participants: [erik] }))).toEqual([]);
  });

  it('asks for the confidentiality assessment before a guest, and only then', () => {
    expect(needsAssessment(view(), sofia)).toBe(true);
    expect(needsAssessment(view(), erik)).toBe(false);
    expect(needsAssessment(view({ confidentialityAssessedAt: '2026-11-24T12:01:00Z' }), sofia)).toBe(false);
  });

  it('counts the host and other staff as staff, nobody else', () => {
    expect(isStaff(karin)).toBe(true);
    expect(isStaff({ role: 'staff' })).toBe(true);
    expect(isStaff(erik)).toBe(false);
    expect(isStaff({ role: 'guardian' })).toBe(false);
    expect(isStaff(sofia)).toBe(false);
  });

  it('lets the host record an ID shown on camera once', () => {
    expect(mayMarkIdentified(view(), erik)).toBe(true);
    expect(mayMarkIdentified(view(), karin)).toBe(false);
    expect(mayMarkIdentified(view(), { ...erik, identification: 'staff_verified' })).toBe(false);
    expect(mayMarkIdentified(view({ me: erik }), sofia)).toBe(false);
  });
});

describe('reminders', () => {
  it('always says first that the meeting is not recorded', () => {
    for (const me of [karin, erik, sofia]) expect(selectReminders(view({ me })).keys[0]).toBe('neverRecorded');
  });

  it('reminds staff of the child (C2) and the others of a private place (V9)', () => {
    expect(selectReminders(view({ child: true })).keys).toEqual(['neverRecorded', 'child']);
    expect(selectReminders(view({ child: false })).keys).toEqual(['neverRecorded']);
    expect(selectReminders(view({ child: true, me: { ...karin, role: 'staff' } })).keys).toEqual(['neverRecorded', 'child']);
    expect(selectReminders(view({ child: true, me: erik })).keys).toEqual(['neverRecorded', 'privatePlace']);
    expect(selectReminders(view({ me: sofia })).keys).toEqual(['neverRecorded', 'privatePlace']);
    expect(selectReminders(view({ me: { ...erik, role: 'guardian' } })).keys).toEqual(['neverRecorded', 'privatePlace']);
  });

  it('shows the server’s own reminders it does not know, and not the ones it does', () => {
    const reminders = [
      'Mötet spelas inte in.',
      'Patienten är under 18 år. Ställ inga frågor om utsatthet eller hemförhållanden i ett digitalt möte – någon som skadar barnet kan lyssna.',
      'Sitt på en avskild plats där ingen annan hör eller ser, aldrig på en allmän plats.',
      'Något nytt.',
    ];
    expect(selectReminders(view({ reminders })).other).toEqual(['Något nytt.']);
  });

  it('words the reminders as the server does, in Swedish', () => {
    expect(sv['meeting.reminder.neverRecorded']).toBe('Mötet spelas inte in.');
    expect(sv['meeting.reminder.privatePlace']).toBe('Sitt på en avskild plats där ingen annan hör eller ser, aldrig på en allmän plats.');
    expect(sv['meeting.phoneReminder']).toContain('#31#');
  });
});

describe('opening the meeting', () => {
  it('offers the meeting of booked video appointments until an hour after their end', () => {
    const a = { channel: 'video', status: 'booked', end: '2026-11-24T12:20:00Z' };
    expect(mayOpenMeeting(a, new Date('2026-11-20T08:00:00Z'))).toBe(true);
    expect(mayOpenMeeting({ ...a, status: 'arrived' }, new Date('2026-11-24T13:00:00Z'))).toBe(true);
    expect(mayOpenMeeting(a, new Date('2026-11-24T13:30:00Z'))).toBe(false);
    expect(mayOpenMeeting({ ...a, channel: 'in_person' }, new Date('2026-11-20T08:00:00Z'))).toBe(false);
    expect(mayOpenMeeting({ ...a, status: 'cancelled' }, new Date('2026-11-20T08:00:00Z'))).toBe(false);
  });
});

describe('the unit manager’s hosting records', () => {
  it('reads training, approval and meetings hosted per staff member', () => {
    const records = parseHostingRecords({
      staff: [
        {
          staff_id: 's-karin',
          name: 'Karin Ekström',
          title: 'Specialist i allmänmedicin',
          training: { completed_on: '2026-11-02' },
          remote_work_approval: { approved_at: '2026-11-03T09:00:00Z', insurance_proof_seen: false },
          meetings_hosted: 3,
        },
        { staff_id: 's-anna', name: 'Anna Nilsson', title: '', training: null, remote_work_approval: null, meetings_hosted: 0 },
      ],
    });
    expect(records).toEqual([
      {
        staffId: 's-karin',
        name: 'Karin Ekström',
        title: 'Specialist i allmänmedicin',
        trainingCompletedOn: '2026-11-02',
        remoteWork: { approvedAt: '2026-11-03T09:00:00Z', insuranceProofSeen: false },
        meetingsHosted: 3,
      },
      { staffId: 's-anna', name: 'Anna Nilsson', title: '', trainingCompletedOn: null, remoteWork: null, meetingsHosted: 0 },
    ]);
  });

  it('leaves out entries without an id and reads odd values safely', () => {
    const records = parseHostingRecords({
      staff: [
        { name: 'Utan id' },
        'x',
        { staff_id: 's-1', training: {}, remote_work_approval: { approved_at: '2026-11-03T09:00:00Z', insurance_proof_seen: 'yes' }, meetings_hosted: -1 },
      ],
    });
    expect(records).toEqual([
      { staffId: 's-1', name: 's-1', title: '', trainingCompletedOn: null, remoteWork: { approvedAt: '2026-11-03T09:00:00Z', insuranceProofSeen: false }, meetingsHosted: 0 },
    ]);
    expect(parseHostingRecords(null)).toEqual([]);
    expect(parseHostingRecords({ staff: 'none' })).toEqual([]);
  });

  it('asks the unit’s address', () => {
    expect(hostingRecordsUrl('u 1')).toBe('/api/v1/units/u%201/hosting-records');
  });
});
