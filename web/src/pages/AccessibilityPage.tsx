import { useT } from '../context';
import { PageHeading } from '../ui/PageHeading';

// Contact address of the demonstration installation; an operator replaces it.
const REPORT_EMAIL = 'tillganglighet@example.se';
const DIGG_URL = 'https://www.digg.se/tdosanmalan';

export function AccessibilityPage() {
  const { t } = useT();
  return (
    <article class="prose">
      <PageHeading title={t('a11y.title')} />
      <p class="lead">{t('a11y.intro')}</p>

      <h2>{t('a11y.statusTitle')}</h2>
      <p>{t('a11y.status')}</p>

      <h2>{t('a11y.testedTitle')}</h2>
      <p>{t('a11y.tested')}</p>

      <h2>{t('a11y.knownTitle')}</h2>
      <ul>
        <li>{t('a11y.known1')}</li>
        <li>{t('a11y.known2')}</li>
      </ul>

      <h2>{t('a11y.reportTitle')}</h2>
      <p>
        {t('a11y.report')} <a href={`mailto:${REPORT_EMAIL}`}>{REPORT_EMAIL}</a>.
      </p>
      <p class="muted">{t('a11y.reportNote')}</p>

      <h2>{t('a11y.supervisionTitle')}</h2>
      <p>{t('a11y.supervision')}</p>
      <p>
        <a href={DIGG_URL} rel="noopener">
          {t('a11y.diggLink')}
        </a>
      </p>
    </article>
  );
}
