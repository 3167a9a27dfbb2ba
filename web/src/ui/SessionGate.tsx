import type { ComponentChildren } from 'preact';
import { useSession, useStore, useT } from '../context';
import type { Me } from '../session/me';
import { ErrorMessage } from './ErrorMessage';
import { PageHeading } from './PageHeading';
import { Status } from './Status';

/**
 * Waits for the first answer from /api/v1/me, then renders `children` with
 * the logged-in person (or null). A failure to find out is told plainly,
 * with a way to ask again.
 */
export function SessionGate({ heading, children }: { heading?: string | undefined; children: (me: Me | null) => ComponentChildren }) {
  const store = useStore();
  const { status, me } = useSession();
  const { t } = useT();
  if (me) return <>{children(me)}</>;
  // Pages whose heading is inside `children` name one to show meanwhile.
  const title = heading ? <PageHeading title={heading} /> : null;
  if (status === 'loading') {
    return (
      <>
        {title}
        <Status>{t('session.loading')}</Status>
      </>
    );
  }
  if (status === 'error') {
    return (
      <>
        {title}
        <ErrorMessage message={t('session.error')} onRetry={() => void store.loadMe()} />
      </>
    );
  }
  return <>{children(null)}</>;
}
