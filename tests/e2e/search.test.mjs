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

/** Clicks 显示更多结果 (hits come a page at a time) until every hit is shown. */
async function showAll(page) {
  for (;;) {
    const more = page.getByRole('button', { name: '显示更多结果' });
    if (!(await more.count())) return;
    const shown = await page.locator('ol.hits li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('ol.hits li').length > n, shown);
  }
}

for (const q of ['3000元', '大病保险', '先诊疗']) {
  test(`searching ${q} finds every document that says it`, async () => {
    const expected = docsContaining(q);
    assert.ok(expected.length >= 1, `some document says ${q}`);
    const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent(q)}`);
    await appReady(page);
    await countFor(page, q);
    await showAll(page);
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

/** Waits until the count line is about `q` and the page of hits is complete, and returns it. */
/** The count line once it says the query was answered by its number (the answers are above it). */
async function namedCount(page) {
  const line = '上面是按编号找到的文件或条款。';
  await page.waitForFunction((want) => {
    const el = document.querySelector('[data-testid="search-count"]:not([aria-busy="true"])');
    return el && el.textContent.trim() === want;
  }, line);
  return line;
}

async function countFor(page, q) {
  await page.waitForFunction((want) => {
    const el = document.querySelector('[data-testid="search-count"]:not([aria-busy="true"])');
    return el && el.textContent.includes(`“${want}”`);
  }, q);
  return page.locator('[data-testid="search-count"]').textContent();
}

test('every suggestion chip finds something', async () => {
  const { page, errors } = await open(browser, `${server.base}/search/`);
  await appReady(page);
  const chips = await page.locator('p.examples:not(.region-filter) button.chip').allTextContents();
  assert.ok(chips.length >= 6, 'the chips are shown');
  for (const c of chips) {
    await page.locator('p.examples:not(.region-filter) button.chip').filter({ hasText: c }).first().click();
    const count = await countFor(page, c);
    assert.match(count, /^找到 \d+ 处/, `the chip ${c} finds something`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('hits show their region, and &r= keeps one region', async () => {
  const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('体检')}`);
  await appReady(page);
  await countFor(page, '体检');
  const all = await page.locator('ol.hits li .region-label:first-child').allTextContents();
  assert.ok(all.length >= 2 && all.some((r) => r.includes('眉山')) && all.some((r) => r.includes('会宁')), all.join());
  await page.locator('.region-filter button', { hasText: '会宁' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('r') === 'huining');
  // The last answer's count line also names 体检 until the filtered one replaces it: wait for the filtered one.
  await page.waitForFunction(() => /^在会宁的文件中找到/.test(document.querySelector('[data-testid="search-count"]:not([aria-busy="true"])')?.textContent || ''));
  assert.match(await countFor(page, '体检'), /^在会宁的文件中找到/);
  const kept = await page.locator('ol.hits li .region-label:first-child').allTextContents();
  assert.ok(kept.length >= 1 && kept.every((r) => r.includes('会宁县')), kept.join());
  assert.ok(await page.locator('p.elsewhere').isVisible(), 'says the other regions have more');
  assert.equal(await page.locator('.region-filter button[aria-pressed="true"]').textContent(), '会宁');
  assert.deepEqual(errors, []);
  await page.close();
});

test('one character, a 文号 and digits with Chinese find their text, highlighted', async () => {
  const { page, errors } = await open(browser, `${server.base}/search/`);
  await appReady(page);
  for (const [q, mark] of [['医', '医'], ['县委办发〔2018〕83号', '县委办发〔2018〕83号'], ['甘卫发[2018]165号', '甘卫发〔2018〕165号'], ['7类11种', '7类11种']]) {
    await page.fill('#q', q);
    await page.press('#q', 'Enter');
    const count = await countFor(page, q);
    assert.match(count, /^找到 \d+ 处/, q);
    const expected = docsContaining(mark);
    assert.ok(expected.length >= 1, `some document says ${mark}`);
    const marks = await page.locator('ol.hits mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m.replace(/\s/g, '') === mark), `${q}: ${marks.join('|')}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

// A resident's audit (2026-12-06): 83 号 had ranked 甘政发〔2018〕34号 first, marked at 8〕3 (the year and the
// number read as one number, 201834), and opened the document marked there.
test('a number is found as the number it is: 83 号 is not the 8〕3 of 〔2018〕34号, in the hits or the document', async () => {
  const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('83 号')}`);
  await appReady(page);
  await page.waitForSelector('ol.hits mark');
  const marks = await page.locator('ol.hits mark').allTextContents();
  const numbers = marks.filter((m) => /\d/.test(m));
  assert.ok(numbers.length > 0 && numbers.every((m) => /^83号?$/.test(m)), marks.join('|'));
  const first = await page.locator('ol.hits > li').first().innerText();
  assert.match(first, /83号/, first);
  // Typed without its brackets, the year and the number in either order find it (2018 83号 had been read as
  // the one number 201883 and found nothing once the year and the number stood apart).
  for (const q of ['2018 83号', '83号 2018']) {
    await page.goto(`${server.base}/search/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
    assert.match(await page.textContent('[data-testid="search-count"]'), /找到 \d+ 处/, q);
    assert.match(await page.locator('ol.hits > li').first().innerText(), /83号/, q);
  }
  // Opened as a hit opens it, the document marks no digits across a bracket.
  const doc = await open(browser, `${server.base}/docs/gansu-165/?hl=${encodeURIComponent('83 号')}#main`);
  await appReady(doc.page);
  const docMarks = await doc.page.locator('main mark').allTextContents();
  assert.ok(docMarks.every((m) => !/\d\D+\d|〕/.test(m)), docMarks.filter((m) => /\d/.test(m)).join('|'));
  await doc.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});

/** Where the first hit's link sits on the screen, and the scroll position. */
const firstHitOnScreen = (page) => page.evaluate(() => {
  const r = document.querySelector('ol.hits > li a').getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, height: window.innerHeight, scrollY: window.scrollY };
});

test('on a phone the hits are on the screen after a search, typed or opened from a link, and the keyboard lets go', async () => {
  const { page } = await open(browser, `${server.base}/search/`);
  await appReady(page);
  await page.fill('#q', '3000元');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('ol.hits > li').length === 10);
  await page.waitForTimeout(300);
  let at = await firstHitOnScreen(page);
  assert.ok(at.top >= 0 && at.bottom <= at.height, `typed: first hit at ${at.top}–${at.bottom} of ${at.height}`);
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'q', 'the field lets go (the phone keyboard closes)');
  // 显示更多结果 keeps the place: the page does not jump back to the count.
  const more = page.getByRole('button', { name: '显示更多结果' });
  await more.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('ol.hits > li').length > 10);
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(after - y) < 100, `more hits: no jump back to the count (${y} → ${after})`);
  await page.close();

  // As a QR code opens it: the address carries the query.
  const { page: linked } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('大病保险')}`);
  await appReady(linked);
  await linked.waitForFunction(() => document.querySelectorAll('ol.hits > li').length > 0);
  await linked.waitForTimeout(300);
  at = await firstHitOnScreen(linked);
  assert.ok(at.top >= 0 && at.bottom <= at.height, `linked: first hit at ${at.top}–${at.bottom} of ${at.height}`);
  await linked.close();
});

test('a question typed as one run of words (贫困户住院) finds nothing as written, and its words apart are one tap away, in the box and after a reload', async () => {
  const { page, errors } = await open(browser, `${server.base}/search/`);
  await appReady(page);
  await page.fill('#q', '贫困户住院要交押金吗');
  await page.press('#q', 'Enter');
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  assert.match(await page.textContent('[data-testid="search-count"]'), /没有找到包含“贫困户住院要交押金吗”/);
  const offer = page.getByTestId('words-apart');
  await offer.waitFor();
  await offer.getByRole('link', { name: '搜“贫困户 住院 押金”' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '贫困户 住院 押金');
  await page.waitForFunction(() => document.querySelectorAll('ol.hits > li').length > 0);
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  assert.match(await page.textContent('[data-testid="search-count"]'), /找到 \d+ 处(以上)?包含“贫困户 住院 押金”/);
  assert.equal(await page.getByTestId('words-apart').count(), 0, 'said only when nothing is found');
  // Back: the question again, and its offer again; a reload of it too.
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '贫困户住院要交押金吗');
  await page.getByTestId('words-apart').waitFor();
  await page.reload();
  await appReady(page);
  await page.getByTestId('words-apart').waitFor();
  assert.match(await page.getByTestId('words-apart').textContent(), /搜“贫困户 住院 押金”/);
  // A question about what a bill costs: the calculator, which answers it for the person's own bill.
  await page.fill('#q', '看病花多少钱');
  await page.press('#q', 'Enter');
  await page.getByTestId('to-calc').waitFor();
  assert.equal(await page.getByTestId('to-calc').getByRole('link').getAttribute('href'), '/calc/');
  assert.equal(await page.getByTestId('to-check').count(), 0, 'one way on: the calculator');
  // Asked with 报销 (住院报销多少 had been offered the check, not the calculator: a helper's audit).
  await page.fill('#q', '住院报销多少');
  await page.press('#q', 'Enter');
  await page.getByTestId('to-calc').waitFor();
  assert.equal(await page.getByTestId('to-check').count(), 0);
  // A question in a resident's words (2026-12-05: nothing found, nothing offered): the documents' word, and
  // the check, which lists what the person can get.
  await page.fill('#q', '生孩子能报销吗');
  await page.press('#q', 'Enter');
  await page.getByTestId('documents-word').waitFor();
  assert.equal(await page.getByTestId('documents-word').getByRole('link').textContent(), '搜“分娩”');
  assert.equal(await page.getByTestId('to-check').getByRole('link').getAttribute('href'), '/check/');
  // A query the documents have no words of is offered no words.
  await page.fill('#q', '外星人飞船');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => /没有找到包含“外星人飞船”/.test(document.querySelector('[data-testid="search-count"]')?.textContent || ''));
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('words-apart').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a word people say that the documents do not use (五保户) finds nothing, and the documents\' word is one tap away', async () => {
  const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('五保户')}`);
  await appReady(page);
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  assert.match(await page.textContent('[data-testid="search-count"]'), /没有找到包含“五保户”/);
  const offer = page.getByTestId('documents-word');
  assert.match(await offer.textContent(), /文件里一般不说“五保户”，说“特困供养”/);
  await offer.getByRole('link', { name: '搜“特困供养”' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '特困供养');
  await page.waitForFunction(() => document.querySelectorAll('ol.hits > li').length > 0);
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  assert.match(await page.textContent('[data-testid="search-count"]'), /找到 \d+ 处(以上)?包含“特困供养”/);
  assert.equal(await page.getByTestId('documents-word').count(), 0, 'said only when nothing is found');
  // Mistyped (住院抱销: a resident's audit, 2026-12-06), the word put right where it stands, the rest kept.
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('住院抱销')}`);
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  assert.match(await page.textContent('[data-testid="search-count"]'), /没有找到包含“住院抱销”/);
  await page.getByTestId('documents-word').getByRole('link', { name: '搜“住院报销”' }).click();
  await page.waitForFunction(() => document.querySelectorAll('ol.hits > li').length > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a word the documents also write otherwise (慢病: 慢特病) is offered, though it found something, and the other word finds the benefit', async () => {
  // 慢病 found six duty lists and not 门诊慢特病患者享受大病补偿政策 (a resident's audit, 2026-12-06).
  const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('慢病')}`);
  await appReady(page);
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  assert.match(await page.textContent('[data-testid="search-count"]'), /找到 \d+ 处包含“慢病”/);
  // The documents' prose first, their tables (附表: officials' scoring forms) after it: 五督's row 17 had
  // been the first hit.
  const tier = (href) => (/#summary$|#ed-/.test(href) ? 2 : /-r\d+$/.test(href) ? 1 : 0);
  const ranked = (await page.locator('ol.hits li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(tier);
  assert.ok(ranked.length > 2 && ranked[0] === 0, ranked.join(' '));
  assert.deepEqual(ranked, [...ranked].sort((a, b) => a - b), `prose, then tables, then the site's notes: ${ranked.join(' ')}`);
  const offer = page.getByTestId('related-word');
  assert.match(await offer.textContent(), /文件里“慢病”也写作“慢特病”/);
  await offer.getByRole('link', { name: '搜“慢特病”' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '慢特病');
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  const hrefs = await page.locator('ol.hits li > a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
  assert.ok(hrefs.includes('/docs/huining-203/?hl=慢特病#s3-1'), hrefs.join(' '));
  assert.equal(await page.getByTestId('related-word').count(), 0, 'not offered for the word itself');
  assert.deepEqual(errors, []);
  await page.close();
});

test('85%: every hit in the documents\' prose ranks above every table row, and those above the site\'s notes', async () => {
  const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('85%')}`);
  await appReady(page);
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  await showAll(page);
  const hrefs = await page.locator('ol.hits li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const tier = (href) => (/#summary$|#ed-/.test(href) ? 2 : /-r\d+$/.test(href) ? 1 : 0);
  const ranked = hrefs.map(tier);
  assert.ok(ranked.includes(0) && ranked.includes(1), hrefs.join(' '));
  assert.deepEqual(ranked, [...ranked].sort((a, b) => a - b), hrefs.join(' '));
  assert.deepEqual(errors, []);
  await page.close();
});

// A resident starts on the home page: its search box answers there, before the app and after (2026-12-05:
// the home page had only a link to the search page).
test('the home page has a search box that opens the search with its words, before the app takes over and after', async () => {
  for (const when of ['before the app', 'after the app']) {
    const page = await browser.newPage();
    if (when === 'before the app') await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(`${server.base}/`, { waitUntil: 'domcontentloaded' });
    if (when === 'after the app') await appReady(page);
    await page.fill('#home-q', '大病保险');
    await page.press('#home-q', 'Enter');
    await page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === '大病保险');
    await page.unroute(/\.wasm$/);
    if (when === 'before the app') await page.reload();
    await appReady(page);
    await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
    assert.match(await page.textContent('[data-testid="search-count"]'), /找到 \d+ 处(以上)?包含“大病保险”/, when);
    await page.close();
  }
});

test('a resident\'s second audit: a place among the words is the region, a list number is itself, the editors\' summary is found as the site\'s words, a word typed across terms is offered whole, Back keeps 显示更多结果', async () => {
  const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('德州 先诊疗后付费')}`);
  await appReady(page);
  // 德州 searched as text had to stand in the same passage: nothing was found, though 德州's 二（二） says it.
  await page.waitForFunction(() => new URLSearchParams(location.search).get('r') === 'dezhou');
  assert.equal(new URLSearchParams(new URL(page.url()).search).get('q'), '先诊疗后付费');
  assert.match(await countFor(page, '先诊疗后付费'), /^在德州的文件中找到 \d+ 处/);
  assert.match(await page.locator('ol.hits li > a').first().getAttribute('href'), /^\/docs\/dezhou-20\/.*#s2-2$/);
  assert.equal(await page.locator('.region-chip[aria-pressed="true"]').textContent(), '德州');

  // （5）落实 is 眉山's （5）: it had matched every bracketed number before 落实.
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('（5）落实')}`);
  await countFor(page, '（5）落实');
  assert.match(await page.locator('ol.hits li > a').first().getAttribute('href'), /^\/docs\/meishan-137\/.*#s3-1-2-5$/);

  // 一年 救助: the documents never say it so; the editors' summaries do (一年里自己负担超过3000元…医疗救助兜底), found and
  // said to be the site's words, opening the summary with the words marked; and since no document's own text
  // holds it, the check is still offered.
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('一年 救助')}`);
  await countFor(page, '一年 救助');
  const first = page.locator('ol.hits li').first();
  assert.match(await first.textContent(), /简要说明（本站编写，不是原文）[\s\S]*本站编写，不是文件原文/);
  assert.equal(await page.getByTestId('to-check').count(), 1);
  await first.locator('a').first().click();
  await page.waitForFunction(() => location.hash.startsWith('#summary'));
  await page.waitForFunction(() => document.querySelectorAll('#summary mark').length > 0);
  await page.goBack();
  await countFor(page, '一年 救助');

  // 先看病 后付钱, typed with a space: offered 先诊疗后付费 whole (it had been 先诊疗 后付钱, which finds nothing).
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('先看病 后付钱')}`);
  await countFor(page, '先看病 后付钱');
  const offer = page.getByTestId('documents-word').locator('a');
  assert.equal(await offer.textContent(), '搜“先诊疗后付费”');
  await offer.click();
  assert.match(await countFor(page, '先诊疗后付费'), /找到 \d+/);

  // Back from the 14th hit, shown by 显示更多结果, shows it again where it was (it had shown the first 10).
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('签约')}`);
  await countFor(page, '签约');
  await page.getByRole('button', { name: '显示更多结果' }).click();
  await page.waitForFunction(() => document.querySelectorAll('ol.hits li').length > 10);
  const shown = await page.locator('ol.hits li').count();
  const hit = page.locator('ol.hits li > a').nth(13);
  await hit.scrollIntoViewIfNeeded();
  const title = await hit.textContent();
  await hit.click();
  await page.waitForURL(/\/docs\//);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('ol.hits li').length === n, shown);
  await page.waitForTimeout(800);
  const back = page.locator('ol.hits li > a').nth(13);
  assert.equal(await back.textContent(), title);
  const top = await back.evaluate((a) => a.getBoundingClientRect().top);
  assert.ok(top > -5 && top < 780, `the 14th hit on the screen after Back: ${top}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('several words show and open the clause where they stand together, and an amount typed in words is offered in the documents\' digits', async () => {
  // 住院 报销 had shown, and opened, 眉山's first 住院: a clause without 报销.
  const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('住院 报销')}`);
  await appReady(page);
  await countFor(page, '住院 报销');
  const first = page.locator('ol.hits li').first();
  const marked = await first.locator('mark').allTextContents();
  assert.ok(marked.some((m) => m.includes('住院')) && marked.some((m) => m.includes('报销')), `both words marked: ${marked}`);
  const href = await first.locator('a').first().getAttribute('href');
  await first.locator('a').first().click();
  await page.waitForURL(/\/docs\//);
  await appReady(page);
  const id = decodeURIComponent(href.split('#')[1]);
  // The clause and the blocks it runs to (its heading's body), every word marked in them, at the top.
  await page.waitForFunction(() => document.querySelectorAll('mark.asked').length > 0);
  const words = await page.locator('mark.asked').allTextContents();
  assert.ok(words.some((m) => m.includes('住院')) && words.some((m) => m.includes('报销')), `both marked in the clause: ${words}`);
  await page.waitForFunction((i) => {
    const r = document.getElementById(i).getBoundingClientRect();
    return r.top > -5 && r.top < 200;
  }, id, { timeout: 5000 });

  // 医疗救助 3000元: its first hit is a long paragraph whose first 医疗救助 is a screen above 3000元; the page
  // opens where the two stand together (3000元 had been at 1,025 px of 780).
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('医疗救助 3000元')}`);
  await countFor(page, '医疗救助 3000元');
  await page.locator('ol.hits li > a').first().click();
  await page.waitForURL(/\/docs\//);
  await appReady(page);
  await page.waitForFunction(() => document.querySelectorAll('mark.asked').length > 0);
  await page.waitForFunction(() => [...document.querySelectorAll('mark.asked')].some((m) => {
    const r = m.getBoundingClientRect();
    return m.textContent.replace(/\s/g, '') === '3000元' && r.top >= 0 && r.bottom <= innerHeight;
  }), null, { timeout: 5000 });

  // 三千元: the documents write 3000元. Offered, one tap away, and it finds the clauses.
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('医疗救助三千元')}`);
  await countFor(page, '医疗救助三千元');
  const offer = page.getByTestId('documents-word');
  assert.match(await offer.textContent(), /不说“三千元”，说“3000元”/);
  assert.equal(await offer.locator('a').textContent(), '搜“医疗救助 3000元”');
  await offer.locator('a').click();
  assert.match(await countFor(page, '医疗救助 3000元'), /找到 \d+ 处/);
  const again = await page.locator('ol.hits li').first().locator('mark').allTextContents();
  assert.ok(again.includes('医疗救助') && again.some((m) => m.replace(/\s/g, '') === '3000元'), `${again}`);
  // 三万元: the documents write 3万元 (it had been offered 30000元, which finds nothing); 一万二千元, which no
  // document says in any form, is offered nothing that finds nothing.
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('三万元')}`);
  await countFor(page, '三万元');
  await page.getByTestId('documents-word').waitFor();
  assert.equal(await page.getByTestId('documents-word').locator('a').textContent(), '搜“3万元”');
  // 3000块: digits with the unit people say.
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('3000块')}`);
  await countFor(page, '3000块');
  await page.getByTestId('documents-word').waitFor();
  assert.equal(await page.getByTestId('documents-word').locator('a').textContent(), '搜“3000元”');
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('一万二千元')}`);
  await countFor(page, '一万二千元');
  await page.waitForTimeout(1500);
  assert.equal(await page.getByTestId('documents-word').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('words found only in the site\'s own notes: the offer of the words apart says so, so it does not contradict the count', async () => {
  // 三（一）: 找到 6 处 above, 文件里没有连在一起的这几个字 below (a trainer's audit). 三（一） is now answered as a
  // clause's number (below); words of the editors' note around it are not.
  const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('三（一）的第二')}`);
  await appReady(page);
  await page.getByTestId('words-apart').waitFor();
  assert.match(await page.getByTestId('search-count').textContent(), /找到 \d+ 处/);
  assert.match(await page.getByTestId('words-apart').textContent(), /^文件原文里没有连在一起的这几个字（上面找到的是本站编写的内容）。/);
  assert.ok((await page.locator('ol.hits .editorial-label').count()) > 0, 'the hits are the site\'s');
  assert.equal(await page.locator('ol.hits li').count(), await page.locator('ol.hits .editorial-label').count());
  assert.deepEqual(errors, []);
  await page.close();
});

