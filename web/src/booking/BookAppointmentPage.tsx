import { useAppState, useStore, useT } from '../context';
import { getClinic } from '../directory/clinicApi';
import { getParam } from '../query';
import { NEW_CASE_CLINIC_PARAM, paths } from '../router';
import { fullName, type Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequirePatient } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { bookingErrorKey } from './booking';
import { appointmentTypes, book } from './bookingApi';
import { BOOKED_PARAM } from './MyAppointmentsPage';
import { SlotPicker } from './SlotPicker';

function Book({ me, clinicId }: { me: Me; clinicId: string }) {
  const store = useStore();
  const { t } = useT();
  const { state, reload } = useLoad(
    async (signal) => {
      const [clinic, types] = await Promise.all([getClinic(clinicId, signal), appointmentTypes(store.api, clinicId, signal)]);
      return { clinic, types: types.filter((ty) => ty.selfBookable) };
    },
    clinicId,
  );
  return (
    <>
      <PageHeading title={t('booking.bookTitle')} />
      <Status>{state.status === 'loading' ? t('booking.slotsLoading') : ''}</Status>
      {state.status === 'error' && <ErrorMessage message={t('booking.loadError')} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p class="lead">{t('booking.bookIntro', { clinic: state.value.clinic.name })}</p>
          {me.actingFor && <p class="showing">{t('patient.showingChild', { name: fullName(me.actingFor) })}</p>}
          <SlotPicker
            id="book"
            unitId={clinicId}
            types={state.value.types}
            submitLabel={t('booking.confirm')}
            onBook={async (slot) => {
              try {
                const a = await book(store.api, { slot_id: slot.id }, new AbortController().signal);
                store.navigate(`${paths.appointments}?${BOOKED_PARAM}=${encodeURIComponent(a.id)}`);
                return null;
              } catch (err) {
                return t(bookingErrorKey(err, 'book'));
              }
            }}
          />
        </>
      )}
      <p>
        <Link href={paths.appointments}>{t('booking.back')}</Link>
      </p>
    </>
  );
}

/** Booking a free time at one clinic (?mottagning=…). */
export function BookAppointmentPage() {
  const { t } = useT();
  const { location } = useAppState();
  const clinicId = getParam(location.search, NEW_CASE_CLINIC_PARAM);
  if (!clinicId) {
    return (
      <>
        <PageHeading title={t('booking.bookTitle')} />
        <p>{t('booking.noClinic')}</p>
        <p>
          <Link href={paths.directory}>{t('start.directoryLink')}</Link>
        </p>
      </>
    );
  }
  return (
    <RequirePatient returnTo={location.path + location.search} heading={t('booking.bookTitle')}>
      {(me) => <Book key={me.actingFor?.id ?? ''} me={me} clinicId={clinicId} />}
    </RequirePatient>
  );
}
