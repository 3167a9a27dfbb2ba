import { useEffect, useState } from 'preact/hooks';
import { isAbortError, isUnauthenticated } from '../api';
import { parseAccessLog, type AccessEntry } from '../audit/audit';
import { useStore, useT } from '../context';
import { formatDateTime } from '../format';
import { loginHref, paths } from '../router';
import { fullName, type Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { SessionGate } from '../ui/SessionGate';
import { Status } from '../ui/Status';

export const ACCESS_LOG_URL = '/api/v1/me/access-log';

type LogState = { status: 'loading' } | { status: 'ready'; items: AccessEntry[] } | { status: 'error' };

function AccessLog({ me }: { me: Me }) {
  const store = useStore();
  const { t, lang, plural } = useT();
  const [state, setState] = useState<LogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const actingFor = me.actingFor?.id ?? '';

  useEffect(() => {
    const ac = new AbortController();
    setState({ status: 'loading' });
    store.api.get(ACCESS_LOG_URL, ac.signal).then(
      (v) => setState({ status: 'ready', items: parseAccessLog(v) }),
      (err: unknown) => {
        if (isAbortError(err)) return;
        if (isUnauthenticated(err)) void store.loadMe();
        setState({ status: 'error' });
      },
    );
    return () => ac.abort();
  }, [store, attempt, actingFor]);

  return (
    <>
      <p class="lead">{me.actingFor ? t('accessLog.introChild', { name: fullName(me.actingFor) }) : t('accessLog.intro')}</p>
      <Status>
        {state.status === 'loading'
          ? t('accessLog.loading')
          : state.status === 'ready'
            ? plural('accessLog.count', state.items.length)
            : ''}
      </Status>
      {state.status === 'error' && <ErrorMessage message={t('accessLog.error')} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.status === 'ready' && state.items.length === 0 && (
        <div class="notice">
          <p>{t('accessLog.empty')}</p>
        </div>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <table class="data-table">
          <caption class="visually-hidden">{t('accessLog.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accessLog.when')}</th>
              <th scope="col">{t('accessLog.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <td class="nowrap">
                  <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                </td>
                <td>{e.careUnitName ?? e.careUnitId ?? t('accessLog.unknownUnit')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link href={paths.patient}>{t('accessLog.back')}</Link>
      </p>
    </>
  );
}

/** "Logg över åtkomst": which care units have opened the patient's (or the child's) records, and when. */
export function AccessLogPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('accessLog.title')} />
      <SessionGate>
        {(me) =>
          me === null ? (
            <>
              <p>{t('patient.loggedOut')}</p>
              <p>
                <Link href={loginHref(paths.patientLog)} class="button">
                  {t('session.loginLink')}
                </Link>
              </p>
            </>
          ) : me.person.kind === 'patient' ? (
            <AccessLog me={me} />
          ) : (
            <p>
              {t('patient.staffHere')} <Link href={paths.staff}>{t('patient.toStaff')}</Link>
            </p>
          )
        }
      </SessionGate>
    </>
  );
}
