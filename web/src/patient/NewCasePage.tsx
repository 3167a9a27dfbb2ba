import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbortError, isUnauthenticated } from '../api';
import { getForm, submitCase } from '../cases/casesApi';
import { ErrorSummary, type SummaryItem } from '../cases/ErrorSummary';
import { FormFieldInput } from '../cases/FormFieldInput';
import {
  checkValues,
  errorKey,
  fieldId,
  initialValues,
  orderedErrors,
  problemFieldErrors,
  submitBody,
  type FieldErrors,
  type Values,
} from '../cases/formState';
import { isCaseService, type CaseForm } from '../cases/model';
import { useAppState, useStore, useT } from '../context';
import type { Clinic } from '../directory/clinic';
import { getClinic } from '../directory/clinicApi';
import { pickLocalized } from '../directory/labels';
import type { MessageKey } from '../i18n';
import { getParam } from '../query';
import { NEW_CASE_CLINIC_PARAM, NEW_CASE_SERVICE_PARAM, paths } from '../router';
import { fullName, type Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequirePatient } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';

interface Loaded {
  clinic: Clinic;
  form: CaseForm;
}

type Phase = 'idle' | 'sending' | 'invalid';

/** Why sending failed, in the app's own words (the server's titles are never shown). */
function sendFailure(err: unknown): MessageKey {
  if (err instanceof ApiError && err.kind === 'http') {
    if (err.status === 409) return 'newCase.notPublished';
    if (err.status === 422) return 'newCase.notOffered';
    if (err.status === 403) return 'newCase.forbidden';
    if (err.status === 404) return 'newCase.notFound';
  }
  return 'newCase.sendError';
}

function CaseFormView({ me, clinic, form, code }: { me: Me; clinic: Clinic; form: CaseForm; code: string }) {
  const store = useStore();
  const { t, lang } = useT();
  const [values, setValues] = useState<Values>(() => initialValues(form));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [phase, setPhase] = useState<Phase>('idle');
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [summaryVersion, setSummaryVersion] = useState(0);
  const acRef = useRef<AbortController | null>(null);
  useEffect(() => () => acRef.current?.abort(), []);

  const labelOf = (key: string) => {
    const f = form.fields.find((x) => x.key === key);
    return f ? pickLocalized(f.label, lang).text : key;
  };
  const summary: SummaryItem[] = orderedErrors(form, errors).map((e) => ({
    target: fieldId(e.key),
    text: `${labelOf(e.key)}: ${t(errorKey(e.code), { max: form.fields.find((f) => f.key === e.key)?.maxLength ?? '' })}`,
  }));

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase === 'sending') return;
    const local = checkValues(form, values);
    setFailure(null);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setPhase('invalid');
      setSummaryVersion((v) => v + 1);
      return;
    }
    acRef.current?.abort();
    const ac = new AbortController();
    acRef.current = ac;
    setErrors({});
    setPhase('sending');
    try {
      const created = await submitCase(store.api, submitBody(clinic.id, code, form, values), ac.signal);
      store.navigate(`${paths.patientCase(created.id)}?skickat=1`);
    } catch (err) {
      if (isAbortError(err)) return;
      if (isUnauthenticated(err)) {
        void store.loadMe();
        return;
      }
      const mapped = err instanceof ApiError && err.status === 422 ? problemFieldErrors(err.problem?.errors, form) : null;
      if (mapped && Object.keys(mapped.fields).length > 0) {
        setErrors(mapped.fields);
        setFailure(mapped.other ? 'newCase.sendError' : null);
      } else {
        setErrors({});
        setFailure(sendFailure(err));
      }
      setPhase('invalid');
      setSummaryVersion((v) => v + 1);
    }
  };

  const intro = form.intro ? pickLocalized(form.intro, lang) : null;
  return (
    <>
      {intro && (
        <p lang={intro.lang === lang ? undefined : intro.lang}>
          {intro.text}
        </p>
      )}
      {me.actingFor && <p class="notice">{t('newCase.forChild', { name: fullName(me.actingFor) })}</p>}
      <p class="small">{t('newCase.urgent')}</p>
      <form class="form form--wide" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary items={summary} version={summaryVersion} extra={failure ? t(failure) : null} />
        <p class="small muted">{t('newCase.requiredNote')}</p>
        {form.fields.map((f) => (
          <FormFieldInput
            key={f.key}
            field={f}
            value={values[f.key] ?? ''}
            error={errors[f.key]}
            onInput={(v) => setValues((old) => ({ ...old, [f.key]: v }))}
          />
        ))}
        <button type="submit" class="button" aria-disabled={phase === 'sending' ? 'true' : undefined}>
          {t('newCase.submit')}
        </button>
        <Status>{phase === 'sending' ? t('newCase.sending') : ''}</Status>
      </form>
    </>
  );
}

