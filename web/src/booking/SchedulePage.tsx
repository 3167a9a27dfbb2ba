import { useAppState, useStore, useT } from '../context';
import { stockholmDate } from '../format';
import { chooseUnit, inboxUnits, isUnitManagerAt, UNIT_PARAM } from '../inbox/inbox';
import { UnitChooser } from '../inbox/UnitChooser';
import { getParam } from '../query';
import { paths } from '../router';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequireStaff } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { AbsencesSection } from './AbsencesSection';
import { appointmentTypes } from './bookingApi';
import { calendarHref } from './CalendarPage';
import { HoursSection } from './HoursSection';
import { scheduleHref } from './schedule';
import { openingHours, unitAbsences, unitStaff } from './scheduleApi';
import { TypesSection } from './TypesSection';
import { MeetingAdminSection } from '../meetings/MeetingAdminSection';

function Schedule({ me }: { me: Me }) {
  const store = useStore();
  const { t } = useT();
  const { location } = useAppState();
  const units = inboxUnits(me);
  const unitId = chooseUnit(units, getParam(location.search, UNIT_PARAM));
  const { state, reload } = useLoad(
    async (signal) => {
      if (!unitId) return null;
      const [types, staff, hours, absences] = await Promise.all([
        appointmentTypes(store.api, unitId, signal),
        unitStaff(store.api, unitId, signal),
        openingHours(store.api, unitId, signal),
        unitAbsences(store.api, unitId, signal),
      ]);
      return { types, staff, hours, absences };
    },
    unitId ?? '',
  );

  if (!unitId) {
    return (
      <>
        <PageHeading title={t('schedule.title')} />
        <p>{t('calendar.noUnit')}</p>
        <p>
          <Link href={paths.staff}>{t('audit.back')}</Link>
        </p>
      </>
    );
  }
  const manager = isUnitManagerAt(me, unitId);
  const data = state.status === 'ready' ? state.value : null;
  return (
    <>
      <PageHeading title={t('schedule.title')} />
      <p class="lead">{units.find((u) => u.id === unitId)?.name}</p>
      <p>{t('schedule.intro')}</p>
      <UnitChooser id="schedule-unit" units={units} current={unitId} onChoose={(id) => store.navigate(scheduleHref(id), { replace: true })} />
      <p>
        <Link href={calendarHref(unitId, stockholmDate(new Date()), false)}>{t('calendar.link')}</Link>
      </p>
      <Status>{state.status === 'loading' ? t('schedule.loading') : ''}</Status>
      {state.status === 'error' && <ErrorMessage message={t('schedule.loadError')} onRetry={reload} />}
      {data && (
        <>
          <TypesSection unitId={unitId} types={data.types} manager={manager} onAdded={reload} />
          <HoursSection unitId={unitId} me={me} manager={manager} types={data.types} staff={data.staff} hours={data.hours} onAdded={reload} />
          <AbsencesSection unitId={unitId} me={me} manager={manager} staff={data.staff} absences={data.absences} onAdded={reload} />
          {manager && <MeetingAdminSection unitId={unitId} staff={data.staff} />}
        </>
      )}
    </>
  );
}

/** Schema: the unit's appointment types, the staff's opening hours (which make the free times) and absences. */
export function SchedulePage() {
  const { t } = useT();
  const { location } = useAppState();
  return (
    <RequireStaff returnTo={location.path + location.search} heading={t('schedule.title')}>
      {(me) => <Schedule me={me} />}
    </RequireStaff>
  );
}
