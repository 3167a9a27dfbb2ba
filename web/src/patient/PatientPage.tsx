import { useT } from '../context';
import { loginHref, paths } from '../router';
import { fullName, type Me } from '../session/me';
import { LogoutEverywhere, SessionSummary } from '../session/SessionSummary';
import { Link } from '../ui/Link';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { SessionGate } from '../ui/SessionGate';
import { ActingForForm } from './ActingForForm';

function LoggedOut() {
  const { t } = useT();
  return (
    <>
      <p class="lead">{t('patient.intro')}</p>
      <p>{t('patient.loggedOut')}</p>
      <p>
        <Link href={loginHref()} class="button">
          {t('session.loginLink')}
        </Link>
      </p>
      <p>
        {t('patient.meanwhile')} <Link href={paths.directory}>{t('start.directoryLink')}</Link>
      </p>
    </>
  );
}

function PatientHome({ me }: { me: Me }) {
  const { t } = useT();
  return (
    <>
      <SessionSummary me={me} />
      {me.mayActFor.length > 0 && <ActingForForm me={me} />}
      <p class="showing">
        {me.actingFor ? t('patient.showingChild', { name: fullName(me.actingFor) }) : t('patient.showingSelf')}
      </p>
      <section class="card" aria-labelledby="patient-cases-title">
        <h2 id="patient-cases-title">{t('patient.casesTitle')}</h2>
        <p>{t('patient.casesText')}</p>
        <p>
          <Link href={paths.patientCases}>{t('myCases.title')}</Link>
        </p>
        <p>
          {t('patient.meanwhile')} <Link href={paths.directory}>{t('start.directoryLink')}</Link>
        </p>
      </section>
      <section class="card" aria-labelledby="patient-appointments-title">
        <h2 id="patient-appointments-title">{t('booking.myTitle')}</h2>
        <p>{t('booking.patientText')}</p>
        <p>
          <Link href={paths.appointments}>{t('booking.patientLink')}</Link>
        </p>
      </section>
      <section class="card" aria-labelledby="patient-notify-title">
        <h2 id="patient-notify-title">{t('notify.title')}</h2>
        <p>{t('notify.patientText')}</p>
        <p>
          <Link href={paths.patientNotifications}>{t('notify.patientLink')}</Link>
        </p>
      </section>
      <p>
        <Link href={paths.patientLog}>{t('accessLog.link')}</Link>
      </p>
      <Notice>
        <p>{t('patient.notYet')}</p>
      </Notice>
      <LogoutEverywhere />
    </>
  );
}

/** Mina sidor: who is logged in, whom a guardian acts for, the way to the cases; bookings come later. */
export function PatientPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('patient.title')} />
      <SessionGate>
        {(me) =>
          me === null ? (
            <LoggedOut />
          ) : me.person.kind === 'patient' ? (
            <PatientHome me={me} />
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
