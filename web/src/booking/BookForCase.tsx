import { useEffect, useRef, useState } from 'preact/hooks';
import { getCase } from '../cases/casesApi';
import { formatDayTime } from '../cases/deadline';
import type { CaseView } from '../cases/model';
import { useStore, useT } from '../context';
import { StaffSlotBooking } from './StaffSlotBooking';

/** The service whose cases are booking requests. */
export const BOOKING_REQUEST_SERVICE = 'book_appointment';

/** "Boka tid" on a booking request: staff book a free time of the unit for the patient, which closes the case. */
export function BookForCase({ view, onBooked }: { view: CaseView; onBooked: (v: CaseView, start: string) => void }) {
  const store = useStore();
  const { t } = useT();
  return (
    <section class="card" aria-labelledby="book-for-case-title">
      <h2 id="book-for-case-title">{t('booking.casePanel')}</h2>
      <p>{t('booking.casePanelIntro', { name: view.patient.name })}</p>
      <StaffSlotBooking
        id="case-book"
        unitId={view.clinic.id}
        patientId={view.patient.id}
        caseId={view.id}
        onBooked={async (a, signal) => onBooked(await getCase(store.api, view.id, signal), a.start)}
      />
    </section>
  );
}

/** After booking from the case: the time booked, announced and focused. */
export function CaseBookedNote({ start }: { start: string }) {
  const { t, lang } = useT();
  const ref = useRef<HTMLParagraphElement>(null);
  const [when] = useState(() => formatDayTime(start, lang, new Date()));
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} tabIndex={-1} role="status" class="notice notice--success">
      {t('booking.caseBooked', { when })}
    </p>
  );
}
