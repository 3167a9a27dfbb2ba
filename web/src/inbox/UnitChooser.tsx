import { useState } from 'preact/hooks';
import { useT } from '../context';
import type { Unit } from './inbox';

/**
 * Chooses one of the person's care units. With a button, not on every
 * change of the list: moving through the options with the arrow keys must
 * not load page after page.
 */
export function UnitChooser({ id, units, current, onChoose }: { id: string; units: Unit[]; current: string; onChoose: (unitId: string) => void }) {
  const { t } = useT();
  const [choice, setChoice] = useState(current);
  if (units.length < 2) return null;
  return (
    <form
      class="unit-chooser"
      onSubmit={(e) => {
        e.preventDefault();
        onChoose(choice);
      }}
    >
      <div class="field">
        <label for={id}>{t('inbox.unit')}</label>
        <select id={id} class="input" value={choice} onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value)}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button--secondary">
        {t('inbox.chooseUnit')}
      </button>
    </form>
  );
}
