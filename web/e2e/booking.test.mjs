// Booking end to end: a patient books a free visit at Vårdcentralen
// Björkdalen, finds it under Mina tider with a calendar file, moves it and
// cancels it; staff see booked appointments in the unit calendar; staff book
// a video meeting from a booking request, which needs their confirmation
// that a digital meeting suits the patient, and the request is closed.
//
// The server runs on the real clock and is shared with the other files:
// the tests choose days at least two days ahead (so the 24 h limit for
// cancelling does not apply) and assert only on what they book themselves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  api,
  assertAxeClean,
  assertNoProblems,
  assertNoSidewaysScroll,
  clinicByName,
  DEMO_PEOPLE,
  launch,
  loginAs,
  openPage,
} from './helpers.mjs';

const CLINIC = 'Vårdcentralen Björkdalen';
const RUN = `e2e-${Date.now().toString(36)}`;
const DAY_MS = 86_400_000;

let browser;
let clinic;
let types;

before(async () => {
  browser = await launch();
  clinic = await clinicByName(CLINIC);
  types = (await api(`/api/v1/units/${clinic.id}/appointment-types`)).items;
});
after(async () => {
  await browser?.close();
});

/** Stockholm's date (YYYY-MM-DD) of an instant. */
function stockholmDay(ms) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** Stockholm's ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
function weekday(day) {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The first Stockholm day at least `ahead` days from now whose weekday is one of `weekdays`. */
function dayAhead(ahead, weekdays = [1, 2, 3, 4, 5]) {
  for (let i = ahead; i < ahead + 14; i++) {
    const day = stockholmDay(Date.now() + i * DAY_MS);
    if (weekdays.includes(weekday(day))) return day;
  }
  throw new Error('no such day');
}

/** "08.00": the Stockholm time of an instant as the app writes it. */
function clock(iso) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso))
    .replace(':', '.');
}

async function checkPage(page, what) {
  await assertAxeClean(page, what);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  await assertNoSidewaysScroll(page, `${what} at 320 px`);
  await page.setViewportSize(size);
}

async function csrf(page) {
  return (await (await page.request.get('/api/v1/me')).json()).csrf_token;
}

async function myAppointments(page) {
  const res = await page.request.get('/api/v1/me/appointments');
  assert.equal(res.status(), 200);
  return (await res.json()).items;
}

/** Shows the free times of one day in a slot picker (`scope` is the page or a part of it). */
async function showDay(scope, day) {
  await scope.getByLabel('Från och med').fill(day);
  await scope.getByLabel('Till och med').fill(day);
  await scope.getByRole('button', { name: 'Visa lediga tider' }).click();
}

/** Chooses the first free time listed in `scope`; gives its label. */
async function chooseFirstTime(scope) {
  const radio = scope.locator('.slot-form input[type="radio"]').first();
  await radio.waitFor();
  const id = await radio.getAttribute('id');
  const label = (await scope.locator(`label[for="${id}"]`).innerText()).trim();
  await radio.check();
  return label;
}

