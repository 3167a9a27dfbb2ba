import { useT } from '../context';
import { paths } from '../router';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';

export function NotFoundPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <Link href={paths.start}>{t('notFound.home')}</Link>
      </p>
    </>
  );
}
