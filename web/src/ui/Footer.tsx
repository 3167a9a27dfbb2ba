import { useT } from '../context';
import { paths } from '../router';
import { Link } from './Link';

export function Footer() {
  const { t } = useT();
  return (
    <footer class="site-footer">
      <div class="container">
        <p>{t('footer.about')}</p>
        <p>{t('footer.emergency')}</p>
        <p>
          <Link href={paths.accessibility}>{t('footer.accessibility')}</Link>
        </p>
      </div>
    </footer>
  );
}
