import { useStore, useT } from '../context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { bookingErrorKey, type Appointment } from './booking';
import { appointmentTypes, book } from './bookingApi';
import { SlotPicker } from './SlotPicker';

interface Props {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  unitId: string;
  patientId: string;
  /** The booking request the time answers (it is closed), if any. */
  caseId?: string;
  /** After booking; a failure here reads as a failed booking. */
  onBooked: (a: Appointment, signal: AbortSignal) => Promise<void> | void;
}

/**
 * Staff book a free time of the unit for a patient: any appointment type,
 * and for video and phone only after confirming that a digital meeting
 * suits the patient. Shared by the booking request and the calendar.
 */
export function StaffSlotBooking({ id, unitId, patientId, caseId, onBooked }: Props) {
  const store = useStore();
  const { t } = useT();
  const { state, reload } = useLoad((signal) => appointmentTypes(store.api, unitId, signal), unitId);
  if (state.status === 'error') return <ErrorMessage message={t('booking.loadError')} onRetry={reload} />;
  if (state.status !== 'ready') return <Status>{t('booking.slotsLoading')}</Status>;
  return (
    <SlotPicker
      id={id}
      unitId={unitId}
      types={state.value}
      staff
      submitLabel={t('booking.confirm')}
      onBook={async (slot, suitabilityConfirmed) => {
        try {
          const signal = new AbortController().signal;
          const body: Record<string, unknown> = { slot_id: slot.id, patient_id: patientId, suitability_confirmed: suitabilityConfirmed };
          if (caseId) body.case_id = caseId;
          await onBooked(await book(store.api, body, signal), signal);
          return null;
        } catch (err) {
          return t(bookingErrorKey(err, 'book'));
        }
      }}
    />
  );
}
