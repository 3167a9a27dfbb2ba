import { useRef, useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { AddressInput } from './AddressInput';
import { consentBody, consentErrorKey, isAddressError } from './forms';
import { type Consent, type MessageLang, type NotifyChannel } from './notify';
import { setMyConsent } from './notifyApi';
import { useSave } from '../ui/useSave';

const LABELS: Record<NotifyChannel, { switch: MessageKey; address: MessageKey; hint: MessageKey; missing: MessageKey }> = {
  sms: { switch: 'notify.switch.sms', address: 'notify.mobile', hint: 'notify.mobileHint', missing: 'notify.mobileMissing' },
  email: { switch: 'notify.switch.email', address: 'notify.email', hint: 'notify.emailHint', missing: 'notify.emailMissing' },
};

interface Props {
  clinic: { id: string; name: string };
  channel: NotifyChannel;
  consent: Consent | null;
  /** The address offered when the switch is turned on. */
  suggested: string;
  onSaved: (c: Consent) => void;
}

/**
 * One clinic's one channel: a switch. Off is saved at once (consent can be
 * withdrawn at any time); on asks for the number or address first.
 */
export function ConsentSwitch({ clinic, channel, consent, suggested, onSaved }: Props) {
  const store = useStore();
  const { t, lang } = useT();
  const { phase, run } = useSave();
  const [asking, setAsking] = useState(false);
  const [address, setAddress] = useState('');
  const [language, setLanguage] = useState<MessageLang>(consent?.language ?? lang);
  const [fieldError, setFieldError] = useState<MessageKey | null>(null);
  /** Switched off, not yet saved: the switch shows the choice at once and turns back if the save fails. */
  const [turningOff, setTurningOff] = useState(false);
  const switchRef = useRef<HTMLInputElement>(null);
  const addressRef = useRef<HTMLInputElement>(null);
  const labels = LABELS[channel];
  const id = `consent-${clinic.id}-${channel}`;
  const given = consent?.given === true;
  const busy = phase.name === 'busy';

  const save = async (on: boolean) => {
    const checked = consentBody({ channel, given: on, address: on ? address : '', language });
    if ('error' in checked) {
      setFieldError(labels.missing);
      addressRef.current?.focus();
      return;
    }
    setFieldError(null);
    const saved = await run((signal) => setMyConsent(store.api, clinic.id, checked.body, signal));
    if (saved) {
      setAsking(false);
      onSaved(saved.value);
      // The form that had focus is gone: back to the switch, the status says what happened.
      requestAnimationFrame(() => switchRef.current?.focus());
    }
  };

  const onToggle = (on: boolean) => {
    if (busy) return;
    if (on) {
      setAsking(true);
      setAddress(suggested);
      setFieldError(null);
      requestAnimationFrame(() => addressRef.current?.focus());
      return;
    }
    if (asking && !given) {
      setAsking(false);
      return;
    }
    setAsking(false);
    setTurningOff(true);
    void save(false).finally(() => setTurningOff(false));
  };

  const failed = phase.name === 'failed' ? phase.error : null;
  const addressFailed = failed !== null && isAddressError(failed);
  const shownError = fieldError ?? (addressFailed ? consentErrorKey(failed, channel) : null);
  const done = phase.name === 'done' && consent
    ? consent.given
      ? t(channel === 'sms' ? 'notify.savedOnSms' : 'notify.savedOnEmail', { clinic: clinic.name, address: consent.address })
      : t(channel === 'sms' ? 'notify.savedOffSms' : 'notify.savedOffEmail', { clinic: clinic.name })
    : '';

  return (
    <li class="service-row">
      <div class="service-row__main">
        <span class="switch">
          <input
            ref={switchRef}
            type="checkbox"
            role="switch"
            id={id}
            checked={(given && !turningOff) || asking}
            aria-describedby={given ? `${id}-to` : undefined}
            onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
          />
          <label for={id}>
            <span class="visually-hidden">{clinic.name}: </span>
            {t(labels.switch)}
          </label>
        </span>
      </div>
      {given && consent && !asking && (
        <p id={`${id}-to`} class="service-row__reason">
          {t(consent.language === 'en' ? 'notify.sentToEn' : 'notify.sentToSv', { address: consent.address })}
        </p>
      )}
      {asking && (
        <form
          class="service-row__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void save(true);
          }}
        >
          <div class="field">
            <label for={`${id}-address`}>{t(labels.address)}</label>
            <p id={`${id}-address-hint`} class="field__hint">
              {t(labels.hint)}
            </p>
            {shownError && (
              <p id={`${id}-address-error`} class="field__error">
                {t(shownError)}
              </p>
            )}
            <AddressInput
              inputRef={addressRef}
              channel={channel}
              id={`${id}-address`}
              value={address}
              invalid={shownError !== null}
              describedBy={shownError ? `${id}-address-hint ${id}-address-error` : `${id}-address-hint`}
              onInput={setAddress}
            />
          </div>
          <div class="field">
            <label for={`${id}-lang`}>{t('notify.language')}</label>
            <select
              id={`${id}-lang`}
              class="input input--short"
              value={language}
              onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'sv')}
            >
              <option value="sv">{t('notify.language.sv')}</option>
              <option value="en">{t('notify.language.en')}</option>
            </select>
          </div>
          <div class="button-row button-row--start">
            <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
              {t('notify.turnOn')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => onToggle(false)}>
              {t('notify.cancel')}
            </button>
          </div>
        </form>
      )}
      <Status>{busy ? t('notify.saving') : done}</Status>
      {failed !== null && !addressFailed && <ErrorMessage message={t(consentErrorKey(failed, channel))} />}
    </li>
  );
}
