import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbortError } from '../api';
import { useStore, useT } from '../context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { groupSecret, normalizeCode, parsePasswordAnswer, svgDataUri, waitSeconds, type PasswordAnswer } from './staffLogin';

export const STAFF_PASSWORD_URL = '/api/v1/auth/staff/password';
export const STAFF_TOTP_URL = '/api/v1/auth/staff/totp';

type Failure =
  | { kind: 'wrongPassword' }
  | { kind: 'tooMany'; seconds: number }
  | { kind: 'wrongCode' }
  | { kind: 'badCode' }
  | { kind: 'missing' }
  | { kind: 'error' };

type Step = { step: 'password' } | { step: 'code'; answer: PasswordAnswer };

function failureOf(err: unknown, onCode: boolean): Failure {
  if (err instanceof ApiError && err.kind === 'http') {
    if (err.status === 429) return { kind: 'tooMany', seconds: waitSeconds(err.retryAfter) };
    if (err.status === 401 || (onCode && (err.status === 400 || err.status === 422)))
      return { kind: onCode ? 'wrongCode' : 'wrongPassword' };
  }
  return { kind: 'error' };
}

const CODE_HEADING_ID = 'staff-code-heading';
const ERROR_ID = 'staff-login-error';

/**
 * "Personal: logga in med lösenord": HSA-id and password, then a 6-digit
 * code from an authenticator app. The first time, the app is set up here
 * (QR code, or the secret typed by hand). A challenge is single use: after
 * a wrong code the person starts again from the password.
 */
export function StaffPasswordLogin({ onDone }: { onDone: () => void }) {
  const store = useStore();
  const { t } = useT();
  const [state, setState] = useState<Step>({ step: 'password' });
  const [hsaId, setHsaId] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const codeHeading = useRef<HTMLHeadingElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const hsaInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const acRef = useRef<AbortController | null>(null);

  useEffect(() => () => acRef.current?.abort(), []);
  useEffect(() => {
    if (state.step === 'code') codeHeading.current?.focus();
  }, [state]);

  const begin = (): AbortSignal => {
    acRef.current?.abort();
    const ac = new AbortController();
    acRef.current = ac;
    setBusy(true);
    setFailure(null);
    return ac.signal;
  };

  const submitPassword = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (hsaId.trim() === '' || password === '') {
      setFailure({ kind: 'missing' });
      (hsaId.trim() === '' ? hsaInput : passwordInput).current?.focus();
      return;
    }
    const signal = begin();
    try {
      const answer = parsePasswordAnswer(await store.api.post(STAFF_PASSWORD_URL, { hsa_id: hsaId.trim(), password }, signal));
      setPassword('');
      setCode('');
      setState({ step: 'code', answer });
    } catch (err) {
      if (isAbortError(err)) return;
      setFailure(failureOf(err, false));
      passwordInput.current?.focus();
    } finally {
      if (!signal.aborted) setBusy(false);
    }
  };

  const submitCode = async (e: Event) => {
    e.preventDefault();
    if (busy || state.step !== 'code') return;
    const clean = normalizeCode(code);
    if (!clean) {
      setFailure({ kind: 'badCode' });
      codeInput.current?.focus();
      return;
    }
    const signal = begin();
    try {
      await store.api.post(STAFF_TOTP_URL, { challenge: state.answer.challenge, code: clean }, signal);
      await store.loadMe();
      onDone();
    } catch (err) {
      if (isAbortError(err)) return;
      const f = failureOf(err, true);
      setFailure(f);
      // The challenge is used up: back to the password.
      setState({ step: 'password' });
      setCode('');
      setTimeout(() => passwordInput.current?.focus(), 0);
    } finally {
      if (!signal.aborted) setBusy(false);
    }
  };

  const failureText =
    failure === null
      ? ''
      : failure.kind === 'tooMany'
        ? t('staffLogin.tooMany', { seconds: failure.seconds })
        : t(`staffLogin.error.${failure.kind}`);

  const errorBox = failure && (
    <div id={ERROR_ID}>
      <ErrorMessage message={failureText} />
    </div>
  );
  const invalid = failure !== null ? 'true' : undefined;

  if (state.step === 'code') {
    const { answer } = state;
    return (
      <div class="staff-login">
        <h3 id={CODE_HEADING_ID} ref={codeHeading} tabIndex={-1}>
          {answer.status === 'totp_enrolment' ? t('staffLogin.enrolTitle') : t('staffLogin.codeTitle')}
        </h3>
        {answer.status === 'totp_enrolment' && (
          <div class="totp-enrol">
            <p>{t('staffLogin.enrolIntro')}</p>
            <ol class="totp-steps">
              <li>{t('staffLogin.enrolStep1')}</li>
              <li>{t('staffLogin.enrolStep2')}</li>
              <li>{t('staffLogin.enrolStep3')}</li>
            </ol>
            <img class="totp-qr" src={svgDataUri(answer.qrSvg)} alt={t('staffLogin.qrAlt')} width={200} height={200} />
            <p>
              {t('staffLogin.secretLabel')}{' '}
              <code class="totp-secret">{groupSecret(answer.secret)}</code>
            </p>
          </div>
        )}
        <form class="form" onSubmit={(e) => void submitCode(e)} noValidate>
          <div class="field">
            <label for="staff-code">{t('staffLogin.codeLabel')}</label>
            <p id="staff-code-hint" class="field__hint">
              {t('staffLogin.codeHint')}
            </p>
            <input
              ref={codeInput}
              id="staff-code"
              name="code"
              type="text"
              inputMode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              class="input input--code"
              value={code}
              aria-describedby={failure ? `staff-code-hint ${ERROR_ID}` : 'staff-code-hint'}
              aria-invalid={invalid}
              onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          {errorBox}
          <div class="button-row">
            <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
              {t('staffLogin.codeSubmit')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                acRef.current?.abort();
                setBusy(false);
                setFailure(null);
                setState({ step: 'password' });
                setTimeout(() => passwordInput.current?.focus(), 0);
              }}
            >
              {t('staffLogin.startOver')}
            </button>
          </div>
          <Status>{busy ? t('staffLogin.checkingCode') : ''}</Status>
        </form>
      </div>
    );
  }

  return (
    <form class="form staff-login" onSubmit={(e) => void submitPassword(e)} noValidate>
      <div class="field">
        <label for="staff-hsa-id">{t('staffLogin.hsaId')}</label>
        <p id="staff-hsa-hint" class="field__hint">
          {t('staffLogin.hsaHint')}
        </p>
        <input
          ref={hsaInput}
          id="staff-hsa-id"
          name="username"
          type="text"
          autocomplete="username"
          spellcheck={false}
          autoCapitalize="characters"
          class="input"
          value={hsaId}
          aria-describedby={failure ? `staff-hsa-hint ${ERROR_ID}` : 'staff-hsa-hint'}
          aria-invalid={invalid}
          onInput={(e) => setHsaId((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="staff-password">{t('staffLogin.password')}</label>
        <input
          ref={passwordInput}
          id="staff-password"
          name="password"
          type="password"
          autocomplete="current-password"
          class="input"
          value={password}
          aria-describedby={failure ? ERROR_ID : undefined}
          aria-invalid={invalid}
          onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {errorBox}
      <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
        {t('staffLogin.passwordSubmit')}
      </button>
      <Status>{busy ? t('staffLogin.checkingPassword') : ''}</Status>
    </form>
  );
}
