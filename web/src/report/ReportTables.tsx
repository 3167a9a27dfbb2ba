import { useT } from '../context';
import { pickLocalized } from '../directory/labels';
import { statusKey, type OfferStatus } from '../catalogue/catalogue';
import { TableScroll } from '../ui/TableScroll';
import { formatHours, shareInTime, totals, type ClinicRow } from './report';

function share(answered: number, clocks: number): string {
  const s = shareInTime(answered, clocks);
  return s === null ? '–' : `${s} %`;
}

function offerStatus(status: string): OfferStatus {
  return status === 'on' || status === 'not_applicable' ? status : 'off';
}

/** One row per clinic: what it offers and how its answer clocks went. */
export function ClinicTable({ items }: { items: ClinicRow[] }) {
  const { t, lang } = useT();
  const sum = totals(items);
  return (
    <TableScroll label={t('report.clinicsCaption')}>
      <table class="data-table report-table">
        <caption>{t('report.clinicsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.clinic')}</th>
            <th scope="col">{t('report.published')}</th>
            <th scope="col">{t('report.basicOffered')}</th>
            <th scope="col">{t('report.basicNa')}</th>
            <th scope="col">{t('report.basicMissing')}</th>
            <th scope="col" class="num">{t('report.cases')}</th>
            <th scope="col" class="num">{t('report.clocks')}</th>
            <th scope="col" class="num">{t('report.inTime')}</th>
            <th scope="col" class="num">{t('report.median')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.clinic.id}>
              <th scope="row">
                {c.clinic.name}
                <span class="report-table__admin">{c.administration.name}</span>
              </th>
              <td>{c.published ? t('report.yes') : t('report.no')}</td>
              <td class="num">{c.basicOffered.length}</td>
              <td class="num">{c.basicNotApplicable.length}</td>
              <td class="num">{c.basicMissing.length}</td>
              <td class="num" data-cases={c.cases}>
                {c.cases}
              </td>
              <td class="num">{c.clocks}</td>
              <td class="num">{share(c.answeredInTime, c.clocks)}</td>
              <td class="num">{formatHours(c.medianHours, lang)}</td>
            </tr>
          ))}
        </tbody>
        {items.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t('report.total', { n: sum.clinics })}</th>
              <td>{t('report.offering', { n: sum.offering })}</td>
              <td />
              <td />
              <td />
              <td class="num">{sum.cases}</td>
              <td class="num">{sum.clocks}</td>
              <td class="num">{share(sum.answeredInTime, sum.clocks)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}

/** One row per e-service of one clinic. */
export function ServiceTable({ clinic }: { clinic: ClinicRow }) {
  const { t, lang } = useT();
  const caption = t('report.servicesCaption', { clinic: clinic.clinic.name });
  return (
    <TableScroll label={caption}>
      <table class="data-table report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.service')}</th>
            <th scope="col">{t('report.status')}</th>
            <th scope="col" class="num">{t('report.cases')}</th>
            <th scope="col" class="num">{t('report.clocks')}</th>
            <th scope="col" class="num">{t('report.inTime')}</th>
            <th scope="col" class="num">{t('report.median')}</th>
          </tr>
        </thead>
        <tbody>
          {clinic.services.map((s) => {
            const name = pickLocalized(s.name, lang);
            return (
              <tr key={s.code}>
                <th scope="row" lang={name.lang === lang ? undefined : name.lang}>
                  {name.text}
                </th>
                <td>
                  {t(statusKey(offerStatus(s.status)))}
                  {s.reason && <span class="report-table__reason">{s.reason}</span>}
                </td>
                <td class="num">{s.cases}</td>
                <td class="num">{s.clocks}</td>
                <td class="num">{share(s.answeredInTime, s.clocks)}</td>
                <td class="num">{formatHours(s.medianHours, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
