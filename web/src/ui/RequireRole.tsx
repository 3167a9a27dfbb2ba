import type { ComponentChildren } from 'preact';
import { useT } from '../context';
import { loginHref, paths } from '../router';
import type { Me } from '../session/me';
import { Link } from './Link';
import { PageHeading } from './PageHeading';
import { SessionGate } from './SessionGate';

function LoginFirst({ text, returnTo }: { text: string; returnTo: string }) {
  const { t } = useT();
  return (
    <>
      <p>{text}</p>
      <p>
        <Link href={loginHref(returnTo)} class="button">
          {t('session.loginLink')}
        </Link>
      </p>
    </>
  );
}

interface Props {
  returnTo: string;
  /** The page's heading while `children` (which bring their own) are not shown. */
  heading?: string;
  children: (me: Me) => ComponentChildren;
}

/** Renders `children` for a logged-in patient (or guardian); others are told where to go. */
export function RequirePatient({ returnTo, heading, children }: Props) {
  const { t } = useT();
  return (
    <SessionGate heading={heading}>
      {(me) =>
        me !== null && me.person.kind === 'patient' ? (
          children(me)
        ) : (
          <>
            {heading && <PageHeading title={heading} />}
            {me === null ? (
              <LoginFirst text={t('patient.loggedOut')} returnTo={returnTo} />
            ) : (
              <p>
                {t('patient.staffHere')} <Link href={paths.staff}>{t('patient.toStaff')}</Link>
              </p>
            )}
          </>
        )
      }
    </SessionGate>
  );
}

/** Renders `children` for logged-in staff; others are told where to go. */
export function RequireStaff({ returnTo, heading, children }: Props) {
  const { t } = useT();
  return (
    <SessionGate heading={heading}>
      {(me) =>
        me !== null && me.person.kind === 'staff' ? (
          children(me)
        ) : (
          <>
            {heading && <PageHeading title={heading} />}
            {me === null ? (
              <LoginFirst text={t('staff.loggedOut')} returnTo={returnTo} />
            ) : (
              <p>
                {t('staff.patientHere')} <Link href={paths.patient}>{t('staff.toPatient')}</Link>
              </p>
            )}
          </>
        )
      }
    </SessionGate>
  );
}
