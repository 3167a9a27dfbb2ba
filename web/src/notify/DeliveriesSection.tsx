import { useRef } from 'preact/hooks';
import { useAppState, useStore, useT } from '../context';
import { formatDateTime } from '../format';
import { getParam } from '../query';
import { paths } from '../router';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { Status } from '../ui/Status';
import { TableScroll } from '../ui/TableScroll';
import { useLoad } from '../ui/useLoad';
import { channelKey, deliveryStatusKey, eventKey, lastErrorKey, OUTBOX_PARAM, outboxHref, retryErrorKey, statusFromParam } from './forms';
import { DELIVERY_STATUSES, type Delivery, type DeliveryStatus } from './notify';
import { deliveries, retryDelivery } from './notifyApi';
import { useSave } from '../ui/useSave';

export const OUTBOX_LIMIT = 100;

function StatusTabs({ current }: { current: DeliveryStatus }) {
  const { t } = useT();
  return (
    <nav class="filter-tabs" aria-label={t('outbox.filterLabel')}>
      <ul>
        {DELIVERY_STATUSES.map((s) => (
          <li key={s}>
            <Link href={outboxHref(paths.outbox, s)} class="filter-tabs__link" aria-current={s === current ? 'page' : undefined}>
              {t(deliveryStatusKey(s))}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Försök igen" on a delivery that failed for good; afterwards the cell says it is queued again. */
function RetryButton({ delivery }: { delivery: Delivery }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useSave();
  const doneRef = useRef<HTMLParagraphElement>(null);
  if (phase.name === 'done') {
    return (
      <p ref={doneRef} tabIndex={-1} class="small">
        {t('outbox.retried')}
      </p>
    );
  }
  const retry = async () => {
    if (phase.name === 'busy') return;
    const saved = await run((signal) => retryDelivery(store.api, delivery.id, signal));
    // The button is gone: focus the words that replace it.
    if (saved) requestAnimationFrame(() => doneRef.current?.focus());
  };
  return (
    <>
      <button type="button" class="button button--secondary" aria-disabled={phase.name === 'busy' ? 'true' : undefined} onClick={() => void retry()}>
        {t('outbox.retry')}
        <span class="visually-hidden">: {delivery.to}</span>
      </button>
      <Status>{phase.name === 'busy' ? t('notify.saving') : ''}</Status>
      {phase.name === 'failed' && <ErrorMessage message={t(retryErrorKey(phase.error))} />}
    </>
  );
}

function Row({ d }: { d: Delivery }) {
  const { t, lang } = useT();
  const event = eventKey(d.event);
  const errorKey = lastErrorKey(d.lastError);
  return (
    <tr>
      <td>{event ? t(event) : d.event}</td>
      <td>{d.channel === 'sms' || d.channel === 'email' ? t(channelKey(d.channel)) : d.channel}</td>
      <td class="nowrap">{d.to}</td>
      <td>{d.attempts}</td>
      <td>
        {errorKey ? t(errorKey) : d.lastError ? <code lang="en">{d.lastError}</code> : '–'}
        {d.providerStatus && (
          <span class="small muted">
            {' '}
            ({t('outbox.provider')}: {d.providerStatus})
          </span>
        )}
      </td>
      <td class="nowrap">
        <time dateTime={d.createdAt}>{formatDateTime(d.createdAt, lang)}</time>
      </td>
      <td class="nowrap">
        {d.sentAt ? (
          <time dateTime={d.sentAt}>{formatDateTime(d.sentAt, lang)}</time>
        ) : d.nextAttemptAt && (d.status === 'pending' || d.status === 'sending') ? (
          <time dateTime={d.nextAttemptAt}>{formatDateTime(d.nextAttemptAt, lang)}</time>
        ) : (
          '–'
        )}
      </td>
      <td>{d.status === 'dead' ? <RetryButton delivery={d} /> : t(deliveryStatusKey(d.status))}</td>
    </tr>
  );
}

/** The outbox by status, the failed ones first: what did not reach its recipient, and a way to try again. */
export function DeliveriesSection() {
  const store = useStore();
  const { t, plural } = useT();
  const { location } = useAppState();
  const status = statusFromParam(getParam(location.search, OUTBOX_PARAM));
  const { state, reload } = useLoad((signal) => deliveries(store.api, status, OUTBOX_LIMIT, signal), status);
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.listTitle')}</h2>
      <p>{t('outbox.listIntro')}</p>
      <StatusTabs current={status} />
      <Status>
        {state.status === 'loading' ? t('outbox.loading') : state.status === 'ready' ? plural('outbox.count', state.value.length) : ''}
      </Status>
      {state.status === 'error' && <ErrorMessage message={t('outbox.loadError')} onRetry={reload} />}
      {state.status === 'ready' && state.value.length === 0 && (
        <div class="notice">
          <p>{t(status === 'dead' ? 'outbox.noneDead' : 'outbox.none')}</p>
        </div>
      )}
      {state.status === 'ready' && state.value.length > 0 && (
        <TableScroll label={t('outbox.listTitle')}>
          <table class="data-table">
            <caption class="visually-hidden">{t(deliveryStatusKey(status))}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.col.event')}</th>
                <th scope="col">{t('outbox.col.channel')}</th>
                <th scope="col">{t('outbox.col.to')}</th>
                <th scope="col">{t('outbox.col.attempts')}</th>
                <th scope="col">{t('outbox.col.error')}</th>
                <th scope="col">{t('outbox.col.created')}</th>
                <th scope="col">{t('outbox.col.sentOrNext')}</th>
                <th scope="col">{t('outbox.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {state.value.map((d) => (
                <Row key={d.id} d={d} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
