import { useT } from '../context';
import { formatDueDay } from './deadline';
import { clockBadge, clockKey, type ClockState } from './model';

/** "Svar senast tisdag 29 december", with a badge when the unit is at risk of missing it. */
export function DueDay({ dueAt, clock, badge = false, prefix = true }: { dueAt: string; clock: ClockState; badge?: boolean; prefix?: boolean }) {
  const { t, lang } = useT();
  const kind = badge ? clockBadge(clock) : null;
  return (
    <span class="due">
      {prefix && `${t('case.dueBy')} `}
      <time dateTime={dueAt}>{formatDueDay(dueAt, lang, new Date())}</time>
      {kind && (
        <>
          {' '}
          <span class={`badge badge--${kind}`}>{t(clockKey(clock))}</span>
        </>
      )}
    </span>
  );
}
