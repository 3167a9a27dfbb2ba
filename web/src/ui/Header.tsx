import { useAppState, useStore, useT } from '../context';
import { paths, sectionOf, type Route, type Section } from '../router';
import { Account } from './Account';
import { Link } from './Link';

const NAV: { section: Section; href: string; key: 'nav.directory' | 'nav.patient' | 'nav.staff' | 'nav.admin' }[] = [
  { section: 'directory', href: paths.directory, key: 'nav.directory' },
  { section: 'patient', href: paths.patient, key: 'nav.patient' },
  { section: 'staff', href: paths.staff, key: 'nav.staff' },
  { section: 'admin', href: paths.admin, key: 'nav.admin' },
];

export function Header({ route }: { route: Route }) {
  const store = useStore();
  const { lang } = useAppState();
  const { t } = useT();
  const current = sectionOf(route);
  const other = lang === 'sv' ? 'en' : 'sv';

  return (
    <header class="site-header">
      <div class="site-header__bar container">
        <Link href={paths.start} class="brand">
          <span class="brand__name">{t('app.name')}</span>
          <span class="brand__tagline">{t('app.tagline')}</span>
        </Link>
        <div class="site-header__tools">
          <Account />
          <button
            type="button"
            class="lang-switch"
            lang={other}
            aria-label={t('lang.switchToLabel')}
            onClick={() => store.setLang(other)}
          >
            {t('lang.switchTo')}
          </button>
        </div>
      </div>
      <nav class="site-nav" aria-label={t('nav.label')}>
        <ul class="site-nav__list container">
          {NAV.map((item) => (
            <li key={item.section}>
              <Link
                href={item.href}
                class="site-nav__link"
                aria-current={current === item.section ? 'page' : undefined}
              >
                {t(item.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