function NewCase({ me, clinicId, code }: { me: Me; clinicId: string; code: string }) {
  const store = useStore();
  const { t, lang } = useT();
  const { state, reload } = useLoad<Loaded>(
    async (signal) => {
      const [clinic, form] = await Promise.all([getClinic(clinicId, signal), getForm(store.api, clinicId, code, signal)]);
      return { clinic, form };
    },
    `${clinicId} ${code}`,
  );
  const notFound = state.status === 'error' && state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 422);
  // The clinic has not opened its e-services yet: said before any form is filled in.
  const notOpen = state.status === 'error' && state.error instanceof ApiError && state.error.status === 409;
  const service = state.status === 'ready' ? state.value.clinic.eservices.find((e) => e.code === code) : undefined;
  const name = service ? pickLocalized(service.name, lang) : null;

  return (
    <>
      {state.status === 'ready' && (
        <p class="back-link">
          <Link href={paths.clinic(state.value.clinic.id)}>{state.value.clinic.name}</Link>
        </p>
      )}
      <PageHeading title={name ? name.text : t('newCase.title')} />
      <Status>{state.status === 'loading' ? t('newCase.loading') : ''}</Status>
      {notFound && (
        <>
          <p>{t('newCase.unavailable')}</p>
          <p>
            <Link href={paths.clinic(clinicId)}>{t('newCase.toClinic')}</Link>
          </p>
        </>
      )}
      {notOpen && (
        <>
          <p>{t('newCase.notPublished')}</p>
          <p>
            <Link href={paths.clinic(clinicId)}>{t('newCase.toClinic')}</Link>
          </p>
        </>
      )}
      {state.status === 'error' && !notFound && !notOpen && (
        <ErrorMessage message={t('newCase.loadError')} onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <>
          <p class="lead">{t('newCase.to', { clinic: state.value.clinic.name })}</p>
          <CaseFormView me={me} clinic={state.value.clinic} form={state.value.form} code={code} />
        </>
      )}
    </>
  );
}

/** "Skriv till mottagningen": the form of one e-service of one clinic, from ?mottagning=…&tjanst=…. */
export function NewCasePage() {
  const { t } = useT();
  const { location } = useAppState();
  const clinicId = getParam(location.search, NEW_CASE_CLINIC_PARAM);
  const code = getParam(location.search, NEW_CASE_SERVICE_PARAM);
  const returnTo = location.path + location.search;
  if (!clinicId || !code || !isCaseService(code)) {
    return (
      <>
        <PageHeading title={t('newCase.title')} />
        <p>{t('newCase.missing')}</p>
        <p>
          <Link href={paths.directory}>{t('start.directoryLink')}</Link>
        </p>
      </>
    );
  }
  return (
    <RequirePatient returnTo={returnTo} heading={t('newCase.title')}>
      {(me) => <NewCase key={me.actingFor?.id ?? ''} me={me} clinicId={clinicId} code={code} />}
    </RequirePatient>
  );
}
