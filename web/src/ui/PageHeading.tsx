import { useEffect, useRef } from 'preact/hooks';
import { useAppState, useT } from '../context';

interface PageHeadingProps {
  title: string;
}

/**
 * The page's one <h1>. It sets the document title and, after an in-app page
 * change (not on first load), takes focus so keyboard and screen-reader
 * users start reading at the new page.
 */
export function PageHeading({ title }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { navigations } = useAppState();
  const { t } = useT();

  useEffect(() => {
    if (navigations > 0 && ref.current) {
      window.scrollTo(0, 0);
      ref.current.focus({ preventScroll: true });
    }
    // Only on mount: a page is re-mounted for every new path.
  }, []);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  return (
    <h1 ref={ref} tabIndex={-1} class="page-heading">
      {title}
    </h1>
  );
}
