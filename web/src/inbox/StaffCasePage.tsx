import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { CaseAnswers } from '../cases/CaseAnswers';
import { CaseThread } from '../cases/CaseThread';
import { getCase } from '../cases/casesApi';
import { DueDay } from '../cases/DueDay';
import { outcomeKey, statusKey, type CaseView } from '../cases/model';
import { useStore, useT } from '../context';
import { pickLocalized } from '../directory/labels';
import { formatDate, formatDateTime } from '../format';
import { useRealtime } from '../realtime/useRealtime';
import { paths } from '../router';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequireStaff } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { BOOKING_REQUEST_SERVICE, BookForCase, CaseBookedNote } from '../booking/BookForCase';
import { CaseActions, CloseCaseForm } from './CaseActions';
import { DocumentationPanel } from './DocumentationPanel';
import { caseTopic, inboxHref } from './inbox';
import { CaseConsents } from '../notify/CaseConsents';
import { StaffReplyForm } from './StaffReplyForm';

function Facts({ view }: { view: CaseView }) {
  const { t, lang } = useT();
  return (
    <dl class="facts facts--stacked">
      <div>
        <dt>{t('case.status')}</dt>
        <dd>{t(statusKey(view.status, 'staff'))}</dd>
      </div>
      {view.dueAt && view.status !== 'closed' && (
        <div>
          <dt>{t('case.deadline')}</dt>
          <dd>
            <DueDay dueAt={view.dueAt} clock={view.clock} badge prefix={false} />
          </dd>
        </div>
      )}
      <div>
        <dt>{t('case.receivedAt')}</dt>
        <dd>
          <time dateTime={view.createdAt}>{formatDateTime(view.createdAt, lang)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('case.sentBy')}</dt>
        <dd>{view.submittedBy === 'guardian' ? t('case.byGuardian') : t('case.byPatient')}</dd>
      </div>
      <div>
        <dt>{t('case.clinic')}</dt>
        <dd>{view.clinic.name}</dd>
      </div>
      {view.outcome && (
        <div>
          <dt>{t('case.outcome')}</dt>
          <dd>{t(outcomeKey(view.outcome))}</dd>
        </div>
      )}
      {view.closedAt && (
        <div>
          <dt>{t('case.closedAt')}</dt>
          <dd>
            <time dateTime={view.closedAt}>{formatDateTime(view.closedAt, lang)}</time>
          </dd>
        </div>
      )}
    </dl>
  );
}

function StaffCaseView({ me, view, onChanged }: { me: Me; view: CaseView; onChanged: (v: CaseView) => void }) {
  const { t, lang } = useT();
  const name = pickLocalized(view.service.name, lang);
  const open = view.status !== 'closed';
  // Closing removes the form that had focus: focus (and announce) the outcome instead.
  const [justClosed, setJustClosed] = useState(false);
  const closedRef = useRef<HTMLParagraphElement>(null);
  const [bookedStart, setBookedStart] = useState<string | null>(null);
  useEffect(() => {
    if (justClosed) closedRef.current?.focus();
  }, [justClosed]);
  return (
    <>
      <p class="back-link">
        <Link href={inboxHref(paths.inbox, view.clinic.id, 'all')}>{t('staffCase.back')}</Link>
      </p>
      <PageHeading title={name.text} />
      <p class="lead patient-line">
        {view.patient.name}
        {view.patient.birthDate && <>, {t('case.born', { date: formatDate(view.patient.birthDate, lang) })}</>}
      </p>
      {bookedStart && <CaseBookedNote start={bookedStart} />}
      {justClosed && view.outcome && (
        <p ref={closedRef} tabIndex={-1} role="status" class="notice notice--success">
          {t('staffCase.closedWith', { outcome: t(outcomeKey(view.outcome)) })}
        </p>
      )}
      <Facts view={view} />
      {open && <CaseActions view={view} myId={me.person.id} onChanged={onChanged} />}
      {open && view.service.code === BOOKING_REQUEST_SERVICE && (
        <BookForCase
          view={view}
          onBooked={(v, start) => {
            onChanged(v);
            setBookedStart(start);
          }}
        />
      )}
      <CaseAnswers fields={view.fields} form={view.form} headingId="answers-title" />
      <CaseThread caseId={view.id} messages={view.messages} viewer="staff" headingId="thread-title" />
      {open && <StaffReplyForm view={view} onChanged={onChanged} />}
      {open && (
        <CloseCaseForm
          view={view}
          onChanged={(v) => {
            onChanged(v);
            setJustClosed(v.status === 'closed');
          }}
        />
      )}
      {view.lastContactAt && <DocumentationPanel view={view} onChanged={onChanged} />}
      <CaseConsents view={view} />
    </>
  );
}

function StaffCase({ me, id }: { me: Me; id: string }) {
  const store = useStore();
  const { t } = useT();
  const { state, reload, setValue } = useLoad((signal) => getCase(store.api, id, signal), id);
  // The patient's answers and colleagues' changes show up without reloading.
  useRealtime([caseTopic(id)], () => reload());

  if (state.status === 'ready') return <StaffCaseView me={me} view={state.value} onChanged={setValue} />;
  const err = state.status === 'error' ? state.error : null;
  const missing = err instanceof ApiError && err.status === 404;
  const forbidden = err instanceof ApiError && err.status === 403;
  return (
    <>
      <PageHeading title={missing ? t('patientCase.notFoundTitle') : forbidden ? t('admin.forbiddenTitle') : t('staffCase.title')} />
      <Status>{state.status === 'loading' ? t('patientCase.loading') : ''}</Status>
      {missing && <p>{t('staffCase.notFound')}</p>}
      {forbidden && <p>{t('staffCase.forbidden')}</p>}
      {err !== null && !missing && !forbidden && <ErrorMessage message={t('patientCase.error')} onRetry={reload} />}
      <p>
        <Link href={paths.inbox}>{t('staffCase.back')}</Link>
      </p>
    </>
  );
}

/** One case for staff: the patient, the answers, the thread, and what can be done with it. */
export function StaffCasePage({ id }: { id: string }) {
  const { t } = useT();
  return (
    <RequireStaff returnTo={paths.staffCase(id)} heading={t('staffCase.title')}>
      {(me) => <StaffCase me={me} id={id} />}
    </RequireStaff>
  );
}