test('a patient books a free visit, sees it with a calendar file, rebooks it and cancels it', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await loginAs(page, DEMO_PEOPLE.erik);
    // From the patient page to Mina tider.
    await page.goto('/patient');
    await page.getByRole('link', { name: 'Mina tider' }).click();
    await page.waitForURL('**/patient/tider');
    await page.getByRole('heading', { level: 1, name: 'Mina tider' }).waitFor();

    // From the clinic page, next to Webbtidbok, to the booking page.
    await page.goto(`/mottagningar/${clinic.id}`);
    await page.getByRole('link', { name: 'Boka tid på webben (Webbtidbok)' }).click();
    await page.waitForURL(`**/patient/tider/boka?mottagning=${clinic.id}`);
    await page.getByRole('heading', { level: 1, name: 'Boka tid' }).waitFor();
    await page.getByText(`Välj en ledig tid hos ${CLINIC}.`).waitFor();

    const first = dayAhead(3);
    await showDay(page, first);
    await page.getByRole('status').filter({ hasText: /lediga? tid/ }).waitFor();
    const label = await chooseFirstTime(page);
    assert.match(label, /^\d{2}\.\d{2}, Läkarbesök, /);
    await checkPage(page, 'booking page with free times');
    await page.getByRole('button', { name: 'Boka tiden' }).click();
    await page.waitForURL(/\/patient\/tider\?bokad=/);
    const id = new URL(page.url()).searchParams.get('bokad');
    await page.getByText(/^Tiden är bokad: \p{L}+dag \d{1,2} \p{L}+( \d{4})? kl\. \d{2}\.\d{2}\.$/u).waitFor();

    let booked = (await myAppointments(page)).find((a) => a.id === id);
    assert.equal(booked.status, 'booked');
    assert.equal(stockholmDay(Date.parse(booked.start)), first);
    assert.ok(label.startsWith(clock(booked.start)), `${label} is at ${clock(booked.start)}`);

    const card = page.locator(`#appointment-${id}`);
    await card.getByText('Bokad', { exact: true }).waitFor();
    const ics = card.getByRole('link', { name: /^Lägg till i kalendern/ });
    const href = await ics.getAttribute('href');
    assert.equal(href, `/api/v1/appointments/${id}/calendar.ics`);
    const file = await page.request.get(href);
    assert.equal(file.status(), 200);
    assert.match(file.headers()['content-type'], /^text\/calendar/);
    assert.match(await file.text(), /BEGIN:VEVENT/);
    await checkPage(page, 'Mina tider');

    // Rebook to a time on another day.
    const second = dayAhead(4);
    await card.getByRole('button', { name: /^Boka om/ }).click();
    const rebook = card.locator('section.rebook');
    await rebook.getByRole('heading', { name: 'Välj en ny tid' }).waitFor();
    await showDay(rebook, second);
    const newLabel = await chooseFirstTime(rebook);
    await checkPage(page, 'rebooking');
    await rebook.getByRole('button', { name: 'Boka om till den här tiden' }).click();
    await page.getByText(/^Besöket är ombokat till /).waitFor();

    const mine = await myAppointments(page);
    const moved = mine.find((a) => a.status === 'booked' && stockholmDay(Date.parse(a.start)) === second && newLabel.startsWith(clock(a.start)));
    assert.ok(moved, 'the appointment is booked at the new time');
    booked = mine.find((a) => a.id === id);
    assert.ok(booked.id === moved.id || booked.status === 'cancelled', 'the old time is given up');

    // Cancel it.
    const movedCard = page.locator(`#appointment-${moved.id}`);
    await movedCard.getByRole('button', { name: /^Avboka/ }).click();
    await movedCard.getByRole('button', { name: 'Ja, avboka besöket' }).click();
    await page.getByText('Besöket är avbokat.').waitFor();
    await page.locator(`#appointment-${moved.id}`).getByText('Avbokad', { exact: true }).waitFor();
    const after = (await myAppointments(page)).find((a) => a.id === moved.id);
    assert.equal(after.status, 'cancelled');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('staff see an appointment in the unit calendar', async () => {
  const patient = await openPage(browser);
  const staff = await openPage(browser);
  try {
    // Erik books a visit through the API.
    await loginAs(patient.page, DEMO_PEOPLE.erik);
    const day = dayAhead(5);
    const next = stockholmDay(Date.parse(`${day}T12:00:00Z`) + DAY_MS);
    const slots = await patient.page.request.get(`/api/v1/units/${clinic.id}/slots?from=${day}&to=${next}`);
    assert.equal(slots.status(), 200);
    const free = (await slots.json()).items.filter((s) => s.status === 'free');
    assert.ok(free.length > 0, `a free time on ${day}`);
    const res = await patient.page.request.post('/api/v1/appointments', {
      headers: { 'X-CSRF-Token': await csrf(patient.page) },
      data: { slot_id: free[0].id },
    });
    assert.equal(res.status(), 201, await res.text());
    const appointment = await res.json();

    await loginAs(staff.page, DEMO_PEOPLE.karin);
    await staff.page.goto('/personal');
    await staff.page.getByRole('link', { name: 'Mottagningens kalender' }).click();
    await staff.page.getByRole('heading', { level: 1, name: 'Kalender' }).waitFor();
    await staff.page.goto(`/personal/kalender?enhet=${clinic.id}&dag=${day}`);
    const row = staff.page.locator(`#appointment-${appointment.id}`);
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, new RegExp(`${clock(appointment.start)}–${clock(appointment.end)}`));
    assert.match(text, /Erik Sandberg/);
    assert.match(text, /Läkarbesök, Besök på mottagningen/);
    assert.match(text, /Bokad/);
    // Not started: neither arrived nor no-show yet, but done is offered.
    assert.equal(await row.getByRole('button', { name: /^Ankommen/ }).count(), 0);
    assert.equal(await row.getByRole('button', { name: /^Uteblev/ }).count(), 0);
    await row.getByRole('button', { name: /^Genomförd/ }).waitFor();
    await staff.page.getByRole('heading', { level: 3, name: 'Lediga tider' }).first().waitFor();
    await checkPage(staff.page, 'calendar, day');
    await staff.page.getByRole('link', { name: 'Visa: Vecka' }).click();
    await staff.page.getByRole('link', { name: 'Nästa vecka' }).waitFor();
    await row.waitFor();
    await checkPage(staff.page, 'calendar, week');

    // Tidy up: Erik cancels, so later runs find the time free.
    const cancel = await patient.page.request.post(`/api/v1/appointments/${appointment.id}/cancel`, {
      headers: { 'X-CSRF-Token': await csrf(patient.page) },
    });
    assert.equal(cancel.status(), 200);
    assertNoProblems(patient.problems);
    assertNoProblems(staff.problems);
  } finally {
    await patient.context.close();
    await staff.context.close();
  }
});

