// Video meetings end to end with real browsers (Chromium's fake camera,
// microphone and screen; WebRTC over loopback): Karin Ekström books a video
// visit for Erik Sandberg, opens it from the calendar, runs the pre-call
// check, confirms her readiness and hosts; Erik goes from Mina tider through
// the check to the waiting room, where nothing is sent to or from him, until
// Karin lets him in: then each decodes the other's video and audio. A guest
// of the municipality joins by a single-use link after Karin records the
// confidentiality assessment, and all three decode each other (a mesh); when
// the guest closes her tab she drops off Karin's list. Karin then ends the
// meeting for everyone: both calls stop (no connection, camera or microphone
// left), Erik is told, even after a reload, and Karin is reminded to document
// the visit, which is recorded as held. With only a TURN relay allowed
// (coturn started here) the media of all three goes through it. A host at
// home ticks the two home items of the checklist too, and is refused with
// what is missing until the unit manager approves (and again once the
// approval is withdrawn); someone the host declines is told so and never
// gets a peer connection; the switch to phone shows the reminder for calling
// from a mobile; axe checks the pre-call check, the waiting room, the
// meeting, the declined page and the ended page.
//
// Join-to-first-frame (admission click to the first decoded frame on the
// admitted person's page) is printed as one JSON line per call, for
// docs/benchmarks.md; it is not asserted.
//
// This file starts servers of its own (startServer): a fresh database, so
// Karin's readiness and hosting count are only what these tests make; and,
// for the relay test, one configured with coturn's REST secret.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertAxeClean,
  assertNoProblems,
  checkPage,
  clinicByName,
  DEMO_PEOPLE,
  freePort,
  launch,
  loginAs,
  openPage,
  startServer,
  WEBRTC_ARGS,
} from './helpers.mjs';

const CLINIC = 'Vårdcentralen Björkdalen';
const MATS = 'Mats Johansson';
/** Three people on two cores: allow time (TESTING.md). */
const MEDIA_TIMEOUT = 30_000;

let browser;
let server;
let clinic;
let videoType;

