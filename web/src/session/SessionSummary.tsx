import { useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { wholeMinutes } from '../format';
import { assuranceKey, fullName, type Me } from './me';

/** "Inloggad som …", how the person logged in, and the idle time-out. */
export function SessionSummary({ me }: { me: Me }) {
  const { t } = useT();
  const idle = me.session.idleTimeoutSeconds;
  return (
    <div class="card who">
      <p class="who__name">{t('session.loggedInAs', { name: fullName(me.person) })}</p>
      <dl class="facts">
        <div>
          <dt>{t('session.assuranceLabel')}</dt>
          <dd>{t(assuranceKey(me.assurance))}</dd>
        </div>
      </dl>
      {idle !== null && <p class="muted small">{t('session.idle', { minutes: wholeMinutes(idle) })}</p>}
    </div>
  );
}

/** Ends every session of the person, e.g. one left open on another computer. */
export function LogoutEverywhere() {
  const store = useStore();
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    if (busy) return;
    setBusy(true);
    // On success the start page replaces this one.
    if (!(await store.logout({ everywhere: true }))) setBusy(false);
  };
  return (
    <div class="logout-everywhere">
      <p class="small">{t('session.logoutEverywhereHint')}</p>
      <button
        type="button"
        class="button button--secondary"
        aria-disabled={busy ? 'true' : undefined}
        onClick={() => void onClick()}
      >
        {t('session.logoutEverywhere')}
      </button>
    </div>
  );
}
