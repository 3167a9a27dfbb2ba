import { ApiError } from '../api';
import { useAppState, useStore, useT } from '../context';
import { ESERVICE_CATEGORIES } from '../directory/clinic';
import { categoryKey } from '../directory/labels';
import { catalogueUnits, chooseUnit, isUnitManagerAt, UNIT_PARAM } from '../inbox/inbox';
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
import { administrationUrl, parseAdministration, withEntry, type Administration } from './catalogue';
import { AdminsForm, ImageRoutineForm, PublicationControl } from './CatalogueSettings';
import { SmsSettingsSection } from '../notify/SmsSettingsSection';
import { OwnFormForm } from './OwnFormForm';
import { ServiceRow } from './ServiceRow';

function Editor({ me, unitId, admin, update }: { me: Me; unitId: string; admin: Administration; update: (a: Administration) => void }) {
  const { t } = useT();
  return (
    <>
      <PublicationControl unitId={unitId} published={admin.published} onSaved={(published) => update({ ...admin, published })} />
      <section aria-labelledby="catalogue-title">
        <h2 id="catalogue-title">{t('catalogue.servicesTitle')}</h2>
        <p>{t('catalogue.servicesIntro')}</p>
        {ESERVICE_CATEGORIES.map((category) => {
          const entries = admin.catalogue.filter((e) => e.category === category);
          if (entries.length === 0) return null;
          return (
            <div key={category} class="eservice-group">
              <h3>{t(categoryKey(category))}</h3>
              <ul class="service-list">
                {entries.map((e) => (
                  <ServiceRow key={e.code} unitId={unitId} entry={e} onSaved={(saved) => update({ ...admin, catalogue: withEntry(admin.catalogue, saved) })} />
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      <OwnFormForm unitId={unitId} onAdded={(added) => update({ ...admin, catalogue: withEntry(admin.catalogue, added) })} />
      <AdminsForm
        unitId={unitId}
        admins={admin.admins}
        staff={admin.staff}
        mayChoose={isUnitManagerAt(me, unitId)}
        onSaved={(admins) => update({ ...admin, admins })}
      />
      <ImageRoutineForm unitId={unitId} routine={admin.imageRoutine} onSaved={(imageRoutine) => update({ ...admin, imageRoutine })} />
      <SmsSettingsSection key={unitId} unitId={unitId} mayChange={isUnitManagerAt(me, unitId)} />
    </>
  );
}

function Catalogue({ me }: { me: Me }) {
  const store = useStore();
  const { t } = useT();
  const { location } = useAppState();
  const units = catalogueUnits(me);
  const unitId = chooseUnit(units, getParam(location.search, UNIT_PARAM));
  const { state, reload, setValue } = useLoad(
    async (signal) => (unitId ? parseAdministration(await store.api.get(administrationUrl(unitId), signal)) : null),
    unitId ?? '',
  );
  const forbidden = state.status === 'error' && state.error instanceof ApiError && state.error.status === 403;
  return (
    <>
      <PageHeading title={t('catalogue.title')} />
      {!unitId ? (
        <>
          <p>{t('catalogue.noUnit')}</p>
          <p>
            <Link href={paths.staff}>{t('audit.back')}</Link>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{units.find((u) => u.id === unitId)?.name}</p>
          <p>{t('catalogue.intro')}</p>
          <UnitChooser
            id="catalogue-unit"
            units={units}
            current={unitId}
            onChoose={(id) => store.navigate(`${paths.catalogue}?${UNIT_PARAM}=${encodeURIComponent(id)}`, { replace: true })}
          />
          <p>
            <Link href={paths.clinic(unitId)}>{t('catalogue.publicPage')}</Link>
          </p>
          <Status>{state.status === 'loading' ? t('catalogue.loading') : ''}</Status>
          {forbidden && <ErrorMessage message={t('catalogue.forbidden')} />}
          {state.status === 'error' && !forbidden && <ErrorMessage message={t('catalogue.loadError')} onRetry={reload} />}
          {state.status === 'ready' && state.value && <Editor me={me} unitId={unitId} admin={state.value} update={setValue} />}
        </>
      )}
    </>
  );
}

/** E-tjänster: the clinic's catalogue, administrators, publication and image routine. */
export function CataloguePage() {
  const { t } = useT();
  const { location } = useAppState();
  return (
    <RequireStaff returnTo={location.path + location.search} heading={t('catalogue.title')}>
      {(me) => <Catalogue me={me} />}
    </RequireStaff>
  );
}
