// Patient e-services end to end: a patient sends every basic e-service to
// Vårdcentralen Björkdalen and sees the answer deadline, staff answer from
// the unit inbox (which updates in real time), a guardian writes for a
// child, an e-service administrator marks a basic e-service not applicable
// (and restores it), and the unit manager's follow-up counts the cases.
//
// The tests share one server and database with the other files: they
// assert on what they create themselves (ids, unique text), never on an
// empty inbox.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  api,
  assertAxeClean,
  assertNoProblems,
  checkPage,
  clinicByName,
  DEMO_PEOPLE,
  headingText,
  launch,
  loginAs,
  openPage,
} from './helpers.mjs';

const CLINIC = 'Vårdcentralen Björkdalen';
const ANNA = 'Anna Nilsson';
const MATS = 'Mats Johansson';
const BASIC = [
  'book_appointment',
  'cancel_rebook',
  'renew_prescription',
  'contact_me',
  'send_message',
  'self_referral',
  'referral_question',
  'certificate_request',
];
const WEEKDAY = '(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)';
const RUN = `e2e-${Date.now().toString(36)}`;

let browser;
let clinic;
/** Cases Erik sent in the first test: code → case id. */
const sent = new Map();

before(async () => {
  browser = await launch();
  clinic = await clinicByName(CLINIC);
});
after(async () => {
  await browser?.close();
});

const formOf = (code) => api(`/api/v1/clinics/${clinic.id}/eservices/${code}/form`);

/** "tisdag 29 december": the Stockholm day of a deadline, as the app writes it (this year's without the year). */
function dueDay(iso) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const thisYear = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', timeZone: 'Europe/Stockholm' }).format(new Date());
  const day = `${parts.weekday} ${parts.day} ${parts.month}`;
  return parts.year === thisYear ? day : `${day} ${parts.year}`;
}

/** Fills every question of a form the way a patient would; text answers carry `marker`. */
async function fillForm(page, form, marker) {
  for (const f of form.fields) {
    if (f.kind === 'choice') {
      await page.getByRole('radio', { name: f.choices[0].label_sv, exact: true }).check();
    } else if (f.kind === 'phone') {
      await page.getByLabel(f.label_sv).fill('070-123 45 67');
    } else if (f.kind === 'date') {
      await page.getByLabel(f.label_sv).fill('2026-11-02');
    } else {
      await page.getByLabel(f.label_sv).fill(`${marker} ${f.key}`);
    }
  }
}

/** From the clinic page: "Skriv till mottagningen" for one e-service, fill in, send; returns the case id. */
async function sendFromClinicPage(page, code, marker) {
  const form = await formOf(code);
  const service = clinic.eservices.find((e) => e.code === code);
  await page.goto(`/mottagningar/${clinic.id}`);
  await page.getByRole('link', { name: `Skriv till mottagningen (${service.name.sv})` }).click();
  await page.waitForURL(`**/patient/arenden/ny?mottagning=${clinic.id}&tjanst=${code}`);
  await page.getByRole('heading', { level: 1, name: service.name.sv }).waitFor();
  await fillForm(page, form, marker);
  await page.getByRole('button', { name: 'Skicka till mottagningen' }).click();
  await page.waitForURL(/\/patient\/arenden\/[0-9a-f-]+\?skickat=1$/);
  await page.getByText(`Tack! Ditt ärende är skickat till ${CLINIC}.`).waitFor();
  return new URL(page.url()).pathname.split('/').pop();
}

/** The case as the API gives it to this browser's session. */
async function caseJson(page, id) {
  const res = await page.request.get(`/api/v1/cases/${id}`);
  assert.equal(res.status(), 200);
  return res.json();
}

/** The deadline box says "Svar senast <the Stockholm day of due_at>". */
async function assertDeadline(page, id) {
  const box = page.locator('.due-box');
  await box.waitFor();
  const text = (await box.innerText()).trim();
  assert.match(text, new RegExp(`^Svar senast ${WEEKDAY} \\d{1,2} \\p{L}+( \\d{4})?$`, 'u'));
  const c = await caseJson(page, id);
  assert.equal(text, `Svar senast ${dueDay(c.due_at)}`);
}

