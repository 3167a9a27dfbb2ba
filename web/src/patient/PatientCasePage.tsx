import { useEffect } from 'preact/hooks';
import { ApiError } from '../api';
import { CaseAnswers } from '../cases/CaseAnswers';
import { CaseThread } from '../cases/CaseThread';
import { getCase } from '../cases/casesApi';
import { DueDay } from '../cases/DueDay';
import { outcomeKey, statusKey, type CaseView } from '../cases/model';
import { parseSeen, SEEN_STORAGE_KEY, withSeen } from '../cases/seen';
import { useAppState, useStore, useT } from '../context';
import { pickLocalized } from '../directory/labels';
import { formatDateTime } from '../format';
import { caseTopic } from '../inbox/inbox';
import { getParam } from '../query';
import { useRealtime } from '../realtime/useRealtime';
import { paths } from '../router';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequirePatient } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { ImageAttach } from './ImageAttach';
import { PatientMessageForm } from './PatientMessageForm';

function CaseDetails({ view, justSent, onChanged, reload }: { view: CaseView; justSent: boolean; onChanged: (v: CaseView) => void; reload: () => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const name = pickLocalized(view.service.name, lang);
  const closed = view.status === 'closed';

  // What the clinic has answered is now read: no "Nytt svar" on the list.
  const seenAt = view.lastContactAt;
  useEffect(() => {
    if (!seenAt) return;
    store.writeLocal(SEEN_STORAGE_KEY, JSON.stringify(withSeen(parseSeen(store.readLocal(SEEN_STORAGE_KEY)), view.id, seenAt)));
  }, [store, view.id, seenAt]);

  return (
    <>
      <PageHeading title={name.text} />
      <p class="lead">{view.clinic.name}</p>
      {justSent && (
        <p class="notice notice--success" role="status">
          {t('patientCase.justSent', { clinic: view.clinic.name })}
        </p>
      )}
      {view.dueAt && !closed && (
        <p class="due-box">
          <DueDay dueAt={view.dueAt} clock={view.clock} />
        </p>
      )}
      <dl class="facts facts--stacked">
        <div>
          <dt>{t('case.status')}</dt>
          <dd>{t(statusKey(view.status, 'patient'))}</dd>
        </div>
        <div>
          <dt>{t('case.concerns')}</dt>
          <dd>{view.patient.name}</dd>
        </div>
        <div>
          <dt>{t('case.sentAt')}</dt>
          <dd>
            <time dateTime={view.createdAt}>{formatDateTime(view.createdAt, lang)}</time>
          </dd>
        </div>
        {view.outcome && (
          <div>
            <dt>{t('case.outcome')}</dt>
            <dd>{t(outcomeKey(view.outcome))}</dd>
          </div>
        )}
      </dl>
      {view.status === 'waiting_for_patient' && <p class="notice">{t('patientCase.questionWaiting')}</p>}
      <CaseAnswers fields={view.fields} form={view.form} headingId="answers-title" />
      <CaseThread caseId={view.id} messages={view.messages} viewer="patient" headingId="thread-title" />
      {closed ? (
        <div class="notice">
          <p>{t('patientCase.closed')}</p>
          <p>
            <Link href={paths.clinic(view.clinic.id)}>{t('patientCase.newCase', { clinic: view.clinic.name })}</Link>
          </p>
        </div>
      ) : (
        <>
          <PatientMessageForm view={view} onChanged={onChanged} />
          {/* Offered where the clinic's image routine takes images (unknown: try, and learn). */}
          {view.images?.accepted !== false && <ImageAttach caseId={view.id} onSent={reload} />}
        </>
      )}
      <p>
        <Link href={paths.patientCases}>{t('patientCase.back')}</Link>
      </p>
    </>
  );
}

function PatientCase({ id, actingFor }: { id: string; actingFor: string }) {
  const store = useStore();
  const { t } = useT();
  const { location } = useAppState();
  const { state, reload, setValue } = useLoad((signal) => getCase(store.api, id, signal), `${id} ${actingFor}`);
  // Replies from the clinic show up without reloading the page.
  useRealtime([caseTopic(id)], () => reload());

  if (state.status === 'ready') {
    return <CaseDetails view={state.value} justSent={getParam(location.search, 'skickat') === '1'} onChanged={setValue} reload={reload} />;
  }
  const missing = state.status === 'error' && state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 403);
  return (
    <>
      <PageHeading title={missing ? t('patientCase.notFoundTitle') : t('patientCase.title')} />
      <Status>{state.status === 'loading' ? t('patientCase.loading') : ''}</Status>
      {missing && <p>{t('patientCase.notFound')}</p>}
      {state.status === 'error' && !missing && <ErrorMessage message={t('patientCase.error')} onRetry={reload} />}
      <p>
        <Link href={paths.patientCases}>{t('patientCase.back')}</Link>
      </p>
    </>
  );
}

/** One case of the patient (or of the child a guardian acts for): answers, thread, reply. */
export function PatientCasePage({ id }: { id: string }) {
  const { t } = useT();
  return (
    <RequirePatient returnTo={paths.patientCase(id)} heading={t('patientCase.title')}>
      {(me) => <PatientCase id={id} actingFor={me.actingFor?.id ?? ''} />}
    </RequirePatient>
  );
}
