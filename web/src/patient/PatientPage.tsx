import { useT } from '../context';
import { paths } from '../router';
import { Link } from '../ui/Link';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';

/** Patient area. Log-in with e-ID is not built yet; this page says so plainly. */
export function PatientPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('patient.title')} />
      <p class="lead">{t('patient.intro')}</p>
      <Notice>
        <p>{t('patient.notYet')}</p>
      </Notice>
      <p>
        {t('patient.meanwhile')} <Link href={paths.directory}>{t('start.directoryLink')}</Link>
      </p>
    </>
  );
}
