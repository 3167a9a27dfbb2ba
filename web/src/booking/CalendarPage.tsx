import { useState } from 'preact/hooks';
import { useAppState, useStore, useT } from '../context';
import { formatClockTime, formatDueDay } from '../cases/deadline';
import { stockholmDate, stockholmMidnight } from '../format';
import { chooseUnit, inboxUnits, UNIT_PARAM } from '../inbox/inbox';
import { UnitChooser } from '../inbox/UnitChooser';
import { getParam } from '../query';
import { paths } from '../router';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequireStaff } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { BookForPatient } from './BookForPatient';
import {
  addDays,
  bookingErrorKey,
  CHANNEL_KEYS,
  dayToShow,
  groupByDay,
  isDate,
  markKey,
  staffMarks,
  statusKey,
  type Appointment,
  type AppointmentType,
  type Slot,
} from './booking';
import { appointmentTypes, freeSlots, markAppointment, unitAppointments } from './bookingApi';
import { scheduleHref } from './schedule';
import { mayOpenMeeting } from '../meetings/meeting';
import { OpenMeetingButton } from '../meetings/OpenMeetingButton';

export const DAY_PARAM = 'dag';
export const VIEW_PARAM = 'visa';
const WEEK = 'vecka';

/** The calendar page for a unit, a day and day or week view. */
export function calendarHref(unitId: string, day: string, week: boolean): string {
  const p = new URLSearchParams({ [UNIT_PARAM]: unitId, [DAY_PARAM]: day });
  if (week) p.set(VIEW_PARAM, WEEK);
  return `${paths.calendar}?${p.toString()}`;
}

function typeName(types: AppointmentType[], id: string, lang: 'sv' | 'en'): string {
  const ty = types.find((x) => x.id === id);
  return ty ? (lang === 'sv' ? ty.nameSv : ty.nameEn) : '';
}

