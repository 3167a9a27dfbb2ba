// Staff log-in with HSA-id, password and TOTP (first time: connecting an
// authenticator app), the password-reset contacts, and the errors — against
// the running server in demo mode (every demo staff member's password is "demo").
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAxeClean, assertNoProblems, assertNoSidewaysScroll, BASE_URL, headingText, launch, openPage } from './helpers.mjs';
import { totp } from './totp.mjs';

// Leila Karimi first; Mats Johansson (audit tests) and Anna Nilsson (wrong password) are left out.
const CANDIDATES = [
  'SE2321000131-S000000000205',
  'SE2321000131-S000000000204',
  'SE2321000131-S000000000206',
  'SE2120000000-S000000000207',
  'SE2120000000-S000000000208',
  'SE2321000131-S000000000201',
  'SE2321000131-S000000000209',
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * A demo staff member who has not yet connected an authenticator app (so the
 * test sees the enrolment step, also when the suite runs again on the same
 * server). Asking the server starts a challenge that is simply never used.
 */
async function unenrolledStaff() {
  const people = await (await fetch(`${BASE_URL}/api/v1/auth/demo/people`)).json();
  for (const hsaId of CANDIDATES) {
    const res = await fetch(`${BASE_URL}/api/v1/auth/staff/password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': 'anonymous' },
      body: JSON.stringify({ hsa_id: hsaId, password: 'demo' }),
    });
    if (res.status !== 200) continue;
    const body = await res.json();
    if (body.status === 'totp_enrolment') {
      const person = people.items.find((p) => p.identifier === hsaId);
      assert.ok(person, `${hsaId} is a demo person`);
      return { hsaId, name: person.name };
    }
  }
  assert.fail('every demo staff member has already connected an app: restart the server with fresh data');
}

/** A code that stays valid for a few seconds more (waits out the end of a 30-second step). */
async function freshCode(secret) {
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 26) await new Promise((r) => setTimeout(r, (30 - intoStep + 0.5) * 1000));
  return totp(secret);
}

test('staff log in with password and connect an authenticator app, then register reset contacts', async () => {
  const who = await unenrolledStaff();
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/logga-in');
    assert.equal(await headingText(page), 'Logga in');
    const section = page.getByRole('region', { name: 'Lösenord och engångskod' });
    await section.getByText('Personal: logga in med lösenord').waitFor();
    await assertAxeClean(page, 'log-in page with the password form');

    // Keyboard: fill in and submit with Enter.
    await page.getByLabel('HSA-id').fill(who.hsaId);
    await page.getByLabel('Lösenord', { exact: true }).fill('demo');
    await page.getByLabel('Lösenord', { exact: true }).press('Enter');

    // Enrolment: heading takes focus; QR image with alt text; the key in groups of 4.
    const heading = page.getByRole('heading', { level: 3, name: 'Koppla en autentiseringsapp' });
    await heading.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'staff-code-heading');
    const qr = page.getByRole('img', { name: /QR-kod/ });
    assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
    assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code image loads');
    const shown = (await page.locator('.totp-secret').innerText()).trim();
    assert.match(shown, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const code = page.getByLabel('Engångskod (6 siffror)');
    assert.equal(await code.getAttribute('inputmode'), 'numeric');
    assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
    await assertAxeClean(page, 'enrolment step');
    await page.setViewportSize({ width: 320, height: 800 });
    await assertNoSidewaysScroll(page, 'enrolment step at 320 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A code that is not six digits is refused in the browser, without using up the challenge.
    await code.fill('12');
    await code.press('Enter');
    await page.getByRole('alert').getByText('Skriv koden med sex siffror').waitFor();

    await code.fill(await freshCode(shown));
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.waitForURL('**/personal');
    assert.equal(await headingText(page), 'Personal');
    await page.getByText(`Inloggad som ${who.name}`).waitFor();
    await page.getByText('Lösenord och engångskod', { exact: true }).waitFor();

    // H1: register where a password reset is sent. A bad e-mail gives a field error first.
    await page.getByRole('heading', { level: 2, name: 'Återställning av lösenord' }).waitFor();
    await page.getByLabel('E-postadress').fill('inte-en-adress');
    await page.getByLabel('Mobilnummer').fill('070-123 45 67');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel('E-postadress').getAttribute('aria-invalid'), 'true');
    await assertAxeClean(page, 'password-reset form with an error');
    await page.getByLabel('E-postadress').fill('leila.karimi@example.se');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Du har registrerat e-post och mobilnummer').waitFor();
    const me = await (await page.request.get('/api/v1/me')).json();
    assert.equal(me.assurance, 'password_totp');
    assert.equal(me.password_reset_registered, true);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a wrong password is told plainly and announced', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/logga-in');
    await page.getByLabel('HSA-id').fill('SE2321000131-S000000000202');
    await page.getByLabel('Lösenord', { exact: true }).fill('fel-lösenord');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(/Fel HSA-id eller lösenord|För många misslyckade försök/).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'staff-password');
    assert.equal(await page.getByLabel('Lösenord', { exact: true }).getAttribute('aria-invalid'), 'true');
    await assertAxeClean(page, 'password form with an error');
    await page.setViewportSize({ width: 320, height: 800 });
    await assertNoSidewaysScroll(page, 'log-in page at 320 px');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('too many attempts: the Retry-After wait is shown', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.route('**/api/v1/auth/staff/password', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '42' },
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Too many', status: 429 }),
      }),
    );
    await page.goto('/logga-in');
    await page.getByLabel('HSA-id').fill('SE2321000131-S000000000202');
    await page.getByLabel('Lösenord', { exact: true }).fill('x');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('alert').getByText('För många misslyckade försök. Vänta 42 sekunder.').waitFor();
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a wrong code sends the person back to the password step and says so', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.route('**/api/v1/auth/staff/password', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ status: 'totp_required', challenge: 'c1' }) }),
    );
    await page.route('**/api/v1/auth/staff/totp', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'urn:oppenvard:problem:unauthenticated', title: 'x', status: 401 }),
      }),
    );
    await page.goto('/logga-in');
    await page.getByLabel('HSA-id').fill('SE2321000131-S000000000202');
    await page.getByLabel('Lösenord', { exact: true }).fill('demo');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('heading', { level: 3, name: 'Engångskod' }).waitFor();
    await assertAxeClean(page, 'code step');
    await page.getByLabel('Engångskod (6 siffror)').fill('123456');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('alert').getByText(/måste du börja om/).waitFor();
    await page.getByLabel('Lösenord', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('HSA-id').inputValue(), 'SE2321000131-S000000000202');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a failed OIDC log-in is told on the log-in page', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/logga-in?error=oidc');
    await page.getByRole('alert').getByText('Inloggningen avbröts eller misslyckades. Försök igen.').waitFor();
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('OIDC providers are offered as plain links that come back to return_to', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.route('**/api/v1/auth/methods', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          oidc: [
            { id: 'eid', audience: 'patient', start: '/api/v1/auth/oidc/eid/start' },
            { id: 'siths', audience: 'staff', start: '/api/v1/auth/oidc/siths/start' },
          ],
          demo: true,
          staff_password: true,
        }),
      }),
    );
    await page.goto('/logga-in?return_to=/patient/logg');
    const patient = page.getByRole('link', { name: 'Logga in med e-legitimation' });
    assert.equal(await patient.getAttribute('href'), '/api/v1/auth/oidc/eid/start?return_to=%2Fpatient%2Flogg');
    const staff = page.getByRole('link', { name: 'Logga in med SITHS-kort' });
    assert.equal(await staff.getAttribute('href'), '/api/v1/auth/oidc/siths/start?return_to=%2Fpatient%2Flogg');
    await assertAxeClean(page, 'log-in page with OIDC providers');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
