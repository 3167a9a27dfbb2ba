import { useEffect, useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { formatDate } from '../format';
import { fullName, type Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';

type Phase = 'idle' | 'saving' | 'saved' | 'forbidden' | 'error';

/**
 * "Agera för": a guardian picks themself or a child under 13, then confirms
 * with a button. (Switching on every arrow key in the radio group would
 * send a request for each child passed on the way.)
 */
export function ActingForForm({ me }: { me: Me }) {
  const store = useStore();
  const { t, lang } = useT();
  const current = me.actingFor?.id ?? '';
  const [choice, setChoice] = useState(current);
  const [phase, setPhase] = useState<Phase>('idle');

  // The server's answer is what counts: follow it when `me` changes.
  useEffect(() => setChoice(current), [current]);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase === 'saving') return;
    setPhase('saving');
    const result = await store.setActingFor(choice === '' ? null : choice);
    // 'loggedOut': the page turns into the logged-out view and says why.
    if (result !== 'loggedOut') setPhase(result === 'ok' ? 'saved' : result);
  };

  const status =
    phase === 'saving'
      ? t('actingFor.saving')
      : phase === 'saved'
        ? me.actingFor
          ? t('actingFor.savedChild', { name: fullName(me.actingFor) })
          : t('actingFor.savedSelf')
        : '';

  return (
    <form class="acting-for" onSubmit={(e) => void onSubmit(e)}>
      <fieldset class="choices" aria-describedby="acting-for-hint">
        <legend class="choices__legend">{t('actingFor.legend')}</legend>
        <p id="acting-for-hint" class="choices__hint">
          {t('actingFor.hint')}
        </p>
        <div class="choice">
          <input
            type="radio"
            id="acting-for-self"
            name="acting-for"
            value=""
            checked={choice === ''}
            onChange={() => setChoice('')}
          />
          <label for="acting-for-self">{t('actingFor.self', { name: fullName(me.person) })}</label>
        </div>
        {me.mayActFor.map((child) => (
          <div class="choice" key={child.id}>
            <input
              type="radio"
              id={`acting-for-${child.id}`}
              name="acting-for"
              value={child.id}
              checked={choice === child.id}
              onChange={() => setChoice(child.id)}
            />
            <label for={`acting-for-${child.id}`}>
              {t('actingFor.child', { name: fullName(child), until: formatDate(child.until, lang) })}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" class="button" aria-disabled={phase === 'saving' ? 'true' : undefined}>
        {t('actingFor.submit')}
      </button>
      <Status>{status}</Status>
      {phase === 'forbidden' && <ErrorMessage message={t('actingFor.forbidden')} />}
      {phase === 'error' && <ErrorMessage message={t('actingFor.error')} />}
    </form>
  );
}
