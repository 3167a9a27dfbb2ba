import { useT } from '../context';
import { Field } from '../ui/Field';
import type { StaffMember } from './schedule';

interface Props {
  id: string;
  label: string;
  staff: StaffMember[];
  value: string;
  error: string | null;
  onChange: (staffId: string) => void;
}

/**
 * A staff member of the unit to choose, "Name, title". "Choose a person" is
 * offered until someone is chosen, unless there is only one to choose and
 * the form has chosen them already.
 */
export function StaffSelect({ id, label, staff, value, error, onChange }: Props) {
  const { t } = useT();
  return (
    <Field id={id} label={label} error={error}>
      {(aria) => (
        <select id={id} class="input" value={value} {...aria} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          {(staff.length !== 1 || value === '') && <option value="">{t('schedule.chooseStaff')}</option>}
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title ? `${s.name}, ${s.title}` : s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
