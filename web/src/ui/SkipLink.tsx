import { useT } from '../context';

export const MAIN_ID = 'main';

/** First focusable element on every page: jumps past header and menu. */
export function SkipLink() {
  const { t } = useT();
  const onClick = (e: MouseEvent) => {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    e.preventDefault();
    main.focus();
  };
  return (
    <a class="skip-link" href={`#${MAIN_ID}`} onClick={onClick}>
      {t('skip.toMain')}
    </a>
  );
}
