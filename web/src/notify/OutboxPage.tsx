import { useT } from '../context';
import { isRegionAdmin } from '../inbox/inbox';
import { paths } from '../router';
import { Link } from '../ui/Link';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { RequireStaff } from '../ui/RequireRole';
import { DeliveriesSection } from './DeliveriesSection';
import { TemplatesSection } from './TemplatesSection';

/** Utskick: the region administrator's view of the outbox (failed deliveries first) and the message templates. */
export function OutboxPage() {
  const { t } = useT();
  return (
    <RequireStaff returnTo={paths.outbox} heading={t('outbox.title')}>
      {(me) => (
        <>
          <PageHeading title={t('outbox.title')} />
          {isRegionAdmin(me) ? (
            <>
              <p class="lead">{t('outbox.intro')}</p>
              <DeliveriesSection />
              <TemplatesSection />
            </>
          ) : (
            <Notice title={t('admin.forbiddenTitle')}>
              <p>{t('outbox.forbidden')}</p>
            </Notice>
          )}
          <p>
            <Link href={paths.staff}>{t('audit.back')}</Link>
          </p>
        </>
      )}
    </RequireStaff>
  );
}
