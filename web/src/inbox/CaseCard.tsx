import { DueDay } from '../cases/DueDay';
import { statusKey, type CaseSummary } from '../cases/model';
import { useT } from '../context';
import { pickLocalized } from '../directory/labels';
import { formatDate, formatDateTime } from '../format';
import { paths } from '../router';
import { Link } from '../ui/Link';

/** One case in a staff list: what, who, how it stands and by when. */
export function CaseCard({ c, showDue = true }: { c: CaseSummary; showDue?: boolean }) {
  const { t, lang } = useT();
  const name = pickLocalized(c.service.name, lang);
  return (
    <li class="case-card">
      <h3 class="case-card__title">
        <Link href={paths.staffCase(c.id)}>
          <span lang={name.lang === lang ? undefined : name.lang}>{name.text}</span>
          {' – '}
          {c.patient.name}
        </Link>
      </h3>
      <p class="case-card__line">
        {c.patient.birthDate && t('case.born', { date: formatDate(c.patient.birthDate, lang) })}
        {c.submittedBy === 'guardian' && <> · {t('case.byGuardian')}</>}
      </p>
      <p class="case-card__line">
        <span class="case-card__status">{t(statusKey(c.status, 'staff'))}</span>
        {' · '}
        {c.assignee ? (
          <>
            {t('case.assignee')}: {c.assignee.name}
            {c.assignee.absent && <> ({t('case.absent')})</>}
          </>
        ) : (
          t('case.unassigned')
        )}
      </p>
      {showDue && c.dueAt && c.status !== 'closed' && (
        <p class="case-card__line">
          <DueDay dueAt={c.dueAt} clock={c.clock} badge />
        </p>
      )}
      <p class="case-card__line small muted">
        {t('case.receivedAt')}: <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, lang)}</time>
        {c.lastContactAt && (
          <>
            {' · '}
            {t('case.lastContact')}: <time dateTime={c.lastContactAt}>{formatDateTime(c.lastContactAt, lang)}</time>
          </>
        )}
      </p>
    </li>
  );
}
