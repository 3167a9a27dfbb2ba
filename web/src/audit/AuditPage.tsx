import { useEffect, useRef, useState } from 'preact/hooks';
import { isAbortError, isForbidden } from '../api';
import { useStore, useT } from '../context';
import { formatDateTime, stockholmDate } from '../format';
import { loginHref, paths } from '../router';
import { roleKey, type Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { PageHeading } from '../ui/PageHeading';
import { SessionGate } from '../ui/SessionGate';
import { Status } from '../ui/Status';
import {
  actionKey,
  actorKindKey,
  addDays,
  auditEventsUrl,
  auditSampleUrl,
  managedUnits,
  newSeed,
  parseAuditPage,
  reviewUrl,
  type AuditEvent,
  type AuditFilter,
} from './audit';

const SAMPLE_SIZE = 20;

type Mode = 'list' | 'sample';

type ResultState =
  | { status: 'idle' }
  | { status: 'loading'; mode: Mode; more: boolean }
  | { status: 'ready'; mode: Mode; seed: string; items: AuditEvent[]; nextCursor: string | null }
  | { status: 'forbidden' }
  | { status: 'error' };

type ReviewState = { phase: 'idle' | 'saving' | 'error' } | { phase: 'done' };

function Forbidden() {
  const { t } = useT();
  return (
    <>
      <h2>{t('audit.forbiddenTitle')}</h2>
      <p>{t('audit.forbidden')}</p>
      <p>
        <Link href={paths.staff}>{t('audit.back')}</Link>
      </p>
    </>
  );
}

function EventItem({
  event,
  review,
  onReview,
  headingRef,
}: {
  event: AuditEvent;
  review: ReviewState;
  onReview: (note: string) => void;
  headingRef?: (el: HTMLHeadingElement | null) => void;
}) {
  const { t, lang } = useT();
  const [note, setNote] = useState('');
  const action = actionKey(event.action);
  const kind = actorKindKey(event.actor.kind);
  const noteId = `review-note-${event.id}`;
  return (
    <li class="event">
      <h3 ref={headingRef} tabIndex={-1} class="event__title">
        <time dateTime={event.at}>{formatDateTime(event.at, lang)}</time>
        {' – '}
        {action ? t(action) : event.action}
      </h3>
      <dl class="event__facts">
        <dt>{t('audit.actor')}</dt>
        <dd>
          {kind ? t(kind) : event.actor.kind} {event.actor.id}
          {event.actor.role ? ` (${t(roleKey(event.actor.role))})` : ''}
        </dd>
        <dt>{t('audit.patient')}</dt>
        <dd>{event.patientId ?? '–'}</dd>
        {event.object && (
          <>
            <dt>{t('audit.object')}</dt>
            <dd>
              {event.object.type}
              {event.object.id ? ` ${event.object.id}` : ''}
            </dd>
          </>
        )}
        <dt>{t('audit.outcome')}</dt>
        <dd>{event.success ? t('audit.success') : t('audit.failure')}</dd>
      </dl>
      {review.phase === 'done' ? (
        <p class="event__reviewed">{t('audit.reviewed')}</p>
      ) : (
        <form
          class="review-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (review.phase !== 'saving') onReview(note.trim());
          }}
        >
          <div class="field">
            <label for={noteId}>{t('audit.note')}</label>
            <input id={noteId} class="input" type="text" value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="button button--secondary" aria-disabled={review.phase === 'saving' ? 'true' : undefined}>
            {t('audit.markReviewed')}
          </button>
          {review.phase === 'error' && <ErrorMessage message={t('audit.reviewError')} />}
        </form>
      )}
    </li>
  );
}

