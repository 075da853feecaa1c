// A search result opens the words it matched: each of the first hits of the queries people type, tapped
// on a phone (360×780), lands with its element (a clause, a table row, else the heading) on the first
// screen, the element (with its clause's body, up to the next element with an id) holding the query, and
// the query's words on that screen, marked (the hit's link asks for them: `?hl=`). Checked as the hit is tapped (the app opens the page) and as its link
// is opened cold (the page as served, then the app taking over).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, appReady } from './harness.mjs';

/** The queries, and how many of each one's first hits are opened. */
const QUERIES = ['一站式', '大病保险', '3000元', '85%', '先诊疗后付费'];
const FIRST = 5;

let server; let browser;
before(async () => { server = await serve(); browser = await launch({ hasTouch: true, isMobile: true }); });
after(async () => { await browser?.close(); await server?.close(); });

/** Waits until the page has stopped scrolling (the same scroll position for 300 ms). */
async function settled(page) {
  await page.waitForFunction(() => new Promise((done) => {
    const y = window.scrollY;
    setTimeout(() => done(window.scrollY === y), 300);
  }), null, { timeout: 10000 });
}

/** Where the element with `id` and the first occurrence of `q` from it on are, in the viewport, and
 * whether its run holds `q` (its text and the text after it up to the next element with an id: a clause's
 * body is the paragraphs under its first line); `q` matched as the search does, punctuation and whitespace
 * between its characters ignored. */
function where(page, id, q) {
  return page.evaluate(({ id, q }) => {
    const el = document.getElementById(id);
    if (!el) return null;
    const pattern = [...q].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\p{P}]*');
    const re = new RegExp(pattern, 'iu');
    // The text from the element on, as text nodes with their offsets in the whole.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes = []; let text = ''; let run = ''; let inRun = true; let n;
    while ((n = walker.nextNode())) {
      if (el.contains(n) || (el.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING)) {
        nodes.push([n, text.length]);
        text += n.data;
        const owner = n.parentElement.closest('[id]');
        inRun &&= Boolean(owner) && (owner === el || el.contains(owner) || owner.contains(el));
        if (inRun) run += n.data;
      }
    }
    const m = re.exec(text);
    const box = el.getBoundingClientRect();
    const marked = [...document.querySelectorAll('mark.asked')].some((m) => re.test(m.textContent));
    const out = { top: Math.round(box.top), height: window.innerHeight, holds: re.test(run), marked };
    if (!m) return out;
    const at = (i) => { let k = 0; while (k + 1 < nodes.length && nodes[k + 1][1] <= i) k++; return [nodes[k][0], i - nodes[k][1]]; };
    const range = document.createRange();
    range.setStart(...at(m.index));
    range.setEnd(...at(m.index + m[0].length - 1));
    range.setEnd(range.endContainer, range.endOffset + 1);
    const r = range.getBoundingClientRect();
    return { ...out, words: [Math.round(r.top), Math.round(r.bottom)] };
  }, { id, q });
}

/** The failures of one opened hit: its element at the top of the first screen, holding the query, and
 * the query's words on that screen. */
function problems(how, href, at) {
  if (!at) return [`${how} ${href}: no element with that id`];
  const out = [];
  if (!(at.top >= 0 && at.top < at.height)) out.push(`${how} ${href}: the element's top at ${at.top} px`);
  if (!at.holds) out.push(`${how} ${href}: the element does not hold the words`);
  if (!at.marked) out.push(`${how} ${href}: the words are not marked`);
  if (!at.words) out.push(`${how} ${href}: the words are not on the page after it`);
  else if (!(at.words[0] >= 0 && at.words[1] <= at.height)) out.push(`${how} ${href}: the words at ${at.words[0]}–${at.words[1]} px`);
  return out;
}

/** Opens /search/?q=`q` and waits for its first page of hits, complete. */
async function results(page, q) {
  await page.goto(`${server.base}/search/?q=${encodeURIComponent(q)}`);
  await appReady(page);
  await page.waitForFunction((want) => {
    const el = document.querySelector('[data-testid="search-count"]:not([aria-busy="true"])');
    return el && el.textContent.includes(`“${want}”`) && document.querySelector('ol.hits li > a');
  }, q);
}

for (const q of QUERIES) {
  test(`the first hits of ${q} open with the words on the first screen`, async () => {
    const page = await browser.newPage();
    await results(page, q);
    const links = page.locator('ol.hits li > a');
    const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).slice(0, FIRST);
    assert.ok(hrefs.length > 0, `${q} finds something`);
    const failures = [];
    for (const [i, href] of hrefs.entries()) {
      const id = decodeURIComponent(href.split('#')[1]);
      // Tapped in the results: the app opens the page.
      if (i > 0) await results(page, q);
      await links.nth(i).scrollIntoViewIfNeeded();
      await links.nth(i).tap();
      await page.waitForURL((u) => u.pathname + u.search === href.split('#')[0]);
      await page.waitForSelector(`[id="${id}"]`);
      await settled(page);
      failures.push(...problems('tapped', href, await where(page, id, q)));

      // Opened cold, the app taking over.
      const cold = await browser.newPage();
      await cold.goto(`${server.base}${href}`);
      await appReady(cold);
      await settled(cold);
      failures.push(...problems('cold', href, await where(cold, id, q)));
      await cold.close();
    }
    assert.deepEqual(failures, []);
    await page.close();
  });
}
