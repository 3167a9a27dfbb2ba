import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbortError, type FieldError } from '../api';
import { useStore, useT } from '../context';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';

export const PASSWORD_RESET_URL = '/api/v1/me/password-reset';

type Phase = 'idle' | 'saving' | 'saved' | 'invalid' | 'error';

/** The field errors of a 422 for the fields this form has. */
function fieldMessages(errors: FieldError[] | undefined): { email?: string; phone?: string } {
  const out: { email?: string; phone?: string } = {};
  for (const e of errors ?? []) {
    if ((e.field === 'email' || e.field === 'phone') && !out[e.field]) out[e.field] = e.message;
  }
  return out;
}

/**
 * Staff who log in with a password register where a password reset is sent
 * (e-mail and mobile phone). Field errors from the server are shown at the field.
 */
export function PasswordResetForm({ me }: { me: Me }) {
  const store = useStore();
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [errors, setErrors] = useState<{ email?: string; phone?: string }>({});
  const acRef = useRef<AbortController | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => () => acRef.current?.abort(), []);

  if (me.passwordResetRegistered === true || phase === 'saved') {
    return (
      <section aria-labelledby="password-reset-title">
        <h2 id="password-reset-title">{t('reset.title')}</h2>
        <p ref={doneRef} tabIndex={-1} class="notice notice--success">
          {t('reset.registered')}
        </p>
      </section>
    );
  }

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase === 'saving') return;
    const local: { email?: string; phone?: string } = {};
    if (email.trim() === '') local.email = t('reset.emailMissing');
    if (phone.trim() === '') local.phone = t('reset.phoneMissing');
    if (local.email || local.phone) {
      setErrors(local);
      setPhase('invalid');
      (local.email ? emailRef : phoneRef).current?.focus();
      return;
    }
    acRef.current?.abort();
    const ac = new AbortController();
    acRef.current = ac;
    setPhase('saving');
    setErrors({});
    try {
      await store.api.put(PASSWORD_RESET_URL, { email: email.trim(), phone: phone.trim() }, ac.signal);
      setPhase('saved');
      void store.loadMe();
    } catch (err) {
      if (isAbortError(err)) return;
      if (err instanceof ApiError && err.status === 422) {
        const fe = fieldMessages(err.problem?.errors);
        const shown = {
          email: fe.email ? t('reset.emailInvalid') : undefined,
          phone: fe.phone ? t('reset.phoneInvalid') : undefined,
        };
        if (!shown.email && !shown.phone) shown.email = t('reset.emailInvalid');
        setErrors(shown);
        setPhase('invalid');
        (shown.email ? emailRef : phoneRef).current?.focus();
      } else {
        setPhase('error');
      }
    }
  };

  return (
    <section aria-labelledby="password-reset-title">
      <h2 id="password-reset-title">{t('reset.title')}</h2>
      <p>{t('reset.intro')}</p>
      <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div class="field">
          <label for="reset-email">{t('reset.email')}</label>
          {errors.email && (
            <p id="reset-email-error" class="field__error">
              {errors.email}
            </p>
          )}
          <input
            ref={emailRef}
            id="reset-email"
            type="email"
            autocomplete="email"
            class="input"
            value={email}
            aria-invalid={errors.email ? 'true' : undefined}
            aria-describedby={errors.email ? 'reset-email-error' : undefined}
            onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="reset-phone">{t('reset.phone')}</label>
          <p id="reset-phone-hint" class="field__hint">
            {t('reset.phoneHint')}
          </p>
          {errors.phone && (
            <p id="reset-phone-error" class="field__error">
              {errors.phone}
            </p>
          )}
          <input
            ref={phoneRef}
            id="reset-phone"
            type="tel"
            autocomplete="tel"
            class="input"
            value={phone}
            aria-invalid={errors.phone ? 'true' : undefined}
            aria-describedby={errors.phone ? 'reset-phone-hint reset-phone-error' : 'reset-phone-hint'}
            onInput={(e) => setPhone((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        {phase === 'invalid' && <ErrorMessage message={t('reset.fixErrors')} />}
        {phase === 'error' && <ErrorMessage message={t('reset.error')} />}
        <button type="submit" class="button" aria-disabled={phase === 'saving' ? 'true' : undefined}>
          {t('reset.submit')}
        </button>
        <Status>{phase === 'saving' ? t('reset.saving') : ''}</Status>
      </form>
    </section>
  );
}
