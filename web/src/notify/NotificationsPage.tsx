import { useRef } from 'preact/hooks';
import { myAppointments } from '../booking/bookingApi';
import { myCases } from '../cases/casesApi';
import { useStore, useT } from '../context';
import { getClinic } from '../directory/clinicApi';
import { isAbortError } from '../api';
import { paths } from '../router';
import type { Store } from '../store';
import { fullName, type Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequirePatient } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { ConsentSwitch } from './ConsentSwitch';
import { consentFor, contactClinics, offeredChannels, suggestedAddress, withConsent } from './forms';
import { type Consent, type MyConsents } from './notify';
import { myConsents } from './notifyApi';

interface Loaded {
  consents: MyConsents;
  clinics: { id: string; name: string | null }[];
}

/** The consents, and the clinics the patient has contact with, named (from the directory when no list names one). */
async function load(store: Store, signal: AbortSignal): Promise<Loaded> {
  const [consents, cases, appointments] = await Promise.all([
    myConsents(store.api, signal),
    myCases(store.api, signal),
    myAppointments(store.api, signal),
  ]);
  const named = [...cases.map((c) => c.clinic), ...appointments.map((a) => a.clinic)];
  const clinics = await Promise.all(
    contactClinics(named, consents.items).map(async (c) => {
      if (c.name !== null) return c;
      try {
        return { id: c.id, name: (await getClinic(c.id, signal)).name };
      } catch (err) {
        if (isAbortError(err)) throw err;
        return c; // shown as "a clinic" rather than not at all: the consent still holds
      }
    }),
  );
  return { consents, clinics };
}

function HowItWorks() {
  const { t } = useT();
  return (
    <section class="notice" aria-labelledby="notify-how-title">
      <h2 id="notify-how-title" class="notice__title">
        {t('notify.howTitle')}
      </h2>
      <ul>
        <li>{t('notify.howContent')}</li>
        <li>{t('notify.howNoReply')}</li>
        <li>{t('notify.howWithdraw')}</li>
        <li>{t('notify.howPerClinic')}</li>
      </ul>
    </section>
  );
}

function Consents({ me }: { me: Me }) {
  const store = useStore();
  const { t } = useT();
  const { state, reload, setValue } = useLoad((signal) => load(store, signal), me.actingFor?.id ?? '');
  const channels = state.status === 'ready' ? offeredChannels(state.value.consents.channels) : [];
  // Two switches may save at once: each answer goes into the latest list.
  const latest = useRef<Loaded | null>(null);
  latest.current = state.status === 'ready' ? state.value : null;
  const onSaved = (saved: Consent) => {
    const now = latest.current;
    if (!now) return;
    const next = { ...now, consents: { ...now.consents, items: withConsent(now.consents.items, saved) } };
    latest.current = next;
    setValue(next);
  };
  return (
    <>
      <PageHeading title={t('notify.title')} />
      <p class="lead">{t('notify.intro')}</p>
      {me.actingFor && <p class="showing">{t('notify.forChild', { name: fullName(me.actingFor) })}</p>}
      <HowItWorks />
      <Status>{state.status === 'loading' ? t('notify.loading') : ''}</Status>
      {state.status === 'error' && <ErrorMessage message={t('notify.loadError')} onRetry={reload} />}
      {state.status === 'ready' && channels.length === 0 && (
        <div class="notice">
          <p>{t('notify.noChannels')}</p>
        </div>
      )}
      {state.status === 'ready' && channels.length > 0 && state.value.clinics.length === 0 && (
        <div class="notice">
          <p>{t('notify.noClinics')}</p>
        </div>
      )}
      {state.status === 'ready' &&
        channels.length > 0 &&
        state.value.clinics.map((c) => {
          const clinic = { id: c.id, name: c.name ?? t('notify.unknownClinic') };
          const consents = state.value.consents.items;
          return (
            <section key={c.id} class="card" aria-labelledby={`clinic-${c.id}`}>
              <h2 id={`clinic-${c.id}`}>{clinic.name}</h2>
              <ul class="service-list">
                {channels.map((channel) => (
                  <ConsentSwitch
                    key={channel}
                    clinic={clinic}
                    channel={channel}
                    consent={consentFor(consents, c.id, channel)}
                    suggested={suggestedAddress(consents, c.id, channel)}
                    onSaved={onSaved}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      <p>
        <Link href={paths.patient}>{t('accessLog.back')}</Link>
      </p>
    </>
  );
}

/** Aviseringar: per clinic, whether the patient (or the child) is told of news by SMS or e-mail. */
export function NotificationsPage() {
  const { t } = useT();
  return (
    <RequirePatient returnTo={paths.patientNotifications} heading={t('notify.title')}>
      {(me) => <Consents me={me} />}
    </RequirePatient>
  );
}