test('a clause\'s or document\'s number as a poster prints it opens what it names: typed in the box, after a reload, and landing on the clause', async () => {
  // The path a resident takes from paper: a clause's poster prints its 出处 (文号 and clause number);
  // typed into the search, it had found only the site's notes (三（一） is made of two headings' numbers).
  const { page: doc } = await open(browser, `${server.base}/docs/huining-203/#s3-1`);
  await appReady(doc);
  await doc.getByRole('button', { name: '海报' }).first().click();
  const source = await doc.locator('[data-testid="poster"] .poster-source').textContent();
  const printed = source.replace(/^出处：/, '').split('　')[0];
  assert.equal(printed, '会卫计发〔2018〕203号 三（一）');
  await doc.close();

  const { page, errors } = await open(browser, `${server.base}/search/`);
  await appReady(page);
  // The line copied whole, as printed: its lead word, the issuers and the date too.
  await page.fill('#q', source);
  await page.press('#q', 'Enter');
  const named = page.getByTestId('named');
  await named.locator('li a').first().waitFor();
  const answer = async () => ({
    links: await named.locator('li > a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])),
    snippet: (await named.locator('.snippet').allTextContents())[0],
  });
  const typed = await answer();
  assert.deepEqual(typed.links, [['三（一）', '/docs/huining-203/#s3-1']]);
  assert.match(typed.snippet, /^（一）提高基本医疗保障水平/);
  // On the phone's screen after the search, above the hits; nothing offered as if it found nothing.
  await page.waitForTimeout(300);
  const box = await named.boundingBox();
  assert.ok(box.y >= 0 && box.y + 60 <= 780, `the answer at ${box.y}`);
  await namedCount(page);
  assert.equal(await page.getByTestId('words-apart').count(), 0);
  assert.equal(await page.getByTestId('to-check').count(), 0);
  // After a reload (the address carries the query), the same answer.
  await page.reload();
  await appReady(page);
  await named.locator('li a').first().waitFor();
  assert.deepEqual(await answer(), typed);
  // Followed: the clause, marked as the address's target, on the screen.
  await named.locator('li a').first().click();
  await page.waitForURL(/\/docs\/huining-203\/#s3-1$/);
  await page.waitForFunction(() => {
    const el = document.getElementById('s3-1');
    const r = el?.getBoundingClientRect();
    return el?.classList.contains('is-target') && r.top > -5 && r.top < window.innerHeight / 2;
  }, null, { timeout: 5000 });
  assert.match(await page.locator('[id="s3-1"]').textContent(), /^\s*（一）提高基本医疗保障水平/);

  // A 文号 alone opens its document; a clause number alone, every document that has it.
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('甘卫发[2018]165号')}`);
  await appReady(page);
  await named.locator('li a').first().waitFor();
  assert.deepEqual((await answer()).links, [['甘卫发〔2018〕165号 全文', '/docs/gansu-165/']]);
  // Without its issuer, bracketed or not (a trainer's audit: answered with no document).
  for (const q of ['〔2018〕83号', '2018 83号']) {
    await page.goto(`${server.base}/search/?q=${encodeURIComponent(q)}`);
    await named.locator('li a').first().waitFor();
    assert.deepEqual((await answer()).links, [['县委办发〔2018〕83号 全文', '/docs/huining-83/']], q);
  }
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('甘卫发[2018]165号')}`);
  await named.locator('li a').first().waitFor();
  await named.locator('li a').first().click();
  await page.waitForURL(/\/docs\/gansu-165\/$/);
  await page.waitForFunction(() => document.querySelector('main h1'));
  assert.match(await page.locator('main').textContent(), /甘卫发〔2018〕165号/);
  // A 文号 with a clause the document does not have (a slide's typo): the document, saying so; and a 文号
  // shortened to its serial, as people write it. The count line does not say the words are missing.
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('会卫计发〔2018〕203号 九（九）')}`);
  await appReady(page);
  await named.locator('li a').first().waitFor();
  assert.deepEqual((await answer()).links, [['会卫计发〔2018〕203号 全文（文件里没有找到“九（九）”）', '/docs/huining-203/']]);
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('83号 附件5 三（一）11')}`);
  await appReady(page);
  await named.locator('li a').first().waitFor();
  assert.deepEqual((await answer()).links, [['附件5 三（一）11', '/docs/huining-83/#a5-s3-1-11']]);
  await namedCount(page);
  // Numerals as people write them: an annex's and a clause's.
  for (const q of ['附件五 三（一）十一', '县委办发〔2018〕83号 附件五 三（一）十一', '附件五 三（一）第十一条']) {
    await page.goto(`${server.base}/search/?q=${encodeURIComponent(q)}`);
    await appReady(page);
    await named.locator('li a').first().waitFor();
    assert.deepEqual((await answer()).links, [['附件5 三（一）11', '/docs/huining-83/#a5-s3-1-11']], q);
  }
  await page.goto(`${server.base}/search/?q=${encodeURIComponent('三（一）')}`);
  await appReady(page);
  await named.locator('li a').first().waitFor();
  const all = (await answer()).links;
  assert.ok(all.length >= 3 && all.every(([t, h]) => t.endsWith('三（一）') && /^\/docs\/[a-z0-9-]+\/#(a\d+-)?s3-1$/.test(h)), JSON.stringify(all));
  // Many answers are listed briefly (nine with their opening words had filled three screens).
  assert.equal(await named.locator('.snippet').count(), 0);
  const height = await named.evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(height < 2 * 780, `the list's height: ${height}`);
  await countFor(page, '三（一）');
  assert.equal(await page.getByTestId('words-apart').count(), 0, 'no offer of the words apart: the number was answered');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 文号 said as cadres say it (83号文件) opens its document; one the library does not hold is said to be not held', async () => {
  // 83号文 and 83号文件 had found nothing; 国卫财务发〔2016〕26号 had been told to 少写几个字 (a trainer's audit).
  for (const query of ['83号文', '县委办发〔2018〕83号文件']) {
    const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent(query)}`);
    await appReady(page);
    const named = page.getByTestId('named');
    await named.locator('li a').first().waitFor();
    assert.equal(await named.locator('li > a').first().getAttribute('href'), '/docs/huining-83/', query);
    assert.deepEqual(errors, []);
    await page.close();
  }
  for (const query of ['国卫财务发〔2016〕26号', '国卫财务发(2016)26号']) {
    const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent(query)}`);
    await appReady(page);
    await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
    assert.equal(await page.textContent('[data-testid="search-count"]'), `本站没有收录“${query}”这份文件。本站收录了哪些文件，请看“政策文件”。`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  // One the documents cite, written as printed or said with 年 (which had found nothing): not held, and where
  // it is cited, the same places either way.
  let places;
  for (const query of ['甘政发〔2018〕34号', '甘政发2018年34号', '甘政发2018年第34号']) {
    const { page, errors } = await open(browser, `${server.base}/search/?q=${encodeURIComponent(query)}`);
    await appReady(page);
    await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
    assert.equal(await page.textContent('[data-testid="search-count"]'), `本站没有收录“${query}”这份文件。本站的文件里提到它的地方有 2 处：`);
    const hits = await page.locator('ol.hits li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    places ??= hits;
    assert.deepEqual(hits, places, query);
    // Each marks the words as the documents print them.
    assert.ok(hits.every((h) => new URL(h, server.base).searchParams.get('hl') === '甘政发〔2018〕34号'), hits.join(' '));
    assert.deepEqual(errors, []);
    await page.close();
  }
});
