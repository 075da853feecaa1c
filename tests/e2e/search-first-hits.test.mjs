// The first hits show as soon as their pieces are in: the search asks for the first three hits' pieces on
// their own, shows those hits (with the count), then asks for the others'.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, appReady } from './harness.mjs';

let server; let browser;
// Without the service worker, so that every piece's request reaches the test's route.
before(async () => { server = await serve(); browser = await launch({ serviceWorkers: 'block' }); });
after(async () => { await browser?.close(); await server?.close(); });

/** Lets the first `n` text and part pieces through and holds the others back until the returned function
 * is called; `held` lists the held ones' addresses. */
async function holdAfter(page, n) {
  const held = [];
  let passed = 0;
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route(/\/data\/search\/[^/]+\/[tp]\d+\.json$/, async (route) => {
    if (passed < n) { passed += 1; return route.continue(); }
    held.push(route.request().url());
    await released;
    return route.continue();
  });
  return { held, release };
}

test('the first three hits show while the rest of the page is still loading, then all ten', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/search/`);
  await appReady(page);
  // Text and part pieces: the first three asked for go through, the others wait until released.
  const { held, release } = await holdAfter(page, 3);
  await page.fill('#q', '医');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="search-count"]')?.textContent.includes('“医”'));
  const early = await page.locator('ol.hits > li').count();
  assert.ok(held.length > 0, 'some pieces are held back');
  assert.ok(early >= 3 && early < 10, `${early} hits shown first`);
  assert.match(await page.locator('ol.hits > li mark').first().textContent(), /医/);
  // 医 is one character: its count is exact from the postings, so it shows at once and stays.
  const count = await page.getByTestId('search-count').textContent();
  assert.match(count, /^找到 \d+ 处(以上)?包含/);
  assert.equal(await page.getByTestId('search-count').getAttribute('aria-busy'), 'true', 'the rest is on its way');
  release();
  await page.waitForFunction(() => document.querySelectorAll('ol.hits > li').length === 10);
  assert.equal(await page.getByTestId('search-count').textContent(), count, 'the same count once all are in');
  assert.equal(await page.getByTestId('search-count').getAttribute('aria-busy'), 'false');
  await page.close();
});

test('a count that is not exact yet is not shown while the first hits are in, so no number changes', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/search/`);
  await appReady(page);
  const { release } = await holdAfter(page, 3);
  // Four characters and more are confirmed against the text: the count is "N 到 M 处" until all are read.
  await page.fill('#q', '医疗救助');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="search-count"]')?.textContent.includes('“医疗救助”'));
  const early = await page.getByTestId('search-count').textContent();
  const shown = await page.locator('ol.hits > li').count();
  release();
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  const done = await page.getByTestId('search-count').textContent();
  assert.match(done, /^找到 \d+ 处/, done);
  assert.ok(shown >= 1 && shown < 10, `the first hits shown first (${shown})`);
  assert.doesNotMatch(early, /\d+ 处/, `early: ${early}`);
  await page.close();
});
