import { useState } from 'preact/hooks';
import type { StaffMember } from '../booking/schedule';
import { useStore, useT } from '../context';
import { stockholmDate } from '../format';
import { useSave } from '../ui/useSave';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { meetingErrorKey, trainingBody, type TrainingError } from './meetingForms';
import { approveRemoteWork, recordTraining } from './meetingApi';

function StaffSelect({ id, staff, value, error, onChange }: { id: string; staff: StaffMember[]; value: string; error: string | null; onChange: (v: string) => void }) {
  const { t } = useT();
  return (
    <Field id={id} label={t('meetingAdmin.staff')} error={error}>
      {(aria) => (
        <select id={id} class="input" value={value} {...aria} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('schedule.chooseStaff')}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title ? `${s.name}, ${s.title}` : s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function TrainingForm({ unitId, staff }: { unitId: string; staff: StaffMember[] }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useSave();
  const today = stockholmDate(new Date());
  const [staffId, setStaffId] = useState('');
  const [date, setDate] = useState(today);
  const [errors, setErrors] = useState<TrainingError[]>([]);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const checked = trainingBody(staffId, date, today);
    if ('errors' in checked) {
      setErrors(checked.errors);
      document.getElementById(checked.errors[0] === 'staff' ? 'training-staff' : 'training-date')?.focus();
      return;
    }
    setErrors([]);
    await run((s) => recordTraining(store.api, unitId, checked.staffId, checked.completedOn, s));
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{t('meetingAdmin.trainingTitle')}</h3>
      <StaffSelect id="training-staff" staff={staff} value={staffId} error={errors.includes('staff') ? t('meetingAdmin.staffError') : null} onChange={setStaffId} />
      <Field id="training-date" label={t('meetingAdmin.trainingDate')} error={errors.includes('date') ? t('meetingAdmin.dateError') : null}>
        {(aria) => (
          <input id="training-date" class="input input--date" type="date" max={today} value={date} {...aria} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
        )}
      </Field>
      <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
        {t('meetingAdmin.trainingSave')}
      </button>
      <p role="status" aria-live="polite" class="status">
        {phase.name === 'busy' ? t('meeting.saving') : phase.name === 'done' ? t('meetingAdmin.trainingSaved') : ''}
      </p>
      {phase.name === 'failed' && <ErrorMessage message={t(meetingErrorKey(phase.error, 'training'))} />}
    </form>
  );
}

function RemoteWorkForm({ unitId, staff }: { unitId: string; staff: StaffMember[] }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useSave();
  const [staffId, setStaffId] = useState('');
  const [proof, setProof] = useState(false);
  const [savedProof, setSavedProof] = useState(false);
  const [staffError, setStaffError] = useState(false);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (staffId === '') {
      setStaffError(true);
      document.getElementById('remote-staff')?.focus();
      return;
    }
    setStaffError(false);
    const seen = proof;
    if (await run((s) => approveRemoteWork(store.api, unitId, staffId, seen, s))) setSavedProof(seen);
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{t('meetingAdmin.remoteTitle')}</h3>
      <StaffSelect id="remote-staff" staff={staff} value={staffId} error={staffError ? t('meetingAdmin.staffError') : null} onChange={setStaffId} />
      <div class="choice">
        <input type="checkbox" id="remote-insurance" checked={proof} onChange={(e) => setProof((e.currentTarget as HTMLInputElement).checked)} />
        <label for="remote-insurance">{t('meetingAdmin.insurance')}</label>
      </div>
      <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
        {t('meetingAdmin.remoteSave')}
      </button>
      <p role="status" aria-live="polite" class="status">
        {phase.name === 'busy' ? t('meeting.saving') : phase.name === 'done' ? t(savedProof ? 'meetingAdmin.remoteSaved' : 'meetingAdmin.remoteSavedNoProof') : ''}
      </p>
      {phase.name === 'failed' && <ErrorMessage message={t(meetingErrorKey(phase.error, 'approval'))} />}
    </form>
  );
}

/**
 * Video meetings at the unit, for its manager: record that someone completed
 * the platform training (A1), and approve meetings from home with whether
 * proof of home insurance was seen (W1, W7). The server keeps no list to show
 * back here yet: each form says what it recorded.
 */
export function MeetingAdminSection({ unitId, staff }: { unitId: string; staff: StaffMember[] }) {
  const { t } = useT();
  return (
    <section class="card" aria-labelledby="meeting-admin-title">
      <h2 id="meeting-admin-title">{t('meetingAdmin.title')}</h2>
      <p>{t('meetingAdmin.intro')}</p>
      <TrainingForm unitId={unitId} staff={staff} />
      <RemoteWorkForm unitId={unitId} staff={staff} />
    </section>
  );
}
