import { useT } from '../context';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';

/** Administration area. Not built yet; this page says so plainly. */
export function AdminPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('admin.title')} />
      <p class="lead">{t('admin.intro')}</p>
      <Notice>
        <p>{t('admin.notYet')}</p>
      </Notice>
    </>
  );
}