test('staff book a video meeting from a booking request only after confirming it suits the patient', async () => {
  const patient = await openPage(browser);
  const staff = await openPage(browser);
  try {
    // Erik asks for a time with the clinic's "Boka tid" e-service.
    await loginAs(patient.page, DEMO_PEOPLE.erik);
    await patient.page.goto(`/mottagningar/${clinic.id}`);
    await patient.page.getByRole('link', { name: 'Skriv till mottagningen (Boka tid)' }).click();
    await patient.page.getByLabel('Vad gäller det?').fill(`${RUN} ont i ryggen`);
    await patient.page.getByLabel('Önskade tider').fill('Eftermiddagar');
    await patient.page.getByRole('radio', { name: 'Videosamtal', exact: true }).check();
    await patient.page.getByRole('button', { name: 'Skicka till mottagningen' }).click();
    await patient.page.waitForURL(/\/patient\/arenden\/[0-9a-f-]+\?skickat=1$/);
    const caseId = new URL(patient.page.url()).pathname.split('/').pop();

    await loginAs(staff.page, DEMO_PEOPLE.karin);
    const page = staff.page;
    await page.goto(`/personal/arenden/${caseId}`);
    const panel = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Boka tid' }) });
    await panel.waitFor();
    const video = types.find((t) => t.channel === 'video');
    await panel.getByLabel('Besökstyp').selectOption(video.id);
    const day = dayAhead(2, [2, 4]);
    await showDay(panel, day);
    const label = await chooseFirstTime(panel);
    assert.match(label, new RegExp(`, ${video.name_sv}, `));
    const box = panel.getByLabel('Jag har bedömt att ett digitalt möte passar patienten (Socialstyrelsens fyra principer)');
    await box.waitFor();
    await checkPage(page, 'booking panel of a case');

    // Without the confirmation: refused on the page …
    await panel.getByRole('button', { name: 'Boka tiden' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Bekräfta att ett digitalt möte passar patienten innan du bokar.' }).waitFor();
    // … and by the server.
    const slotId = (await panel.locator('.slot-form input[type="radio"]:checked').getAttribute('value'));
    const caseJson = await (await page.request.get(`/api/v1/cases/${caseId}`)).json();
    const refused = await page.request.post('/api/v1/appointments', {
      headers: { 'X-CSRF-Token': await csrf(page) },
      data: { slot_id: slotId, patient_id: caseJson.patient.id, case_id: caseId },
    });
    assert.equal(refused.status(), 422);
    assert.equal((await refused.json()).errors[0].field, '/suitability_confirmed');

    // With it: booked, and the request is closed.
    await box.check();
    await panel.getByRole('button', { name: 'Boka tiden' }).click();
    await page.getByText(/^Tiden är bokad: .+ kl\. \d{2}\.\d{2}\. Ärendet är avslutat\.$/).waitFor();
    await page.locator('.facts dd').getByText('Avslutat', { exact: true }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Boka tid' }).count(), 0);
    const closed = await (await page.request.get(`/api/v1/cases/${caseId}`)).json();
    assert.equal(closed.status, 'closed');

    const mine = await myAppointments(patient.page);
    const booked = mine.find((a) => a.case_id === caseId);
    assert.ok(booked, 'the patient has the appointment');
    assert.equal(booked.channel, 'video');
    assert.equal(booked.status, 'booked');
    assert.ok(label.startsWith(clock(booked.start)));
    // Tidy up: the clinic cancels it, so later runs find the time free.
    const cancel = await page.request.post(`/api/v1/appointments/${booked.id}/cancel`, { headers: { 'X-CSRF-Token': await csrf(page) } });
    assert.equal(cancel.status(), 200);
    assertNoProblems(patient.problems);
    assertNoProblems(staff.problems);
  } finally {
    await patient.context.close();
    await staff.context.close();
  }
});

test('a time someone else booked first is refused in plain words and the list is refreshed', async () => {
  const erik = await openPage(browser);
  const sara = await openPage(browser);
  try {
    await loginAs(erik.page, DEMO_PEOPLE.erik);
    await loginAs(sara.page, DEMO_PEOPLE.sara);
    const page = erik.page;
    await page.goto(`/patient/tider/boka?mottagning=${clinic.id}`);
    await showDay(page, dayAhead(6));
    await chooseFirstTime(page);
    const slotId = await page.locator('.slot-form input[type="radio"]:checked').getAttribute('value');

    // Sara takes the very time while Erik is deciding.
    const res = await sara.page.request.post('/api/v1/appointments', {
      headers: { 'X-CSRF-Token': await csrf(sara.page) },
      data: { slot_id: slotId },
    });
    assert.equal(res.status(), 201, await res.text());
    const saras = await res.json();

    await page.getByRole('button', { name: 'Boka tiden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tiden hann bokas av någon annan' }).waitFor();
    await page.waitForFunction((id) => !document.querySelector(`.slot-form input[value="${id}"]`), slotId);
    assert.ok(!(await myAppointments(page)).some((a) => a.status === 'booked' && a.start === saras.start));

    const cancel = await sara.page.request.post(`/api/v1/appointments/${saras.id}/cancel`, {
      headers: { 'X-CSRF-Token': await csrf(sara.page) },
    });
    assert.equal(cancel.status(), 200);
    assertNoProblems(erik.problems);
    assertNoProblems(sara.problems);
  } finally {
    await erik.context.close();
    await sara.context.close();
  }
});
