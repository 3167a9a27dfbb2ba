import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useAppState, useSession, useStore, useT } from '../context';
import { getParam } from '../query';
import { RETURN_TO_PARAM, safeReturnTo } from '../router';
import { fullName, homePath, type Me } from '../session/me';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Link } from '../ui/Link';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { Status } from '../ui/Status';
import { isWaiting, statusKey, type FlowState } from './loginFlow';
import { PeopleList, personButtonId } from './PeopleList';
import { useDemoPeople, type PeopleState } from './useDemoPeople';
import { useLoginFlow, type LoginFlow } from './useLoginFlow';
import { oidcStartHref, type AuthMethods } from './authMethods';
import { StaffPasswordLogin } from './StaffPasswordLogin';
import { useAuthMethods } from './useAuthMethods';

const PANEL_HEADING_ID = 'login-panel-heading';

function DemoNotice() {
  const { t } = useT();
  return (
    <Notice title={t('login.demoTitle')}>
      <p>{t('login.demoText')}</p>
      <p>{t('login.realText')}</p>
    </Notice>
  );
}

/** Step 1, above the status line: what this log-in is. */
function ChooserHead({ people, methods }: { people: PeopleState; methods: AuthMethods | null }) {
  const { t } = useT();
  if (people.status === 'notDemo') {
    // The region's e-ID buttons are shown above: nothing more to say.
    if (methods && methods.oidc.length > 0) return null;
    return (
      <Notice title={t('login.notDemoTitle')}>
        <p>{methods?.staffPassword ? t('login.notDemoStaff') : t('login.notDemo')}</p>
      </Notice>
    );
  }
  return (
    <>
      <p class="lead">{t('login.intro')}</p>
      <DemoNotice />
    </>
  );
}

/** Step 1, below the status line: the people to choose from. */
function ChooserBody({ people, retry, flow }: { people: PeopleState; retry: () => void; flow: LoginFlow }) {
  const { t } = useT();
  if (people.status === 'error') return <ErrorMessage message={t('login.peopleError')} onRetry={retry} />;
  if (people.status !== 'ready') return null;
  return <PeopleList people={people.people} onChoose={flow.choose} />;
}

/** Step 2, above the status line: heading (takes focus), who, spinner. */
function PanelHead({ state, headingRef }: { state: FlowState; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useT();
  if (state.step === 'choose') return null;
  return (
    <>
      <h2 id={PANEL_HEADING_ID} ref={headingRef} tabIndex={-1} class="order-panel__title">
        {t('login.panelTitle')}
      </h2>
      <p>{t('login.as', { name: state.person.name, identifier: state.person.identifier })}</p>
      {isWaiting(state) && <span class="spinner" aria-hidden="true" />}
    </>
  );
}

/** Step 2, below the status line: what one can do now. */
function PanelActions({ flow }: { flow: LoginFlow }) {
  const { t } = useT();
  const { state } = flow;
  if (state.step === 'failed') {
    return (
      <div class="button-row">
        <button type="button" class="button" onClick={flow.retry}>
          {t('login.retry')}
        </button>
        <button type="button" class="button button--secondary" onClick={flow.back}>
          {t('login.back')}
        </button>
      </div>
    );
  }
  return (
    <>
      <p class="muted small">{t('login.demoAuto')}</p>
      {(state.step === 'starting' || state.step === 'pending') && (
        <div class="button-row">
          <button type="button" class="button button--secondary" onClick={flow.cancel}>
            {t('login.cancel')}
          </button>
        </div>
      )}
    </>
  );
}

/** Buttons for the region's e-ID (patients) and SITHS (staff); each is a full page load to the IdP. */
function OidcButtons({ methods, returnTo }: { methods: AuthMethods; returnTo: string | null }) {
  const { t } = useT();
  if (methods.oidc.length === 0) return null;
  return (
    <section class="login-methods" aria-labelledby="oidc-title">
      <h2 id="oidc-title">{t('login.oidcTitle')}</h2>
      <ul class="button-list">
        {methods.oidc.map((p) => (
          <li key={p.id}>
            <a class="button" href={oidcStartHref(p, returnTo ?? (p.audience === 'staff' ? '/personal' : '/patient'))}>
              {p.audience === 'staff' ? t('login.oidcStaff') : t('login.oidcPatient')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StaffPasswordSection({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  return (
    <section class="login-methods" aria-labelledby="staff-password-title">
      <h2 id="staff-password-title">{t('staffLogin.title')}</h2>
      <p>{t('staffLogin.intro')}</p>
      <StaffPasswordLogin onDone={onDone} />
    </section>
  );
}

function AlreadyLoggedIn({ me }: { me: Me }) {
  const { t } = useT();
  return (
    <>
      <p>{t('login.already', { name: fullName(me.person) })}</p>
      <p>
        <Link href={homePath(me.person.kind)} class="button">
          {me.person.kind === 'staff' ? t('login.toStaff') : t('login.toPatient')}
        </Link>
      </p>
    </>
  );
}

/**
 * /logga-in: the demo e-ID. Step 1 lists the fictional people; step 2 is a
 * BankID-like status panel that polls until the order completes or fails.
 * One live region (the Status) stays in place through both steps so every
 * change of text is announced.
 */
export function LoginPage() {
  const store = useStore();
  const { t } = useT();
  const { location } = useAppState();
  const { me } = useSession();
  const { state: people, retry } = useDemoPeople();
  const methods = useAuthMethods();
  const oidcFailed = getParam(location.search, 'error') === 'oidc';
  const returnTo = safeReturnTo(getParam(location.search, RETURN_TO_PARAM));
  const flow = useLoginFlow((who) => store.navigate(returnTo ?? homePath(who.person.kind)));
  const { state } = flow;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inFlow = state.step !== 'choose';

  // Focus: the status heading when a try starts or ends in failure; the
  // chosen person's button when back at the list.
  useEffect(() => {
    if (state.step === 'starting' || state.step === 'failed') headingRef.current?.focus();
    if (state.step === 'choose' && state.lastPersonId) {
      document.getElementById(personButtonId({ id: state.lastPersonId }))?.focus();
    }
  }, [state.step]);

  if (me && !inFlow) {
    return (
      <>
        <PageHeading title={t('login.title')} />
        <AlreadyLoggedIn me={me} />
      </>
    );
  }

  const key = statusKey(state);
  const statusText = key
    ? t(key)
    : state.step === 'choose' && state.cancelled
      ? t('login.cancelled')
      : people.status === 'loading'
        ? t('login.loadingPeople')
        : '';

  return (
    <>
      <PageHeading title={t('login.title')} />
      {oidcFailed && !inFlow && <ErrorMessage message={t('login.oidcError')} />}
      {methods && !inFlow && <OidcButtons methods={methods} returnTo={returnTo} />}
      <section
        class={inFlow ? 'order-panel' : 'chooser'}
        aria-labelledby={inFlow ? PANEL_HEADING_ID : undefined}
      >
        {inFlow ? <PanelHead state={state} headingRef={headingRef} /> : <ChooserHead people={people} methods={methods} />}
        <Status>{statusText}</Status>
        {inFlow ? <PanelActions flow={flow} /> : <ChooserBody people={people} retry={retry} flow={flow} />}
      </section>
      {methods?.staffPassword && !inFlow && (
        <StaffPasswordSection onDone={() => store.navigate(returnTo ?? '/personal')} />
      )}
    </>
  );
}
