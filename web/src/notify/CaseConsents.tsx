import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import type { CaseView } from '../cases/model';
import { useStore, useT } from '../context';
import { formatDateTime } from '../format';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { channelKey, consentErrorKey, sourceKey, staffConsentBody, withConsent, type StaffConsentError } from './forms';
import { NOTIFY_CHANNELS, type Consent, type MessageLang, type NotifyChannel } from './notify';
import { AddressInput } from './AddressInput';
import { recordConsent, unitConsents } from './notifyApi';
import { useSave } from '../ui/useSave';

function ConsentFacts({ consents }: { consents: Consent[] }) {
  const { t, lang } = useT();
  if (consents.length === 0) return <p>{t('caseConsent.none')}</p>;
  return (
    <ul class="event-list">
      {consents.map((c) => (
        <li key={c.channel} class="event">
          <dl class="event__facts">
            <dt>{t('caseConsent.channel')}</dt>
            <dd>{t(channelKey(c.channel))}</dd>
            <dt>{t('caseConsent.state')}</dt>
            <dd>{t(c.given ? 'caseConsent.given' : 'caseConsent.withdrawn')}</dd>
            {c.address && (
              <>
                <dt>{t('caseConsent.address')}</dt>
                <dd>{c.address}</dd>
              </>
            )}
            <dt>{t('caseConsent.how')}</dt>
            <dd>
              {t(sourceKey(c.source))}
              {c.method ? `, ${c.method}` : ''}
            </dd>
            <dt>{t('caseConsent.when')}</dt>
            <dd>
              <time dateTime={c.recordedAt}>{formatDateTime(c.recordedAt, lang)}</time>
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

const MISSING: Record<StaffConsentError, MessageKey> = {
  addressMissing: 'caseConsent.addressMissing',
  methodMissing: 'notify.error.methodMissing',
};

function RecordForm({ unitId, patientId, onSaved }: { unitId: string; patientId: string; onSaved: (c: Consent) => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const { phase, run } = useSave();
  const [channel, setChannel] = useState<NotifyChannel>('sms');
  const [given, setGiven] = useState(true);
  const [address, setAddress] = useState('');
  const [language, setLanguage] = useState<MessageLang>(lang);
  const [method, setMethod] = useState('');
  const [errors, setErrors] = useState<StaffConsentError[]>([]);
  const addressRef = useRef<HTMLInputElement>(null);
  const methodRef = useRef<HTMLInputElement>(null);
  const busy = phase.name === 'busy';

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const checked = staffConsentBody({ channel, given, address, language, method });
    if ('errors' in checked) {
      setErrors(checked.errors);
      (checked.errors[0] === 'addressMissing' ? addressRef : methodRef).current?.focus();
      return;
    }
    setErrors([]);
    const saved = await run((signal) => recordConsent(store.api, unitId, patientId, checked.body, signal));
    if (saved) {
      onSaved(saved.value);
      setMethod('');
    } else {
      requestAnimationFrame(() => {
        if (addressRef.current?.getAttribute('aria-invalid')) addressRef.current.focus();
        else if (methodRef.current?.getAttribute('aria-invalid')) methodRef.current.focus();
      });
    }
  };

  const failed = phase.name === 'failed' ? phase.error : null;
  const failedCode = failed instanceof ApiError ? failed.problem?.code : undefined;
  const addressError: MessageKey | null = errors.includes('addressMissing')
    ? MISSING.addressMissing
    : failedCode === 'bad_address'
      ? consentErrorKey(failed, channel)
      : null;
  const methodError: MessageKey | null = errors.includes('methodMissing') || failedCode === 'method_required' ? MISSING.methodMissing : null;
  const otherError = failed !== null && failedCode !== 'bad_address' && failedCode !== 'method_required' ? consentErrorKey(failed, channel) : null;

  return (
    <form class="form close-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <h3>{t('caseConsent.recordTitle')}</h3>
      <fieldset class="choices">
        <legend class="field__legend">{t('caseConsent.channel')}</legend>
        {NOTIFY_CHANNELS.map((c) => (
          <div class="choice" key={c}>
            <input type="radio" name="consent-channel" id={`consent-channel-${c}`} checked={channel === c} onChange={() => setChannel(c)} />
            <label for={`consent-channel-${c}`}>{t(channelKey(c))}</label>
          </div>
        ))}
      </fieldset>
      <fieldset class="choices">
        <legend class="field__legend">{t('caseConsent.state')}</legend>
        <div class="choice">
          <input type="radio" name="consent-given" id="consent-given-yes" checked={given} onChange={() => setGiven(true)} />
          <label for="consent-given-yes">{t('caseConsent.giveOption')}</label>
        </div>
        <div class="choice">
          <input type="radio" name="consent-given" id="consent-given-no" checked={!given} onChange={() => setGiven(false)} />
          <label for="consent-given-no">{t('caseConsent.withdrawOption')}</label>
        </div>
      </fieldset>
      <div class="field">
        <label for="consent-address">{t(channel === 'sms' ? 'notify.mobile' : 'notify.email')}</label>
        <p id="consent-address-hint" class="field__hint">
          {t(channel === 'sms' ? 'notify.mobileHint' : 'notify.emailHint')}
        </p>
        {addressError && (
          <p id="consent-address-error" class="field__error">
            {t(addressError)}
          </p>
        )}
        <AddressInput
          inputRef={addressRef}
          channel={channel}
          id="consent-address"
          value={address}
          invalid={addressError !== null}
          describedBy={addressError ? 'consent-address-hint consent-address-error' : 'consent-address-hint'}
          onInput={setAddress}
          ownAddress={false}
        />
      </div>
      <div class="field">
        <label for="consent-language">{t('notify.language')}</label>
        <select
          id="consent-language"
          class="input input--short"
          value={language}
          onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'sv')}
        >
          <option value="sv">{t('notify.language.sv')}</option>
          <option value="en">{t('notify.language.en')}</option>
        </select>
      </div>
      <div class="field">
        <label for="consent-method">{t('caseConsent.method')}</label>
        <p id="consent-method-hint" class="field__hint">
          {t('caseConsent.methodHint')}
        </p>
        {methodError && (
          <p id="consent-method-error" class="field__error">
            {t(methodError)}
          </p>
        )}
        <input
          ref={methodRef}
          id="consent-method"
          class="input"
          type="text"
          maxLength={200}
          value={method}
          aria-invalid={methodError ? 'true' : undefined}
          aria-describedby={methodError ? 'consent-method-hint consent-method-error' : 'consent-method-hint'}
          onInput={(e) => setMethod((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {otherError && <ErrorMessage message={t(otherError)} />}
      <button type="submit" class="button button--secondary" aria-disabled={busy ? 'true' : undefined}>
        {t('caseConsent.record')}
      </button>
      <Status>{busy ? t('notify.saving') : phase.name === 'done' ? t('caseConsent.recorded') : ''}</Status>
    </form>
  );
}

/** On a case: the patient's consent to notifications from this unit, and staff's record of one. */
export function CaseConsents({ view }: { view: CaseView }) {
  const store = useStore();
  const { t } = useT();
  const unitId = view.clinic.id;
  const patientId = view.patient.id;
  const { state, reload, setValue } = useLoad(
    async (signal) => (unitId && patientId ? unitConsents(store.api, unitId, patientId, signal) : []),
    `${unitId}/${patientId}`,
  );
  if (!unitId || !patientId) return null;
  const forbidden = state.status === 'error' && state.error instanceof ApiError && state.error.status === 403;
  return (
    <section class="card" aria-labelledby="case-consent-title">
      <h2 id="case-consent-title">{t('caseConsent.title')}</h2>
      <p>{t('caseConsent.intro', { clinic: view.clinic.name })}</p>
      <Status>{state.status === 'loading' ? t('caseConsent.loading') : ''}</Status>
      {forbidden && <p>{t('caseConsent.forbidden')}</p>}
      {state.status === 'error' && !forbidden && <ErrorMessage message={t('caseConsent.loadError')} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <ConsentFacts consents={state.value} />
          <RecordForm unitId={unitId} patientId={patientId} onSaved={(c) => setValue(withConsent(state.value, c))} />
        </>
      )}
    </section>
  );
}
