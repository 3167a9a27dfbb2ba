import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDayTime } from '../cases/deadline';
import { useStore, useT } from '../context';
import { formatDate } from '../format';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import type { Appointment } from './booking';
import type { PatientMatch } from './schedule';
import { personalIdInput } from './scheduleForms';
import { lookupPatient } from './scheduleApi';
import { StaffSlotBooking } from './StaffSlotBooking';
import { useBookingAction } from './useBookingAction';

const INPUT_ID = 'desk-personal-id';

/** The time just booked, announced and focused (the form it came from is gone). */
function BookedNote({ a }: { a: Appointment }) {
  const { t, lang } = useT();
  const ref = useRef<HTMLParagraphElement>(null);
  const [when] = useState(() => formatDayTime(a.start, lang, new Date()));
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} tabIndex={-1} role="status" class="notice notice--success">
      {t('booking.deskBooked', { name: a.patient.name, when })}
    </p>
  );
}

/**
 * "Boka tid för patient" on the calendar: staff find the patient by
 * personnummer (sent in the body of a POST, never in an address), then book
 * a free time for them. The number is cleared once the time is booked.
 */
export function BookForPatient({ unitId, onBooked }: { unitId: string; onBooked: (a: Appointment) => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const { phase, run, reset } = useBookingAction('lookup');
  const [personalId, setPersonalId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [patient, setPatient] = useState<PatientMatch | null>(null);
  const [booked, setBooked] = useState<Appointment | null>(null);

  const failed: MessageKey | null = phase.name === 'failed' ? phase.message : null;
  // A number the server cannot read is the field's fault; "not found" and the rest are told apart.
  const fieldError: MessageKey | null = invalid ? 'booking.error.badPersonalId' : failed === 'booking.error.badPersonalId' ? failed : null;
  const otherError = failed !== null && failed !== fieldError ? failed : null;

  const find = async (e: Event) => {
    e.preventDefault();
    if (phase.name === 'busy') return;
    const id = personalIdInput(personalId);
    setPatient(null);
    setBooked(null);
    if (!id) {
      reset();
      setInvalid(true);
      document.getElementById(INPUT_ID)?.focus();
      return;
    }
    setInvalid(false);
    const found = await run((signal) => lookupPatient(store.api, unitId, id, signal));
    if (found) setPatient(found.value);
    else document.getElementById(INPUT_ID)?.focus();
  };

  const startOver = () => {
    setPatient(null);
    setPersonalId('');
    reset();
    document.getElementById(INPUT_ID)?.focus();
  };

  return (
    <section class="card" aria-labelledby="desk-book-title">
      <h2 id="desk-book-title">{t('booking.deskTitle')}</h2>
      <p>{t('booking.deskIntro')}</p>
      {booked && <BookedNote key={booked.id} a={booked} />}
      <form onSubmit={(e) => void find(e)} noValidate autocomplete="off">
        <div class="field">
          <label for={INPUT_ID}>{t('booking.personalId')}</label>
          <p id={`${INPUT_ID}-hint`} class="field__hint">
            {t('booking.personalIdHint')}
          </p>
          {fieldError && (
            <p id={`${INPUT_ID}-error`} class="field__error">
              {t(fieldError)}
            </p>
          )}
          {/* No name attribute: the number is never part of a submitted form or an address. */}
          <input
            id={INPUT_ID}
            class="input input--short"
            type="text"
            inputMode="numeric"
            autocomplete="off"
            spellcheck={false}
            value={personalId}
            aria-invalid={fieldError ? 'true' : undefined}
            aria-describedby={fieldError ? `${INPUT_ID}-hint ${INPUT_ID}-error` : `${INPUT_ID}-hint`}
            onInput={(e) => {
              setPersonalId((e.currentTarget as HTMLInputElement).value);
              // Never book for someone found with another number.
              if (patient) setPatient(null);
            }}
          />
        </div>
        <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
          {t('booking.find')}
        </button>
      </form>
      <Status>{phase.name === 'busy' ? t('booking.finding') : patient ? t('booking.found', { name: patient.name }) : ''}</Status>
      {otherError && <ErrorMessage message={t(otherError)} />}
      {patient && (
        <div>
          <dl class="facts">
            <div>
              <dt>{t('booking.patientLabel')}</dt>
              <dd>{patient.name}</dd>
            </div>
            {patient.birthDate && (
              <div>
                <dt>{t('booking.born')}</dt>
                <dd>{formatDate(patient.birthDate, lang)}</dd>
              </div>
            )}
          </dl>
          <p>
            <button type="button" class="button button--secondary" onClick={startOver}>
              {t('booking.otherPatient')}
            </button>
          </p>
          <h3>{t('booking.chooseFor', { name: patient.name })}</h3>
          <StaffSlotBooking
            key={patient.id}
            id="desk-book"
            unitId={unitId}
            patientId={patient.id}
            onBooked={(a) => {
              setPatient(null);
              setPersonalId('');
              reset();
              setBooked(a);
              onBooked(a);
            }}
          />
        </div>
      )}
    </section>
  );
}
