import { useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { useAction } from '../inbox/useAction';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import {
  adminsError,
  adminsUrl,
  IMAGE_TYPES,
  imageRoutineUrl,
  imageTypeLabel,
  MAX_IMAGE_KB,
  MAX_RETENTION_DAYS,
  publicationUrl,
  routineBody,
  routineInput,
  type ImageRoutine,
  type RoutineError,
  type RoutineInput,
  type StaffRef,
} from './catalogue';

/** Whether the clinic's e-services are open to patients (needs an e-service administrator). */
export function PublicationControl({ unitId, published, onSaved }: { unitId: string; published: boolean; onSaved: (published: boolean) => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useAction();
  const toggle = async () => {
    if (phase.name === 'busy') return;
    const next = !published;
    const ok = await run(next ? 'publish' : 'unpublish', async (signal) => {
      await store.api.put(publicationUrl(unitId), { published: next }, signal);
      return true;
    });
    if (ok) onSaved(next);
  };
  return (
    <section class="card" aria-labelledby="publication-title">
      <h2 id="publication-title">{t('catalogue.publicationTitle')}</h2>
      <p>{published ? t('catalogue.published') : t('catalogue.unpublished')}</p>
      <button
        type="button"
        class={published ? 'button button--secondary' : 'button'}
        aria-disabled={phase.name === 'busy' ? 'true' : undefined}
        onClick={() => void toggle()}
      >
        {published ? t('catalogue.unpublish') : t('catalogue.publish')}
      </button>
      <Status>{phase.name === 'busy' ? t('staffCase.saving') : phase.name === 'done' ? t(published ? 'catalogue.publishedNow' : 'catalogue.unpublishedNow') : ''}</Status>
      {phase.name === 'failed' && <ErrorMessage message={t(phase.status === 409 ? 'catalogue.needAdmin' : 'catalogue.saveError')} />}
    </section>
  );
}

/** The clinic's one or two e-service administrators; only the unit manager chooses them. */
interface AdminsProps {
  unitId: string;
  admins: StaffRef[];
  staff: StaffRef[];
  /** Only the unit manager designates the administrators. */
  mayChoose: boolean;
  onSaved: (admins: StaffRef[]) => void;
}

export function AdminsForm({ unitId, admins, staff, mayChoose, onSaved }: AdminsProps) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useAction();
  const [chosen, setChosen] = useState<string[]>(admins.map((a) => a.id));
  const [error, setError] = useState<'none' | 'tooMany' | null>(null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase.name === 'busy') return;
    const problem = adminsError(chosen);
    setError(problem);
    if (problem) {
      document.getElementById(`admin-${chosen[0] ?? staff[0]?.id ?? ''}`)?.focus();
      return;
    }
    const ok = await run('admins', async (signal) => {
      await store.api.put(adminsUrl(unitId), { staff_ids: chosen }, signal);
      return true;
    });
    if (ok) onSaved(staff.filter((s) => chosen.includes(s.id)));
  };

  return (
    <section class="card" aria-labelledby="admins-title">
      <h2 id="admins-title">{t('catalogue.adminsTitle')}</h2>
      <p>{admins.length > 0 ? t('catalogue.adminsNow', { names: admins.map((a) => a.name).join(', ') }) : t('catalogue.adminsNone')}</p>
      {mayChoose ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <fieldset class="choices" aria-describedby={error ? 'admins-hint admins-error' : 'admins-hint'}>
            <legend class="field__legend">{t('catalogue.adminsLegend')}</legend>
            <p id="admins-hint" class="field__hint">
              {t('catalogue.adminsHint')}
            </p>
            {error && (
              <p id="admins-error" class="field__error">
                {t(error === 'none' ? 'catalogue.adminsNoneError' : 'catalogue.adminsTooMany')}
              </p>
            )}
            {staff.map((s) => (
              <div class="choice" key={s.id}>
                <input
                  type="checkbox"
                  id={`admin-${s.id}`}
                  checked={chosen.includes(s.id)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    setChosen((c) => (on ? [...c, s.id] : c.filter((x) => x !== s.id)));
                  }}
                />
                <label for={`admin-${s.id}`}>{s.name}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
            {t('catalogue.adminsSave')}
          </button>
          <Status>{phase.name === 'busy' ? t('staffCase.saving') : phase.name === 'done' ? t('catalogue.adminsSaved') : ''}</Status>
          {phase.name === 'failed' && <ErrorMessage message={t('catalogue.saveError')} />}
        </form>
      ) : (
        <p class="small muted">{t('catalogue.adminsOnlyManager')}</p>
      )}
    </section>
  );
}

const ROUTINE_ERRORS: Record<RoutineError, MessageKey> = {
  types: 'catalogue.imagesTypesError',
  maxKb: 'catalogue.imagesMaxError',
  retentionDays: 'catalogue.imagesDaysError',
};

/** Whether patients may attach images, which kinds, how large, and how long they are kept (M3). */
export function ImageRoutineForm({ unitId, routine, onSaved }: { unitId: string; routine: ImageRoutine; onSaved: (r: ImageRoutine) => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useAction();
  const [input, setInput] = useState<RoutineInput>(() => routineInput(routine));
  const [errors, setErrors] = useState<RoutineError[]>([]);
  const set = (patch: Partial<RoutineInput>) => setInput((old) => ({ ...old, ...patch }));
  const err = (e: RoutineError) => errors.includes(e);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase.name === 'busy') return;
    const checked = routineBody(input);
    if ('errors' in checked) {
      setErrors(checked.errors);
      const first = checked.errors[0];
      document.getElementById(first === 'types' ? 'images-type-0' : first === 'maxKb' ? 'images-max' : 'images-days')?.focus();
      return;
    }
    setErrors([]);
    const ok = await run('images', async (signal) => {
      await store.api.put(imageRoutineUrl(unitId), checked.body, signal);
      return true;
    });
    if (ok) {
      const b = checked.body;
      onSaved({ enabled: b.enabled, types: b.types, maxBytes: b.max_bytes, retentionDays: b.retention_days });
    }
  };

  const described = (id: string, e: RoutineError) => (err(e) ? `${id}-hint ${id}-error` : `${id}-hint`);
  return (
    <section class="card" aria-labelledby="images-title">
      <h2 id="images-title">{t('catalogue.imagesTitle')}</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div class="choice">
          <input type="checkbox" id="images-enabled" checked={input.enabled} onChange={(e) => set({ enabled: (e.currentTarget as HTMLInputElement).checked })} />
          <label for="images-enabled">{t('catalogue.imagesEnabled')}</label>
        </div>
        <fieldset class="choices" aria-describedby={err('types') ? 'images-types-error' : undefined}>
          <legend class="field__legend">{t('catalogue.imagesTypes')}</legend>
          {err('types') && (
            <p id="images-types-error" class="field__error">
              {t(ROUTINE_ERRORS.types)}
            </p>
          )}
          {IMAGE_TYPES.map((type, i) => (
            <div class="choice" key={type}>
              <input
                type="checkbox"
                id={`images-type-${i}`}
                checked={input.types.includes(type)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  set({ types: on ? [...input.types, type] : input.types.filter((x) => x !== type) });
                }}
              />
              <label for={`images-type-${i}`}>{imageTypeLabel(type)}</label>
            </div>
          ))}
        </fieldset>
        <div class="field-row">
          <div class="field">
            <label for="images-max">{t('catalogue.imagesMax')}</label>
            <p id="images-max-hint" class="field__hint">
              {t('catalogue.imagesMaxHint', { max: MAX_IMAGE_KB })}
            </p>
            {err('maxKb') && (
              <p id="images-max-error" class="field__error">
                {t(ROUTINE_ERRORS.maxKb, { max: MAX_IMAGE_KB })}
              </p>
            )}
            <input
              id="images-max"
              class="input input--short"
              type="text"
              inputMode="numeric"
              value={input.maxKb}
              aria-invalid={err('maxKb') ? 'true' : undefined}
              aria-describedby={described('images-max', 'maxKb')}
              onInput={(e) => set({ maxKb: (e.currentTarget as HTMLInputElement).value })}
            />
          </div>
          <div class="field">
            <label for="images-days">{t('catalogue.imagesDays')}</label>
            <p id="images-days-hint" class="field__hint">
              {t('catalogue.imagesDaysHint')}
            </p>
            {err('retentionDays') && (
              <p id="images-days-error" class="field__error">
                {t(ROUTINE_ERRORS.retentionDays, { max: MAX_RETENTION_DAYS })}
              </p>
            )}
            <input
              id="images-days"
              class="input input--short"
              type="text"
              inputMode="numeric"
              value={input.retentionDays}
              aria-invalid={err('retentionDays') ? 'true' : undefined}
              aria-describedby={described('images-days', 'retentionDays')}
              onInput={(e) => set({ retentionDays: (e.currentTarget as HTMLInputElement).value })}
            />
          </div>
        </div>
        <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
          {t('catalogue.imagesSave')}
        </button>
        <Status>{phase.name === 'busy' ? t('staffCase.saving') : phase.name === 'done' ? t('catalogue.imagesSaved') : ''}</Status>
        {phase.name === 'failed' && <ErrorMessage message={t('catalogue.saveError')} />}
      </form>
    </section>
  );
}
