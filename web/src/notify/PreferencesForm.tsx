import { useRef, useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { AddressInput } from './AddressInput';
import { consentErrorKey, isAddressError, preferenceBody } from './forms';
import { NOTIFY_CHANNELS, type NotifyChannel, type Preference } from './notify';
import { myPreferences, savePreference } from './notifyApi';
import { useSave } from '../ui/useSave';

type Prefs = Record<NotifyChannel, Preference>;

const WORDS: Record<NotifyChannel, { on: MessageKey; address: MessageKey; hint: MessageKey; missing: MessageKey }> = {
  email: { on: 'prefs.email', address: 'notify.email', hint: 'notify.emailHint', missing: 'notify.emailMissing' },
  sms: { on: 'prefs.sms', address: 'notify.mobile', hint: 'notify.mobileHint', missing: 'notify.mobileMissing' },
};

function Form({ loaded, onSaved }: { loaded: Prefs; onSaved: (p: Prefs) => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useSave();
  const [draft, setDraft] = useState<Prefs>(loaded);
  const [errors, setErrors] = useState<Partial<Record<NotifyChannel, MessageKey>>>({});
  /** The channel whose save was refused, so a refused address is told at its field. */
  const [failedOn, setFailedOn] = useState<NotifyChannel | null>(null);
  const refs = { email: useRef<HTMLInputElement>(null), sms: useRef<HTMLInputElement>(null) };
  const busy = phase.name === 'busy';
  const set = (channel: NotifyChannel, patch: Partial<Preference>) => setDraft((d) => ({ ...d, [channel]: { ...d[channel], ...patch } }));

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const local: Partial<Record<NotifyChannel, MessageKey>> = {};
    const bodies: Preference[] = [];
    for (const channel of NOTIFY_CHANNELS) {
      const checked = preferenceBody(draft[channel]);
      if ('error' in checked) local[channel] = WORDS[channel].missing;
      else if (checked.body.escalations !== loaded[channel].escalations || checked.body.address !== loaded[channel].address) bodies.push(checked.body);
    }
    setErrors(local);
    const first = NOTIFY_CHANNELS.find((c) => local[c]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    // Which channel was being saved when a save failed, and why.
    const at: { channel: NotifyChannel | null; error: unknown } = { channel: null, error: null };
    const saved = await run(async (signal) => {
      const next = { ...loaded };
      for (const body of bodies) {
        at.channel = body.channel;
        try {
          next[body.channel] = await savePreference(store.api, body, signal);
        } catch (err) {
          at.error = err;
          throw err;
        }
      }
      return next;
    });
    setFailedOn(saved ? null : at.channel);
    if (saved) {
      setDraft(saved.value);
      onSaved(saved.value);
    } else if (at.channel && isAddressError(at.error)) {
      const channel = at.channel;
      requestAnimationFrame(() => refs[channel].current?.focus());
    }
  };

  const failed = phase.name === 'failed' ? phase.error : null;
  const addressFailed = failed !== null && isAddressError(failed);
  return (
    <form class="form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {NOTIFY_CHANNELS.map((channel) => {
        const id = `prefs-${channel}`;
        const p = draft[channel];
        const error = errors[channel] ?? (addressFailed && failedOn === channel ? consentErrorKey(failed, channel) : null);
        return (
          <fieldset key={channel} class="choices">
            <legend class="field__legend">{t(channel === 'sms' ? 'notify.channel.sms' : 'notify.channel.email')}</legend>
            <div class="choice">
              <input type="checkbox" id={`${id}-on`} checked={p.escalations} onChange={(e) => set(channel, { escalations: (e.currentTarget as HTMLInputElement).checked })} />
              <label for={`${id}-on`}>{t(WORDS[channel].on)}</label>
            </div>
            <div class="field">
              <label for={`${id}-address`}>{t(WORDS[channel].address)}</label>
              <p id={`${id}-hint`} class="field__hint">
                {t(WORDS[channel].hint)}
              </p>
              {error && (
                <p id={`${id}-error`} class="field__error">
                  {t(error)}
                </p>
              )}
              <AddressInput
                inputRef={refs[channel]}
                channel={channel}
                id={`${id}-address`}
                value={p.address}
                invalid={error !== null}
                describedBy={error ? `${id}-hint ${id}-error` : `${id}-hint`}
                onInput={(address) => set(channel, { address })}
              />
            </div>
          </fieldset>
        );
      })}
      {failed !== null && !addressFailed && <ErrorMessage message={t(consentErrorKey(failed, failedOn ?? 'email'))} />}
      <button type="submit" class="button button--secondary" aria-disabled={busy ? 'true' : undefined}>
        {t('prefs.save')}
      </button>
      <Status>{busy ? t('notify.saving') : phase.name === 'done' ? t('prefs.saved') : ''}</Status>
    </form>
  );
}

/** How the staff member is told of escalations outside the service: e-mail and/or SMS, with the address. */
export function PreferencesForm() {
  const store = useStore();
  const { t } = useT();
  const { state, reload, setValue } = useLoad((signal) => myPreferences(store.api, signal), 'prefs');
  return (
    <section class="card" aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('prefs.title')}</h2>
      <p>{t('prefs.intro')}</p>
      <Status>{state.status === 'loading' ? t('prefs.loading') : ''}</Status>
      {state.status === 'error' && <ErrorMessage message={t('prefs.loadError')} onRetry={reload} />}
      {state.status === 'ready' && <Form loaded={state.value} onSaved={setValue} />}
    </section>
  );
}
