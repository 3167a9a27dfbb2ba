import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbortError, isUnauthenticated } from '../api';
import { attachImage } from '../cases/casesApi';
import { isImageType } from '../cases/image';
import { ImageTooLarge, ImageUnreadable, prepareImage } from '../cases/prepareImage';
import { useStore, useT } from '../context';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';

type Phase =
  | { name: 'idle' }
  | { name: 'preparing' }
  | { name: 'sending' }
  | { name: 'sent' }
  | { name: 'failed'; key: MessageKey }
  | { name: 'notAccepted' };

function failureKey(err: unknown): MessageKey | 'notAccepted' {
  if (err instanceof ImageUnreadable) return 'image.unreadable';
  if (err instanceof ImageTooLarge) return 'image.tooLarge';
  if (err instanceof ApiError && err.kind === 'http') {
    // The clinic's routine says no images at all.
    if (err.status === 403) return 'notAccepted';
    if (err.status === 413) return 'image.tooLarge';
    if (err.status === 415) return 'image.wrongType';
    if (err.status === 409) return 'patientCase.closedMeanwhile';
  }
  return 'image.error';
}

/**
 * "Bifoga bild": a photo for the clinic (a rash, a wound). Big photos are
 * made smaller in the browser first (see prepareImage.ts). The page shows it
 * only where the case says the clinic takes images; should the routine change
 * meanwhile, a refusal hides the control and says so.
 */
export function ImageAttach({ caseId, onSent }: { caseId: string; onSent: () => void }) {
  const store = useStore();
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  const acRef = useRef<AbortController | null>(null);
  useEffect(() => () => acRef.current?.abort(), []);

  if (phase.name === 'notAccepted') {
    return (
      <section aria-labelledby="image-title">
        <h2 id="image-title">{t('image.title')}</h2>
        <p class="notice">{t('image.notAccepted')}</p>
      </section>
    );
  }

  const busy = phase.name === 'preparing' || phase.name === 'sending';
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!file || !isImageType(file.type || 'image/')) {
      setPhase({ name: 'failed', key: file ? 'image.wrongType' : 'image.choose' });
      inputRef.current?.focus();
      return;
    }
    acRef.current?.abort();
    const ac = new AbortController();
    acRef.current = ac;
    try {
      setPhase({ name: 'preparing' });
      const image = await prepareImage(file);
      setPhase({ name: 'sending' });
      await attachImage(store.api, caseId, image.blob, image.type, ac.signal);
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      setPhase({ name: 'sent' });
      onSent();
    } catch (err) {
      if (isAbortError(err)) return;
      if (isUnauthenticated(err)) void store.loadMe();
      const key = failureKey(err);
      setPhase(key === 'notAccepted' ? { name: 'notAccepted' } : { name: 'failed', key });
    }
  };

  return (
    <section aria-labelledby="image-title">
      <h2 id="image-title">{t('image.title')}</h2>
      <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div class="field">
          <label for="case-image">{t('image.label')}</label>
          <p id="case-image-hint" class="field__hint">
            {t('image.hint')}
          </p>
          <input
            ref={inputRef}
            id="case-image"
            class="input input--file"
            type="file"
            accept="image/*"
            aria-describedby="case-image-hint"
            onChange={(e) => {
              setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null);
              setPhase({ name: 'idle' });
            }}
          />
        </div>
        <button type="submit" class="button button--secondary" aria-disabled={busy ? 'true' : undefined}>
          {t('image.send')}
        </button>
        <Status>
          {phase.name === 'preparing' ? t('image.preparing') : phase.name === 'sending' ? t('image.sending') : phase.name === 'sent' ? t('image.sent') : ''}
        </Status>
        {phase.name === 'failed' && <ErrorMessage message={t(phase.key)} />}
      </form>
    </section>
  );
}
