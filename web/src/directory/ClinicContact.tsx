import { useT } from '../context';
import { DATA_LANG, type Clinic } from './clinic';
import { mailtoHref, postalLine, telHref } from './labels';

/** Visiting address, phone, e-mail and opening hours. */
export function ClinicContact({ clinic }: { clinic: Clinic }) {
  const { t } = useT();
  const { address, phone, email, openingHours } = clinic;
  const tel = phone ? telHref(phone) : null;
  const mailto = email ? mailtoHref(email) : null;
  const hasContact = phone || email || openingHours;

  return (
    <div class="columns">
      {address && (
        <section class="section card" aria-labelledby="visit-heading">
          <h2 id="visit-heading">{t('clinic.visitTitle')}</h2>
          <p class="address">
            {address.street && <span class="address__line">{address.street}</span>}
            {postalLine(address) && <span class="address__line">{postalLine(address)}</span>}
          </p>
        </section>
      )}
      <section class="section card" aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t('clinic.contactTitle')}</h2>
        {hasContact ? (
          <dl class="contact">
            {phone && (
              <div>
                <dt>{t('clinic.phone')}</dt>
                <dd>{tel ? <a href={tel}>{phone}</a> : phone}</dd>
              </div>
            )}
            {email && (
              <div>
                <dt>{t('clinic.email')}</dt>
                <dd>{mailto ? <a href={mailto}>{email}</a> : email}</dd>
              </div>
            )}
            {openingHours && (
              <div>
                <dt>{t('clinic.openingHours')}</dt>
                <dd lang={DATA_LANG}>{openingHours}</dd>
              </div>
            )}
          </dl>
        ) : (
          <p>{t('clinic.noContact')}</p>
        )}
      </section>
    </div>
  );
}