before(async () => {
  server = await startServer();
  browser = await launch({ needsUrl: false, args: WEBRTC_ARGS });
  clinic = await clinicByName(CLINIC, server.url);
  const types = await (await fetch(`${server.url}/api/v1/units/${clinic.id}/appointment-types`)).json();
  videoType = types.items.find((t) => t.channel === 'video');
  assert.ok(videoType, 'the demo clinic has a video appointment type');
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// --- set-up helpers ---

/**
 * A page whose RTCPeerConnections are all remembered in window.__pcs, so the
 * test can read their stats, and the camera and microphone tracks it was
 * given in window.__tracks. `relayOnly` sets the documented setting that
 * sends all media through TURN (see ICE_POLICY_KEY in src/meetings/mesh.ts).
 */
async function open(base, { relayOnly = false } = {}) {
  const opened = await openPage(browser, { baseURL: base, width: 1024, height: 900 });
  await opened.context.addInitScript((relay) => {
    const Original = window.RTCPeerConnection;
    window.__pcs = [];
    const Tracked = function (...args) {
      const pc = new Original(...args);
      window.__pcs.push(pc);
      return pc;
    };
    Tracked.prototype = Original.prototype;
    Object.setPrototypeOf(Tracked, Original);
    window.RTCPeerConnection = Tracked;
    window.__tracks = [];
    const devices = navigator.mediaDevices;
    if (devices?.getUserMedia) {
      const getUserMedia = devices.getUserMedia.bind(devices);
      devices.getUserMedia = async (constraints) => {
        const stream = await getUserMedia(constraints);
        window.__tracks.push(...stream.getTracks());
        return stream;
      };
    }
    if (relay) window.localStorage.setItem('oppenvard.meeting.iceTransportPolicy', 'relay');
  }, relayOnly);
  return opened;
}

/** A call from inside the logged-in page (its session cookie and CSRF token). */
async function callAsPage(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me', { headers: { Accept: 'application/json' } })).json();
      const init = { method, headers: { Accept: 'application/json', 'X-CSRF-Token': me.csrf_token } };
      if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      const res = await fetch(path, init);
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/** Karin books the next free video time for Erik (suitability confirmed), as staff do from the calendar. */
async function bookVideo(karinPage, erikPage) {
  const erik = await callAsPage(erikPage, 'GET', '/api/v1/me');
  const slots = await callAsPage(karinPage, 'GET', `/api/v1/units/${clinic.id}/slots?appointment_type_id=${videoType.id}&limit=1`);
  assert.equal(slots.status, 200);
  const booked = await callAsPage(karinPage, 'POST', '/api/v1/appointments', {
    slot_id: slots.body.items[0].id,
    patient_id: erik.body.person.id,
    suitability_confirmed: true,
  });
  assert.equal(booked.status, 201, JSON.stringify(booked.body));
  return booked.body;
}

function stockholmDay(iso) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The pre-call check has measured what it measures by itself; `relay`, when given, is what it must say of the TURN relay. */
async function checkDone(page, { relay = null } = {}) {
  await page.getByRole('heading', { name: 'Testa kamera, ljud och uppkoppling' }).waitFor();
  await page.getByText(/^(Utrustningen fungerar\.|Allt fungerar inte\.)/).waitFor({ timeout: 20_000 });
  if (relay !== null) {
    const row = page.locator('.precall__row', { hasText: 'Videoserver (TURN)' });
    assert.equal((await row.locator('.badge').innerText()).trim(), relay, 'the TURN relay as the pre-call check found it');
  }
}

/** Karin opens the meeting from the calendar, passes the check and her readiness (at the workplace), and hosts. */
async function hostFromCalendar(page, appointment, { location = 'workplace', relay = null } = {}) {
  await page.goto(`/personal/kalender?enhet=${clinic.id}&dag=${stockholmDay(appointment.start)}`);
  await page.locator(`#appointment-${appointment.id}`).getByRole('button', { name: /^Öppna videomötet/ }).click();
  await page.waitForURL(/\/mote\/[^/]+$/);
  await checkDone(page, { relay });
  assert.match(await page.locator('.precall').innerText(), /Utrustningen fungerar\./);
  await page.getByRole('button', { name: 'Gå vidare' }).click();
  await page.getByRole('heading', { name: 'Innan du öppnar mötet' }).waitFor();
  // Where she sits first: from home the checklist has two more items (W5, W8), and every item shown is ticked.
  await page.getByLabel(location === 'home' ? 'Hemma' : 'På arbetsplatsen').check();
  const checklist = page.getByRole('group', { name: /Checklista för miljön/ });
  for (const item of ['Nätverket är säkert och lösenordsskyddat, med stabil kvalitet', 'Datorn har bara program som IT har installerat']) {
    assert.equal(await checklist.getByLabel(item, { exact: true }).count(), location === 'home' ? 1 : 0, `"${item}" is asked only at home`);
  }
  const boxes = await checklist.getByRole('checkbox').all();
  assert.equal(boxes.length, location === 'home' ? 10 : 8);
  for (const box of boxes) await box.check();
  await page.getByRole('button', { name: 'Jag är redo – öppna mötet' }).click();
  if (location === 'workplace') await page.getByRole('heading', { name: 'Mötesvärdens verktyg' }).waitFor();
  return new URL(page.url()).pathname.split('/').pop();
}

/** Erik goes from Mina tider to the meeting, through the check, to the waiting room. */
async function patientToWaitingRoom(page, appointment, { axe = false, relay = null } = {}) {
  await page.goto('/patient/tider');
  await page.locator(`#appointment-${appointment.id}`).getByRole('button', { name: /^Till videomötet/ }).click();
  await page.waitForURL(/\/mote\/[^/]+$/);
  await checkDone(page, { relay });
  if (axe) await checkPage(page, 'the pre-call check');
  await page.getByRole('button', { name: 'Gå till väntrummet' }).click();
  await page.getByRole('heading', { name: 'Väntar på att bli insläppt' }).waitFor();
}

/** The host lets `name` in from the waiting list. */
async function admit(page, name) {
  await page.locator('#waiting-list li', { hasText: name }).getByRole('button', { name: /^Släpp in/ }).click();
}

/** The host makes a single-use link for a guest; resolves with the whole link as shown to copy. */
async function inviteGuest(page, { name, organisation, title }) {
  const invite = page.locator('section', { has: page.getByRole('heading', { name: 'Bjud in en gäst' }) });
  await invite.getByLabel('Namn').fill(name);
  await invite.getByLabel('Organisation').fill(organisation);
  await invite.getByLabel('Titel eller roll (valfritt)').fill(title);
  await invite.getByRole('button', { name: 'Skapa länk' }).click();
  return invite.getByLabel(`Länk till ${name}`).inputValue();
}

/** The host records the confidentiality assessment (needed before letting a guest in). */
async function assessConfidentiality(page) {
  await page.getByLabel('Bedömning').fill('Samtycke finns; samordnad individuell plan.');
  await page.getByRole('button', { name: 'Dokumentera sekretessprövningen' }).click();
  await page.getByText(/^Sekretessprövningen är dokumenterad kl\./).waitFor();
}

/** The guest, not logged in, opens the link (which leaves the address bar at once), passes the check and waits. */
async function guestToWaitingRoom(page, link, { axe = false } = {}) {
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Videomöte för gäster' }).waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the token is removed from the address bar');
  await checkDone(page);
  if (axe) await checkPage(page, 'the guest’s pre-call check');
  await page.getByRole('button', { name: 'Gå till väntrummet' }).click();
  await page.getByRole('heading', { name: 'Väntar på att bli insläppt' }).waitFor();
}

// --- media helpers ---

/** Every peer connection of the page that is not closed, with its inbound media and the selected candidate pair. */
async function mediaOf(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const pc of window.__pcs ?? []) {
      if (pc.signalingState === 'closed') continue;
      const stats = await pc.getStats();
      const inbound = { video: [], audio: [] };
      let local = null;
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && (s.kind === 'video' || s.kind === 'audio')) {
          inbound[s.kind].push({ framesDecoded: s.framesDecoded ?? 0, packetsReceived: s.packetsReceived ?? 0, frameWidth: s.frameWidth ?? 0 });
        }
        if (s.type === 'transport' && s.selectedCandidatePairId) {
          const pair = stats.get(s.selectedCandidatePairId);
          const cand = pair && stats.get(pair.localCandidateId);
          local = cand ? { type: cand.candidateType, address: cand.address ?? cand.ip, port: cand.port } : null;
        }
      });
      out.push({ state: pc.connectionState, inbound, local });
    }
    return out;
  });
}

