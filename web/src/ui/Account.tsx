import { useState } from 'preact/hooks';
import { useSession, useStore, useT } from '../context';
import { paths } from '../router';
import { fullName } from '../session/me';
import { Link } from './Link';

/**
 * The header's log-in corner: "Logga in" when nobody is logged in, otherwise
 * the person's name (and whom a guardian acts for) with a "Logga ut" button.
 * Nothing is shown until the first answer from /api/v1/me, so the header
 * does not flash "Logga in" at someone who is logged in.
 */
export function Account() {
  const store = useStore();
  const { status, me } = useSession();
  const { t } = useT();
  const [busy, setBusy] = useState(false);

  if (!me) {
    if (status === 'loading') return null;
    return (
      <Link href={paths.login} class="header-button">
        {t('nav.login')}
      </Link>
    );
  }

  const onLogout = async () => {
    if (busy) return;
    setBusy(true);
    // On success this component shows "Logga in" instead and the start page
    // takes focus to its message (SessionNotice).
    await store.logout();
    setBusy(false);
  };

  return (
    <div class="account" role="group" aria-label={t('account.label')}>
      <p class="account__who">
        <span class="account__name">{fullName(me.person)}</span>
        {me.actingFor && (
          <span class="account__acting">{t('account.actingFor', { name: fullName(me.actingFor) })}</span>
        )}
      </p>
      <button
        type="button"
        class="header-button"
        aria-disabled={busy ? 'true' : undefined}
        onClick={() => void onLogout()}
      >
        {t('account.logout')}
      </button>
    </div>
  );
}
