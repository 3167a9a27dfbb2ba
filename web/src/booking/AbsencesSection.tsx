import { useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { formatDate, stockholmDate } from '../format';
import type { MessageKey } from '../i18n';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { Status } from '../ui/Status';
import { absenceDays, schedulableStaff, type StaffMember, type UnitAbsence } from './schedule';
import { unitAbsenceBody, type AbsenceError, type AbsenceInput } from './scheduleForms';
import { addAbsence } from './scheduleApi';
import { StaffSelect } from './StaffSelect';
import { useBookingAction } from './useBookingAction';

const FIELD_IDS: Record<AbsenceError, string> = { staff: 'absence-staff', from: 'absence-from', lastDay: 'absence-last' };
const ERROR_KEYS: Record<AbsenceError, MessageKey> = {
  staff: 'schedule.error.absenceStaff',
  from: 'schedule.error.date',
  lastDay: 'schedule.error.absenceLast',
};

/** Records an absence: the person's free times on those days can no longer be booked. */
function AbsenceForm({ unitId, staff, onAdded }: { unitId: string; staff: StaffMember[]; onAdded: () => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useBookingAction('addAbsence');
  const today = stockholmDate(new Date());
  const [input, setInput] = useState<AbsenceInput>(() => ({ staffId: staff.length === 1 ? staff[0]!.id : '', from: today, lastDay: today }));
  const [errors, setErrors] = useState<AbsenceError[]>([]);
  const set = (patch: Partial<AbsenceInput>) => setInput((old) => ({ ...old, ...patch }));
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const errorOf = (e: AbsenceError) => (errors.includes(e) ? t(ERROR_KEYS[e]) : null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase.name === 'busy') return;
    const checked = unitAbsenceBody(input, today);
    if ('errors' in checked) {
      setErrors(checked.errors);
      document.getElementById(FIELD_IDS[checked.errors[0]!])?.focus();
      return;
    }
    setErrors([]);
    if (await run((signal) => addAbsence(store.api, unitId, checked.body, signal))) onAdded();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{t('schedule.absenceAddTitle')}</h3>
      <StaffSelect id="absence-staff" label={t('schedule.absenceStaff')} staff={staff} value={input.staffId} error={errorOf('staff')} onChange={(staffId) => set({ staffId })} />
      <div class="field-row">
        <Field id="absence-from" label={t('schedule.absenceFrom')} error={errorOf('from')}>
          {(aria) => <input id="absence-from" class="input input--date" type="date" value={input.from} {...aria} onInput={(e) => set({ from: value(e) })} />}
        </Field>
        <Field id="absence-last" label={t('schedule.absenceLast')} error={errorOf('lastDay')}>
          {(aria) => <input id="absence-last" class="input input--date" type="date" value={input.lastDay} {...aria} onInput={(e) => set({ lastDay: value(e) })} />}
        </Field>
      </div>
      <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
        {t('schedule.absenceAdd')}
      </button>
      <Status>{phase.name === 'busy' ? t('schedule.saving') : phase.name === 'done' ? t('schedule.absenceAdded') : ''}</Status>
      {phase.name === 'failed' && <ErrorMessage message={t(phase.message)} />}
    </form>
  );
}

interface Props {
  unitId: string;
  me: Me;
  manager: boolean;
  staff: StaffMember[];
  absences: UnitAbsence[];
  onAdded: () => void;
}

/** Absences of the unit's staff that have not ended, and a form to record one. */
export function AbsencesSection({ unitId, me, manager, staff, absences, onAdded }: Props) {
  const { t, lang } = useT();
  return (
    <section class="card" aria-labelledby="absences-title">
      <h2 id="absences-title">{t('schedule.absencesTitle')}</h2>
      <p>{t('schedule.absencesIntro')}</p>
      {absences.length === 0 ? (
        <p>{t('schedule.absencesNone')}</p>
      ) : (
        <ul class="work-links" id="absence-list">
          {absences.map((a) => {
            const { first, last } = absenceDays(a);
            const from = first ? formatDate(first, lang) : a.from;
            const to = last ? formatDate(last, lang) : a.to;
            return (
              <li key={`${a.staff.id} ${a.from} ${a.to}`}>
                {first === last ? t('schedule.absenceDay', { name: a.staff.name, day: from }) : t('schedule.absenceRange', { name: a.staff.name, first: from, last: to })}
              </li>
            );
          })}
        </ul>
      )}
      {!manager && <p class="small muted">{t('schedule.hoursOwnOnly')}</p>}
      <AbsenceForm unitId={unitId} staff={schedulableStaff(staff, me.person.id, manager)} onAdded={onAdded} />
    </section>
  );
}
