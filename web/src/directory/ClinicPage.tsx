import { useT } from '../context';
import { paths } from '../router';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { Status } from '../ui/Status';
import { ClinicContact } from './ClinicContact';
import { DATA_LANG } from './clinic';
import { EserviceList } from './EserviceList';
import { kindKey } from './labels';
import { useClinic } from './useClinic';

export function ClinicPage({ id }: { id: string }) {
  const { t } = useT();
  const { state, retry } = useClinic(id);

  const title =
    state.status === 'ready'
      ? state.clinic.name
      : state.status === 'notFound'
        ? t('clinic.notFoundTitle')
        : t('clinic.loadingTitle');

  return (
    <>
      <p class="back-link">
        <Link href={paths.directory}>{t('clinic.back')}</Link>
      </p>
      <PageHeading title={title} />
      <Status>{state.status === 'loading' ? t('clinic.loading') : ''}</Status>
      {state.status === 'notFound' && <p>{t('clinic.notFound')}</p>}
      {state.status === 'error' && <ErrorMessage message={t('clinic.error')} onRetry={retry} />}
      {state.status === 'ready' && (
        <>
          <p class="lead clinic-kind">
            {t(kindKey(state.clinic.kind))}
            {state.clinic.administration && (
              <>
                {' · '}
                {t('clinic.administration')}: {state.clinic.administration.name}
              </>
            )}
          </p>
          {state.clinic.description && <p lang={DATA_LANG}>{state.clinic.description}</p>}
          <ClinicContact clinic={state.clinic} />
          <EserviceList clinicId={state.clinic.id} eservices={state.clinic.eservices} />
          {state.clinic.hsaId && (
            <p class="muted small">
              {t('clinic.hsaId')}: {state.clinic.hsaId}
            </p>
          )}
        </>
      )}
    </>
  );
}
