import { useEffect, useRef, useState } from 'preact/hooks';
import { isAbortError } from '../api';
import { addDays } from '../audit/audit';
import { useStore, useT } from '../context';
import { formatDate, stockholmDate } from '../format';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { absenceBody, absenceLastDay, parseAbsence, type Absence } from './absence';

export const ABSENCE_URL = '/api/v1/me/absence';

type Phase = 'idle' | 'saving' | 'saved' | 'invalid' | 'error';

/**
 * "Frånvaro": while absent, one's cases are shown to the colleagues under
 * "Ej tilldelade", so nothing waits for someone who is away.
 */
export function AbsenceControl({ onChanged }: { onChanged: () => void }) {
  const store = useStore();
  const { t, lang } = useT();
  const { state, setValue } = useLoad(async (signal) => parseAbsence(await store.api.get(ABSENCE_URL, signal)), 'absence');
  const today = stockholmDate(new Date());
  const [lastDay, setLastDay] = useState(addDays(today, 4));
  const [phase, setPhase] = useState<Phase>('idle');
  const acRef = useRef<AbortController | null>(null);
  useEffect(() => () => acRef.current?.abort(), []);

  const save = async (body: Absence | null) => {
    acRef.current?.abort();
    const ac = new AbortController();
    acRef.current = ac;
    setPhase('saving');
    try {
      if (body) await store.api.put(ABSENCE_URL, body, ac.signal);
      else await store.api.delete(ABSENCE_URL, ac.signal);
      setValue(body);
      setPhase('saved');
      onChanged();
    } catch (err) {
      if (!isAbortError(err)) setPhase('error');
    }
  };

  const absence = state.status === 'ready' ? state.value : null;
  const last = absence ? absenceLastDay(absence) : null;
  return (
    <section class="card absence" aria-labelledby="absence-title">
      <h2 id="absence-title">{t('absence.title')}</h2>
      {state.status === 'error' && <ErrorMessage message={t('absence.loadError')} />}
      {state.status === 'ready' &&
        (absence ? (
          <>
            <p>{t('absence.away', { day: last ? formatDate(last, lang) : '' })}</p>
            <button type="button" class="button button--secondary" aria-disabled={phase === 'saving' ? 'true' : undefined} onClick={() => void save(null)}>
              {t('absence.end')}
            </button>
          </>
        ) : (
          <form
            class="absence__form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (phase === 'saving') return;
              const body = absenceBody(new Date(), lastDay);
              if (!body) {
                setPhase('invalid');
                document.getElementById('absence-last-day')?.focus();
                return;
              }
              void save(body);
            }}
          >
            <p class="small">{t('absence.intro')}</p>
            <div class="field">
              <label for="absence-last-day">{t('absence.lastDay')}</label>
              {phase === 'invalid' && (
                <p id="absence-error" class="field__error">
                  {t('absence.invalid')}
                </p>
              )}
              <input
                id="absence-last-day"
                class="input input--date"
                type="date"
                min={today}
                value={lastDay}
                aria-invalid={phase === 'invalid' ? 'true' : undefined}
                aria-describedby={phase === 'invalid' ? 'absence-error' : undefined}
                onInput={(e) => setLastDay((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
            <button type="submit" class="button button--secondary" aria-disabled={phase === 'saving' ? 'true' : undefined}>
              {t('absence.start')}
            </button>
          </form>
        ))}
      <Status>{phase === 'saving' ? t('absence.saving') : phase === 'saved' ? (absence ? t('absence.savedAway') : t('absence.savedBack')) : ''}</Status>
      {phase === 'error' && <ErrorMessage message={t('absence.error')} />}
    </section>
  );
}