/** Sends a case through the API as the person logged in on `page` (for setting the scene quickly). */
async function sendViaApi(page, code, fields) {
  const me = await (await page.request.get('/api/v1/me')).json();
  const res = await page.request.post('/api/v1/cases', {
    headers: { 'X-CSRF-Token': me.csrf_token },
    data: { clinic_id: clinic.id, service_code: code, fields },
  });
  assert.equal(res.status(), 201, await res.text());
  return (await res.json()).id;
}

test('a patient sends each of the eight basic e-services and sees the answer deadline', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, DEMO_PEOPLE.erik);
    // Mina sidor leads to the cases.
    await page.getByRole('link', { name: 'Mina ärenden' }).click();
    await page.waitForURL('**/patient/arenden');
    assert.equal(await headingText(page), 'Mina ärenden');

    // The form says what is missing before sending, at each field and in a summary that takes focus.
    const contact = await formOf('contact_me');
    await page.goto(`/mottagningar/${clinic.id}`);
    await page.getByRole('link', { name: 'Skriv till mottagningen (Kontakta mig)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontakta mig' }).waitFor();
    const phone = page.getByLabel('Telefonnummer');
    const help = await page.getByText('Till exempel vardagar efter 13.').getAttribute('id');
    assert.match(await page.getByLabel('När passar det att vi ringer?').getAttribute('aria-describedby'), new RegExp(help));
    await page.getByRole('button', { name: 'Skicka till mottagningen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' });
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'focus on the error summary');
    assert.equal(await summary.getByRole('link').count(), contact.fields.filter((f) => f.required).length);
    assert.equal(await phone.getAttribute('aria-invalid'), 'true');
    await checkPage(page, 'new case form with errors');
    // A link in the summary leads to its field.
    await summary.getByRole('link', { name: /^Telefonnummer/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'case-field-phone');

    // The server's field errors are shown at the field too (it checks phone numbers).
    await fillForm(page, contact, `${RUN} kontakt`);
    await phone.fill('inte ett nummer');
    await page.getByRole('button', { name: 'Skicka till mottagningen' }).click();
    await summary.getByRole('link', { name: /^Telefonnummer: Skriv ett telefonnummer/ }).waitFor();
    assert.equal(await phone.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Vad gäller det?').getAttribute('aria-invalid'), null);

    for (const code of BASIC) {
      const id = await sendFromClinicPage(page, code, `${RUN} ${code}`);
      sent.set(code, id);
      await assertDeadline(page, id);
      const c = await caseJson(page, id);
      assert.equal(c.service.code, code);
      assert.equal(c.status, 'new');
      // The answers are shown as sent.
      const text = c.form.fields.find((f) => f.kind === 'textarea' || f.kind === 'text');
      if (text) await page.locator('.answers').getByText(`${RUN} ${code} ${text.key}`).waitFor();
    }
    await checkPage(page, 'case page');

    // "Mina ärenden" lists every one of them.
    await page.goto('/patient/arenden');
    await page.getByRole('status').filter({ hasText: /ärenden? visas/ }).waitFor();
    for (const [code, id] of sent) {
      const link = page.locator(`a[href="/patient/arenden/${id}"]`);
      assert.equal(await link.count(), 1, `${code} is listed`);
    }
    assert.match(await page.locator('.case-card', { has: page.locator(`a[href="/patient/arenden/${sent.get('send_message')}"]`) }).innerText(), /Skickat till mottagningen[\s\S]*Svar senast/);
    await checkPage(page, '/patient/arenden');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('staff see the cases in the unit inbox, take one and answer; the patient sees the answer', async () => {
  assert.equal(sent.size, BASIC.length, 'the cases of the first test');
  const staff = await openPage(browser);
  const patient = await openPage(browser);
  const id = sent.get('send_message');
  const answer = `${RUN} svar från vårdcentralen`;
  try {
    const { page } = staff;
    await loginAs(page, DEMO_PEOPLE.karin);
    await page.getByRole('link', { name: 'Inkorg' }).click();
    await page.waitForURL('**/personal/inkorg');
    assert.equal(await headingText(page), 'Inkorg');
    await page.getByRole('status').filter({ hasText: /visas/ }).waitFor();
    for (const [code, caseId] of sent) {
      assert.equal(await page.locator(`a[href="/personal/arenden/${caseId}"]`).count(), 1, `${code} in the inbox`);
    }
    // Sorted by deadline: the deadlines shown never go backwards.
    const dues = await page.locator('.case-card time[datetime]').evaluateAll((els) =>
      els.filter((el) => el.closest('.due')).map((el) => el.getAttribute('datetime')),
    );
    assert.deepEqual([...dues].sort(), dues);
    await page.getByRole('navigation', { name: 'Visa ärenden' }).getByRole('link', { name: /^Ej tilldelade/ }).click();
    await page.waitForURL(/visa=ej-tilldelade/);
    await page.locator(`a[href="/personal/arenden/${id}"]`).waitFor();
    await checkPage(page, '/personal/inkorg');

    await page.locator(`a[href="/personal/arenden/${id}"]`).click();
    await page.waitForURL(`**/personal/arenden/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Skicka meddelande' }).waitFor();
    await page.getByText('Erik Sandberg, född 11 juni 1975').waitFor();
    await page.locator('.answers').getByText(`${RUN} send_message message`).waitFor();
    await page.getByRole('button', { name: 'Ta ärendet', exact: true }).click();
    await page.getByText('Du handlägger ärendet.').waitFor();
    await page.getByLabel('Meddelande till patienten').fill(answer);
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.locator('.thread').getByText(answer).waitFor();
    await page.getByRole('status').filter({ hasText: 'Svaret är skickat.' }).waitFor();
    await checkPage(page, '/personal/arenden/<id>');

    // The patient sees that the clinic has answered, and the answer.
    await loginAs(patient.page, DEMO_PEOPLE.erik);
    await patient.page.goto('/patient/arenden');
    const card = patient.page.locator('.case-card', { has: patient.page.locator(`a[href="/patient/arenden/${id}"]`) });
    await card.getByText('Nytt svar').waitFor();
    await card.getByRole('link').click();
    await patient.page.locator('.thread').getByText(answer).waitFor();
    await patient.page.getByText('Svar från Karin Ekström').waitFor();
    assert.match(await patient.page.locator('.facts').innerText(), /Mottagningen arbetar med ditt ärende/);

    // A photo: big ones are made smaller (JPEG, at most 1600 px) before they are sent.
    const png = await patient.page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 2400;
      canvas.height = 1800;
      const g = canvas.getContext('2d');
      const grad = g.createLinearGradient(0, 0, 2400, 1800);
      grad.addColorStop(0, '#c33');
      grad.addColorStop(1, '#fdd');
      g.fillStyle = grad;
      g.fillRect(0, 0, 2400, 1800);
      return canvas.toDataURL('image/png').split(',')[1];
    });
    await patient.page.getByLabel('Välj en bild').setInputFiles({ name: 'utslag.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    await patient.page.getByRole('button', { name: 'Skicka bilden' }).click();
    await patient.page.getByRole('status').filter({ hasText: 'Bilden är skickad.' }).waitFor();
    const img = patient.page.locator('.thread img').first();
    await img.waitFor();
    await patient.page.waitForFunction(() => {
      const i = document.querySelector('.thread img');
      return i !== null && i.complete && i.naturalWidth > 0;
    });
    assert.deepEqual(await img.evaluate((i) => [i.naturalWidth, i.naturalHeight]), [1600, 1200]);
    const withImage = await caseJson(patient.page, id);
    const attachment = withImage.messages.flatMap((m) => m.attachments)[0];
    assert.equal(attachment.content_type, 'image/jpeg');
    assert.ok(attachment.size <= 1_000_000);
    await checkPage(patient.page, 'patient case page with an answer and a picture');

    // Back with staff: the picture arrived (in real time), then close with an outcome and document.
    await page.locator('.thread img').waitFor();
    await page.getByLabel('Utfall', { exact: true }).selectOption({ label: 'Besvarat' });
    await page.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await page.getByText('Ärendet är avslutat: Besvarat.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ärendet är avslutat: Besvarat.');
    await page.locator('.facts').getByText('Besvarat', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Visa underlag' }).click();
    assert.match(await page.getByLabel(/^Underlag, kontaktdag/).inputValue(), /Kontaktdag: \d{4}-\d{2}-\d{2}[\s\S]*Patient: Erik Sandberg/);
    assert.equal(await page.getByRole('link', { name: 'Ladda ner som textfil' }).getAttribute('href'), `/api/v1/cases/${id}/summary?format=text`);
    await page.getByRole('button', { name: 'Dokumenterad i journalen' }).click();
    await page.getByText(/^Dokumenterad i journalen \d{4}-\d{2}-\d{2}/).waitFor();
    await checkPage(page, 'closed and documented case');

    // The patient's page says the case is closed and offers no reply box.
    await patient.page.reload();
    await patient.page.getByText('Ärendet är avslutat.', { exact: false }).waitFor();
    assert.equal(await patient.page.getByLabel('Meddelande', { exact: true }).count(), 0);
    assertNoProblems(staff.problems);
    assertNoProblems(patient.problems);
  } finally {
    await staff.context.close();
    await patient.context.close();
  }
});

test('the inbox shows a new case without reloading the page', async () => {
  const staff = await openPage(browser);
  const patient = await openPage(browser);
  try {
    const { page } = staff;
    await loginAs(page, DEMO_PEOPLE.karin);
    await page.goto(`/personal/inkorg?enhet=${clinic.id}`);
    await page.getByText('Listan uppdateras automatiskt när något händer.').waitFor({ timeout: 20_000 });
    await page.evaluate(() => {
      window.__sameDocument = true;
    });

    await loginAs(patient.page, DEMO_PEOPLE.erik);
    const id = await sendViaApi(patient.page, 'send_message', { message: `${RUN} realtid` });
    await page.locator(`a[href="/personal/arenden/${id}"]`).waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    assertNoProblems(staff.problems);
  } finally {
    await staff.context.close();
    await patient.context.close();
  }
});

test('a clinic that has not opened its e-services says so before any form is filled in', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, DEMO_PEOPLE.erik);
    // Psykiatriska öppenvårdsmottagningen Ekbacken has no e-service administrator yet (E5).
    const ekbacken = await clinicByName('Psykiatriska öppenvårdsmottagningen Ekbacken');
    await page.goto(`/patient/arenden/ny?mottagning=${ekbacken.id}&tjanst=send_message`);
    await page.getByText('Mottagningen har inte öppnat sina e-tjänster ännu.', { exact: false }).waitFor();
    assert.equal(await page.locator('form textarea').count(), 0);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a guardian sends a case for her child', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, DEMO_PEOPLE.sara);
    await page.getByRole('radio', { name: /^Ella Lindqvist/ }).check();
    await page.getByRole('button', { name: 'Byt' }).click();
    await page.locator('header.site-header').getByText('Agerar för Ella Lindqvist').waitFor();

    const form = await formOf('send_message');
    await page.goto(`/mottagningar/${clinic.id}`);
    await page.getByRole('link', { name: 'Skriv till mottagningen (Skicka meddelande)' }).click();
    await page.getByText('Du skickar för Ella Lindqvist.').waitFor();
    await fillForm(page, form, `${RUN} Ella`);
    await page.getByRole('button', { name: 'Skicka till mottagningen' }).click();
    await page.waitForURL(/\/patient\/arenden\/[0-9a-f-]+\?skickat=1$/);
    const id = new URL(page.url()).pathname.split('/').pop();
    await assertDeadline(page, id);
    assert.match(await page.locator('.facts').innerText(), /Gäller\s+Ella Lindqvist/);
    const c = await caseJson(page, id);
    assert.equal(c.patient.name, 'Ella Lindqvist');
    assert.equal(c.submitted_by, 'guardian');

    await page.goto('/patient/arenden');
    await page.getByText('Ärenden för Ella Lindqvist.').waitFor();
    await page.locator(`a[href="/patient/arenden/${id}"]`).waitFor();
    await checkPage(page, '/patient/arenden for a child');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('an e-service administrator marks a basic e-service not applicable only with a reason, then restores it', async () => {
  const { context, page, problems } = await openPage(browser);
  const code = 'referral_question';
  const name = 'Fråga om min remiss';
  const reason = `Remisser hanteras av sjukhuset (${RUN})`;
  // What the clinic's administration says (the public directory may be a second behind: it is cached).
  const statusOf = async () => {
    const res = await page.request.get(`/api/v1/clinics/${clinic.id}/eservice-administration`);
    assert.equal(res.status(), 200);
    return (await res.json()).catalogue.find((e) => e.code === code);
  };
  /** Waits until patients are shown `status` (the public clinic page is cached for about a second). */
  const publicStatus = async (status) => {
    for (let i = 0; i < 30; i++) {
      const pub = (await api(`/api/v1/clinics/${clinic.id}`)).eservices.find((e) => e.code === code);
      if (pub?.status === status) return pub;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.fail(`the public clinic never showed ${code} as ${status}`);
  };
  let csrf = null;
  try {
    await loginAs(page, ANNA);
    csrf = (await (await page.request.get('/api/v1/me')).json()).csrf_token;
    await page.getByRole('link', { name: 'E-tjänster', exact: true }).click();
    await page.waitForURL('**/personal/e-tjanster');
    assert.equal(await headingText(page), 'E-tjänster');
    const toggle = page.getByRole('switch', { name: new RegExp(`^${name}:?\\s+Erbjuds$`) });
    await toggle.waitFor();
    assert.equal(await toggle.isChecked(), true);
    await checkPage(page, '/personal/e-tjanster');

    // Off without a reason: refused, and nothing changes for patients.
    await toggle.uncheck();
    const why = page.getByLabel(`Varför är ”${name}” inte tillämplig?`);
    await why.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
    await page.getByRole('button', { name: 'Spara som inte tillämplig' }).click();
    await page.getByText('Skriv varför e-tjänsten inte är tillämplig, minst 5 tecken.').waitFor();
    assert.equal(await why.getAttribute('aria-invalid'), 'true');
    await checkPage(page, 'not applicable without a reason');
    assert.equal((await statusOf()).status, 'on');
    await publicStatus('on');
    // The server refuses it as well.
    const refused = await page.request.put(`/api/v1/clinics/${clinic.id}/eservices/${code}`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { status: 'not_applicable' },
    });
    assert.equal(refused.status(), 422);

    // With a reason: saved, and patients see it with the reason.
    await why.fill(reason);
    await page.getByRole('button', { name: 'Spara som inte tillämplig' }).click();
    await page.getByRole('status').filter({ hasText: `Sparat: ”${name}” erbjuds inte.` }).waitFor();
    assert.equal(await toggle.isChecked(), false);
    const saved = await statusOf();
    assert.equal(saved.status, 'not_applicable');
    assert.equal(saved.reason, reason);
    const shown = await publicStatus('not_applicable');
    assert.equal(shown.reason?.sv ?? shown.reason, reason);
    await page.goto(`/mottagningar/${clinic.id}`);
    const item = page.locator('.eservice', { hasText: name });
    assert.match(await item.innerText(), new RegExp(`Erbjuds inte[\\s\\S]*${reason.replace(/[()]/g, '\\$&')}`));

    // Restored, so that the other tests find it offered.
    await page.goto('/personal/e-tjanster');
    await toggle.check();
    await page.getByRole('status').filter({ hasText: `Sparat: ”${name}” erbjuds.` }).waitFor();
    assert.equal((await statusOf()).status, 'on');
    await publicStatus('on');
    assertNoProblems(problems);
  } finally {
    if (csrf && (await statusOf()).status !== 'on') {
      await page.request.put(`/api/v1/clinics/${clinic.id}/eservices/${code}`, { headers: { 'X-CSRF-Token': csrf }, data: { status: 'on' } });
    }
    await context.close();
  }
});

test('the unit manager’s follow-up counts the cases and offers a CSV file', async () => {
  const manager = await openPage(browser);
  const patient = await openPage(browser);
  try {
    const { page } = manager;
    await loginAs(page, MATS);
    await page.getByRole('link', { name: 'Uppföljning av e-tjänster' }).click();
    await page.waitForURL('**/personal/uppfoljning');
    await page.getByRole('status').filter({ hasText: /mottagning(ar)? visas/ }).waitFor();
    const cell = page.locator('table').first().locator('tr', { hasText: CLINIC }).locator('td[data-cases]');
    const shown = Number(await cell.innerText());
    // The same as the API says for the same period, and at least the cases sent above.
    const csvHref = await page.getByRole('link', { name: /CSV-fil/ }).getAttribute('href');
    const jsonUrl = csvHref.replace(/&?format=csv/, '');
    const report = await (await page.request.get(jsonUrl)).json();
    assert.equal(shown, report.items.find((r) => r.clinic.name === CLINIC).cases);
    assert.ok(shown >= sent.size, `${shown} cases counted`);
    await checkPage(page, '/personal/uppfoljning');

    // One more case is counted when the report is asked for again.
    await loginAs(patient.page, DEMO_PEOPLE.erik);
    await sendViaApi(patient.page, 'send_message', { message: `${RUN} uppföljning` });
    await page.getByRole('button', { name: 'Visa uppföljningen' }).click();
    await page.waitForFunction((n) => {
      const td = [...document.querySelectorAll('table')][0]?.querySelector('td[data-cases]');
      return td !== null && Number(td.textContent) === n;
    }, shown + 1);

    const csv = await page.request.get(csvHref);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /^text\/csv/);
    assert.match(await csv.text(), new RegExp(`${CLINIC},yes,send_message,`));
    assertNoProblems(manager.problems);
  } finally {
    await manager.context.close();
    await patient.context.close();
  }
});

test('absence, the undocumented list and the English inbox', async () => {
  const { context, page, problems } = await openPage(browser);
  let csrf = null;
  try {
    await loginAs(page, DEMO_PEOPLE.karin);
    csrf = (await (await page.request.get('/api/v1/me')).json()).csrf_token;
    // Absent until a given day: the colleagues see one's cases meanwhile; then back again.
    await page.goto('/personal/inkorg');
    const absence = page.getByRole('region', { name: 'Frånvaro' });
    await absence.getByRole('button', { name: 'Markera mig som frånvarande' }).click();
    await absence.getByText(/^Du är markerad som frånvarande till och med \d{1,2} \p{L}+ \d{4}\./u).waitFor();
    const away = await (await page.request.get('/api/v1/me/absence')).json();
    assert.ok(away && Date.parse(away.to) > Date.now(), 'the server has the absence');
    await assertAxeClean(page, 'inbox while absent');
    await absence.getByRole('button', { name: 'Jag är tillbaka' }).click();
    await absence.getByRole('button', { name: 'Markera mig som frånvarande' }).waitFor();
    assert.equal(await (await page.request.get('/api/v1/me/absence')).json(), null);

    await page.goto('/personal/odokumenterade');
    assert.equal(await headingText(page), 'Ej dokumenterade kontakter');
    await page.getByRole('status').filter({ hasText: /visas/ }).waitFor();
    await checkPage(page, '/personal/odokumenterade');
    await page.getByRole('button', { name: /English/ }).click();
    await page.goto('/personal/inkorg');
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByRole('status').filter({ hasText: /Showing/ }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await checkPage(page, 'English inbox');
    assertNoProblems(problems);
  } finally {
    if (csrf) await page.request.delete('/api/v1/me/absence', { headers: { 'X-CSRF-Token': csrf } });
    await context.close();
  }
});
