// Swedish by default; the English switch changes the interface, <html lang>,
// and is remembered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoProblems, clinicByName, headingText, launch, openPage, waitForDirectory } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the interface is Swedish until the English switch is used, which is remembered', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto('/');
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    assert.equal(await headingText(page), 'Välkommen till Öppenvård');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Hitta mottagning' }).waitFor();

    await page.getByRole('button', { name: /English/ }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await headingText(page), 'Welcome to Öppenvård');
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    for (const name of ['Find a clinic', 'My pages', 'Staff', 'Administration']) await nav.getByRole('link', { name }).waitFor();
    await page.getByRole('link', { name: 'Accessibility statement' }).waitFor();

    // Remembered across a reload and carried into the directory.
    await page.reload();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await nav.getByRole('link', { name: 'Find a clinic' }).click();
    assert.equal(await headingText(page), 'Find a clinic');
    await waitForDirectory(page);
    assert.match(await page.getByRole('status').innerText(), /^Showing \d+ clinics?\./);
    assert.match(await page.locator('.clinic-card', { hasText: 'Björkdalen' }).innerText(), /Primary care centre/);
    assert.match(await page.title(), /^Find a clinic – Öppenvård$/);

    // A clinic page in English: headings and labels, e-service names in English.
    await page.getByRole('link', { name: 'Vårdcentralen Björkdalen' }).click();
    await page.getByRole('heading', { level: 2, name: 'E-services' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Contact' }).waitFor();
    const clinic = await clinicByName('Vårdcentralen Björkdalen');
    const english = clinic.eservices.find((e) => e.name?.en);
    if (english) await page.locator('.eservice', { hasText: english.name.en }).first().waitFor();
    await page.getByRole('link', { name: 'All clinics' }).click();

    // And back to Swedish.
    await page.getByRole('button', { name: /svenska/i }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    assert.equal(await headingText(page), 'Hitta mottagning');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
