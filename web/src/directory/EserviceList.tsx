import { useAppState, useT } from '../context';
import type { Eservice } from './clinic';
import { categoryKey, groupEservices, pickLocalized } from './labels';

/** The clinic's e-services, grouped basic / recommended / custom. */
export function EserviceList({ eservices }: { eservices: Eservice[] }) {
  const { lang } = useAppState();
  const { t } = useT();
  const groups = groupEservices(eservices);

  return (
    <section class="section" aria-labelledby="eservices-heading">
      <h2 id="eservices-heading">{t('clinic.eservicesTitle')}</h2>
      {groups.length === 0 ? (
        <p>{t('clinic.eservicesNone')}</p>
      ) : (
        <>
          <p>{t('clinic.eservicesIntro')}</p>
          {groups.map((group) => (
            <div key={group.category} class="eservice-group">
              <h3>{t(categoryKey(group.category))}</h3>
              <ul class="eservice-list">
                {group.items.map((e) => {
                  const name = pickLocalized(e.name, lang);
                  const reason = e.reason ? pickLocalized(e.reason, lang) : null;
                  return (
                    <li key={e.code} class={e.offered ? 'eservice' : 'eservice eservice--na'}>
                      <span class="eservice__name" lang={name.lang === lang ? undefined : name.lang}>
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
