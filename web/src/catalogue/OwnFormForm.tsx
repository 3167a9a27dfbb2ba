import { useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { useAction } from '../inbox/useAction';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { MAX_NAME, ownFormErrors, ownFormUrl, parseEntryOrThrow, type CatalogueEntry } from './catalogue';

/** Adds one of the clinic's own contact forms, named in Swedish and English. */
export function OwnFormForm({ unitId, onAdded }: { unitId: string; onAdded: (e: CatalogueEntry) => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useAction();
  const [nameSv, setNameSv] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [errors, setErrors] = useState<ReturnType<typeof ownFormErrors>>({});
  const [added, setAdded] = useState('');

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase.name === 'busy') return;
    const problems = ownFormErrors({ nameSv, nameEn });
    setErrors(problems);
    if (problems.nameSv || problems.nameEn) {
      document.getElementById(problems.nameSv ? 'own-name-sv' : 'own-name-en')?.focus();
      return;
    }
    const entry = await run('add', async (signal) =>
      parseEntryOrThrow(await store.api.post(ownFormUrl(unitId), { name_sv: nameSv.trim(), name_en: nameEn.trim() }, signal)),
    );
    if (entry) {
      setAdded(nameSv.trim());
      setNameSv('');
      setNameEn('');
      onAdded(entry);
    }
  };

  const field = (id: string, label: string, value: string, set: (v: string) => void, error: 'required' | 'tooLong' | undefined, lang?: string) => (
    <div class="field">
      <label for={id}>{label}</label>
      {error && (
        <p id={`${id}-error`} class="field__error">
          {t(error === 'required' ? 'catalogue.nameRequired' : 'catalogue.nameTooLong', { max: MAX_NAME })}
        </p>
      )}
      <input
        id={id}
        class="input"
        type="text"
        lang={lang}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );

  return (
    <section class="card" aria-labelledby="own-form-title">
      <h2 id="own-form-title">{t('catalogue.ownTitle')}</h2>
      <p>{t('catalogue.ownIntro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {field('own-name-sv', t('catalogue.ownNameSv'), nameSv, setNameSv, errors.nameSv, 'sv')}
        {field('own-name-en', t('catalogue.ownNameEn'), nameEn, setNameEn, errors.nameEn, 'en')}
        <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
          {t('catalogue.ownAdd')}
        </button>
        <Status>{phase.name === 'busy' ? t('staffCase.saving') : phase.name === 'done' ? t('catalogue.ownAdded', { name: added }) : ''}</Status>
        {phase.name === 'failed' && <ErrorMessage message={t('catalogue.saveError')} />}
      </form>
    </section>
  );
}
