// Log-in with the demo e-ID (BankID-like), the signed-in pages, acting for a
// child, and log-out — against the running server in demo mode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAxeClean, assertNoProblems, assertNoSidewaysScroll, DEMO_PEOPLE, headingText, launch, loginAs, openPage, personButton } from './helpers.mjs';

const PANEL_HEADING = 'Logga in med BankID (demo)';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The answer of /api/v1/me for this browser context (its cookies). */
async function meStatus(page) {
  return (await page.request.get('/api/v1/me')).status();
}

/** Keeps every collect answering "pending, user_sign" so step 2 stays on screen. */
async function holdPending(page) {
  await page.route('**/api/v1/auth/demo/collect', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ status: 'pending', hint: 'user_sign' }) }),
  );
}

/** Records every text the log-in page's live region shows, in order. */
async function recordStatusTexts(page) {
  await page.evaluate(() => {
    const seen = [];
    window.__statusTexts = seen;
    const read = () => {
      const el = document.querySelector('main [role="status"]');
      const text = el?.textContent.trim() ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test('a patient logs in with the keyboard alone and lands on Mina sidor', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/logga-in');
    assert.equal(await headingText(page), 'Logga in');
    const main = page.getByRole('main');
    await main.getByText(/demo-e-legitimation med påhittade personer/i).waitFor();
    await main.getByText(/BankID eller Freja\+ via regionens identitetsleverantör/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Invånare' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Personal' }).waitFor();
    // Each person shows name, identifier and description.
    assert.match(await personButton(page, DEMO_PEOPLE.sara).innerText(), /860919-9909[\s\S]*Vårdnadshavare/);
    await recordStatusTexts(page);

    // Tab to Erik's button and press Enter.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent?.startsWith('Erik Sandberg') ?? false);
    }
    assert.ok(reached, "Erik Sandberg's button is reachable with Tab");
    await page.keyboard.press('Enter');

    // Step 2: focus on the status heading, the status told in a live region.
    await page.getByRole('heading', { level: 2, name: PANEL_HEADING }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'login-panel-heading');
    await page.getByText('Du loggar in som Erik Sandberg, 750611-9812.').waitFor();

    await page.waitForURL('**/patient', { timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: 'Mina sidor' }).waitFor();
    await page.getByText('Inloggad som Erik Sandberg').waitFor();
    await page.getByText('Demo-inloggning (fiktiv person)').waitFor();
    assert.equal(await page.getByRole('group', { name: 'Agera för' }).count(), 0, 'no children, no "Agera för"');

    const seen = await page.evaluate(() => window.__statusTexts);
    assert.ok(seen.includes('Starta BankID-appen.'), `status texts: ${seen.join(' | ')}`);
    assert.ok(seen.includes('Skriv in din säkerhetskod i BankID-appen.'), `status texts: ${seen.join(' | ')}`);

    const header = page.locator('header.site-header');
    await header.getByText('Erik Sandberg').waitFor();
    await header.getByRole('button', { name: 'Logga ut' }).waitFor();
    assert.equal(await header.getByRole('link', { name: 'Logga in' }).count(), 0);
    assert.equal(await meStatus(page), 200);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a guardian switches "Agera för" to her child and the header says so', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, DEMO_PEOPLE.sara);
    assert.equal(new URL(page.url()).pathname, '/patient');
    await page.getByText('Inloggad som Sara Lindqvist').waitFor();
    const group = page.getByRole('group', { name: 'Agera för' });
    await group.waitFor();
    assert.ok(await group.getByRole('radio', { name: 'Dig själv (Sara Lindqvist)' }).isChecked());
    const ella = group.getByRole('radio', { name: /^Ella Lindqvist, t\.o\.m\. \d{1,2} \p{L}+ \d{4}$/u });
    await page.getByText('Mina sidor visar dina egna uppgifter.').waitFor();
    await assertAxeClean(page, '/patient logged in as a guardian');

    await ella.check();
    await page.getByRole('button', { name: 'Byt' }).click();
    const header = page.locator('header.site-header');
    await header.getByText('Agerar för Ella Lindqvist').waitFor();
    await page.getByRole('status').filter({ hasText: 'Klart. Nu visas uppgifter för Ella Lindqvist.' }).waitFor();
    await page.getByText('Mina sidor visar uppgifter för Ella Lindqvist.').waitFor();

    // The server keeps the choice: still so after a reload.
    await page.reload();
    await header.getByText('Agerar för Ella Lindqvist').waitFor();
    assert.ok(await page.getByRole('radio', { name: /^Ella Lindqvist/ }).isChecked());

    // And back to herself.
    await page.getByRole('radio', { name: 'Dig själv (Sara Lindqvist)' }).check();
    await page.getByRole('button', { name: 'Byt' }).click();
    await page.getByText('Mina sidor visar dina egna uppgifter.').waitFor();
    assert.equal(await header.getByText(/Agerar för/).count(), 0);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('staff see their assignments on /personal, and no administration without the role', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, DEMO_PEOPLE.karin);
    assert.equal(new URL(page.url()).pathname, '/personal');
    await page.getByRole('heading', { level: 1, name: 'Personal' }).waitFor();
    await page.getByText('Inloggad som Karin Ekström').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Dina uppdrag' }).waitFor();
    const assignment = page.locator('.assignment', { hasText: 'Vårdcentralen Björkdalen' });
    assert.match(await assignment.innerText(), /Vårdcentralen Björkdalen\s+Läkare/);
    await assertAxeClean(page, '/personal logged in');

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 2, name: 'Du har inte behörighet' }).waitFor();
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('log-in returns to a same-origin return_to, never to another site', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/admin');
    const login = page.getByRole('main').getByRole('link', { name: 'Logga in' });
    assert.equal(await login.getAttribute('href'), '/logga-in?return_to=%2Fadmin');
    await login.click();
    await personButton(page, DEMO_PEOPLE.olof).click();
    await page.waitForURL('**/admin', { timeout: 20_000 });
    await page.getByText('Administrationen är inte byggd ännu.', { exact: false }).waitFor();
    assert.equal(await page.getByText('Du har inte behörighet').count(), 0);
    await page.locator('header.site-header').getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('status').filter({ hasText: 'Du har loggat ut.' }).waitFor();

    await loginAs(page, DEMO_PEOPLE.erik, `?return_to=${encodeURIComponent('//evil.example/')}`);
    assert.equal(page.url(), `${new URL(page.url()).origin}/patient`);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('log-out returns to the logged-out state and the session is gone on the server', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, DEMO_PEOPLE.erik);
    assert.equal(await meStatus(page), 200);
    await page.locator('header.site-header').getByRole('button', { name: 'Logga ut' }).click();

    await page.waitForURL((url) => url.pathname === '/');
    const notice = page.getByRole('status').filter({ hasText: 'Du har loggat ut.' });
    await notice.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Du har loggat ut.');
    await page.locator('header.site-header').getByRole('link', { name: 'Logga in' }).waitFor();
    assert.equal(await page.getByText('Erik Sandberg').count(), 0);
    assert.equal(await meStatus(page), 401, '/api/v1/me answers 401 after log-out');

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina sidor' }).click();
    await page.getByText('Du behöver logga in för att se Mina sidor.').waitFor();
    assert.equal(await page.getByRole('status').filter({ hasText: 'Du har loggat ut.' }).count(), 0, 'the message is shown once');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('cancel during the flow returns to the list, with focus on the person chosen', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/logga-in');
    await personButton(page, DEMO_PEOPLE.erik).click();
    await page.getByRole('heading', { level: 2, name: PANEL_HEADING }).waitFor();
    await page.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('heading', { level: 2, name: 'Invånare' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Inloggningen avbröts.' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Erik Sandberg'));
    // Well past the time the order would have completed: still not logged in.
    await page.waitForTimeout(2500);
    assert.equal(new URL(page.url()).pathname, '/logga-in');
    assert.equal(await meStatus(page), 401);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a failed order is told plainly, with a way to try again or choose someone else', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.route('**/api/v1/auth/demo/collect', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ status: 'failed', hint: 'expired' }) }),
    );
    await page.goto('/logga-in');
    await personButton(page, DEMO_PEOPLE.erik).click();
    await page.getByRole('status').filter({ hasText: 'Inloggningen tog för lång tid och avbröts. Försök igen.' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'login-panel-heading');
    await page.getByRole('button', { name: 'Försök igen' }).waitFor();
    await assertAxeClean(page, '/logga-in, failed order');
    await page.getByRole('button', { name: 'Välj en annan person' }).click();
    await page.getByRole('heading', { level: 2, name: 'Invånare' }).waitFor();
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('without demo mode the log-in page points to the region’s e-ID and lists nobody', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.route('**/api/v1/auth/demo/people', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'urn:oppenvard:problem:not-found', title: 'Not Found', status: 404 }),
      }),
    );
    await page.goto('/logga-in');
    await page.getByText(/Inloggningen sker med regionens e-legitimation/).waitFor();
    await page.getByText(/finns inte i den här installationen/).waitFor();
    assert.equal(await page.locator('.person-button').count(), 0);
    assert.equal(await page.getByText(/påhittade personer/).count(), 0, 'no demo notice');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('axe finds no WCAG 2.1 A/AA violations on both log-in steps', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/logga-in');
    await personButton(page, DEMO_PEOPLE.erik).waitFor();
    await assertAxeClean(page, '/logga-in, step 1');

    await holdPending(page);
    await personButton(page, DEMO_PEOPLE.erik).click();
    await page.getByRole('status').filter({ hasText: 'Skriv in din säkerhetskod i BankID-appen.' }).waitFor();
    await assertAxeClean(page, '/logga-in, step 2');
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('heading', { level: 2, name: 'Invånare' }).waitFor();

    // English too.
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await assertAxeClean(page, '/logga-in in English');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('the spinner stands still for those who ask for less motion', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await holdPending(page);
    await page.goto('/logga-in');
    await personButton(page, DEMO_PEOPLE.erik).click();
    const spinner = page.locator('.spinner');
    await spinner.waitFor();
    assert.notEqual(await spinner.evaluate((el) => getComputedStyle(el).animationName), 'none');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await spinner.evaluate((el) => getComputedStyle(el).animationName), 'none');
    await page.getByRole('button', { name: 'Avbryt' }).click();
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('at 320 px nothing scrolls sideways on the log-in steps and signed-in pages', async () => {
  const { context, page, problems } = await openPage(browser, { width: 320, height: 640 });
  try {
    await page.goto('/logga-in');
    await personButton(page, DEMO_PEOPLE.karin).waitFor();
    await assertNoSidewaysScroll(page, '/logga-in, step 1');

    await holdPending(page);
    await personButton(page, DEMO_PEOPLE.karin).click();
    await page.getByRole('heading', { level: 2, name: PANEL_HEADING }).waitFor();
    await assertNoSidewaysScroll(page, '/logga-in, step 2');
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.unroute('**/api/v1/auth/demo/collect');

    await loginAs(page, DEMO_PEOPLE.sara);
    await page.getByRole('radio', { name: /^Ella Lindqvist/ }).check();
    await page.getByRole('button', { name: 'Byt' }).click();
    await page.locator('header.site-header').getByText('Agerar för Ella Lindqvist').waitFor();
    await assertNoSidewaysScroll(page, '/patient as a guardian acting for a child');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
