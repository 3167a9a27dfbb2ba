import { useT } from '../context';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';

/** Staff area. Log-in for staff is not built yet; this page says so plainly. */
export function StaffPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('staff.title')} />
      <p class="lead">{t('staff.intro')}</p>
      <Notice>
        <p>{t('staff.notYet')}</p>
      </Notice>
    </>
  );
}
