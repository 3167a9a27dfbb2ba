import { useT } from '../context';
import { paths } from '../router';
import { Link } from '../ui/Link';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';

export function StartPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('start.title')} />
      <p class="lead">{t('start.intro')}</p>
      <p>
        <Link href={paths.directory} class="button">
          {t('start.directoryLink')}
        </Link>
      </p>
      <p>{t('start.directoryHint')}</p>
      <div class="columns">
        <Notice title={t('start.urgentTitle')}>
          <p>{t('start.urgentAdvice')}</p>
          <p>
            <strong>{t('start.urgentEmergency')}</strong>
          </p>
        </Notice>
        <Notice title={t('start.comingTitle')}>
          <p>{t('start.comingText')}</p>
        </Notice>
      </div>
    </>
  );
}
