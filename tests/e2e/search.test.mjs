// Search: the queries residents type find every document that says them, and a hit links to its section.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, appReady, DIST } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The slugs of the documents whose text contains `q` (ignoring whitespace), read from dist/. */
function docsContaining(q) {
  const dir = path.join(DIST, '_frag');
  const norm = (s) => s.replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, ' ').replace(/\s+/g, '');
  return fs.readdirSync(dir)
    .filter((f) => /^docs-.+\.html$/.test(f))
    .filter((f) => norm(fs.readFileSync(path.join(dir, f), 'utf8').split('<div class="doc-body">')[1] || '').includes(q))
    .map((f) => f.slice(5, -5)).sort();
}

for (const q of ['3000元', '大病保险', '先诊疗']) {
  test(`searching ${q} finds every document that says it`, async () => {
    const expected = docsContaining(q);
    assert.ok(expected.length >= 1, `some document says ${q}`);
    const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent(q)}`);
    await appReady(page);
    await page.waitForSelector('[data-testid="search-count"]');
    const hrefs = await page.locator('ol.hits li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const found = [...new Set(hrefs.map((h) => h.split('/')[2]))].sort();
    assert.deepEqual(found, expected);
    const marks = await page.locator('ol.hits mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m.replace(/\s/g, '') === q), 'the match is highlighted');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('typing a query and following a hit lands on the section', async () => {
  const { page } = await open(browser, `${server.base}/search/`);
  await appReady(page);
  await page.fill('#q', '大病保险');
  await page.press('#q', 'Enter');
  await page.waitForSelector('ol.hits li > a');
  const href = await page.locator('ol.hits li > a').first().getAttribute('href');
  await page.locator('ol.hits li > a').first().click();
  const id = href.split('#')[1];
  await page.waitForSelector(`[id="${id}"]`);
  await page.waitForFunction((i) => {
    const r = document.getElementById(i).getBoundingClientRect();
    return r.top > -5 && r.top < window.innerHeight;
  }, id, { timeout: 5000 });
  await page.close();
});
