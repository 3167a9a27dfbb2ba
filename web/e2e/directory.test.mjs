// The clinic directory against the real API: list, search, clinic page,
// deep links served by the server's index fallback.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  DEMO_CLINICS,
  api,
  assertNoProblems,
  clinicByName,
  headingText,
  launch,
  listAllClinicNames,
  openPage,
  waitForDirectory,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the directory lists the four demo clinics with their kind', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/mottagningar');
    assert.equal(await headingText(page), 'Hitta mottagning');
    const names = await listAllClinicNames(page);
    for (const name of DEMO_CLINICS) assert.ok(names.includes(name), `"${name}" is listed (got ${names.join(', ')})`);
    const status = await page.getByRole('status').innerText();
    assert.match(status, /\d+ mottagningar visas\./);

    const card = page.locator('.clinic-card', { hasText: 'Vårdcentralen Björkdalen' });
    assert.match(await card.innerText(), /Vårdcentral\b/);
    const hab = page.locator('.clinic-card', { hasText: 'Barn- och ungdomshabiliteringen Älvstaden' });
    assert.match(await hab.innerText(), /Habilitering/);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('searching filters the list and keeps the search in the address', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/mottagningar');
    await waitForDirectory(page);
    await page.getByLabel('Sök mottagning eller ort').fill('Ekbacken');
    await page.waitForURL(/\?q=Ekbacken$/);
    await page.waitForFunction(() => document.querySelectorAll('.clinic-list > li').length === 1);
    await waitForDirectory(page);
    assert.deepEqual(await page.locator('.clinic-list h2').allInnerTexts(), [
      'Psykiatriska öppenvårdsmottagningen Ekbacken',
    ]);
    assert.equal(await page.getByRole('status').innerText(), '1 mottagning visas.');

    await page.getByLabel('Sök mottagning eller ort').fill('finnsintealls');
    await page.getByText('Inga mottagningar matchar ”finnsintealls”.').waitFor();
    assert.equal(await page.locator('.clinic-list').count(), 0);

    // A search link opened directly shows the same result and fills the field.
    await page.goto('/mottagningar?q=Ekbacken');
    await waitForDirectory(page);
    assert.equal(await page.getByLabel('Sök mottagning eller ort').inputValue(), 'Ekbacken');
    assert.deepEqual(await page.locator('.clinic-list h2').allInnerTexts(), [
      'Psykiatriska öppenvårdsmottagningen Ekbacken',
    ]);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('opening a clinic shows its contact details and e-services', async () => {
  const clinic = await clinicByName('Vårdcentralen Björkdalen');
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/mottagningar');
    await page.getByRole('link', { name: 'Vårdcentralen Björkdalen' }).click();
    await page.waitForURL(`**/mottagningar/${clinic.id}`);
    await page.getByRole('heading', { level: 1, name: 'Vårdcentralen Björkdalen' }).waitFor();
    // Focus moved to the new page's heading.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');

    await page.getByRole('heading', { level: 2, name: 'E-tjänster' }).waitFor();
    const services = await page.locator('.eservice').allInnerTexts();
    assert.equal(services.length, clinic.eservices.length, 'every e-service is shown');
    for (const es of clinic.eservices) {
      const item = page.locator('.eservice', { hasText: es.name.sv });
      const text = await item.first().innerText();
      assert.match(text, es.status === 'on' ? /Erbjuds(?! inte)/ : /Erbjuds inte/);
      if (es.status !== 'on' && typeof es.reason === 'string') assert.ok(text.includes(`Anledning: ${es.reason}`));
    }
    for (const category of new Set(clinic.eservices.map((e) => e.category))) {
      const title = { basic: 'Grundläggande e-tjänster', recommended: 'Rekommenderade e-tjänster', custom: 'Mottagningens egna e-tjänster' }[category];
      await page.getByRole('heading', { level: 3, name: title }).waitFor();
    }
    if (clinic.phone) {
      const tel = await page.getByRole('link', { name: clinic.phone }).getAttribute('href');
      assert.match(tel, /^tel:\+?\d+$/);
    }
    if (clinic.email) {
      assert.equal(await page.getByRole('link', { name: clinic.email }).getAttribute('href'), `mailto:${clinic.email}`);
    }
    assert.match(await page.title(), /^Vårdcentralen Björkdalen – Öppenvård$/);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a not-applicable e-service is marked with its reason', async () => {
  // Find any demo clinic that has one; the demo data is expected to.
  const { items } = await api('/api/v1/clinics?limit=100');
  let found = null;
  for (const { id } of items) {
    const c = await api(`/api/v1/clinics/${encodeURIComponent(id)}`);
    const es = c.eservices?.find((e) => e.status === 'not_applicable' && e.reason);
    if (es) {
      found = { clinic: c, es };
      break;
    }
  }
  assert.ok(found, 'the demo data has a not-applicable e-service with a reason');
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`/mottagningar/${found.clinic.id}`);
    const item = page.locator('.eservice', { hasText: found.es.name.sv }).first();
    await item.waitFor();
    const text = await item.innerText();
    assert.match(text, /Erbjuds inte/);
    const reason = typeof found.es.reason === 'string' ? found.es.reason : found.es.reason.sv;
    assert.ok(text.includes(`Anledning: ${reason}`), text);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a deep link to a clinic loads and survives a reload', async () => {
  const clinic = await clinicByName('Hemtjänsten Norra Lunden');
  const { context, page, problems } = await openPage(browser);
  try {
    const res = await page.goto(`/mottagningar/${clinic.id}`);
    assert.equal(res.status(), 200, 'the server answers client routes with the app');
    await page.getByRole('heading', { level: 1, name: 'Hemtjänsten Norra Lunden' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hemtjänsten Norra Lunden' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'E-tjänster' }).waitFor();
    // Back to the list with the browser's own back button after a link.
    await page.getByRole('link', { name: 'Alla mottagningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hitta mottagning' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Hemtjänsten Norra Lunden' }).waitFor();
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('unknown pages and unknown clinics say so plainly', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/finns/inte');
    assert.equal(await headingText(page), 'Sidan finns inte');
    await page.goto('/mottagningar/00000000-0000-0000-0000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Mottagningen finns inte' }).waitFor();
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('while loading the list says so, and a failure is told in plain Swedish with a retry', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let mode = 'hold';
    await page.route(
      (url) => url.pathname === '/api/v1/clinics',
      async (route) => {
        if (mode === 'hold') {
          await held;
          mode = 'fail';
          return route.fulfill({
            status: 503,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'pool exhausted' }),
          });
        }
        return route.continue();
      },
    );
    await page.goto('/mottagningar');
    await page.getByRole('status').filter({ hasText: 'Hämtar mottagningar…' }).waitFor();
    release();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    const message = await alert.innerText();
    assert.match(message, /Det gick inte att hämta mottagningarna\. Försök igen\./);
    assert.ok(!message.includes('pool exhausted'), 'server internals are not shown');

    mode = 'pass';
    await alert.getByRole('button', { name: 'Försök igen' }).click();
    await page.getByRole('link', { name: 'Vårdcentralen Björkdalen' }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'the error is gone after a successful retry');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
