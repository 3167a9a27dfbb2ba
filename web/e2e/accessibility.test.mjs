// WCAG 2.1 A/AA with axe, the 320 px layout, and keyboard use.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertNoProblems, clinicByName, headingText, launch, openPage, waitForDirectory } from './helpers.mjs';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser;
let clinic;
before(async () => {
  browser = await launch();
  clinic = await clinicByName('Vårdcentralen Björkdalen');
});
after(async () => {
  await browser?.close();
});

/** Opens a page and waits until its content (not just the shell) is there. */
async function show(page, path) {
  await page.goto(path);
  await page.locator('h1').waitFor();
  if (path.startsWith('/mottagningar/')) await page.getByRole('heading', { level: 2, name: /E-tjänster|E-services/ }).waitFor();
  else if (path.startsWith('/mottagningar')) await waitForDirectory(page);
}

function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
}

const pages = () => [
  ['start page', '/'],
  ['clinic directory', '/mottagningar'],
  ['clinic page', `/mottagningar/${clinic.id}`],
  ['accessibility statement', '/tillganglighet'],
  ['patient area', '/patient'],
];

test('axe finds no WCAG 2.1 A/AA violations', async (t) => {
  for (const [name, path] of pages()) {
    await t.test(name, async () => {
      const { context, page, problems } = await openPage(browser);
      try {
        await show(page, path);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        assert.equal(violations.length, 0, describeViolations(violations));
        assertNoProblems(problems);
      } finally {
        await context.close();
      }
    });
  }
});

test('axe finds no WCAG 2.1 A/AA violations on the English clinic page', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await show(page, '/');
    await page.getByRole('button', { name: /English/ }).click();
    await show(page, `/mottagningar/${clinic.id}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.equal(violations.length, 0, describeViolations(violations));
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('at 320 px wide nothing scrolls sideways', async (t) => {
  for (const [name, path] of pages()) {
    await t.test(name, async () => {
      const { context, page } = await openPage(browser, { width: 320, height: 640 });
      try {
        await show(page, path);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`);
      } finally {
        await context.close();
      }
    });
  }
});

test('the first Tab reaches a visible skip link that jumps to the main content', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await show(page, '/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, href: el.getAttribute('href'), top: box.top, height: box.height };
    });
    assert.equal(focused.text, 'Hoppa till huvudinnehållet');
    assert.equal(focused.href, '#main');
    assert.ok(focused.top >= 0 && focused.height > 0, 'the skip link is on screen when focused');

    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.keyboard.press('Tab');
    // Next stop is the main content's first link, past header and menu.
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Hitta en mottagning');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('with the keyboard alone one can search and open a clinic', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await show(page, '/mottagningar');
    // Tab from the top until the search field has focus.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement.id === 'clinic-search')) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), 'clinic-search', 'search field reachable by Tab');
    // A visible focus indicator is drawn.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');

    await page.keyboard.type('Björkdalen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=Bj%C3%B6rkdalen$/);
    await page.waitForFunction(() => document.querySelectorAll('.clinic-list > li').length === 1);
    await waitForDirectory(page);
    // Tab past the search button to the result and follow it with Enter.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement.textContent === 'Vårdcentralen Björkdalen')) break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Vårdcentralen Björkdalen' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus moved to the new heading');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('landmarks and one h1 on every page', async () => {
  const { context, page } = await openPage(browser);
  try {
    for (const [, path] of pages()) {
      await show(page, path);
      assert.equal(await page.locator('header.site-header').count(), 1, `${path}: header`);
      assert.equal(await page.getByRole('navigation', { name: 'Huvudmeny' }).count(), 1, `${path}: nav`);
      assert.equal(await page.getByRole('main').count(), 1, `${path}: main`);
      assert.equal(await page.getByRole('contentinfo').count(), 1, `${path}: footer`);
      assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
      assert.ok((await headingText(page)).length > 0);
    }
  } finally {
    await context.close();
  }
});
