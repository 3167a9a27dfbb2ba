import { describe, expect, it } from 'vitest';
import { ROLES, STATES, type MeetingView, type ParticipantState, type Role } from './meeting';
import { meetingView, person } from './testing';
import { nextPhase, phaseOf, startPhase, type Phase } from './useMeeting';

function viewAs(state: ParticipantState, role: Role = 'patient', endedAt: string | null = null): MeetingView {
  return meetingView(person({ id: 'p1', role, state }), { endedAt });
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

  it('brings a guest who left back through the check too: their place waits for the host again', () => {
    expect(startPhase(viewAs('left', 'guest'))).toEqual({ name: 'check' });
    expect(startPhase(viewAs('waiting', 'guest'))).toEqual({ name: 'waiting' });
  });
});

describe('the end of the meeting', () => {
  const ended = { name: 'ended', outcome: null } as const;
  const outcome = { endedAt: '2026-11-24T12:30:00Z', visitTookPlace: true, reminder: null };

  it('is the end for everyone, whatever their state or role, on opening the page as later', () => {
    for (const role of ROLES) {
      for (const state of STATES) {
        const v = viewAs(state, role, '2026-11-24T12:30:00Z');
        expect(phaseOf(v), `${role} ${state}`).toEqual(ended);
        expect(startPhase(v), `${role} ${state}`).toEqual(ended);
      }
    }
  });

  it('stays: nothing that comes later takes the page back, only the host’s own outcome is added', () => {
    const others: Phase[] = [
      { name: 'loading' },
      { name: 'check' },
      { name: 'joining' },
      { name: 'readiness' },
      { name: 'waiting' },
      { name: 'inCall' },
      { name: 'rejected' },
      { name: 'left' },
      { name: 'failed', message: 'meeting.error.other' },
    ];
    for (const next of others) {
      expect(nextPhase(ended, next)).toBe(ended);
      expect(nextPhase({ name: 'ended', outcome }, next)).toEqual({ name: 'ended', outcome });
      // Before the end, the page goes wherever it is sent.
      expect(nextPhase(next, ended)).toBe(ended);
      expect(nextPhase({ name: 'inCall' }, next)).toBe(next);
    }
    // The event came before the answer to ending it: the outcome is added; an event after the answer keeps it.
    expect(nextPhase(ended, { name: 'ended', outcome })).toEqual({ name: 'ended', outcome });
    expect(nextPhase({ name: 'ended', outcome }, ended)).toEqual({ name: 'ended', outcome });
  });
});
