import { useT } from '../context';
import { DATA_LANG } from '../directory/clinic';
import { groupPeople, type DemoPerson } from './demoApi';

/** The id of a person's button, so focus can return to it after a cancel. */
export function personButtonId(person: { id: string }): string {
  return `demo-person-${person.id}`;
}

function PersonButton({ person, onChoose }: { person: DemoPerson; onChoose: (p: DemoPerson) => void }) {
  const { lang } = useT();
  return (
    <li>
      <button type="button" id={personButtonId(person)} class="person-button" onClick={() => onChoose(person)}>
        <span class="person-button__name">{person.name}</span>{' '}
        {person.identifier && <span class="person-button__id">{person.identifier}</span>}{' '}
        {person.description && (
          // The server describes the demo people in Swedish only.
          <span class="person-button__desc" lang={lang === DATA_LANG ? undefined : DATA_LANG}>
            {person.description}
          </span>
        )}
      </button>
    </li>
  );
}

/** The demo people as buttons, residents first, then staff. */
export function PeopleList({ people, onChoose }: { people: DemoPerson[]; onChoose: (p: DemoPerson) => void }) {
  const { t } = useT();
  const { patients, staff } = groupPeople(people);
  if (people.length === 0) return <p>{t('login.noPeople')}</p>;
  return (
    <div class="people">
      {patients.length > 0 && (
        <section aria-labelledby="people-residents">
          <h2 id="people-residents">{t('login.residents')}</h2>
          <ul class="person-list">
            {patients.map((p) => (
              <PersonButton key={p.id} person={p} onChoose={onChoose} />
            ))}
          </ul>
        </section>
      )}
      {staff.length > 0 && (
        <section aria-labelledby="people-staff">
          <h2 id="people-staff">{t('login.staff')}</h2>
          <ul class="person-list">
            {staff.map((p) => (
              <PersonButton key={p.id} person={p} onChoose={onChoose} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
