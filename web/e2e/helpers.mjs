// Shared set-up for the browser tests: the server URL, Debian's Chromium, and
// a watch on each page for script errors and Content-Security-Policy
// violations (the server sends a strict CSP; the app must run under it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.OPPENVARD_URL ?? '').replace(/\/+$/, '');

export const DEMO_CLINICS = [
  'Vårdcentralen Björkdalen',
  'Barn- och ungdomshabiliteringen Älvstaden',
  'Psykiatriska öppenvårdsmottagningen Ekbacken',
  'Hemtjänsten Norra Lunden',
];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What WebRTC between pages of one browser needs: fake camera, microphone and screen, allowed without asking, over loopback. */
export const WEBRTC_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection'];

/**
 * Chromium; `needsUrl: false` for a file that starts its own server (see
 * startServer); `args` are added to the usual ones (e.g. WEBRTC_ARGS; a
 * --disable-features= must be merged with Playwright's own, see TESTING.md).
 */
export async function launch({ needsUrl = true, args = [] } = {}) {
  if (needsUrl) assert.ok(BASE_URL, 'Set OPPENVARD_URL to the running server, e.g. http://127.0.0.1:18080');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...args],
  });
}

/**
 * A fresh context (no remembered language) and page. `problems` collects
 * uncaught script errors and CSP violations reported by the browser.
 */
export async function openPage(browser, { width = 1280, height = 900, baseURL = BASE_URL } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** Fetches JSON from the API from Node, e.g. to learn a demo clinic's id. */
export async function api(path, base = BASE_URL) {
  const res = await fetch(`${base}${path}`, { headers: { Accept: 'application/json' } });
  assert.equal(res.status, 200, `GET ${path}`);
  return res.json();
}

export async function clinicByName(name, base = BASE_URL) {
  const page = await api(`/api/v1/clinics?q=${encodeURIComponent(name)}&limit=100`, base);
  const clinic = page.items.find((c) => c.name === name);
  assert.ok(clinic, `demo clinic "${name}" is served by the API`);
  return clinic;
}

export async function headingText(page) {
  return (await page.locator('h1').innerText()).trim();
}

/** Waits until the directory's live region reports a finished load. */
export async function waitForDirectory(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('main [role="status"]');
    return s !== null && s.textContent.trim() !== '' && !/…$/.test(s.textContent.trim());
  });
}

/** Clinic names listed in the directory, following "show more" while offered. */
export async function listAllClinicNames(page, moreLabel = /Visa fler mottagningar|Show more clinics/) {
  await waitForDirectory(page);
  const more = page.getByRole('button', { name: moreLabel });
  for (let i = 0; i < 50 && (await more.count()) > 0; i++) {
    const before = await page.locator('.clinic-list > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.clinic-list > li').length > n, before);
    await waitForDirectory(page);
    // Focus lands on the first newly shown clinic, so keyboard users go on reading there.
    const focused = await page.evaluate(() => document.activeElement?.closest('.clinic-list > li') !== null);
    assert.ok(focused, 'after "show more", focus is on the first new clinic');
  }
  return (await page.locator('.clinic-list h2').allInnerTexts()).map((s) => s.trim());
}

export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], 'no script errors or CSP violations');
}

/** Demo people the log-in tests use (the server's demo data has them). */
export const DEMO_PEOPLE = {
  erik: 'Erik Sandberg',
  sara: 'Sara Lindqvist',
  karin: 'Karin Ekström',
  olof: 'Olof Strand',
};

/** The demo person's button on /logga-in (its name comes first in the label). */
export function personButton(page, name) {
  return page.getByRole('button', { name: new RegExp(`^${name}\\b`) });
}

/**
 * Logs in through the demo e-ID on /logga-in (optionally with a query such as
 * "?return_to=/admin") and waits until the app has moved on to another page.
 */
export async function loginAs(page, name, query = '') {
  await page.goto(`/logga-in${query}`);
  await personButton(page, name).click();
  await page.waitForURL((url) => url.pathname !== '/logga-in', { timeout: 20_000 });
  await page.locator('h1').waitFor();
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Zero axe WCAG 2.1 A/AA violations on the page as it is now. */
export async function assertAxeClean(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const text = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  assert.equal(violations.length, 0, `${what}:\n${text}`);
}

/** The page fits its window: no sideways scrolling (checked at 320 px by the callers). */
export async function assertNoSidewaysScroll(page, what) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${what}: page is ${scrollWidth}px wide in a ${clientWidth}px window`);
}

/** The usual checks of a page as it is now: no axe WCAG 2.1 A/AA violations, and at 320 px no sideways scrolling. */
export async function checkPage(page, what) {
  await assertAxeClean(page, what);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  await assertNoSidewaysScroll(page, `${what} at 320 px`);
  await page.setViewportSize(size);
}

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A TCP port on 127.0.0.1 that nothing listens on just now. */
export function freePort() {
  return new Promise((res, rej) => {
    const probe = createServer();
    probe.once('error', rej);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => res(port));
    });
  });
}

/**
 * Starts a server of its own (the built binary, $OPPENVARD_BIN to override)
 * on a free port with a fresh data directory and demo data, for a file that
 * needs settings the shared server lacks (e.g. SMTP, so the installation
 * offers e-mail). `env` is added to the server's environment. Resolves with
 * `{ url, stop }`; stop() ends it and removes its data.
 */
export async function startServer(env = {}) {
  const bin = process.env.OPPENVARD_BIN ?? join(REPO, 'build/release/src/app/oppenvard');
  const data = await mkdtemp(join(tmpdir(), 'oppenvard-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`], {
    cwd: REPO,
    env: { ...process.env, OPPENVARD_DATA: join(data, 'var'), OPPENVARD_WEB_ROOT: join(REPO, 'web/dist'), OPPENVARD_ACCESS_LOG: 'false', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise((res) => child.once('exit', res));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(data, { recursive: true, force: true });
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  assert.fail(`the server (${bin}) did not start:\n${stderr}`);
}
