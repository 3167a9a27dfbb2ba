import { useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { formatDueDay, formatClockTime } from '../cases/deadline';
import { stockholmDate, stockholmMidnight } from '../format';
import { Status } from '../ui/Status';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useLoad } from '../ui/useLoad';
import { addDays, CHANNEL_KEYS, groupByDay, isDate, needsSuitability, type AppointmentType, type Slot } from './booking';
import { freeSlots } from './bookingApi';

interface Props {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  unitId: string;
  types: AppointmentType[];
  /** Only times of this type (rebooking keeps the type). */
  typeId?: string | null;
  /** Staff may choose any type, and confirm suitability for video and phone. */
  staff?: boolean;
  submitLabel: string;
  /** Books the chosen time; resolves with an error text, or null when done. */
  onBook: (slot: Slot, suitabilityConfirmed: boolean) => Promise<string | null>;
}

function typeName(types: AppointmentType[], id: string, lang: 'sv' | 'en'): string {
  const ty = types.find((x) => x.id === id);
  return ty ? (lang === 'sv' ? ty.nameSv : ty.nameEn) : '';
}

/** Free times of a unit in a chosen range of days, grouped per day, and a way to book one. */
export function SlotPicker({ id, unitId, types, typeId = null, staff = false, submitLabel, onBook }: Props) {
  const store = useStore();
  const { t, lang, plural } = useT();
  const today = stockholmDate(new Date());
  const [fromText, setFromText] = useState(today);
  const [toText, setToText] = useState(addDays(today, 13));
  const [typeText, setTypeText] = useState('');
  const [range, setRange] = useState({ from: today, to: addDays(today, 13), type: '' });
  const [rangeError, setRangeError] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wantedType = typeId ?? (range.type || null);
  const { state, reload } = useLoad(
    (signal) =>
      freeSlots(store.api, unitId, { from: range.from, to: stockholmMidnight(range.to, 1) ?? range.to, typeId: wantedType }, signal),
    `${unitId} ${range.from} ${range.to} ${wantedType ?? ''}`,
  );
  const slots = state.status === 'ready' ? state.value.filter((s) => Date.parse(s.start) > Date.now()) : [];
  const slot = slots.find((s) => s.id === chosen) ?? null;
  const channel = slot ? types.find((x) => x.id === slot.typeId)?.channel ?? 'in_person' : 'in_person';
  const askSuitability = staff && slot !== null && needsSuitability(channel);
  const now = new Date();
  const errorBox = error && (
    <div class="notice notice--error" role="alert">
      <p>{error}</p>
    </div>
  );

  return (
    <div class="slot-picker">
      <form
        class="slot-range"
        onSubmit={(e) => {
          e.preventDefault();
          const ok = isDate(fromText) && isDate(toText) && toText >= fromText;
          setRangeError(!ok);
          if (ok) {
            setRange({ from: fromText, to: toText, type: typeText });
            setChosen(null);
          }
        }}
      >
        <div class="field-row">
          <div class="field">
            <label for={`${id}-from`}>{t('booking.from')}</label>
            <input id={`${id}-from`} class="input" type="date" value={fromText} onInput={(e) => setFromText(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for={`${id}-to`}>{t('booking.to')}</label>
            <input id={`${id}-to`} class="input" type="date" value={toText} onInput={(e) => setToText(e.currentTarget.value)} />
          </div>
          {staff && !typeId && (
            <div class="field">
              <label for={`${id}-type`}>{t('booking.typeFilter')}</label>
              <select id={`${id}-type`} class="input" value={typeText} onChange={(e) => setTypeText(e.currentTarget.value)}>
                <option value="">{t('booking.allTypes')}</option>
                {types.map((ty) => (
                  <option key={ty.id} value={ty.id}>
                    {lang === 'sv' ? ty.nameSv : ty.nameEn} ({t(CHANNEL_KEYS[ty.channel])})
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {rangeError && <p class="field__error">{t('booking.rangeError')}</p>}
        <button type="submit" class="button button--secondary">
          {t('booking.show')}
        </button>
      </form>
      <Status>
        {state.status === 'loading' ? t('booking.slotsLoading') : state.status === 'ready' ? plural('booking.slotsCount', slots.length) : ''}
      </Status>
      {slots.length === 0 && errorBox}
      {state.status === 'error' && <ErrorMessage message={t('booking.loadError')} onRetry={reload} />}
      {state.status === 'ready' && slots.length === 0 && <p>{t('booking.noSlots')}</p>}
      {slots.length > 0 && (
        <form
          class="slot-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!slot) {
              setError(t('booking.chooseSlot'));
              return;
            }
            if (askSuitability && !confirmed) {
              setError(t('booking.error.suitability'));
              return;
            }
            setBusy(true);
            setError(null);
            void onBook(slot, askSuitability && confirmed).then((message) => {
              setBusy(false);
              if (message) {
                setError(message);
                setChosen(null);
                reload();
              }
            });
          }}
        >
          <fieldset class="choices">
            <legend class="choices__legend">{t('booking.slotsLegend')}</legend>
            {groupByDay(slots).map((g) => (
              <fieldset key={g.day} class="choices slot-day">
                <legend class="slot-day__title">{formatDueDay(stockholmMidnight(g.day) ?? g.day, lang, now)}</legend>
                {g.items.map((s) => {
                  const inputId = `${id}-slot-${s.id}`;
                  return (
                    <div key={s.id} class="choice">
                      <input
                        id={inputId}
                        type="radio"
                        name={`${id}-slot`}
                        value={s.id}
                        checked={chosen === s.id}
                        onChange={() => {
                          setChosen(s.id);
                          setConfirmed(false);
                        }}
                      />
                      <label for={inputId}>
                        {t('booking.slotLabel', { time: formatClockTime(s.start, lang), type: typeName(types, s.typeId, lang), name: s.practitioner.name })}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
            ))}
          </fieldset>
          {askSuitability && (
            <div class="choice suitability">
              <input id={`${id}-suitability`} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
              <label for={`${id}-suitability`}>{t('booking.suitability')}</label>
            </div>
          )}
          {errorBox}
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('booking.busy') : submitLabel}
          </button>
        </form>
      )}
    </div>
  );
}