const decodesVideo = (c) => c.inbound.video.some((v) => v.framesDecoded > 0);
const hearsAudio = (c) => c.inbound.audio.some((a) => a.packetsReceived > 0);

/** Polls until `pred(media)` holds; returns the media then. */
async function waitForMedia(page, pred, what, timeout = MEDIA_TIMEOUT) {
  const until = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = await mediaOf(page);
    if (pred(last)) return last;
    if (Date.now() > until) assert.fail(`${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Each of `n` others: video decoded and audio received. */
const seesAndHears = (n) => (media) => media.length === n && media.every((c) => decodesVideo(c) && hearsAudio(c));

/** Polls until none of the camera and microphone tracks the page was given is live (all stopped). */
async function waitNoLiveTracks(page, what, timeout = 10_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const live = await page.evaluate(() => (window.__tracks ?? []).filter((t) => t.readyState === 'live').map((t) => t.kind));
    if (live.length === 0) return;
    if (Date.now() > until) assert.fail(`${what}: still live ${JSON.stringify(live)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function reportFirstFrame(ms, participants, relay) {
  console.log(JSON.stringify({ join_to_first_frame_ms: ms, participants, relay }));
}

async function closeAll(...opened) {
  for (const o of opened) await o?.context.close();
}

// --- the tests ---

test('a patient waits unseen, is let in, and patient and host see and hear each other', async () => {
  const karin = await open(server.url);
  const erik = await open(server.url);
  try {
    await loginAs(karin.page, DEMO_PEOPLE.karin);
    await loginAs(erik.page, DEMO_PEOPLE.erik);
    const appointment = await bookVideo(karin.page, erik.page);

    await hostFromCalendar(karin.page, appointment);
    await karin.page.getByText('Mötet spelas inte in.').first().waitFor();
    await karin.page.getByText('Ingen väntar.').waitFor();

    await patientToWaitingRoom(erik.page, appointment, { axe: true });
    await erik.page.getByText('Sitt på en avskild plats där ingen annan hör eller ser, aldrig på en allmän plats.').waitFor();
    await checkPage(erik.page, 'the waiting room');

    // Karin sees Erik waiting, how he was identified; nothing flows to or from him yet.
    const card = karin.page.locator('#waiting-list li', { hasText: 'Erik Sandberg' });
    await card.waitFor();
    assert.match(await card.innerText(), /Demo-legitimation/);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await erik.page.evaluate(() => window.__pcs.length), 0, 'the waiting patient has no peer connection at all');
    assert.deepEqual(await mediaOf(erik.page), [], 'and so no inbound media');
    assert.deepEqual(await mediaOf(karin.page), [], 'the host has no connection to someone waiting');
    assert.equal(await erik.page.locator('video').count(), 0, 'the waiting room shows no video');

    // Karin records that Erik showed his ID on camera, then lets him in.
    await card.getByRole('button', { name: /^Legitimation visad i kameran/ }).click();
    await karin.page.getByText('Registrerat: Erik Sandberg har visat legitimation i kameran.').waitFor();
    await karin.page.locator('#waiting-list li', { hasText: 'Erik Sandberg' }).getByText(/Legitimation visad i kameran kl\./).waitFor();
    const admittedAt = Date.now();
    await admit(karin.page, 'Erik Sandberg');
    await waitForMedia(erik.page, (m) => m.length === 1 && decodesVideo(m[0]), 'Erik decodes Karin’s video');
    reportFirstFrame(Date.now() - admittedAt, 2, false);

    await waitForMedia(erik.page, seesAndHears(1), 'Erik sees and hears Karin');
    await waitForMedia(karin.page, seesAndHears(1), 'Karin sees and hears Erik');
    await karin.page.getByText('Erik Sandberg', { exact: true }).first().waitFor();
    await erik.page.locator('figcaption', { hasText: 'Karin Ekström, Vårdcentralen Björkdalen' }).waitFor();
    await erik.page.getByText('Mötet spelas inte in.').waitFor();

    // The chat reaches the other and is said not to be stored.
    await erik.page.getByText('Chatten sparas inte efter mötet.').waitFor();
    await erik.page.getByLabel('Meddelande').fill('Hej från Erik');
    await erik.page.getByRole('button', { name: 'Skicka' }).click();
    await karin.page.getByRole('log').getByText('Hej från Erik').waitFor();

    // Karin, staff, copies the chat for the case or the journal; Erik, the patient, is not offered it.
    await karin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await karin.page.getByRole('button', { name: 'Kopiera chatten' }).click();
    await karin.page.getByText('Chatten är kopierad.', { exact: false }).waitFor();
    const transcript = await karin.page.evaluate(() => navigator.clipboard.readText());
    assert.match(transcript, /^Chatt från videomöte \d{4}-\d{2}-\d{2}\n\d{2}:\d{2} Erik Sandberg: Hej från Erik$/);
    assert.equal(await erik.page.getByRole('button', { name: 'Kopiera chatten' }).count(), 0, 'only staff may copy the chat');

    // Mute and unmute; Karin shares her screen and Erik keeps decoding.
    await erik.page.getByRole('button', { name: 'Stäng av mikrofonen' }).click();
    await erik.page.getByRole('button', { name: 'Slå på mikrofonen' }).click();
    await karin.page.getByRole('button', { name: 'Dela skärmen' }).click();
    await karin.page.getByText('Du delar din skärm.').waitFor();
    const before = (await mediaOf(erik.page))[0].inbound.video[0].framesDecoded;
    await waitForMedia(erik.page, (m) => m[0]?.inbound.video[0]?.framesDecoded > before + 20, 'Erik decodes the shared screen');
    await karin.page.getByRole('button', { name: 'Sluta dela skärmen' }).click();

    await checkPage(erik.page, 'the meeting (patient)');
    await checkPage(karin.page, 'the meeting (host)');

    await erik.page.getByRole('button', { name: 'Lämna mötet' }).click();
    await erik.page.getByRole('heading', { name: 'Du har lämnat mötet' }).waitFor();
    assert.deepEqual(await mediaOf(erik.page), [], 'leaving closes the connection');
    await karin.page.getByText('Ingen annan är i mötet än.').waitFor();
    assertNoProblems(karin.problems);
    assertNoProblems(erik.problems);
  } finally {
    await closeAll(karin, erik);
  }
});

test('a guest of another organisation joins by link after the confidentiality assessment, all three see each other, and the host ends the meeting for everyone', async () => {
  const karin = await open(server.url);
  const erik = await open(server.url);
  const guest = await open(server.url);
  try {
    await loginAs(karin.page, DEMO_PEOPLE.karin);
    await loginAs(erik.page, DEMO_PEOPLE.erik);
    const appointment = await bookVideo(karin.page, erik.page);
    const meetingId = await hostFromCalendar(karin.page, appointment);
    await patientToWaitingRoom(erik.page, appointment);
    await admit(karin.page, 'Erik Sandberg');
    await waitForMedia(erik.page, seesAndHears(1), 'Erik sees and hears Karin');

    // Karin invites Sofia Berg of the municipality; the link has this site's origin and the token in the fragment.
    const link = await inviteGuest(karin.page, { name: 'Sofia Berg', organisation: 'Botkyrka kommun', title: 'Socialsekreterare' });
    assert.match(link, new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/mote/gast#[A-Za-z0-9_-]{43}$`));

    // The guest, not logged in: the token leaves the address bar at once; the check; the waiting room.
    await guestToWaitingRoom(guest.page, link, { axe: true });
    assert.match(guest.page.url(), /\/mote\/[0-9a-f-]+$/);
    assert.deepEqual(await mediaOf(guest.page), [], 'the waiting guest has no open peer connection');
    const stored = await guest.page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) }));
    assert.ok(stored.session.some((k) => k.startsWith('oppenvard.meeting.guest.')), 'the participant token is in sessionStorage');
    assert.ok(!stored.local.some((k) => k.includes('meeting.guest') || k.includes('meeting.link')), 'no token in localStorage');

    // Karin sees how Sofia came in; letting her in needs the confidentiality assessment first.
    const card = karin.page.locator('#waiting-list li', { hasText: 'Sofia Berg' });
    await card.waitFor();
    const text = await card.innerText();
    assert.match(text, /Botkyrka kommun/);
    assert.match(text, /Gäst, Socialsekreterare/);
    assert.match(text, /Inbjudningslänk, inte legitimerad/);
    await card.getByRole('button', { name: /^Släpp in/ }).click();
    await card.getByRole('alert').getByText('Dokumentera sekretessprövningen innan du släpper in någon från en annan organisation.').waitFor();
    await card.getByRole('alert').getByRole('button', { name: 'Sekretessprövning' }).click();
    await karin.page.waitForFunction(() => document.activeElement?.id === 'confidentiality-note'); // the form takes focus
    await assessConfidentiality(karin.page);

    const admittedAt = Date.now();
    await admit(karin.page, 'Sofia Berg');
    await waitForMedia(guest.page, (m) => m.length === 2 && m.every(decodesVideo), 'the guest decodes both others', MEDIA_TIMEOUT);
    reportFirstFrame(Date.now() - admittedAt, 3, false);

    await waitForMedia(guest.page, seesAndHears(2), 'the guest sees and hears both');
    await waitForMedia(karin.page, seesAndHears(2), 'Karin sees and hears both');
    await waitForMedia(erik.page, seesAndHears(2), 'Erik sees and hears both');
    await erik.page.locator('figcaption', { hasText: 'Sofia Berg, Botkyrka kommun' }).waitFor();
    await guest.page.getByText('Mötet spelas inte in.').waitFor();
    await assertAxeClean(guest.page, 'the meeting (guest)');
    assertNoProblems(guest.problems);

    // Sofia closes her tab (pagehide sends the leave): she drops off Karin's list and her connection closes; Erik stays.
    await guest.page.close({ runBeforeUnload: true });
    await karin.page.locator('#in-meeting-list li', { hasText: 'Sofia Berg' }).waitFor({ state: 'detached', timeout: 10_000 });
    await karin.page.locator('#in-meeting-list li', { hasText: 'Erik Sandberg' }).waitFor();
    await waitForMedia(karin.page, (m) => m.length === 1, 'Karin’s connection to the guest is closed', 10_000);
    await waitForMedia(erik.page, (m) => m.length === 1, 'Erik’s connection to the guest is closed', 10_000);

    // Karin ends the meeting for everyone, apart from leaving it, and is asked once more on the page; "Avbryt" keeps it going.
    const endButton = karin.page.getByRole('button', { name: 'Avsluta mötet för alla', exact: true });
    await endButton.click();
    const ask = karin.page.getByRole('group', { name: 'Avsluta mötet för alla' });
    await ask.getByText('Alla lämnar mötet, och ingen kan gå in i det igen.', { exact: false }).waitFor();
    await ask.getByRole('button', { name: 'Avbryt' }).click();
    await karin.page.waitForFunction(() => document.activeElement?.textContent === 'Avsluta mötet för alla'); // focus back on the button
    assert.equal((await mediaOf(erik.page)).length, 1, 'the meeting goes on after "Avbryt"');
    await endButton.click();
    await ask.getByRole('button', { name: 'Ja, avsluta för alla' }).click();

    // Karin: out of the call, reminded to document the visit in the journal (W3), which is recorded as held.
    const ended = karin.page.locator('#meeting-ended');
    await ended.getByRole('heading', { name: 'Mötet är avslutat' }).waitFor();
    await ended.getByText('Dokumentera besöket i journalen direkt efter mötet. Skriv inte ner uppgifter om patienten någon annanstans.').waitFor();
    await ended.getByText('Besöket är registrerat som genomfört.').waitFor();
    await karin.page.getByRole('link', { name: 'Till kalendern' }).waitFor();
    // Erik is told at once (the realtime event), with his appointments to go to and no way back in.
    await erik.page.locator('#meeting-ended').getByRole('heading', { name: 'Mötet är avslutat' }).waitFor();
    await erik.page.getByText('Mötesvärden har avslutat mötet.', { exact: false }).waitFor();
    await erik.page.getByRole('link', { name: 'Till Mina tider' }).waitFor();
    assert.equal(await erik.page.getByRole('button', { name: 'Gå in i mötet igen' }).count(), 0, 'no way back into an ended meeting');
    for (const [who, page] of [
      ['Karin', karin.page],
      ['Erik', erik.page],
    ]) {
      await waitForMedia(page, (m) => m.length === 0, `${who}’s peer connections are closed`, 10_000);
      await waitNoLiveTracks(page, `${who}’s camera and microphone are off`);
      assert.equal(await page.locator('video').count(), 0, `${who}’s page shows no video`);
    }
    await checkPage(karin.page, 'the ended meeting (host)');

    // The appointment is fulfilled; joining again is refused; Erik's page, reloaded, still says the meeting has ended (no check, no camera).
    const after = await callAsPage(karin.page, 'GET', `/api/v1/units/${clinic.id}/appointments?from=${encodeURIComponent(appointment.start)}&to=${encodeURIComponent(appointment.end)}`);
    assert.equal(after.body.items.find((a) => a.id === appointment.id)?.status, 'fulfilled');
    const again = await callAsPage(erik.page, 'POST', `/api/v1/meetings/${meetingId}/join`, {});
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'meeting_ended');
    await erik.page.reload();
    await erik.page.locator('#meeting-ended').getByRole('heading', { name: 'Mötet är avslutat' }).waitFor();
    assert.equal(await erik.page.getByRole('heading', { name: 'Testa kamera, ljud och uppkoppling' }).count(), 0, 'no pre-call check');
    assert.deepEqual(await erik.page.evaluate(() => ({ pcs: window.__pcs.length, tracks: window.__tracks.length })), { pcs: 0, tracks: 0 }, 'no connection, camera or microphone after a reload');

    assertNoProblems(karin.problems);
    assertNoProblems(erik.problems);
  } finally {
    await closeAll(guest, erik, karin);
  }
});

