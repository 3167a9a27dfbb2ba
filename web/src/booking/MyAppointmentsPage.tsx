import { useEffect, useRef, useState } from 'preact/hooks';
import { useAppState, useStore, useT } from '../context';
import { formatDayTime } from '../cases/deadline';
import { getParam } from '../query';
import { paths } from '../router';
import { fullName, type Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequirePatient } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { bookingErrorKey, calendarIcsUrl, CHANNEL_KEYS, patientActions, sortAppointments, statusKey, type Appointment } from './booking';
import { appointmentTypes, cancelAppointment, myAppointments, rebookAppointment } from './bookingApi';
import { SlotPicker } from './SlotPicker';
import { mayOpenMeeting } from '../meetings/meeting';
import { OpenMeetingButton } from '../meetings/OpenMeetingButton';

export const BOOKED_PARAM = 'bokad';

type Mode = 'view' | 'cancel' | 'rebook';

function Rebook({ a, onDone }: { a: Appointment; onDone: (changed: Appointment) => void }) {
  const store = useStore();
  const { t } = useT();
  const { state } = useLoad((signal) => appointmentTypes(store.api, a.clinic.id, signal), a.clinic.id);
  if (state.status !== 'ready') return <Status>{state.status === 'loading' ? t('booking.slotsLoading') : ''}</Status>;
  return (
    <section class="rebook" aria-labelledby={`rebook-${a.id}`}>
      <h3 id={`rebook-${a.id}`}>{t('booking.rebookTitle')}</h3>
      <SlotPicker
        id={`rebook-${a.id}`}
        unitId={a.clinic.id}
        types={state.value}
        typeId={a.type.id}
        submitLabel={t('booking.confirmRebook')}
        onBook={async (slot) => {
          try {
            onDone(await rebookAppointment(store.api, a.id, slot.id, new AbortController().signal));
            return null;
          } catch (err) {
            return t(bookingErrorKey(err, 'rebook'));
          }
        }}
      />
    </section>
  );
}

function AppointmentItem({ a, onChanged }: { a: Appointment; onChanged: (a: Appointment, note: string) => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const now = new Date();
  const when = formatDayTime(a.start, lang, now);
  const actions = patientActions(a, now);
  const typeName = lang === 'sv' ? a.type.nameSv : a.type.nameEn;
  const cancelled = a.status === 'cancelled';
  return (
    <li id={`appointment-${a.id}`} class={cancelled ? 'case-card appointment appointment--cancelled' : 'case-card appointment'}>
      <h2 class="case-card__title">
        <time dateTime={a.start}>{when}</time>
      </h2>
      <p class="case-card__line">
        <span class={cancelled ? 'badge badge--na' : 'badge badge--on'}>{t(statusKey(a.status))}</span>
      </p>
      <p class="case-card__line">
        {typeName}, {t(CHANNEL_KEYS[a.channel])}
      </p>
      <p class="case-card__line">
        {a.clinic.name}, {t('booking.with', { name: a.practitioner.name })}
      </p>
      {!cancelled && (
        <p class="case-card__line">
          <a href={calendarIcsUrl(a.id)} download="besok.ics">
            {t('booking.ics')}
            <span class="visually-hidden"> {t('booking.icsHidden', { when })}</span>
          </a>
        </p>
      )}
      {mode === 'view' && mayOpenMeeting(a, now) && (
        <p class="appointment__actions">
          <OpenMeetingButton appointmentId={a.id} label={t('meeting.open')} hidden={when} />
        </p>
      )}
      {actions.tooLate && <p class="case-card__line small">{t('booking.tooLateHint')}</p>}
      {error && (
        <div class="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {mode === 'view' && (actions.cancel || actions.rebook) && (
        <p class="appointment__actions">
          {actions.rebook && (
            <button type="button" class="button button--secondary" onClick={() => setMode('rebook')}>
              {t('booking.rebook')}
              <span class="visually-hidden"> {when}</span>
            </button>
          )}
          {actions.cancel && (
            <button type="button" class="button button--secondary" onClick={() => setMode('cancel')}>
              {t('booking.cancel')}
              <span class="visually-hidden"> {when}</span>
            </button>
          )}
        </p>
      )}
      {mode === 'cancel' && (
        <div class="notice" role="group" aria-label={t('booking.cancel')}>
          <p>{t('booking.cancelQuestion', { when })}</p>
          <p class="appointment__actions">
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                setError(null);
                cancelAppointment(store.api, a.id, new AbortController().signal).then(
                  (changed) => {
                    setBusy(false);
                    setMode('view');
                    onChanged(changed, t('booking.cancelled'));
                  },
                  (err: unknown) => {
                    setBusy(false);
                    setMode('view');
                    setError(t(bookingErrorKey(err, 'cancel')));
                  },
                );
              }}
            >
              {t('booking.cancelConfirm')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setMode('view')}>
              {t('booking.keep')}
            </button>
          </p>
        </div>
      )}
      {mode === 'rebook' && (
        <>
          <Rebook
            a={a}
            onDone={(changed) => {
              setMode('view');
              onChanged(changed, t('booking.rebookDone', { when: formatDayTime(changed.start, lang, new Date()) }));
            }}
          />
          <p>
            <button type="button" class="button button--secondary" onClick={() => setMode('view')}>
              {t('booking.close')}
            </button>
          </p>
        </>
      )}
    </li>
  );
}