function AppointmentRow({ a, onChanged }: { a: Appointment; onChanged: (a: Appointment) => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const marks = staffMarks(a, new Date());
  const time = formatClockTime(a.start, lang);
  return (
    <li id={`appointment-${a.id}`} class="case-card appointment">
      <h4 class="case-card__title">
        <time dateTime={a.start}>
          {time}–{formatClockTime(a.end, lang)}
        </time>{' '}
        {a.patient.name}
      </h4>
      <p class="case-card__line">
        {lang === 'sv' ? a.type.nameSv : a.type.nameEn}, {t(CHANNEL_KEYS[a.channel])}, {a.practitioner.name}
      </p>
      <p class="case-card__line">
        {t('booking.statusLabel')}: <span class={a.status === 'cancelled' ? 'badge badge--na' : 'badge badge--on'}>{t(statusKey(a.status))}</span>
      </p>
      {mayOpenMeeting(a, new Date()) && (
        <p class="appointment__actions">
          <OpenMeetingButton appointmentId={a.id} label={t('meeting.openStaff')} hidden={t('meeting.openHidden', { name: a.patient.name, time })} />
        </p>
      )}
      {marks.length > 0 && a.status !== 'cancelled' && (
        <p class="appointment__actions">
          {marks.map((m) => (
            <button
              key={m}
              type="button"
              class="button button--secondary"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                setError(null);
                markAppointment(store.api, a.id, m, new AbortController().signal).then(
                  (changed) => {
                    setBusy(false);
                    onChanged(changed);
                  },
                  (err: unknown) => {
                    setBusy(false);
                    setError(t(bookingErrorKey(err, 'mark')));
                  },
                );
              }}
            >
              {t(markKey(m))}
              <span class="visually-hidden"> {t('booking.markHidden', { name: a.patient.name, time })}</span>
            </button>
          ))}
        </p>
      )}
      {error && (
        <div class="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
    </li>
  );
}

interface Day {
  appointments: Appointment[];
  free: Slot[];
}

function Calendar({ me }: { me: Me }) {
  const store = useStore();
  const { t, lang } = useT();
  const { location } = useAppState();
  const units = inboxUnits(me);
  const unitId = chooseUnit(units, getParam(location.search, UNIT_PARAM));
  const today = stockholmDate(new Date());
  const dayParam = getParam(location.search, DAY_PARAM);
  const day = isDate(dayParam) ? dayParam : today;
  const week = getParam(location.search, VIEW_PARAM) === WEEK;
  const span = week ? 7 : 1;
  const [note, setNote] = useState<string | null>(null);
  const [person, setPerson] = useState('');
  const { state, reload } = useLoad(
    async (signal) => {
      if (!unitId) return null;
      const from = stockholmMidnight(day) ?? day;
      const to = stockholmMidnight(day, span) ?? day;
      const [appointments, free, types] = await Promise.all([
        unitAppointments(store.api, unitId, from, to, signal),
        freeSlots(store.api, unitId, { from, to }, signal),
        appointmentTypes(store.api, unitId, signal),
      ]);
      return { appointments, free, types };
    },
    `${unitId ?? ''} ${day} ${span}`,
  );

  if (!unitId) {
    return (
      <>
        <PageHeading title={t('calendar.title')} />
        <p>{t('calendar.noUnit')}</p>
        <p>
          <Link href={paths.staff}>{t('audit.back')}</Link>
        </p>
      </>
    );
  }
  const unitName = units.find((u) => u.id === unitId)?.name ?? '';
  const now = new Date();
  const data = state.status === 'ready' ? state.value : null;
  const days: { day: string; data: Day }[] = [];
  for (let i = 0; i < span; i++) {
    const d = addDays(day, i);
    days.push({ day: d, data: { appointments: [], free: [] } });
  }
  // One person's calendar or the whole clinic's: the people are those with times in view.
  const people = new Map<string, string>();
  if (data) for (const x of [...data.appointments, ...data.free]) people.set(x.practitioner.id, x.practitioner.name);
  const mine = (x: { practitioner: { id: string } }) => !person || x.practitioner.id === person;
  if (data) {
    for (const g of groupByDay(data.appointments.filter(mine))) days.find((d) => d.day === g.day)?.data.appointments.push(...g.items);
    for (const g of groupByDay(data.free.filter(mine))) days.find((d) => d.day === g.day)?.data.free.push(...g.items);
  }
  const step = week ? 7 : 1;
  return (
    <>
      <PageHeading title={t('calendar.title')} />
      <p class="lead">{unitName}</p>
      <UnitChooser id="calendar-unit" units={units} current={unitId} onChoose={(id) => store.navigate(calendarHref(id, day, week), { replace: true })} />
      <p>
        <Link href={scheduleHref(unitId)}>{t('schedule.link')}</Link>
      </p>
      <nav class="calendar-nav" aria-label={t('calendar.title')}>
        <Link href={calendarHref(unitId, addDays(day, -step), week)}>{t(week ? 'calendar.prevWeek' : 'calendar.prev')}</Link>
        <Link href={calendarHref(unitId, today, week)}>{t('calendar.today')}</Link>
        <Link href={calendarHref(unitId, addDays(day, step), week)}>{t(week ? 'calendar.nextWeek' : 'calendar.next')}</Link>
        <Link href={calendarHref(unitId, day, !week)}>
          {t('calendar.view')}: {t(week ? 'calendar.day' : 'calendar.week')}
        </Link>
      </nav>
      <p class="field">
        <label for="calendar-person">{t('calendar.person')}</label>
        <select id="calendar-person" value={person} onChange={(e) => setPerson((e.target as HTMLSelectElement).value)}>
          <option value="">{t('calendar.everyone')}</option>
          {[...people].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </p>
      <Status>{state.status === 'loading' ? t('calendar.loading') : ''}</Status>
      {note && (
        <p class="notice notice--success" role="status">
          {note}
        </p>
      )}
      <BookForPatient
        key={unitId}
        unitId={unitId}
        onBooked={(a) => {
          setNote(null);
          // The new appointment shows in the list: on this page, or on the day it was booked for.
          const other = dayToShow(a.start, day, span);
          if (other) store.navigate(calendarHref(unitId, other, week));
          else reload();
        }}
      />
      {state.status === 'error' && <ErrorMessage message={t('calendar.error')} onRetry={reload} />}
      {data &&
        days.map(({ day: d, data: dd }) => (
          <section key={d} class="calendar-day" aria-labelledby={`day-${d}`}>
            <h2 id={`day-${d}`}>{formatDueDay(stockholmMidnight(d) ?? d, lang, now)}</h2>
            <h3>{t('calendar.appointments')}</h3>
            {dd.appointments.length === 0 ? (
              <p>{t('calendar.noAppointments')}</p>
            ) : (
              <ul class="case-list">
                {dd.appointments.map((a) => (
                  <AppointmentRow
                    key={`${a.id}-${a.status}`}
                    a={a}
                    onChanged={(changed) => {
                      setNote(t('booking.marked', { name: changed.patient.name, status: t(statusKey(changed.status)) }));
                      reload();
                    }}
                  />
                ))}
              </ul>
            )}
            <h3>{t('calendar.free')}</h3>
            {dd.free.length === 0 ? (
              <p>{t('calendar.noFree')}</p>
            ) : (
              <ul class="free-slots">
                {dd.free.map((s) => (
                  <li key={s.id}>
                    <time dateTime={s.start}>{formatClockTime(s.start, lang)}</time> {typeName(data.types, s.typeId, lang)}, {s.practitioner.name}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
    </>
  );
}

/** The unit's calendar for staff: booked appointments of a day or week, with arrived / no-show / done, and the free times. */
export function CalendarPage() {
  const { t } = useT();
  const { location } = useAppState();
  return (
    <RequireStaff returnTo={location.path + location.search} heading={t('calendar.title')}>
      {(me) => <Calendar me={me} />}
    </RequireStaff>
  );
}
