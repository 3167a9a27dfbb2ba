import type { MessageKey } from '../i18n';
import { useSave } from '../ui/useSave';
import { bookingErrorKey, type BookingAction } from './booking';

export type BookingPhase = { name: 'idle' } | { name: 'busy' } | { name: 'done' } | { name: 'failed'; message: MessageKey };

/**
 * `useSave` for a booking or scheduling form: a refusal comes out in plain words, read from
 * the problem's stable code for this kind of action.
 */
export function useBookingAction(action: BookingAction): Omit<ReturnType<typeof useSave>, 'phase'> & { phase: BookingPhase } {
  const { phase, run, reset } = useSave();
  return {
    phase: phase.name === 'failed' ? { name: 'failed', message: bookingErrorKey(phase.error, action) } : phase,
    run,
    reset,
  };
}
