// Log review for unit managers (/personal/granskning) and the patient's
// access log (/patient/logg) — against the running server in demo mode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAxeClean, assertNoProblems, assertNoSidewaysScroll, DEMO_PEOPLE, headingText, launch, loginAs, openPage } from './helpers.mjs';

const MATS = 'Mats Johansson';
const UNIT = 'Vårdcentralen Björkdalen';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Waits until the results' live region reports a finished load. */
async function waitForResults(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('section[aria-labelledby="audit-results-title"] [role="status"]');
    return s !== null && s.textContent.trim() !== '' && !/…$/.test(s.textContent.trim());
  });
}

test('a unit manager lists the unit’s events, takes a sample and marks an event reviewed', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, MATS);
    assert.equal(new URL(page.url()).pathname, '/personal');
    await page.getByRole('link', { name: 'Granskning av loggar' }).click();
    await page.waitForURL('**/personal/granskning');
    assert.equal(await headingText(page), 'Granskning av loggar');
    await page.getByLabel('Vårdenhet').selectOption({ label: UNIT });
    await assertAxeClean(page, '/personal/granskning before listing');

    // The first listing is itself logged, so the second shows at least one event.
    await page.getByRole('button', { name: 'Visa händelser' }).click();
    await waitForResults(page);
    await page.getByRole('button', { name: 'Visa händelser' }).click();
    await waitForResults(page);
    const events = page.locator('.event-list > li');
    await events.first().waitFor();
    assert.ok((await events.count()) >= 1);
    assert.match(await page.getByRole('status').last().innerText(), /händelse/);
    await assertAxeClean(page, '/personal/granskning with events');

    const first = events.first();
    await first.getByLabel('Anteckning').fill('Kontrollerad, ingen avvikelse.');
    await first.getByRole('button', { name: 'Markera granskad' }).click();
    await first.getByText('Granskad', { exact: true }).waitFor();

    // A random sample with a given seed; the seed is shown and can be reused.
    await page.getByLabel('Frö').fill('12345');
    await page.getByRole('button', { name: 'Slumpmässigt urval' }).click();
    await waitForResults(page);
    assert.match(await page.getByRole('status').last().innerText(), /Urval med frö 12345/);

    await page.setViewportSize({ width: 320, height: 800 });
    await assertNoSidewaysScroll(page, '/personal/granskning at 320 px');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('staff who are not unit managers are told they lack permission', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, DEMO_PEOPLE.karin);
    await page.goto('/personal/granskning');
    await page.getByRole('heading', { level: 2, name: 'Du har inte behörighet' }).waitFor();
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a patient opens the access log from Mina sidor', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, DEMO_PEOPLE.erik);
    await page.getByRole('link', { name: /Logg över åtkomst/ }).click();
    await page.waitForURL('**/patient/logg');
    assert.equal(await headingText(page), 'Logg över åtkomst');
    await page.waitForFunction(() => {
      const s = document.querySelector('main [role="status"]');
      return s !== null && s.textContent.trim() !== '' && !/…$/.test(s.textContent.trim());
    });
    const rows = await page.locator('table tbody tr').count();
    if (rows === 0) await page.getByText('Ingen har läst några uppgifter ännu').waitFor();
    await assertAxeClean(page, '/patient/logg');
    await page.setViewportSize({ width: 320, height: 800 });
    await assertNoSidewaysScroll(page, '/patient/logg at 320 px');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
