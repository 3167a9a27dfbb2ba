import { useRef, useState } from 'preact/hooks';
import type { StaffMember } from '../booking/schedule';
import { StaffSelect } from '../booking/StaffSelect';
import { stockholmDayOf } from '../cases/deadline';
import { useStore, useT } from '../context';
import { formatDate, stockholmDate } from '../format';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { Status } from '../ui/Status';
import { TableScroll } from '../ui/TableScroll';
import { useLoad } from '../ui/useLoad';
import { useSave } from '../ui/useSave';
import type { HostingRecord } from './meeting';
import { meetingErrorKey, trainingBody, type TrainingError } from './meetingForms';
import { approveRemoteWork, hostingRecords, recordTraining, withdrawRemoteWork, withdrawTraining } from './meetingApi';

interface FormProps {
  unitId: string;
  staff: StaffMember[];
  /** After a record is saved: the table is fetched again. */
  onSaved: () => void;
}

function TrainingForm({ unitId, staff, onSaved }: FormProps) {
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
    if (await run((s) => recordTraining(store.api, unitId, checked.staffId, checked.completedOn, s))) onSaved();
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{t('meetingAdmin.trainingTitle')}</h3>
      <StaffSelect id="training-staff" label={t('meetingAdmin.staff')} staff={staff} value={staffId} error={errors.includes('staff') ? t('meetingAdmin.staffError') : null} onChange={setStaffId} />
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

function RemoteWorkForm({ unitId, staff, onSaved }: FormProps) {
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
    if (await run((s) => approveRemoteWork(store.api, unitId, staffId, seen, s))) {
      setSavedProof(seen);
      onSaved();
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{t('meetingAdmin.remoteTitle')}</h3>
      <StaffSelect id="remote-staff" label={t('meetingAdmin.staff')} staff={staff} value={staffId} error={staffError ? t('meetingAdmin.staffError') : null} onChange={setStaffId} />
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

/** What the manager withdraws (as the MeetingAction whose failures it shares). */
type Withdrawal = 'training' | 'approval';

/**
 * What is recorded for each of the unit's staff: the training, the approval
 * of meetings from home (and whether the insurance proof was seen), and how
 * many meetings they have hosted; the manager may withdraw a training or an
 * approval (the next readiness check from home is refused again).
 */
function HostingRecordsTable({ unitId, records, onChanged }: { unitId: string; records: HostingRecord[]; onChanged: () => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const { phase, run } = useSave();
  const [target, setTarget] = useState<{ what: Withdrawal; name: string }>({ what: 'training', name: '' });
  const heading = useRef<HTMLHeadingElement>(null);
  const busy = phase.name === 'busy';

  const withdraw = async (what: Withdrawal, r: HostingRecord) => {
    if (busy) return;
    setTarget({ what, name: r.name });
    const call = what === 'training' ? withdrawTraining : withdrawRemoteWork;
    if (await run((s) => call(store.api, unitId, r.staffId, s))) {
      onChanged();
      // The button goes with what it withdrew: keep the keyboard in the table.
      heading.current?.focus();
    }
  };
  const withdrawButton = (what: Withdrawal, r: HostingRecord) => (
    <button type="button" class="button button--secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => void withdraw(what, r)}>
      {t('meetingAdmin.withdraw')}
      <span class="visually-hidden"> {t(what === 'training' ? 'meetingAdmin.withdrawTrainingFor' : 'meetingAdmin.withdrawRemoteFor', { name: r.name })}</span>
    </button>
  );
  const day = (iso: string) => formatDate(stockholmDayOf(iso) ?? iso, lang);

  return (
    <>
      <h3 id="hosting-records-title" ref={heading} tabIndex={-1}>
        {t('meetingAdmin.recordsTitle')}
      </h3>
      {records.length === 0 ? (
        <p>{t('meetingAdmin.recordsNone')}</p>
      ) : (
        <TableScroll label={t('meetingAdmin.recordsTitle')}>
          <table class="data-table hosting-records" id="hosting-records" aria-labelledby="hosting-records-title">
            <thead>
              <tr>
                <th scope="col">{t('meetingAdmin.staff')}</th>
                <th scope="col">{t('meetingAdmin.trainingTitle')}</th>
                <th scope="col">{t('meetingAdmin.remoteTitle')}</th>
                <th scope="col">{t('meetingAdmin.hosted')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.staffId} id={`hosting-${r.staffId}`}>
                  <th scope="row">
                    {r.name}
                    {r.title && <div class="small muted">{r.title}</div>}
                  </th>
                  <td>
                    {r.trainingCompletedOn ? (
                      <>
                        <p>{t('meetingAdmin.trainingOn', { date: formatDate(r.trainingCompletedOn, lang) })}</p>
                        {withdrawButton('training', r)}
                      </>
                    ) : (
                      t('meetingAdmin.trainingNone')
                    )}
                  </td>
                  <td>
                    {r.remoteWork ? (
                      <>
                        <p>{t('meetingAdmin.remoteOn', { date: day(r.remoteWork.approvedAt) })}</p>
                        <p>{t(r.remoteWork.insuranceProofSeen ? 'meetingAdmin.insuranceYes' : 'meetingAdmin.insuranceNo')}</p>
                        {withdrawButton('approval', r)}
                      </>
                    ) : (
                      t('meetingAdmin.remoteNone')
                    )}
                  </td>
                  <td>{r.meetingsHosted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Status>
        {busy
          ? t('meeting.saving')
          : phase.name === 'done'
            ? t(target.what === 'training' ? 'meetingAdmin.trainingWithdrawn' : 'meetingAdmin.remoteWithdrawn', { name: target.name })
            : ''}
      </Status>
      {phase.name === 'failed' && <ErrorMessage message={t(meetingErrorKey(phase.error, target.what))} />}
    </>
  );
}

/**
 * Video meetings at the unit, for its manager: what is recorded for each
 * staff member, and forms to record that someone completed the platform
 * training (A1) and to approve meetings from home with whether proof of home
 * insurance was seen (W1, W7). The table is fetched again after each change.
 */
export function MeetingAdminSection({ unitId, staff }: { unitId: string; staff: StaffMember[] }) {
  const store = useStore();
  const { t } = useT();
  const { state, reload } = useLoad((signal) => hostingRecords(store.api, unitId, signal), unitId);
  return (
    <section class="card" aria-labelledby="meeting-admin-title">
      <h2 id="meeting-admin-title">{t('meetingAdmin.title')}</h2>
      <p>{t('meetingAdmin.intro')}</p>
      {state.status === 'ready' && <HostingRecordsTable unitId={unitId} records={state.value} onChanged={reload} />}
      <Status>{state.status === 'loading' ? t('meetingAdmin.recordsLoading') : ''}</Status>
      {state.status === 'error' && <ErrorMessage message={t('meetingAdmin.recordsError')} onRetry={reload} />}
      <TrainingForm unitId={unitId} staff={staff} onSaved={reload} />
      <RemoteWorkForm unitId={unitId} staff={staff} onSaved={reload} />
    </section>
  );
}
