import { useRef, useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { formatDateTime } from '../format';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { settingsBody, settingsErrorKey } from './forms';
import { type ClinicSettings } from './notify';
import { clinicSettings, saveClinicSettings } from './notifyApi';
import { useSave } from '../ui/useSave';

function SettingsForm({ unitId, current, onSaved }: { unitId: string; current: ClinicSettings; onSaved: (s: ClinicSettings) => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useSave();
  const [enabled, setEnabled] = useState(current.smsEnabled);
  const [reference, setReference] = useState(current.riskAnalysis?.document ?? '');
  const [docError, setDocError] = useState<MessageKey | null>(null);
  const docRef = useRef<HTMLInputElement>(null);
  const busy = phase.name === 'busy';

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const checked = settingsBody(enabled, reference, current);
    if ('error' in checked) {
      setDocError('smsSettings.documentMissing');
      docRef.current?.focus();
      return;
    }
    setDocError(null);
    const saved = await run((signal) => saveClinicSettings(store.api, unitId, checked.body, signal));
    if (saved) onSaved(saved.value);
  };

  const failed = phase.name === 'failed' ? phase.error : null;
  const failedKey = failed !== null ? settingsErrorKey(failed) : null;
  const fieldError = docError ?? (failedKey === 'smsSettings.documentMissing' ? failedKey : null);
  return (
    <form class="form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <div class="field">
        <label for="sms-risk-document">{t('smsSettings.document')}</label>
        <p id="sms-risk-document-hint" class="field__hint">
          {t('smsSettings.documentHint')}
        </p>
        {fieldError && (
          <p id="sms-risk-document-error" class="field__error">
            {t(fieldError)}
          </p>
        )}
        <input
          ref={docRef}
          id="sms-risk-document"
          class="input"
          type="text"
          maxLength={200}
          value={reference}
          aria-invalid={fieldError ? 'true' : undefined}
          aria-describedby={fieldError ? 'sms-risk-document-hint sms-risk-document-error' : 'sms-risk-document-hint'}
          onInput={(e) => setReference((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="choice">
        <input type="checkbox" id="sms-enabled" checked={enabled} onChange={(e) => setEnabled((e.currentTarget as HTMLInputElement).checked)} />
        <label for="sms-enabled">{t('smsSettings.enabled')}</label>
      </div>
      {failedKey && failedKey !== 'smsSettings.documentMissing' && <ErrorMessage message={t(failedKey)} />}
      <button type="submit" class="button button--secondary" aria-disabled={busy ? 'true' : undefined}>
        {t('smsSettings.save')}
      </button>
      <Status>{busy ? t('notify.saving') : phase.name === 'done' ? t(current.smsEnabled ? 'smsSettings.savedOn' : 'smsSettings.savedOff') : ''}</Status>
    </form>
  );
}

/**
 * "Sms-påminnelser" on the e-service administration: SMS is not encrypted,
 * so the unit manager records the risk analysis before switching it on.
 */
export function SmsSettingsSection({ unitId, mayChange }: { unitId: string; mayChange: boolean }) {
  const store = useStore();
  const { t, lang } = useT();
  const { state, reload, setValue } = useLoad((signal) => clinicSettings(store.api, unitId, signal), unitId);
  return (
    <section class="card" aria-labelledby="sms-settings-title">
      <h2 id="sms-settings-title">{t('smsSettings.title')}</h2>
      <p>{t('smsSettings.intro')}</p>
      <p>{t('smsSettings.riskIntro')}</p>
      <Status>{state.status === 'loading' ? t('smsSettings.loading') : ''}</Status>
      {state.status === 'error' && <ErrorMessage message={t('smsSettings.loadError')} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p>
            <strong>{t(state.value.smsEnabled ? 'smsSettings.on' : 'smsSettings.off')}</strong>
          </p>
          <p>
            {state.value.riskAnalysis
              ? t('smsSettings.recorded', {
                  document: state.value.riskAnalysis.document,
                  date: state.value.riskAnalysis.recordedAt ? formatDateTime(state.value.riskAnalysis.recordedAt, lang) : '–',
                })
              : t('smsSettings.notRecorded')}
          </p>
          {mayChange ? (
            <SettingsForm unitId={unitId} current={state.value} onSaved={setValue} />
          ) : (
            <p class="small muted">{t('smsSettings.onlyManager')}</p>
          )}
        </>
      )}
    </section>
  );
}