test('a host at home is refused with what is missing until the unit manager approves, and may go on by phone', async () => {
  const karin = await open(server.url);
  const erik = await open(server.url);
  const mats = await open(server.url);
  try {
    await loginAs(karin.page, DEMO_PEOPLE.karin);
    await loginAs(erik.page, DEMO_PEOPLE.erik);
    const appointment = await bookVideo(karin.page, erik.page);
    const meetingId = await hostFromCalendar(karin.page, appointment, { location: 'home' });
    const missing = karin.page.locator('#readiness-missing');
    await missing.waitFor();
    const before = (await missing.locator('li').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(before, [
      'Din chef har inte godkänt att du håller videomöten hemifrån.',
      'Du behöver hålla fler videomöten på arbetsplatsen innan du håller dem hemifrån.',
    ]);
    await checkPage(karin.page, 'the readiness refusal');

    // Mats, the unit manager, approves meetings from home without seeing proof of insurance, and records Anna's training.
    await loginAs(mats.page, MATS);
    await mats.page.goto(`/personal/schema?enhet=${clinic.id}`);
    const admin = mats.page.locator('section', { has: mats.page.getByRole('heading', { level: 2, name: 'Videomöten' }) });
    await admin.getByRole('combobox', { name: 'Medarbetare' }).first().selectOption({ label: 'Anna Nilsson, Distriktssköterska' });
    await admin.getByRole('button', { name: 'Registrera utbildningen' }).click();
    await admin.getByText('Utbildningen är registrerad.').waitFor();
    await admin.getByRole('combobox', { name: 'Medarbetare' }).nth(1).selectOption({ label: 'Karin Ekström, Specialist i allmänmedicin' });
    await admin.getByRole('button', { name: 'Godkänn videomöten hemifrån' }).click();
    await admin.getByText('Godkänt, men utan försäkringsbevis kan medarbetaren inte hålla möten hemifrån än.').waitFor();

    // The table of the unit's staff shows both records at once (it is fetched again after each).
    const records = admin.getByRole('table', { name: 'Utbildning och godkännanden' });
    const annaRow = records.locator('tbody tr', { hasText: 'Anna Nilsson' });
    const karinRow = records.locator('tbody tr', { hasText: 'Karin Ekström' });
    await annaRow.getByText(/^Klar \d{1,2} \p{L}+ \d{4}$/u).waitFor();
    await karinRow.getByText(/^Godkänt \d{1,2} \p{L}+ \d{4}$/u).waitFor();
    await karinRow.getByText('Försäkringsbevis sett: nej').waitFor();
    assert.match((await karinRow.locator('td').last().innerText()).trim(), /^\d+$/, 'the meetings Karin hosted are counted');
    await checkPage(mats.page, 'the schedule page with video meetings');

    await karin.page.getByRole('button', { name: 'Jag är redo – öppna mötet' }).click();
    await missing.getByText('Din chef har inte registrerat att hen sett ett försäkringsbevis för hemmet.').waitFor();
    assert.equal(await missing.locator('li').count(), 2);

    // Mats withdraws the approval: the table says so, and from home Karin is refused for it again.
    await admin.getByRole('button', { name: 'Återkalla godkännandet för Karin Ekström' }).click();
    await admin.getByText('Godkännandet av videomöten hemifrån för Karin Ekström är återkallat.').waitFor();
    await karinRow.getByText('Inte godkänt').waitFor();
    await karin.page.getByRole('button', { name: 'Jag är redo – öppna mötet' }).click();
    await missing.getByText('Din chef har inte godkänt att du håller videomöten hemifrån.').waitFor();
    assert.deepEqual((await missing.locator('li').allInnerTexts()).map((s) => s.trim()), before);

    // At the workplace she may host; the video fails and she goes on by phone.
    await karin.page.getByLabel('På arbetsplatsen').check();
    await karin.page.getByRole('button', { name: 'Jag är redo – öppna mötet' }).click();
    await karin.page.getByRole('heading', { name: 'Mötesvärdens verktyg' }).waitFor();

    // Someone Karin declines is told so at once (the realtime event), and nothing was ever sent to them.
    await patientToWaitingRoom(erik.page, appointment);
    await karin.page.locator('#waiting-list li', { hasText: 'Erik Sandberg' }).getByRole('button', { name: /^Neka/ }).click();
    const rejected = erik.page.getByRole('heading', { name: 'Du har inte släppts in i mötet' });
    await rejected.waitFor();
    await erik.page.getByText('Kontakta mottagningen', { exact: false }).waitFor();
    await karin.page.getByText('Erik Sandberg nekades.').waitFor();
    assert.equal(await erik.page.evaluate(() => window.__pcs.length), 0, 'the declined patient never had a peer connection');
    assert.equal(await erik.page.locator('video').count(), 0, 'and no camera picture');
    await checkPage(erik.page, 'the declined page');

    // Opened again, the page still says so (no check, no camera); joining again does not put him back in the waiting room.
    await erik.page.reload();
    await rejected.waitFor();
    assert.equal(await erik.page.evaluate(() => window.__pcs.length), 0, 'no peer connection after a reload either');
    assert.equal(await erik.page.locator('video').count(), 0);
    const again = await callAsPage(erik.page, 'POST', `/api/v1/meetings/${meetingId}/join`, {});
    assert.equal(again.status, 200);
    assert.equal(again.body.me.state, 'rejected');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await karin.page.locator('#waiting-list li', { hasText: 'Erik Sandberg' }).count(), 0, 'Erik is not waiting again');

    await karin.page.getByRole('button', { name: 'Byt till telefon' }).click();
    await karin.page.getByRole('button', { name: 'Ja, byt till telefon' }).click();
    const reminder = karin.page.locator('#phone-reminder');
    await reminder.getByText('Besöket är ändrat till telefonsamtal.').waitFor();
    assert.match(await reminder.innerText(), /Ring från jobbmobilen i första hand\. Från en privat mobil: ring med dolt nummer \(#31# före numret\)/);
    const changed = await callAsPage(karin.page, 'GET', `/api/v1/units/${clinic.id}/appointments?from=${encodeURIComponent(appointment.start)}&to=${encodeURIComponent(appointment.end)}`);
    assert.equal(changed.body.items.find((a) => a.id === appointment.id)?.channel, 'phone');
    assertNoProblems(karin.problems);
    assertNoProblems(mats.problems);
  } finally {
    await closeAll(mats, erik, karin);
  }
});

/** coturn on loopback with TURN REST credentials (TESTING.md); stop() ends it by its PID. */
async function startTurn(secret) {
  const dir = await mkdtemp(join(tmpdir(), 'oppenvard-turn-'));
  const port = await freePort();
  const min = 40000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    '/usr/bin/turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=test.local',
      '--allow-loopback-peers',
      '--no-cli',
      '--no-tls',
      '--no-dtls',
      `--min-port=${min}`,
      `--max-port=${min + 100}`,
      `--log-file=${join(dir, 'turn.log')}`,
      '--simple-log',
      `--pidfile=${join(dir, 'turn.pid')}`,
      `--userdb=${join(dir, 'turndb')}`,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((r) => child.once('exit', r));
  // Ready when its log says it listens.
  for (let i = 0; i < 100; i++) {
    const log = await readFile(join(dir, 'turn.log'), 'utf8').catch(() => '');
    if (/listener opened on|Total General servers/i.test(log)) break;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(child.exitCode, null, 'coturn started');
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    relayPorts: [min, min + 100],
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

test('with only the TURN relay allowed, the media of host, patient and guest goes through coturn', async () => {
  const secret = `s-${Date.now().toString(36)}`;
  const turn = await startTurn(secret);
  let relayServer;
  let karin;
  let erik;
  let guest;
  try {
    relayServer = await startServer({ OPPENVARD_TURN_URLS: turn.url, OPPENVARD_TURN_SECRET: secret });
    karin = await open(relayServer.url, { relayOnly: true });
    erik = await open(relayServer.url, { relayOnly: true });
    guest = await open(relayServer.url, { relayOnly: true });
    await loginAs(karin.page, DEMO_PEOPLE.karin);
    await loginAs(erik.page, DEMO_PEOPLE.erik);
    const appointment = await bookVideo(karin.page, erik.page);
    // Both checks reach the relay before joining: the ICE servers are given to those who may join.
    await hostFromCalendar(karin.page, appointment, { relay: 'Nås' });
    await patientToWaitingRoom(erik.page, appointment, { relay: 'Nås' });
    const admittedAt = Date.now();
    await admit(karin.page, 'Erik Sandberg');
    await waitForMedia(erik.page, (m) => m.length === 1 && decodesVideo(m[0]), 'Erik decodes Karin’s video through the relay');
    reportFirstFrame(Date.now() - admittedAt, 2, true);

    // A guest joins by link after the confidentiality assessment: a mesh of three, all relayed.
    const link = await inviteGuest(karin.page, { name: 'Sofia Berg', organisation: 'Botkyrka kommun', title: 'Socialsekreterare' });
    await assessConfidentiality(karin.page);
    await guestToWaitingRoom(guest.page, link);
    const guestAdmittedAt = Date.now();
    await admit(karin.page, 'Sofia Berg');
    await waitForMedia(guest.page, (m) => m.length === 2 && m.every(decodesVideo), 'the guest decodes both others through the relay');
    reportFirstFrame(Date.now() - guestAdmittedAt, 3, true);

    for (const [who, page] of [
      ['Erik', erik.page],
      ['Karin', karin.page],
      ['Sofia', guest.page],
    ]) {
      const media = await waitForMedia(page, (m) => seesAndHears(2)(m) && m.every((c) => c.local !== null), `${who} sees and hears both others through the relay`);
      for (const { local } of media) {
        const { type, address, port } = local;
        assert.equal(type, 'relay', `${who}'s selected local candidate is a relay candidate`);
        // The relayed address is one coturn allocated: its relay IP and a port of its range.
        assert.equal(address, '127.0.0.1');
        assert.ok(port >= turn.relayPorts[0] && port <= turn.relayPorts[1], `${who}'s relay port ${port} is coturn's`);
      }
    }
    assertNoProblems(karin.problems);
    assertNoProblems(erik.problems);
    assertNoProblems(guest.problems);
  } finally {
    await closeAll(guest, erik, karin);
    await relayServer?.stop();
    await turn.stop();
  }
});
