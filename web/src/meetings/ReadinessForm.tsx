import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../context';
import type { MessageKey } from '../i18n';
import { LOCATIONS, type Location } from './meeting';
import { checklistComplete, checklistFor, checklistKey, type ChecklistItem } from './meetingForms';

interface Props {
  equipmentTested: boolean;
  /** Resolves with what is missing, in words, or null when the meeting opened. */
  onReady: (location: Location, ticked: ReadonlySet<ChecklistItem>, equipmentTested: boolean) => Promise<MessageKey[] | null>;
}

/**
 * The host's readiness (V5; A1; from home W1, W2, W5, W7, W8): where they
 * sit, every item of the environment checklist for that place (from home
 * also the network and the computer), and whether the equipment test passed.
 * What the server says is missing is listed in plain words.
 */
export function ReadinessForm({ equipmentTested, onReady }: Props) {
  const { t } = useT();
  const [ticked, setTicked] = useState<Set<ChecklistItem>>(new Set());
  const [location, setLocation] = useState<Location>('workplace');
  const [incomplete, setIncomplete] = useState(false);
  const [missing, setMissing] = useState<MessageKey[]>([]);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const items = checklistFor(location);

  useEffect(() => {
    if (missing.length > 0) summary.current?.focus();
  }, [missing]);

  const toggle = (item: ChecklistItem, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(item);
      else next.delete(item);
      return next;
    });

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!checklistComplete(location, ticked)) {
      setIncomplete(true);
      const first = items.find((c) => !ticked.has(c));
      if (first) document.getElementById(`check-${first}`)?.focus();
      return;
    }
    setIncomplete(false);
    setBusy(true);
    const result = await onReady(location, ticked, equipmentTested);
    setBusy(false);
    setMissing(result ?? []);
  };

  return (
    <section class="card" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t('meeting.readinessTitle')}</h2>
      <p>{t('meeting.readinessIntro')}</p>
      {missing.length > 0 && (
        <div ref={summary} tabIndex={-1} class="notice notice--error" role="alert">
          <h3 class="notice__title">{t('meeting.notReadyTitle')}</h3>
          <ul id="readiness-missing">
            {missing.map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset class="choices">
          <legend class="choices__legend">{t('meeting.locationLegend')}</legend>
          {LOCATIONS.map((l) => (
            <div class="choice" key={l}>
              <input type="radio" name="meeting-location" id={`location-${l}`} checked={location === l} onChange={() => setLocation(l)} />
              <label for={`location-${l}`}>{t(`meeting.location.${l}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class="choices" aria-describedby={incomplete ? 'checklist-error' : undefined}>
          <legend class="choices__legend">{t('meeting.checklistLegend')}</legend>
          {incomplete && (
            <p id="checklist-error" class="field__error">
              {t('meeting.checklistIncomplete')}
            </p>
          )}
          {items.map((item) => (
            <div class="choice" key={item}>
              <input
                type="checkbox"
                id={`check-${item}`}
                checked={ticked.has(item)}
                onChange={(e) => toggle(item, (e.currentTarget as HTMLInputElement).checked)}
              />
              <label for={`check-${item}`}>{t(checklistKey(item))}</label>
            </div>
          ))}
        </fieldset>
        <p class={equipmentTested ? 'notice notice--success' : 'notice notice--warning'}>
          {t(equipmentTested ? 'meeting.equipmentTested' : 'meeting.equipmentNotTested')}
        </p>
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {t('meeting.ready')}
        </button>
        <p role="status" aria-live="polite" class="status">
          {busy ? t('meeting.readySaving') : ''}
        </p>
      </form>
    </section>
  );
}