function MyAppointments({ me }: { me: Me }) {
  const store = useStore();
  const { t, plural, lang } = useT();
  const { location } = useAppState();
  const { state, reload } = useLoad((signal) => myAppointments(store.api, signal), me.actingFor?.id ?? '');
  const [note, setNote] = useState<string | null>(null);
  const noteRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (note) noteRef.current?.focus();
  }, [note]);
  const bookedId = getParam(location.search, BOOKED_PARAM);
  const list = state.status === 'ready' ? sortAppointments(state.value, new Date()) : [];
  const justBooked = bookedId ? list.find((a) => a.id === bookedId) : undefined;
  return (
    <>
      <PageHeading title={t('booking.myTitle')} />
      <p class="lead">{me.actingFor ? t('booking.myIntroChild', { name: fullName(me.actingFor) }) : t('booking.myIntro')}</p>
      {justBooked && !note && (
        <p class="notice notice--success" role="status">
          {t('booking.booked', { when: formatDayTime(justBooked.start, lang, new Date()) })}
        </p>
      )}
      {note && (
        <p ref={noteRef} tabIndex={-1} class="notice notice--success" role="status">
          {note}
        </p>
      )}
      <Status>{state.status === 'loading' ? t('booking.loading') : state.status === 'ready' ? plural('booking.count', list.length) : ''}</Status>
      {state.status === 'error' && <ErrorMessage message={t('booking.loadError')} onRetry={reload} />}
      {state.status === 'ready' && list.length === 0 && (
        <div class="notice">
          <p>{t('booking.none')}</p>
        </div>
      )}
      {list.length > 0 && (
        <ul class="case-list">
          {list.map((a) => (
            <AppointmentItem
              key={`${a.id}-${a.status}-${a.start}`}
              a={a}
              onChanged={(_changed, text) => {
                setNote(text);
                reload();
              }}
            />
          ))}
        </ul>
      )}
      <p>
        <Link href={paths.directory}>{t('start.directoryLink')}</Link>
      </p>
      <p>
        <Link href={paths.patient}>{t('accessLog.back')}</Link>
      </p>
    </>
  );
}

/** "Mina tider": the patient's appointments (or the child's), with cancel, rebook and a calendar file. */
export function MyAppointmentsPage() {
  const { t } = useT();
  const { location } = useAppState();
  return (
    <RequirePatient returnTo={location.path + location.search} heading={t('booking.myTitle')}>
      {(me) => <MyAppointments me={me} />}
    </RequirePatient>
  );
}
