// A clause link lands on the clause: after the app has taken over the page and the layout has settled,
// the linked paragraph or heading is at the top of the screen and marked, for links the calculator, the
// search page and the documents themselves give.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, calcLink } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Waits until the target's position has not changed for 500 ms (fonts, late layout, the app's takeover). */
async function settledTop(page, id) {
  return page.evaluate(async (id) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    let last = NaN; let stableSince = performance.now();
    for (let i = 0; i < 300; i++) {
      await frame();
      const el = document.getElementById(id);
      const top = el ? Math.round(el.getBoundingClientRect().top) : NaN;
      if (top !== last) { last = top; stableSince = performance.now(); }
      if (performance.now() - stableSince > 500) break;
    }
    return last;
  }, id);
}

async function landsOn(url) {
  const { page, errors } = await open(browser, url);
  await appReady(page);
  const id = decodeURIComponent(new URL(url).hash.slice(1));
  const top = await settledTop(page, id);
  assert.ok(top >= 0 && top <= 80, `${url}: the target's top is ${top} px from the top of the screen`);
  const marked = await page.evaluate((id) => {
    const el = document.getElementById(id);
    return getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)';
  }, id);
  assert.ok(marked, `${url}: the target is highlighted`);
  assert.equal(await page.locator('.missing-target').count(), 0, `${url}: not said to be missing`);
  assert.deepEqual(errors, [], url);
  await page.close();
}

async function hrefs(url, selector, max) {
  const { page } = await open(browser, url);
  await appReady(page);
  await page.waitForSelector(selector);
  const all = await page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  await page.close();
  return [...new Set(all)].filter((h) => /^\/docs\/[a-z0-9-]+\/#[a-z0-9-]+$/.test(h)).slice(0, max);
}

test('clause links from the calculator, search and the issue land at the top of the screen, marked', async () => {
  const links = new Set([
    '/docs/huining-203/#s3-1',
    '/docs/huining-83/#a5-s3-3-3',
    ...(await hrefs(`${server.base}${calcLink('p=h&c=pr&v=i,c,1,30000,25000,,;o,c,1,8000,8000,,')}`, '.steps a.cite', 4)),
    ...(await hrefs(`${server.base}/search/?q=${encodeURIComponent('三、保障措施')}`, 'main a[href^="/docs/"]', 3)),
    ...(await hrefs(`${server.base}/search/?q=${encodeURIComponent('先诊疗')}`, 'main a[href^="/docs/"]', 3)),
  ]);
  assert.ok(links.size >= 10, `only ${links.size} links`);
  for (const l of links) await landsOn(server.base + l);
});

test('a search hit followed inside the app lands on its section', async () => {
  const { page } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('三、保障措施')}`);
  await appReady(page);
  const hit = page.locator('main a[href^="/docs/"][href*="#"]').first();
  const href = await hit.getAttribute('href');
  await hit.click();
  await page.waitForFunction((h) => location.pathname + location.hash === h, href);
  const id = href.split('#')[1];
  await page.waitForSelector(`[id="${id}"]`);
  const top = await settledTop(page, id);
  assert.ok(top >= 0 && top <= 80, `${href}: ${top} px`);
  await page.close();
});

/** How far down the page is once it has stopped moving (the same place for 500 ms), and the text of the
 * block at the top of the screen. */
async function settledPlace(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    let last = NaN; let stableSince = performance.now();
    for (let i = 0; i < 300; i++) {
      await frame();
      if (scrollY !== last) { last = scrollY; stableSince = performance.now(); }
      if (performance.now() - stableSince > 500) break;
    }
    let el = null;
    for (let y = 80; !el && y < 300; y += 8) el = document.elementFromPoint(180, y)?.closest('main :is(li, p, tr, h1, h2, h3, h4, dt, dd)');
    return { y: Math.round(scrollY), block: (el?.textContent ?? '').trim().slice(0, 40), top: el ? Math.round(el.getBoundingClientRect().top) : NaN };
  });
}

test('Back and Forward inside the app return the page to where the reader left it, once it is drawn again', async () => {
  const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('医疗救助')}`);
  await appReady(page);
  await page.waitForSelector('main a[href^="/docs/"][href*="#"]');
  // The reader scrolls down the hits and taps one on the screen.
  await page.mouse.move(180, 400);
  await page.mouse.wheel(0, 700);
  const hits = await settledPlace(page);
  assert.ok(hits.y > 600 && hits.block, `scrolled down the hits: ${JSON.stringify(hits)}`);
  const href = await page.evaluate(() => {
    const a = [...document.querySelectorAll('main a[href^="/docs/"][href*="#"]')]
      .find((a) => { const r = a.getBoundingClientRect(); return r.top > 150 && r.bottom < 700; });
    a.click();
    return a.getAttribute('href');
  });
  await page.waitForFunction((h) => location.pathname + location.hash === h, href);
  const id = href.split('#')[1];
  await page.waitForSelector(`[id="${id}"]`);
  assert.ok(Math.abs(await settledTop(page, id)) <= 80, 'the hit opened its clause');
  // Back: the hits as they were on the screen (not the top of the list, nor its end as the list filled in).
  await page.goBack();
  await page.waitForFunction(() => location.pathname === '/search/');
  const back = await settledPlace(page);
  assert.ok(Math.abs(back.y - hits.y) <= 2, `Back to the hits at ${back.y}, left at ${hits.y}`);
  assert.equal(back.block, hits.block, 'the same hit at the top of the screen');
  // Forward: the clause the hit opened, where the reader had it.
  await page.goForward();
  await page.waitForFunction((h) => location.pathname + location.hash === h, href);
  await page.waitForSelector(`[id="${id}"]`);
  const top = await settledTop(page, id);
  assert.ok(top >= 0 && top <= 80, `Forward to the clause: ${top} px`);
  // The reader reads on past the clause, goes Back to the hits (as they were) and Forward again: where they
  // were reading, not the clause the address names.
  await page.mouse.wheel(0, 1500);
  const reading = await settledPlace(page);
  assert.ok(reading.y > top + 1000 && reading.block, `read on: ${JSON.stringify(reading)}`);
  await page.waitForTimeout(300);
  await page.goBack();
  await page.waitForFunction(() => location.pathname === '/search/');
  assert.ok(Math.abs((await settledPlace(page)).y - hits.y) <= 2, 'Back to the hits again');
  await page.goForward();
  await page.waitForFunction((h) => location.pathname + location.hash === h, href);
  const again = await settledPlace(page);
  assert.equal(again.block, reading.block, `Forward to the block being read (${reading.block}), not ${again.block}`);
  assert.ok(Math.abs(again.top - reading.top) <= 2, `at the same height on the screen: ${again.top} vs ${reading.top}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link to a clause the document does not have says so at the top, and is not left silent', async () => {
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/#s9-9-nonexistent`);
  await appReady(page);
  const note = page.locator('main .missing-target[role="status"]');
  await note.waitFor();
  assert.match(await note.textContent(), /#s9-9-nonexistent.*找不到/);
  const box = await note.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 780, `on the first screen: ${JSON.stringify(box)}`);
  // A link to a clause it has takes the notice away.
  await page.evaluate(() => { location.hash = 's3-2'; });
  await page.waitForFunction(() => document.querySelectorAll('.missing-target').length === 0);
  assert.deepEqual(errors, []);
  await page.close();
});
