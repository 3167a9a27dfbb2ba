// Notifications end to end: the unit manager of Vårdcentralen Björkdalen
// records the risk analysis and switches SMS on; the patient Erik Sandberg
// turns on e-mail (and SMS) notifications for the clinic and sees them kept
// after a reload; the unit manager finds the new case in his notification
// centre, opens it (which marks the notice read), sees and records the
// patient's consent on the case, and chooses escalations by e-mail; the
// region administrator sees the outbox and the templates and is refused a
// template that names {clinic}, with the reason shown.
//
// This file starts a server of its own (startServer): the shared one has no
// SMTP or SMS gateway configured, so it offers patients no channel at all.
// Here SMTP and an SMS gateway point at a closed port: the installation
// offers both channels and consents are saved; nothing is delivered (no test
// depends on a delivery). Its fresh database also makes the notices and
// settings asserted below exactly those these tests create.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAxeClean, assertNoProblems, assertNoSidewaysScroll, clinicByName, DEMO_PEOPLE, launch, loginAs, openPage, startServer } from './helpers.mjs';

const CLINIC = 'Vårdcentralen Björkdalen';
const MATS = 'Mats Johansson';
const ERIK_EMAIL = 'erik.sandberg@example.se';
const RUN = `e2e-${Date.now().toString(36)}`;

let browser;
let server;
let clinic;
/** The case Erik sends, so he has contact with the clinic (and staff get a notice). */
let caseId;

