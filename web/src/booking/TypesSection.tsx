import { useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { TableScroll } from '../ui/TableScroll';
import { CHANNEL_KEYS, CHANNELS, PROFESSION_KEYS, PROFESSIONS, type AppointmentType } from './booking';
import { MAX_TYPE_MINUTES, MAX_TYPE_NAME, MIN_TYPE_MINUTES, maySelfBook, typeBody, type TypeError, type TypeInput } from './scheduleForms';
import { addType } from './scheduleApi';
import { useBookingAction } from './useBookingAction';

const EMPTY: TypeInput = { nameSv: '', nameEn: '', minutes: '30', channel: 'in_person', profession: 'doctor', selfBookable: false };

const FIELD_IDS: Record<TypeError, string> = { nameSv: 'type-name-sv', nameEn: 'type-name-en', minutes: 'type-minutes' };

/** Adds an appointment type (the unit manager only). Self-booking is offered for visits at the clinic only. */
function TypeForm({ unitId, onAdded }: { unitId: string; onAdded: () => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useBookingAction('addType');
  const [input, setInput] = useState<TypeInput>(EMPTY);
  const [errors, setErrors] = useState<TypeError[]>([]);
  const [added, setAdded] = useState('');
  const set = (patch: Partial<TypeInput>) => setInput((old) => ({ ...old, ...patch }));
  const selfOk = maySelfBook(input.channel);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (phase.name === 'busy') return;
    const checked = typeBody(input);
    if ('errors' in checked) {
      setErrors(checked.errors);
      document.getElementById(FIELD_IDS[checked.errors[0]!])?.focus();
      return;
    }
    setErrors([]);
    const done = await run((signal) => addType(store.api, unitId, checked.body, signal));
    if (done) {
      setAdded(checked.body.name_sv);
      setInput(EMPTY);
      onAdded();
    }
  };

  const text = (field: 'nameSv' | 'nameEn', label: string, lang: string) => {
    const id = FIELD_IDS[field];
    const bad = errors.includes(field);
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {bad && (
          <p id={`${id}-error`} class="field__error">
            {t('schedule.typeNameError', { max: MAX_TYPE_NAME })}
          </p>
        )}
        <input
          id={id}
          class="input"
          type="text"
          lang={lang}
          value={input[field]}
          aria-invalid={bad ? 'true' : undefined}
          aria-describedby={bad ? `${id}-error` : undefined}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            set(field === 'nameSv' ? { nameSv: value } : { nameEn: value });
          }}
        />
      </div>
    );
  };
  const badMinutes = errors.includes('minutes');
  const range = { min: MIN_TYPE_MINUTES, max: MAX_TYPE_MINUTES };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{t('schedule.typeAddTitle')}</h3>
      {text('nameSv', t('schedule.typeNameSv'), 'sv')}
      {text('nameEn', t('schedule.typeNameEn'), 'en')}
      <div class="field">
        <label for="type-minutes">{t('schedule.typeMinutesLabel')}</label>
        <p id="type-minutes-hint" class="field__hint">
          {t('schedule.typeMinutesHint', range)}
        </p>
        {badMinutes && (
          <p id="type-minutes-error" class="field__error">
            {t('schedule.typeMinutesError', range)}
          </p>
        )}
        <input
          id="type-minutes"
          class="input input--short"
          type="text"
          inputMode="numeric"
          value={input.minutes}
          aria-invalid={badMinutes ? 'true' : undefined}
          aria-describedby={badMinutes ? 'type-minutes-hint type-minutes-error' : 'type-minutes-hint'}
          onInput={(e) => set({ minutes: (e.currentTarget as HTMLInputElement).value })}
        />
      </div>
      <fieldset class="choices">
        <legend class="field__legend">{t('schedule.channelLegend')}</legend>
        {CHANNELS.map((c) => (
          <div class="choice" key={c}>
            <input
              type="radio"
              id={`type-channel-${c}`}
              name="type-channel"
              checked={input.channel === c}
              // Video and phone are booked by staff: self-booking goes off with them.
              onChange={() => set({ channel: c, selfBookable: maySelfBook(c) && input.selfBookable })}
            />
            <label for={`type-channel-${c}`}>{t(CHANNEL_KEYS[c])}</label>
          </div>
        ))}
      </fieldset>
      <fieldset class="choices" aria-describedby="type-profession-hint">
        <legend class="field__legend">{t('schedule.professionLegend')}</legend>
        <p id="type-profession-hint" class="field__hint">
          {t('schedule.professionHint')}
        </p>
        {PROFESSIONS.map((p) => (
          <div class="choice" key={p}>
            <input type="radio" id={`type-profession-${p}`} name="type-profession" checked={input.profession === p} onChange={() => set({ profession: p })} />
            <label for={`type-profession-${p}`}>{t(PROFESSION_KEYS[p])}</label>
          </div>
        ))}
      </fieldset>
      <div class="choice">
        <input
          type="checkbox"
          id="type-self"
          checked={selfOk && input.selfBookable}
          disabled={!selfOk}
          aria-describedby="type-self-hint"
          onChange={(e) => set({ selfBookable: (e.currentTarget as HTMLInputElement).checked })}
        />
        <label for="type-self">{t('schedule.selfBookable')}</label>
      </div>
      <p id="type-self-hint" class="field__hint">
        {t(selfOk ? 'schedule.selfBookableHint' : 'schedule.selfBookableOff')}
      </p>
      <button type="submit" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined}>
        {t('schedule.typeAdd')}
      </button>
      <Status>{phase.name === 'busy' ? t('schedule.saving') : phase.name === 'done' ? t('schedule.typeAdded', { name: added }) : ''}</Status>
      {phase.name === 'failed' && <ErrorMessage message={t(phase.message)} />}
    </form>
  );
}

/** The unit's appointment types, and for the unit manager a form to add one. */
export function TypesSection({ unitId, types, manager, onAdded }: { unitId: string; types: AppointmentType[]; manager: boolean; onAdded: () => void }) {
  const { t, lang } = useT();
  return (
    <section class="card" aria-labelledby="types-title">
      <h2 id="types-title">{t('schedule.typesTitle')}</h2>
      {types.length === 0 ? (
        <p>{t('schedule.typesNone')}</p>
      ) : (
        <TableScroll label={t('schedule.typesTitle')}>
          <table class="data-table" id="types-table">
            <thead>
              <tr>
                <th scope="col">{t('schedule.typeName')}</th>
                <th scope="col">{t('schedule.typeMinutes')}</th>
                <th scope="col">{t('schedule.typeChannel')}</th>
                <th scope="col">{t('schedule.typeProfession')}</th>
                <th scope="col">{t('schedule.typeSelf')}</th>
              </tr>
            </thead>
            <tbody>
              {types.map((ty) => (
                <tr key={ty.id}>
                  <th scope="row">{lang === 'sv' ? ty.nameSv : ty.nameEn}</th>
                  <td class="nowrap">{t('schedule.minutes', { n: ty.minutes })}</td>
                  <td>{t(CHANNEL_KEYS[ty.channel])}</td>
                  <td>{t(PROFESSION_KEYS[ty.profession])}</td>
                  <td>{t(ty.selfBookable ? 'schedule.yes' : 'schedule.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {manager ? <TypeForm unitId={unitId} onAdded={onAdded} /> : <p class="small muted">{t('schedule.typeOnlyManager')}</p>}
    </section>
  );
}