function AuditTool({ me }: { me: Me }) {
  const store = useStore();
  const { t, plural } = useT();
  const units = managedUnits(me);
  const today = stockholmDate(new Date());
  const [filter, setFilter] = useState<AuditFilter>({
    careUnitId: units[0]?.id ?? '',
    from: addDays(today, -30),
    to: today,
    patientId: '',
    actorId: '',
  });
  const [seed, setSeed] = useState(() => newSeed());
  const [result, setResult] = useState<ResultState>({ status: 'idle' });
  const [reviews, setReviews] = useState<Record<string, ReviewState>>({});
  // "Visa fler": the shown events stay while the next page loads.
  const [loadingMore, setLoadingMore] = useState(false);
  const acRef = useRef<AbortController | null>(null);
  const focusIndex = useRef<number | null>(null);
  const headings = useRef<(HTMLHeadingElement | null)[]>([]);

  useEffect(() => () => acRef.current?.abort(), []);
  useEffect(() => {
    if (result.status === 'ready' && focusIndex.current !== null) {
      headings.current[focusIndex.current]?.focus();
      focusIndex.current = null;
    }
  }, [result]);

  const set = (key: keyof AuditFilter) => (e: Event) =>
    setFilter((f) => ({ ...f, [key]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value }));

  const load = async (mode: Mode, cursor: string | null) => {
    acRef.current?.abort();
    const ac = new AbortController();
    acRef.current = ac;
    const previous = cursor && result.status === 'ready' ? result.items : [];
    if (cursor) setLoadingMore(true);
    else setResult({ status: 'loading', mode, more: false });
    try {
      const url = mode === 'sample' ? auditSampleUrl(filter, SAMPLE_SIZE, seed) : auditEventsUrl(filter, cursor);
      const page = parseAuditPage(await store.api.get(url, ac.signal));
      if (cursor) focusIndex.current = previous.length;
      setResult({
        status: 'ready',
        mode,
        seed,
        items: [...previous, ...page.items],
        nextCursor: mode === 'list' ? page.nextCursor : null,
      });
    } catch (err) {
      if (isAbortError(err)) return;
      setResult({ status: isForbidden(err) ? 'forbidden' : 'error' });
    } finally {
      if (!ac.signal.aborted) setLoadingMore(false);
    }
  };

  const review = async (eventId: string, note: string) => {
    setReviews((r) => ({ ...r, [eventId]: { phase: 'saving' } }));
    try {
      await store.api.post(reviewUrl(eventId), { note }, new AbortController().signal);
      setReviews((r) => ({ ...r, [eventId]: { phase: 'done' } }));
    } catch {
      setReviews((r) => ({ ...r, [eventId]: { phase: 'error' } }));
    }
  };

  const statusText =
    result.status === 'loading' || loadingMore
      ? t('audit.loading')
      : result.status === 'ready'
        ? result.mode === 'sample'
          ? plural('audit.sampleCount', result.items.length, { seed: result.seed })
          : plural('audit.count', result.items.length) + (result.nextCursor ? ` ${t('audit.countMore')}` : '')
        : '';

  return (
    <>
      <p class="lead">{t('audit.intro')}</p>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void load('list', null);
        }}
      >
        <div class="field">
          <label for="audit-unit">{t('audit.unit')}</label>
          <select id="audit-unit" class="input" value={filter.careUnitId} onChange={set('careUnitId')}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="audit-from">{t('audit.from')}</label>
            <input id="audit-from" class="input" type="date" value={filter.from} onInput={set('from')} />
          </div>
          <div class="field">
            <label for="audit-to">{t('audit.to')}</label>
            <input id="audit-to" class="input" type="date" value={filter.to} onInput={set('to')} />
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="audit-patient">{t('audit.patientFilter')}</label>
            <input id="audit-patient" class="input" type="text" spellcheck={false} value={filter.patientId} onInput={set('patientId')} />
          </div>
          <div class="field">
            <label for="audit-actor">{t('audit.actorFilter')}</label>
            <input id="audit-actor" class="input" type="text" spellcheck={false} value={filter.actorId} onInput={set('actorId')} />
          </div>
        </div>
        <button type="submit" class="button">
          {t('audit.list')}
        </button>
      </form>

      <section class="form" aria-labelledby="audit-sample-title">
        <h2 id="audit-sample-title">{t('audit.sampleTitle')}</h2>
        <p>{t('audit.sampleIntro', { n: SAMPLE_SIZE })}</p>
        <div class="field">
          <label for="audit-seed">{t('audit.seed')}</label>
          <p id="audit-seed-hint" class="field__hint">
            {t('audit.seedHint')}
          </p>
          <input
            id="audit-seed"
            class="input"
            type="text"
            inputMode="numeric"
            aria-describedby="audit-seed-hint"
            value={seed}
            onInput={(e) => setSeed((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="button-row">
          <button type="button" class="button" onClick={() => void load('sample', null)}>
            {t('audit.sample')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setSeed(newSeed())}>
            {t('audit.newSeed')}
          </button>
        </div>
      </section>

      <section aria-labelledby="audit-results-title">
        <h2 id="audit-results-title">{t('audit.resultsTitle')}</h2>
        <Status>{statusText}</Status>
        {result.status === 'forbidden' && <ErrorMessage message={t('audit.forbidden')} />}
        {result.status === 'error' && <ErrorMessage message={t('audit.error')} />}
        {result.status === 'ready' && result.items.length === 0 && <p>{t('audit.empty')}</p>}
        {result.status === 'ready' && result.items.length > 0 && (
          <ul class="event-list">
            {result.items.map((ev, i) => (
              <EventItem
                key={ev.id}
                event={ev}
                review={reviews[ev.id] ?? { phase: 'idle' }}
                onReview={(note) => void review(ev.id, note)}
                headingRef={(el) => {
                  headings.current[i] = el;
                }}
              />
            ))}
          </ul>
        )}
        {result.status === 'ready' && result.nextCursor && (
          <button
            type="button"
            class="button button--secondary"
            aria-disabled={loadingMore ? 'true' : undefined}
            onClick={() => {
              if (!loadingMore) void load('list', result.nextCursor);
            }}
          >
            {t('audit.more')}
          </button>
        )}
      </section>
    </>
  );
}

/** Granskning av loggar: the unit manager's review of who has done what with patient data at the unit. */
export function AuditPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('audit.title')} />
      <SessionGate>
        {(me) =>
          me === null ? (
            <>
              <p>{t('staff.loggedOut')}</p>
              <p>
                <Link href={loginHref(paths.audit)} class="button">
                  {t('session.loginLink')}
                </Link>
              </p>
            </>
          ) : managedUnits(me).length === 0 ? (
            <Forbidden />
          ) : (
            <AuditTool me={me} />
          )
        }
      </SessionGate>
    </>
  );
}