before(async () => {
  server = await startServer({
    OPPENVARD_SMTP_URL: 'smtp://127.0.0.1:9',
    OPPENVARD_SMS_GATEWAY: 'json',
    OPPENVARD_SMS_URL: 'http://127.0.0.1:9/sms',
  });
  browser = await launch({ needsUrl: false });
  clinic = await clinicByName(CLINIC, server.url);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (options = {}) => openPage(browser, { baseURL: server.url, ...options });

/** A write from inside the logged-in page (the session cookie and its CSRF token). */
async function callAsPage(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me', { headers: { Accept: 'application/json' } })).json();
      const res = await fetch(path, {
        method,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

test('the unit manager records the risk analysis and switches SMS on', async () => {
  const { context, page, problems } = await open();
  try {
    await loginAs(page, MATS);
    await page.goto(`/personal/e-tjanster?enhet=${clinic.id}`);
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Sms-påminnelser' }) });
    await section.getByText('Sms skickas utan kryptering', { exact: false }).waitFor();
    await section.getByText('Mottagningen skickar inte sms.').waitFor();
    await section.getByText('Ingen riskanalys är registrerad.').waitFor();
    await assertAxeClean(page, '/personal/e-tjanster with the SMS section');

    // On without a risk analysis: told at the field, which takes focus.
    await section.getByRole('checkbox', { name: 'Skicka sms från mottagningen' }).check();
    await section.getByRole('button', { name: 'Spara sms-inställningen' }).click();
    await section.getByText('Ange riskanalysens dokumentreferens innan sms slås på.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sms-risk-document');

    await section.getByLabel('Riskanalysens dokumentreferens').fill('RA-2026-014');
    await section.getByRole('button', { name: 'Spara sms-inställningen' }).click();
    await section.getByRole('status').filter({ hasText: 'Sparat. Mottagningen skickar sms.' }).waitFor();
    await section.getByText(/^Riskanalys: RA-2026-014, registrerad /).waitFor();

    await page.reload();
    await section.getByText('Mottagningen skickar sms.').waitFor();
    assert.equal(await section.getByRole('checkbox', { name: 'Skicka sms från mottagningen' }).isChecked(), true);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('Erik turns on e-mail and SMS notifications for Vårdcentralen Björkdalen and sees them after a reload', async () => {
  const { context, page, problems } = await open();
  try {
    await loginAs(page, DEMO_PEOPLE.erik);
    const sent = await callAsPage(page, 'POST', '/api/v1/cases', {
      clinic_id: clinic.id,
      service_code: 'send_message',
      fields: { message: `${RUN} fråga om aviseringar` },
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    caseId = sent.body.id;

    await page.getByRole('link', { name: 'Välj aviseringar' }).click();
    await page.waitForURL('**/patient/aviseringar');
    await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
    await page.getByText('Meddelandet säger aldrig vad det gäller.', { exact: false }).waitFor();
    await page.getByText('Svara inte på meddelandet', { exact: false }).waitFor();
    const card = page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: CLINIC }) });
    const email = card.getByRole('switch', { name: `${CLINIC}: E-post` });
    await email.waitFor();
    assert.equal(await email.isChecked(), false);
    await assertAxeClean(page, '/patient/aviseringar');

    // On asks for the address first, with focus in its field.
    await email.check();
    const address = card.getByLabel('E-postadress');
    await address.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'email');
    await card.getByRole('button', { name: 'Spara och slå på' }).click();
    await card.getByText('Skriv en e-postadress.').waitFor();
    await address.fill('inte en adress');
    await card.getByRole('button', { name: 'Spara och slå på' }).click();
    await card.getByText('Skriv en e-postadress, till exempel namn@example.se.').waitFor();
    await assertAxeClean(page, '/patient/aviseringar with a refused address');

    await address.fill(ERIK_EMAIL);
    await card.getByRole('button', { name: 'Spara och slå på' }).click();
    await card.getByRole('status').filter({ hasText: `Sparat. Du får e-post från ${CLINIC} till ${ERIK_EMAIL}.` }).waitFor();
    assert.equal(await email.isChecked(), true);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'switch', 'focus back on the switch');

    // The clinic has switched SMS on (previous test): SMS can be chosen too.
    const sms = card.getByRole('switch', { name: `${CLINIC}: Sms till mobilen` });
    await sms.check();
    await card.getByLabel('Mobilnummer').fill('070-123 45 67');
    await card.getByRole('button', { name: 'Spara och slå på' }).click();
    await card.getByRole('status').filter({ hasText: /^Sparat\. Du får sms från Vårdcentralen Björkdalen till \+46701234567\.$/ }).waitFor();

    await page.reload();
    await card.getByText(`Skickas till ${ERIK_EMAIL}, på svenska.`).waitFor();
    assert.equal(await email.isChecked(), true);
    assert.equal(await sms.isChecked(), true);

    // Withdrawing is one switch away.
    await sms.uncheck();
    await card.getByRole('status').filter({ hasText: `Sparat. Du får inte längre sms från ${CLINIC}.` }).waitFor();
    await page.reload();
    await card.getByText(`Skickas till ${ERIK_EMAIL}, på svenska.`).waitFor();
    assert.equal(await sms.isChecked(), false);
    assert.equal(await email.isChecked(), true);

    await page.setViewportSize({ width: 320, height: 800 });
    await assertNoSidewaysScroll(page, '/patient/aviseringar at 320 px');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('the unit manager opens the new case from his notices, records the patient’s consent and chooses escalations by e-mail', async () => {
  assert.ok(caseId, 'the previous test sent a case');
  const { context, page, problems } = await open();
  try {
    await loginAs(page, MATS);
    await page.getByText('1 oläst', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Aviseringar', exact: true }).click();
    await page.waitForURL('**/personal/aviseringar');
    await page.getByRole('status').filter({ hasText: 'Du har 1 oläst avisering.' }).waitFor();
    const item = page.locator('li.event', { has: page.getByRole('heading', { level: 3, name: /^Nytt ärende/ }) });
    await item.getByText('Oläst').waitFor();
    await item.getByText(CLINIC).waitFor();
    await assertAxeClean(page, '/personal/aviseringar');

    await item.getByRole('link', { name: /^Öppna ärendet/ }).click();
    await page.waitForURL(`**/personal/arenden/${caseId}`);
    const consents = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Aviseringar till patienten' }) });
    const emailRow = consents.locator('li.event', { hasText: 'E-post' });
    await emailRow.getByText(ERIK_EMAIL).waitFor();
    await emailRow.getByText('Samtycker', { exact: true }).waitFor();
    await emailRow.getByText('Patienten själv i e-tjänsten, e-tjänst').waitFor();

    // Recorded by staff: how it was obtained is required.
    await consents.getByRole('radio', { name: 'Sms' }).check();
    await consents.getByLabel('Mobilnummer').fill('070-765 43 21');
    await consents.getByRole('button', { name: 'Registrera' }).click();
    await consents.getByText('Skriv hur samtycket lämnades.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'consent-method');
    await consents.getByLabel('Hur lämnades samtycket?').fill('muntligt vid besök');
    await consents.getByRole('button', { name: 'Registrera' }).click();
    await consents.getByRole('status').filter({ hasText: 'Samtycket är registrerat.' }).waitFor();
    const smsRow = consents.locator('li.event', { hasText: '+46707654321' });
    await smsRow.getByText('Registrerat av personal, muntligt vid besök').waitFor();
    await assertAxeClean(page, '/personal/arenden/<id> with the consent section');

    // Opening the case marked the notice read.
    await page.goto('/personal/aviseringar');
    await page.getByRole('status').filter({ hasText: 'Du har 0 olästa aviseringar.' }).waitFor();
    assert.equal(await item.getByText('Oläst').count(), 0);

    const prefs = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Eskaleringar med e-post eller sms' }) });
    await prefs.getByRole('checkbox', { name: 'Skicka eskaleringar med e-post' }).check();
    await prefs.getByRole('button', { name: 'Spara dina val' }).click();
    await prefs.getByText('Skriv en e-postadress.').waitFor();
    await prefs.getByLabel('E-postadress').fill('mats.johansson@example.se');
    await prefs.getByRole('button', { name: 'Spara dina val' }).click();
    await prefs.getByRole('status').filter({ hasText: 'Dina val är sparade.' }).waitFor();
    await page.reload();
    assert.equal(await prefs.getByRole('checkbox', { name: 'Skicka eskaleringar med e-post' }).isChecked(), true);
    assert.equal(await prefs.getByLabel('E-postadress').inputValue(), 'mats.johansson@example.se');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('the region administrator sees the outbox and the templates, and a template naming {clinic} is refused with the reason', async () => {
  const { context, page, problems } = await open();
  try {
    await loginAs(page, DEMO_PEOPLE.olof);
    await page.getByRole('link', { name: 'Utskick' }).click();
    await page.waitForURL('**/personal/utskick');
    await page.getByRole('heading', { level: 1, name: 'Utskick' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Visa leveranser' });
    assert.equal(await tabs.getByRole('link', { name: 'Misslyckade' }).getAttribute('aria-current'), 'page');
    await page.getByRole('status').filter({ hasText: /leveranser? visas\./ }).waitFor();

    const group = page.locator('.eservice-group', { has: page.getByRole('heading', { level: 3, name: 'Svar i ärende' }) });
    const item = group.locator('li.service-row', { has: page.getByRole('heading', { level: 4, name: /^Sms på svenska/ }) });
    await item.getByText('Svara inte på detta meddelande.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 4 }).count(), 24, 'six events × two channels × two languages');
    await assertAxeClean(page, '/personal/utskick');

    await item.getByRole('button', { name: 'Ändra mallen' }).click();
    const body = item.getByLabel('Text', { exact: true });
    await body.fill('Nytt från {clinic}. Logga in på {link}.');
    await item.getByRole('button', { name: 'Spara mallen' }).click();
    await item
      .getByText('Platshållaren {clinic} kan avslöja en mottagning, en person, en besöksorsak eller fritext. Bara {date}, {time} och {link} får användas.')
      .waitFor();
    assert.equal(await body.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
    await assertAxeClean(page, '/personal/utskick with a refused template');

    await body.fill('Du har ett nytt meddelande. Logga in på {link}. Svara inte på detta meddelande.');
    await item.getByRole('button', { name: 'Spara mallen' }).click();
    await item.getByRole('status').filter({ hasText: 'Mallen är sparad.' }).waitFor();
    await item.getByText('Ändrad', { exact: true }).waitFor();
    await page.reload();
    await item.getByText('Du har ett nytt meddelande. Logga in på {link}.', { exact: false }).waitFor();

    await tabs.getByRole('link', { name: 'Skickade' }).click();
    await page.waitForURL('**/personal/utskick?visa=skickade');
    assert.equal(await tabs.getByRole('link', { name: 'Skickade' }).getAttribute('aria-current'), 'page');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
