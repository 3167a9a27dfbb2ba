import { useT } from '../context';
import { loginHref, paths } from '../router';
import { groupAssignments, mayAdminister, roleKey, type Me } from '../session/me';
import { LogoutEverywhere, SessionSummary } from '../session/SessionSummary';
import { Link } from '../ui/Link';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { SessionGate } from '../ui/SessionGate';
import { managedUnits } from '../audit/audit';
import { catalogueUnits, inboxUnits, isRegionAdmin, reportUnits } from '../inbox/inbox';
import { NoticesLink } from '../notify/StaffNoticesPage';
import { PasswordResetForm } from './PasswordResetForm';

/** The e-service work the person's roles open: inbox, documentation, catalogue, follow-up. */
function WorkLinks({ me }: { me: Me }) {
  const { t } = useT();
  const links: { href: string; text: string }[] = [];
  if (inboxUnits(me).length > 0) {
    links.push({ href: paths.inbox, text: t('inbox.title') });
    links.push({ href: paths.undocumented, text: t('undocumented.title') });
    links.push({ href: paths.calendar, text: t('calendar.link') });
    links.push({ href: paths.schedule, text: t('schedule.link') });
  }
  if (catalogueUnits(me).length > 0) links.push({ href: paths.catalogue, text: t('catalogue.title') });
  if (reportUnits(me).length > 0 || isRegionAdmin(me)) links.push({ href: paths.report, text: t('report.title') });
  if (isRegionAdmin(me)) links.push({ href: paths.outbox, text: t('outbox.title') });
  if (links.length === 0) return null;
  return (
    <ul class="work-links">
      {links.map((l) => (
        <li key={l.href}>
          <Link href={l.href}>{l.text}</Link>
        </li>
      ))}
    </ul>
  );
}

function Assignments({ me }: { me: Me }) {
  const { t } = useT();
  const units = groupAssignments(me.assignments);
  return (
    <section aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t('staff.assignmentsTitle')}</h2>
      {units.length === 0 ? (
        <p>{t('staff.assignmentsNone')}</p>
      ) : (
        <ul class="assignment-list">
          {units.map((u) => (
            <li class="assignment" key={u.careUnitId ?? u.careUnitName ?? 'region'}>
              <span class="assignment__unit">{u.careUnitName ?? t('staff.wholeRegion')}</span>
              <span class="assignment__roles">{u.roles.map((r) => t(roleKey(r))).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      <WorkLinks me={me} />
      {managedUnits(me).length > 0 && (
        <p>
          <Link href={paths.audit}>{t('audit.link')}</Link>
        </p>
      )}
      {mayAdminister(me) && (
        <p>
          <Link href={paths.admin}>{t('nav.admin')}</Link>
        </p>
      )}
    </section>
  );
}

function StaffHome({ me }: { me: Me }) {
  const { t } = useT();
  return (
    <>
      <SessionSummary me={me} />
      <NoticesLink />
      <Assignments me={me} />
      {me.assurance === 'password_totp' && me.passwordResetRegistered !== null && (
        <PasswordResetForm me={me} />
      )}
      <Notice>
        <p>{t('staff.notYet')}</p>
      </Notice>
      <LogoutEverywhere />
    </>
  );
}

/** The staff area: who is logged in, their assignments and the work they open. */
export function StaffPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('staff.title')} />
      <SessionGate>
        {(me) =>
          me === null ? (
            <>
              <p class="lead">{t('staff.intro')}</p>
              <p>{t('staff.loggedOut')}</p>
              <p>
                <Link href={loginHref()} class="button">
                  {t('session.loginLink')}
                </Link>
              </p>
            </>
          ) : me.person.kind === 'staff' ? (
            <StaffHome me={me} />
          ) : (
            <p>
              {t('staff.patientHere')} <Link href={paths.patient}>{t('staff.toPatient')}</Link>
            </p>
          )
        }
      </SessionGate>
    </>
  );
}
