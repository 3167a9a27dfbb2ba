import { describe, expect, it } from 'vitest';
import type { MeetingView, Participant, ParticipantState, Role } from './meeting';
import { phaseOf, startPhase } from './useMeeting';

function viewAs(state: ParticipantState, role: Role = 'patient'): MeetingView {
  const me: Participant = {
    id: 'p1',
    role,
    name: 'Erik Sandberg',
    organisation: '',
    title: '',
    identification: 'e_id_demo',
    identifiedAt: null,
    state,
  };
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
    me,
    participants: [me],
  };
}

describe('where the view puts the caller', () => {
  it('follows the state the server gives', () => {
    expect(phaseOf(viewAs('waiting'))).toEqual({ name: 'waiting' });
    expect(phaseOf(viewAs('admitted'))).toEqual({ name: 'inCall' });
    expect(phaseOf(viewAs('rejected'))).toEqual({ name: 'rejected' });
    expect(phaseOf(viewAs('left'))).toEqual({ name: 'left' });
  });

  it('on opening the page: back in after a reload, still turned away when rejected, and through the check again after leaving', () => {
    expect(startPhase(viewAs('waiting'))).toEqual({ name: 'waiting' });
    expect(startPhase(viewAs('admitted'))).toEqual({ name: 'inCall' });
    expect(startPhase(viewAs('rejected'))).toEqual({ name: 'rejected' });
    expect(startPhase(viewAs('left'))).toEqual({ name: 'check' });
    expect(startPhase(viewAs('left', 'host'))).toEqual({ name: 'check' });
  });

  it('keeps a guest who left out: their link worked once', () => {
    expect(startPhase(viewAs('left', 'guest'))).toEqual({ name: 'left' });
    expect(startPhase(viewAs('waiting', 'guest'))).toEqual({ name: 'waiting' });
  });
});
