import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { addDays } from '../audit/audit';
import { useStore, useT } from '../context';
import { listClinics } from '../directory/clinicApi';
import { stockholmDate } from '../format';
import { isRegionAdmin, reportUnits } from '../inbox/inbox';
import { paths } from '../router';
import type { Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { RequireStaff } from '../ui/RequireRole';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { administrations, parseReport, periodError, reportUrl, type ReportFilter } from './report';
import { ClinicTable, ServiceTable } from './ReportTables';

function Report({ me }: { me: Me }) {
  const store = useStore();
  const { t, plural } = useT();
  const regionWide = isRegionAdmin(me);
  const units = reportUnits(me);
  const today = stockholmDate(new Date());
  const [draft, setDraft] = useState<ReportFilter>({ careUnitId: regionWide || units.length > 1 ? '' : (units[0]?.id ?? ''), administrationId: '', from: addDays(today, -30), to: today });
  const [filter, setFilter] = useState<ReportFilter>(draft);
  const [periodProblem, setPeriodProblem] = useState<'missing' | 'order' | null>(null);
  const { state, reload } = useLoad(async (signal) => parseReport(await store.api.get(reportUrl(filter), signal)), reportUrl(filter));
  // A region administrator may narrow the report to one administration (huvudman).
  const admins = useLoad(async (signal) => (regionWide ? administrations((await listClinics({ limit: 100 }, signal)).items) : []), regionWide ? 'admins' : '');
  const set = (key: keyof ReportFilter) => (e: Event) => setDraft((d) => ({ ...d, [key]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value }));

  const forbidden = state.status === 'error' && state.error instanceof ApiError && state.error.status === 403;
  const items = state.status === 'ready' ? state.value.items : [];

  return (
    <>
      <PageHeading title={t('report.title')} />
      <p class="lead">{t('report.intro')}</p>
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problem = periodError(draft.from, draft.to);
          setPeriodProblem(problem);
          if (problem) {
            document.getElementById(problem === 'order' ? 'report-to' : 'report-from')?.focus();
            return;
          }
          if (reportUrl(draft) === reportUrl(filter)) reload();
          else setFilter(draft);
        }}
      >
        {(regionWide || units.length > 1) && (
          <div class="field">
            <label for="report-unit">{t('report.unit')}</label>
            <select id="report-unit" class="input" value={draft.careUnitId} onChange={set('careUnitId')}>
              <option value="">{regionWide ? t('report.allUnits') : t('report.allMyUnits')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {regionWide && admins.state.status === 'ready' && admins.state.value.length > 0 && (
          <div class="field">
            <label for="report-admin">{t('report.administration')}</label>
            <select id="report-admin" class="input" value={draft.administrationId} onChange={set('administrationId')}>
              <option value="">{t('report.allAdministrations')}</option>
              {admins.state.value.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field-row">
          <div class="field">
            <label for="report-from">{t('audit.from')}</label>
            <input id="report-from" class="input" type="date" value={draft.from} aria-invalid={periodProblem === 'missing' ? 'true' : undefined} aria-describedby={periodProblem ? 'report-period-error' : undefined} onInput={set('from')} />
          </div>
          <div class="field">
            <label for="report-to">{t('audit.to')}</label>
            <input id="report-to" class="input" type="date" value={draft.to} aria-invalid={periodProblem ? 'true' : undefined} aria-describedby={periodProblem ? 'report-period-error' : undefined} onInput={set('to')} />
          </div>
        </div>
        {periodProblem && (
          <p id="report-period-error" class="field__error">
            {t(periodProblem === 'order' ? 'report.periodOrder' : 'report.periodMissing')}
          </p>
        )}
        <button type="submit" class="button">
          {t('report.show')}
        </button>
      </form>

      <section aria-labelledby="report-results-title">
        <h2 id="report-results-title">{t('report.resultsTitle')}</h2>
        <Status>
          {state.status === 'loading' || (state.status === 'ready' && state.refreshing) ? t('report.loading') : state.status === 'ready' ? plural('report.count', items.length) : ''}
        </Status>
        {forbidden && <ErrorMessage message={t('report.forbidden')} />}
        {state.status === 'error' && !forbidden && <ErrorMessage message={t('report.error')} onRetry={reload} />}
        {state.status === 'ready' && (
          <>
            <p>
              <a href={reportUrl(filter, 'csv')} download="e-tjanster-uppfoljning.csv">
                {t('report.csv')}
              </a>
            </p>
            {items.length > 0 && <ClinicTable items={items} />}
            {items.map((c) => (
              <section key={c.clinic.id} aria-labelledby={`report-clinic-${c.clinic.id}`}>
                <h3 id={`report-clinic-${c.clinic.id}`}>{c.clinic.name}</h3>
                <ServiceTable clinic={c} />
              </section>
            ))}
            <p class="small muted">{t('report.explain')}</p>
          </>
        )}
      </section>
      <p>
        <Link href={paths.staff}>{t('audit.back')}</Link>
      </p>
    </>
  );
}

/** Uppföljning: the e-services follow-up per clinic and per e-service, with a CSV download. */
export function ReportPage() {
  const { t } = useT();
  return (
    <RequireStaff returnTo={paths.report} heading={t('report.title')}>
      {(me) =>
        reportUnits(me).length === 0 && !isRegionAdmin(me) ? (
          <>
            <PageHeading title={t('report.title')} />
            <p>{t('report.forbidden')}</p>
            <p>
              <Link href={paths.staff}>{t('audit.back')}</Link>
            </p>
          </>
        ) : (
          <Report me={me} />
        )
      }
    </RequireStaff>
  );
}
