// The first hits show as soon as their pieces are in: the search asks for every hit's piece at once, the
// first three's first, and shows those hits (with the count) while the others are still on their way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, appReady } from './harness.mjs';

let server; let browser;
// Without the service worker, so that every piece's request reaches the test's route.
before(async () => { server = await serve(); browser = await launch({ serviceWorkers: 'block' }); });
after(async () => { await browser?.close(); await server?.close(); });

test('the first three hits show while the rest of the page is still loading, then all ten', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/search/`);
  await appReady(page);
  // Text and part pieces: the first three asked for go through, the others wait until released.
  const held = [];
  let passed = 0;
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route(/\/data\/search\/[^/]+\/[tp]\d+\.json$/, async (route) => {
    if (passed < 3) { passed += 1; return route.continue(); }
    held.push(route.request().url());
    await released;
    return route.continue();
  });
  await page.fill('#q', '医');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="search-count"]')?.textContent.includes('“医”'));
  const early = await page.locator('ol.hits > li').count();
  assert.ok(held.length > 0, 'some pieces are held back');
  assert.ok(early >= 3 && early < 10, `${early} hits shown first`);
  assert.match(await page.locator('ol.hits > li mark').first().textContent(), /医/);
  release();
  await page.waitForFunction(() => document.querySelectorAll('ol.hits > li').length === 10);
  await page.close();
});
