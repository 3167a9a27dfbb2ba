import { useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { formatDate, stockholmDate } from '../format';
import type { MessageKey } from '../i18n';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { Status } from '../ui/Status';
import { TableScroll } from '../ui/TableScroll';
import { CHANNEL_KEYS, type AppointmentType } from './booking';
import { formatMinuteOfDay, schedulableStaff, sortOpeningHours, WEEKDAYS, weekdayKey, type OpeningHours, type StaffMember } from './schedule';
import { hoursBody, type HoursError, type HoursInput } from './scheduleForms';
import { addOpeningHours } from './scheduleApi';
import { StaffSelect } from './StaffSelect';
import { useBookingAction } from './useBookingAction';

const FIELD_IDS: Record<HoursError, string> = {
  staff: 'hours-staff',
  type: 'hours-type',
  weekday: 'hours-weekday',
  start: 'hours-start',
  end: 'hours-end',
  tooShort: 'hours-end',
  validFrom: 'hours-from',
  validTo: 'hours-to',
};

const ERROR_KEYS: Record<HoursError, MessageKey> = {
  staff: 'schedule.error.staff',
  type: 'schedule.error.type',
  weekday: 'schedule.error.weekday',
  start: 'schedule.error.start',
  end: 'schedule.error.end',
  tooShort: 'schedule.error.tooShort',
  validFrom: 'schedule.error.date',
  validTo: 'schedule.error.validTo',
};

interface FormProps {
  unitId: string;
  types: AppointmentType[];
  staff: StaffMember[];
  onAdded: () => void;
}

/** Adds recurring opening hours; the answer says how many free times they made. */
function HoursForm({ unitId, types, staff, onAdded }: FormProps) {
  const store = useStore();
  const { t, lang, plural } = useT();
  const { phase, run } = useBookingAction('addHours');
  const [input, setInput] = useState<HoursInput>(() => ({
    staffId: staff.length === 1 ? staff[0]!.id : '',
    typeId: '',
    weekday: '1',
    start: '08:00',
    end: '12:00',
    validFrom: stockholmDate(new Date()),
    validTo: '',
  }));
  const [errors, setErrors] = useState<HoursError[]>([]);
  const [created, setCreated] = useState(0);
  const set = (patch: Partial<HoursInput>) => setInput((old) => ({ ...old, ...patch }));
  const type = types.find((ty) => ty.id === input.typeId) ?? null;
  const errorOf = (...which: HoursError[]) => {
    const e = which.find((w) => errors.includes(w));
    return e ? t(ERROR_KEYS[e], { minutes: type?.minutes ?? '' }) : null;
  };
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase.name === 'busy') return;
    const checked = hoursBody(input, type?.minutes ?? null);
    if ('errors' in checked) {
      setErrors(checked.errors);
      document.getElementById(FIELD_IDS[checked.errors[0]!])?.focus();
      return;
    }
    setErrors([]);
    const done = await run((signal) => addOpeningHours(store.api, unitId, checked.body, signal));
    if (done) {
      setCreated(done.value);
      onAdded();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{t('schedule.hoursAddTitle')}</h3>
      <div class="field-row">
        <StaffSelect id="hours-staff" label={t('schedule.staffLabel')} staff={staff} value={input.staffId} error={errorOf('staff')} onChange={(staffId) => set({ staffId })} />
        <Field id="hours-type" label={t('schedule.typeLabel')} error={errorOf('type')}>
          {(aria) => (
            <select id="hours-type" class="input" value={input.typeId} {...aria} onChange={(e) => set({ typeId: value(e) })}>
              <option value="">{t('schedule.chooseType')}</option>
              {types.map((ty) => (
                <option key={ty.id} value={ty.id}>
                  {t('schedule.typeOption', { name: lang === 'sv' ? ty.nameSv : ty.nameEn, channel: t(CHANNEL_KEYS[ty.channel]), minutes: ty.minutes })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div class="field-row">
        <Field id="hours-weekday" label={t('schedule.weekdayLabel')} error={errorOf('weekday')}>
          {(aria) => (
            <select id="hours-weekday" class="input" value={input.weekday} {...aria} onChange={(e) => set({ weekday: value(e) })}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={String(d)}>
                  {t(weekdayKey(d))}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="hours-start" label={t('schedule.start')} error={errorOf('start')}>
          {(aria) => (
            <input id="hours-start" class="input input--short" type="time" step={300} value={input.start} {...aria} onInput={(e) => set({ start: value(e) })} />
          )}
        </Field>
        <Field id="hours-end" label={t('schedule.end')} error={errorOf('end', 'tooShort')}>
          {(aria) => (
            <input id="hours-end" class="input input--short" type="time" step={300} value={input.end} {...aria} onInput={(e) => set({ end: value(e) })} />
          )}
        </Field>
      </div>
      <div class="field-row">
        <Field id="hours-from" label={t('schedule.validFrom')} error={errorOf('validFrom')}>
          {(aria) => (
            <input id="hours-from" class="input input--date" type="date" value={input.validFrom} {...aria} onInput={(e) => set({ validFrom: value(e) })} />
          )}
        </Field>
        <Field id="hours-to" label={t('schedule.validTo')} hint={t('schedule.validToHint')} error={errorOf('validTo')}>
          {(aria) => (
            <input id="hours-to" class="input input--date" type="date" value={input.validTo} {...aria} onInput={(e) => set({ validTo: value(e) })} />
          )}
        </Field>
      </div>
      <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
        {t('schedule.hoursAdd')}
      </button>
      <Status>{phase.name === 'busy' ? t('schedule.saving') : phase.name === 'done' ? plural('schedule.slotsCreated', created) : ''}</Status>
      {phase.name === 'failed' && <ErrorMessage message={t(phase.message)} />}
    </form>
  );
}

interface Props {
  unitId: string;
  me: Me;
  manager: boolean;
  types: AppointmentType[];
  staff: StaffMember[];
  hours: OpeningHours[];
  onAdded: () => void;
}

/** The unit's recurring opening hours, and a form to add more (the unit manager for anyone, staff for themselves). */
export function HoursSection({ unitId, me, manager, types, staff, hours, onAdded }: Props) {
  const { t, lang } = useT();
  const staffName = (id: string) => staff.find((s) => s.id === id)?.name ?? '';
  const typeName = (id: string) => {
    const ty = types.find((x) => x.id === id);
    return ty ? (lang === 'sv' ? ty.nameSv : ty.nameEn) : '';
  };
  const mine = schedulableStaff(staff, me.person.id, manager);
  return (
    <section class="card" aria-labelledby="hours-title">
      <h2 id="hours-title">{t('schedule.hoursTitle')}</h2>
      <p>{t('schedule.hoursIntro')}</p>
      {hours.length === 0 ? (
        <p>{t('schedule.hoursNone')}</p>
      ) : (
        <TableScroll label={t('schedule.hoursTitle')}>
          <table class="data-table" id="hours-table">
            <thead>
              <tr>
                <th scope="col">{t('schedule.staff')}</th>
                <th scope="col">{t('schedule.typeName')}</th>
                <th scope="col">{t('schedule.when')}</th>
              </tr>
            </thead>
            <tbody>
              {sortOpeningHours(hours, staff).map((h) => (
                <tr key={h.id}>
                  <th scope="row">{staffName(h.staffId)}</th>
                  <td>{typeName(h.typeId)}</td>
                  <td>
                    {t(weekdayKey(h.weekday))}{' '}
                    <span class="nowrap">
                      {formatMinuteOfDay(h.startMinute, lang)}–{formatMinuteOfDay(h.endMinute, lang)}
                    </span>
                    <div class="small muted">
                      {h.validTo
                        ? t('schedule.validRange', { from: formatDate(h.validFrom, lang), to: formatDate(h.validTo, lang) })
                        : t('schedule.validFromOnly', { from: formatDate(h.validFrom, lang) })}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {types.length === 0 ? (
        <p class="small muted">{t('schedule.hoursNeedType')}</p>
      ) : (
        <>
          {!manager && <p class="small muted">{t('schedule.hoursOwnOnly')}</p>}
          <HoursForm unitId={unitId} types={types} staff={mine} onAdded={onAdded} />
        </>
      )}
    </section>
  );
}
