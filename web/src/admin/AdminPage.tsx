import { useT } from '../context';
import { loginHref, paths } from '../router';
import { mayAdminister } from '../session/me';
import { Link } from '../ui/Link';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { SessionGate } from '../ui/SessionGate';

/**
 * Administration. Only a placeholder yet; who may see it is decided here for
 * the screen only — the server will check every administrative request.
 */
export function AdminPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('admin.title')} />
      <SessionGate>
        {(me) =>
          me === null ? (
            <>
              <p class="lead">{t('admin.intro')}</p>
              <p>{t('admin.loggedOut')}</p>
              <p>
                <Link href={loginHref(paths.admin)} class="button">
                  {t('session.loginLink')}
                </Link>
              </p>
            </>
          ) : mayAdminister(me) ? (
            <>
              <p class="lead">{t('admin.intro')}</p>
              <Notice>
                <p>{t('admin.notYet')}</p>
              </Notice>
            </>
          ) : (
            <Notice title={t('admin.forbiddenTitle')}>
              <p>{t('admin.forbidden')}</p>
            </Notice>
          )
        }
      </SessionGate>
    </>
  );
}
