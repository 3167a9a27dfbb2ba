import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../context';
import { paths } from '../router';
import { Link } from '../ui/Link';
import type { Clinic } from './clinic';
import { kindKey } from './labels';

interface ClinicListProps {
  clinics: Clinic[];
  /** After "load more": index of the first new clinic, which gets focus. */
  focusIndex: number | null;
}

export function ClinicList({ clinics, focusIndex }: ClinicListProps) {
  const { t } = useT();
  const links = useRef<(HTMLAnchorElement | null)[]>([]);

  useEffect(() => {
    if (focusIndex !== null) links.current[focusIndex]?.focus();
  }, [focusIndex]);

  return (
    <ul class="clinic-list">
      {clinics.map((c, i) => (
        <li key={c.id} class="clinic-card">
          <h2 class="clinic-card__name">
            <Link href={paths.clinic(c.id)} linkRef={(el) => (links.current[i] = el)}>
              {c.name}
            </Link>
          </h2>
          <p class="clinic-card__kind">{t(kindKey(c.kind))}</p>
          <dl class="facts">
            {c.address?.city && (
              <div>
                <dt>{t('directory.city')}</dt>
                <dd>{c.address.city}</dd>
              </div>
            )}
            {c.administration && (
              <div>
                <dt>{t('directory.administration')}</dt>
                <dd>{c.administration.name}</dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
