// Booking end to end: a patient books a free visit at Vårdcentralen
// Björkdalen, finds it under Mina tider with a calendar file, moves it and
// cancels it; staff see booked appointments in the unit calendar; staff book
// a video meeting from a booking request, which needs their confirmation
// that a digital meeting suits the patient, and the request is closed; the
// unit manager sets up an appointment type, opening hours and an absence on
// the schedule page, and staff book a patient found by personnummer directly
// from the calendar.
//
// The server runs on the real clock and is shared with the other files:
// the tests choose days at least two days ahead (so the 24 h limit for
// cancelling does not apply) and assert only on what they book themselves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  api,
  assertNoProblems,
  checkPage,
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

/** A YYYY-MM-DD date plus `n` days. */
function addDays(day, n) {
  return new Date(Date.parse(`${day}T12:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a Saturday (MM-DD) may be a Swedish public holiday, when opening hours make no times. */
function holidaySaturday(md) {
  return (
    ['12-24', '12-25', '12-26', '12-31', '01-01', '01-06'].includes(md) ||
    (md >= '06-20' && md <= '06-26') || // midsommardagen
    (md >= '10-31' && md <= '11-06') // alla helgons dag
  );
}

/** A Saturday at least `ahead` days from now that is no public holiday. */
function plainSaturday(ahead) {
  for (let i = ahead; i < ahead + 60; i++) {
    const day = stockholmDay(Date.now() + i * DAY_MS);
    if (weekday(day) === 6 && !holidaySaturday(day.slice(5))) return day;
  }
  throw new Error('no such day');
}

/** "5 december 2026": a date as the app writes it in Swedish. */
function longDate(day) {
  return new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** "08.00": the Stockholm time of an instant as the app writes it. */
function clock(iso) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso))
    .replace(':', '.');
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

test('the unit manager sets up a type, opening hours and an absence; staff book a patient found by personnummer from the calendar', async () => {
  const manager = await openPage(browser);
  const staff = await openPage(browser);
  try {
    // Mats Johansson, unit manager at Björkdalen, goes from the staff page to the schedule.
    await loginAs(manager.page, 'Mats Johansson');
    const page = manager.page;
    await page.goto('/personal');
    await page.getByRole('link', { name: 'Schema: besökstyper, mottagningstider och frånvaro' }).click();
    await page.waitForURL('**/personal/schema');
    await page.getByRole('heading', { level: 1, name: 'Schema' }).waitFor();
    await page.locator('#types-table').getByRole('rowheader', { name: 'Läkarbesök' }).waitFor();
    await page.locator('#hours-table').getByText('Karin Ekström').first().waitFor();

    // A phone call with a nurse: patients cannot book it themselves.
    const name = `Telefonsamtal ${RUN}`;
    await page.getByLabel('Namn på svenska').fill(name);
    await page.getByLabel('Namn på engelska').fill(`Phone call ${RUN}`);
    await page.getByLabel('Längd i minuter').fill('15');
    const self = page.getByLabel('Patienten kan boka tiden själv på webben');
    assert.equal(await self.isDisabled(), false);
    await page.getByRole('radio', { name: 'Telefonsamtal', exact: true }).check();
    assert.equal(await self.isDisabled(), true);
    await page.getByText(/^Video- och telefontider kan patienten inte boka själv/).waitFor();
    await page.getByRole('radio', { name: 'Annan yrkesgrupp' }).check();
    await page.getByRole('button', { name: 'Lägg till besökstypen' }).click();
    await page.getByText(`Besökstypen ${name} är tillagd.`).waitFor();
    const typeRow = page.locator('#types-table tr', { hasText: name });
    await typeRow.waitFor();
    assert.match(await typeRow.innerText(), /15 min\s+Telefonsamtal\s+Annan yrkesgrupp\s+Nej/);
    const type = (await api(`/api/v1/units/${clinic.id}/appointment-types`)).items.find((t) => t.name_sv === name);
    assert.ok(type, 'the type is saved');
    assert.equal(type.channel, 'phone');
    assert.equal(type.profession, 'other');
    assert.equal(type.self_bookable, false);

    // Anna Nilsson takes such calls on Saturdays for three weeks, in an hour she has no times yet
    // (times are unique per person and start, so a run against the same server takes the next hour).
    const saturday = plainSaturday(3);
    const last = addDays(saturday, 14);
    const anna = (await (await page.request.get(`/api/v1/units/${clinic.id}/staff`)).json()).items.find((p) => p.name === 'Anna Nilsson');
    const hers = await page.request.get(`/api/v1/units/${clinic.id}/slots?from=${saturday}&to=${addDays(last, 1)}&staff_id=${anna.id}&limit=500`);
    const takenHours = new Set((await hers.json()).items.map((x) => clock(x.start).slice(0, 2)));
    const hour = ['09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '08', '07'].find((h) => !takenHours.has(h));
    const next = String(Number(hour) + 1).padStart(2, '0');
    await page.getByLabel('Vem tar emot').selectOption({ label: 'Anna Nilsson, Distriktssköterska' });
    await page.getByLabel('Besökstyp', { exact: true }).selectOption(type.id);
    await page.getByLabel('Veckodag').selectOption({ label: 'Lördag' });
    await page.getByLabel('Från klockan').fill(`${hour}:00`);
    await page.getByLabel('Till klockan').fill(`${next}:00`);
    await page.getByLabel('Gäller från och med').fill(saturday);
    await page.getByLabel('Gäller till och med (valfritt)').fill(last);
    await page.getByRole('button', { name: 'Lägg till tiderna' }).click();
    const created = page.getByText(/^\d+ tider skapades\.$/);
    await created.waitFor();
    // Four 15-minute times a Saturday, on every Saturday of the three that is no holiday.
    assert.ok(Number((await created.innerText()).split(' ')[0]) >= 4, await created.innerText());
    const hoursRow = page.locator('#hours-table tr', { hasText: name });
    await hoursRow.waitFor();
    assert.match(await hoursRow.innerText(), new RegExp(`^Anna Nilsson\\s+${name}\\s+Lördag ${hour}\\.00–${next}\\.00\\s+Gäller ${longDate(saturday)} – ${longDate(last)}$`));

    // Anna is away on the second of those Saturdays: the form asks for the last day, the server gets the next.
    const away = addDays(saturday, 7);
    await page.getByLabel('Vem är borta').selectOption({ label: 'Anna Nilsson, Distriktssköterska' });
    await page.getByLabel('Första frånvarodag').fill(away);
    await page.getByLabel('Sista frånvarodag').fill(away);
    await page.getByRole('button', { name: 'Lägg in frånvaron' }).click();
    await page.getByText('Frånvaron är inlagd.').waitFor();
    await page.locator('#absence-list li', { hasText: `Anna Nilsson: ${longDate(away)}` }).waitFor();
    const freeOn = async (day) => {
      const res = await page.request.get(`/api/v1/units/${clinic.id}/slots?from=${day}&to=${addDays(day, 1)}&appointment_type_id=${type.id}`);
      assert.equal(res.status(), 200);
      return (await res.json()).items.length;
    };
    assert.equal(await freeOn(away), 0, 'no free times while Anna is away');
    assert.equal(await freeOn(saturday), 4, 'the Saturday before is untouched');
    await checkPage(page, 'schedule page');

    // Karin, a doctor there, sees the schedule but may not add types.
    await loginAs(staff.page, DEMO_PEOPLE.karin);
    const cal = staff.page;
    await cal.goto(`/personal/schema?enhet=${clinic.id}`);
    await cal.getByText('Bara verksamhetschefen kan lägga till besökstyper.').waitFor();
    await cal.locator('#hours-table tr', { hasText: name }).waitFor();

    // She books Erik Sandberg a call from the calendar, finding him by personnummer.
    const urls = [];
    cal.on('request', (r) => urls.push(r.url()));
    await cal.goto(`/personal/kalender?enhet=${clinic.id}&dag=${saturday}`);
    await cal.getByRole('heading', { level: 1, name: 'Kalender' }).waitFor();
    const panel = cal.locator('section', { has: cal.getByRole('heading', { level: 2, name: 'Boka tid för patient' }) });
    const pnr = panel.getByLabel('Patientens personnummer');
    await pnr.fill('19750611-9813');
    await panel.getByRole('button', { name: 'Sök patient' }).click();
    await panel.getByText(/^Personnumret stämmer inte\./).waitFor();
    assert.equal(await pnr.getAttribute('aria-invalid'), 'true');
    await pnr.fill('19800101-1231');
    await panel.getByRole('button', { name: 'Sök patient' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Det finns ingen patient med det personnumret.' }).waitFor();
    await pnr.fill('19750611-9812');
    await panel.getByRole('button', { name: 'Sök patient' }).click();
    await panel.getByText('Hittade Erik Sandberg.').waitFor();
    assert.match(await panel.locator('.facts').innerText(), /Erik Sandberg[\s\S]*11 juni 1975/);

    await panel.getByLabel('Besökstyp').selectOption(type.id);
    await showDay(panel, saturday);
    const label = await chooseFirstTime(panel);
    assert.equal(label, `${hour}.00, ${name}, Anna Nilsson`);
    // A phone call: booked only once Karin confirms a digital meeting suits Erik.
    await panel.getByRole('button', { name: 'Boka tiden' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Bekräfta att ett digitalt möte passar patienten innan du bokar.' }).waitFor();
    await panel.getByLabel('Jag har bedömt att ett digitalt möte passar patienten (Socialstyrelsens fyra principer)').check();
    await checkPage(cal, 'calendar with the booking panel');
    await panel.getByRole('button', { name: 'Boka tiden' }).click();
    await panel.getByText(new RegExp(`^Tiden är bokad för Erik Sandberg: .+ kl\\. ${hour}\\.00\\.$`)).waitFor();
    assert.equal(await pnr.inputValue(), '', 'the personnummer is cleared');

    const res = await cal.request.get(`/api/v1/units/${clinic.id}/appointments?from=${saturday}&to=${addDays(saturday, 1)}`);
    assert.equal(res.status(), 200);
    const booked = (await res.json()).items.find((a) => a.type.id === type.id && a.patient.name === 'Erik Sandberg' && a.status === 'booked');
    assert.ok(booked, 'the appointment is booked');
    assert.equal(booked.channel, 'phone');
    assert.ok(booked.suitability, 'with Karin’s confirmation');
    const row = cal.locator(`#appointment-${booked.id}`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${hour}\\.00–${hour}\\.15 Erik Sandberg[\\s\\S]*${name}, Telefonsamtal, Anna Nilsson[\\s\\S]*Bokad`));
    assert.ok(!urls.some((u) => /19750611-?9812|750611-?9812|19800101-?1231/.test(decodeURIComponent(u))), 'no personnummer in any address');

    // Tidy up: the clinic cancels it.
    const cancel = await cal.request.post(`/api/v1/appointments/${booked.id}/cancel`, { headers: { 'X-CSRF-Token': await csrf(cal) } });
    assert.equal(cancel.status(), 200);
    assertNoProblems(manager.problems);
    assertNoProblems(staff.problems);
  } finally {
    await manager.context.close();
    await staff.context.close();
  }
});
