// Builders for the meeting's unit tests: a participant and a meeting view with plausible
// defaults, each overridden where a test needs it.
import type { MeetingView, Participant } from './meeting';

export const person = (over: Partial<Participant> = {}): Participant => ({
  id: 'p',
  role: 'patient',
  name: 'Erik Sandberg',
  organisation: '',
  title: '',
  identification: 'e_id_demo',
  identifiedAt: null,
  state: 'waiting',
  ...over,
});

/** A view of meeting m1 at Björkdalen; by default the caller is `me` and alone. */
export function meetingView(me: Participant, over: Partial<MeetingView> = {}): MeetingView {
  return {
    id: 'm1',
    appointmentId: 'a1',
    careUnit: { id: 'u1', name: 'Vårdcentralen Björkdalen' },
    startsAt: '2026-11-24T12:00:00Z',
    recorded: false,
    child: false,
    reminders: [],
    confidentialityAssessedAt: null,
    phoneFallbackAt: null,
    endedAt: null,
    me,
    participants: [me],
    ...over,
  };
}
