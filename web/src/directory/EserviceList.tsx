import { useAppState, useSession, useT } from '../context';
import { isCaseService } from '../cases/model';
import { loginHref, paths } from '../router';
import { Link } from '../ui/Link';
import type { Eservice } from './clinic';
import { categoryKey, groupEservices, pickLocalized } from './labels';

/**
 * The clinic's e-services, grouped basic / recommended / custom. A logged-in
 * patient gets a link to the form of each offered e-service that is sent as
 * a case (the booking services are used in the timebook instead).
 */
export function EserviceList({ clinicId, eservices }: { clinicId: string; eservices: Eservice[] }) {
  const { lang } = useAppState();
  const { status, me } = useSession();
  const { t } = useT();
  const groups = groupEservices(eservices);
  const patient = me?.person.kind === 'patient';
  const anyForm = eservices.some((e) => e.offered && isCaseService(e.code));

  return (
    <section class="section" aria-labelledby="eservices-heading">
      <h2 id="eservices-heading">{t('clinic.eservicesTitle')}</h2>
      {groups.length === 0 ? (
        <p>{t('clinic.eservicesNone')}</p>
      ) : (
        <>
          <p>{t('clinic.eservicesIntro')}</p>
          {anyForm && status === 'ready' && me === null && (
            <p>
              <Link href={loginHref(paths.clinic(clinicId))}>{t('clinic.loginToWrite')}</Link>
            </p>
          )}
          {groups.map((group) => (
            <div key={group.category} class="eservice-group">
              <h3>{t(categoryKey(group.category))}</h3>
              <ul class="eservice-list">
                {group.items.map((e) => {
                  const name = pickLocalized(e.name, lang);
                  const reason = e.reason ? pickLocalized(e.reason, lang) : null;
                  const nameLang = name.lang === lang ? undefined : name.lang;
                  return (
                    <li key={e.code} class={e.offered ? 'eservice' : 'eservice eservice--na'}>
                      <span class="eservice__name" lang={nameLang}>
                        {name.text}
                      </span>
                      <span class={e.offered ? 'badge badge--on' : 'badge badge--na'}>
                        {e.offered ? t('clinic.offered') : t('clinic.notApplicable')}
                      </span>
                      {!e.offered && reason && (
                        <span class="eservice__reason">
                          {t('clinic.reasonLabel')}{' '}
                          <span lang={reason.lang === lang ? undefined : reason.lang}>{reason.text}</span>
                        </span>
                      )}
                      {patient && e.offered && !isCaseService(e.code) && (
                        <span class="eservice__action">
                          <Link href={paths.bookAppointment(clinicId)}>
                            {t('booking.bookLink')}
                            <span class="visually-hidden" lang={nameLang}>
                              ({name.text})
                            </span>
                          </Link>
                        </span>
                      )}
                      {patient && e.offered && isCaseService(e.code) && (
                        <span class="eservice__action">
                          <Link href={paths.newCase(clinicId, e.code)}>
                            {t('clinic.writeTo')}
                            {/* The name makes each link's text unique: "Skriv till mottagningen (Boka tid)". */}
                            <span class="visually-hidden" lang={nameLang}>
                              ({name.text})
                            </span>
                          </Link>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
