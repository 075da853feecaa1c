// The eligibility checker, a scoring form, the quiz and the village lookup, used as a person would at 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, CITED_LINK } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function next(page) { await page.getByRole('button', { name: '继续' }).click(); }

test('a full checker run, back, change an answer, result with citations and a calculator link', async () => {
  const { page, errors } = await open(browser, `${server.base}/check/`);
  await appReady(page);
  await next(page);
  assert.match(await page.textContent('[role="alert"]'), /请先选一项/);
  await page.locator('input[name="area"]').first().check();
  await next(page);
  await page.locator('input[name="category"][type="radio"]').first().check();
  await next(page);
  // Then whatever this area asks (age, yes/no questions, diseases), until the review screen.
  for (let i = 0; i < 8 && !(await page.locator('dl.review').count()); i++) {
    if (await page.locator('#age').count()) await page.fill('#age', '70');
    if (await page.locator('input[name="yn"]').count()) await page.locator('input[name="yn"]').first().check();
    await next(page);
  }
  await page.waitForSelector('dl.review');
  assert.match(page.url(), /s=review/);
  // The browser's back button returns to the previous question.
  await page.goBack();
  await page.waitForSelector('form button[type="submit"]');
  assert.doesNotMatch(page.url(), /s=review/);
  await page.goForward();
  await page.waitForSelector('dl.review');
  // Change the category from the review screen.
  await page.locator('.review-row', { hasText: '人员类别' }).getByRole('link').click();
  await page.locator('input[name="category"][value="ordinary"]').check();
  await next(page);
  await page.goto(page.url().replace(/s=[a-z]+/, 's=review'));
  await page.waitForSelector('dl.review');
  assert.match(await page.textContent('dl.review'), /普通/);
  await page.getByRole('link', { name: '看结果' }).click();
  await page.waitForSelector('[data-testid="benefit-count"]');
  const cites = await page.locator('.benefit .cites a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(cites.length > 0 && cites.every((h) => CITED_LINK.test(h)));
  assert.ok(await page.locator('.not-for-you li').count() > 0, 'the benefits that do not apply say why');
  const calc = await page.locator('main a.button[href^="/calc/"]').getAttribute('href');
  assert.match(calc, /^\/calc\/#k=\w{4}&p=h&c=or/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the 包抓干部 form scores to its total of 100, and a veto sets 差', async () => {
  const { page } = await open(browser, `${server.base}/self-check/`);
  await appReady(page);
  // The form shows once its data (/data/*.bin) has loaded: from the network unless this page was saved.
  await page.locator('.form-view .answers').first().waitFor();
  // Answer every indicator with its full-score choice: 否 for vetoes and 是-loses items, 是 otherwise.
  const groups = await page.locator('.form-view .answers').count();
  for (let i = 0; i < groups; i++) {
    const g = page.locator('.form-view .answers').nth(i);
    const labels = await g.locator('label.choice').allTextContents();
    const full = labels.findIndex((l) => l === '否') >= 0 && labels.some((l) => l.includes('失分') && l.startsWith('是')) ? labels.indexOf('否') : labels.indexOf('是');
    await g.locator('input[type="radio"]').nth(full).check();
  }
  assert.equal(await page.textContent('[data-testid="form-score"]'), '100');
  await page.locator('.form-view .answers').first().locator('input[type="radio"]').first().check();
  assert.equal(await page.textContent('[data-testid="form-grade"]'), '差');
  await page.close();
});

test('the 五督 form adds up to 95, as printed', async () => {
  const { page } = await open(browser, `${server.base}/self-check/`);
  await appReady(page);
  await page.getByRole('tab', { name: /五督/ }).click();
  const groups = await page.locator('.form-view .answers').count();
  for (let i = 0; i < groups; i++) await page.locator('.form-view .answers').nth(i).locator('input[type="radio"]').first().check();
  assert.equal(await page.textContent('[data-testid="form-score"]'), '95');
  await page.close();
});

test('the quiz marks answers and explains them', async () => {
  const { page } = await open(browser, `${server.base}/self-check/`);
  await appReady(page);
  await page.getByRole('tab', { name: '政策知识问答' }).click();
  const n = await page.locator('li.question').count();
  assert.ok(n >= 20, `${n} questions`);
  for (let i = 0; i < n; i++) await page.locator('li.question').nth(i).locator('input[type="radio"]').first().check();
  await page.getByRole('button', { name: /交卷/ }).click();
  const score = Number(await page.textContent('[data-testid="quiz-score"]'));
  assert.equal(await page.locator('.feedback').count(), n);
  // The score is exactly the number of answers marked right, and some of the first choices are wrong.
  const right = await page.locator('.feedback.right').count();
  assert.equal(score, right);
  assert.ok(right < n && right > 0, `${right} of ${n} first choices right`);
  await page.close();
});

test('a village is found under either spelling, with both spellings shown', async () => {
  const { page } = await open(browser, `${server.base}/villages/?q=${encodeURIComponent('苏家峴')}`);
  await appReady(page);
  await page.waitForSelector('[data-testid="village-count"]');
  const text = await page.textContent('.village-hits');
  assert.match(text, /苏家岷村/);
  assert.match(text, /苏家峴村/);
  assert.match(text, /卫计部门/);
  await page.close();
  // Written as an address is, the township before the village, or with 驿 as 驛: found (it had been 没有找到).
  for (const [q, want] of [['太平店镇苏家岷村', /苏家岷村（太平店镇/], ['郭城驛', /郭城驿镇/]]) {
    const { page: p } = await open(browser, `${server.base}/villages/?q=${encodeURIComponent(q)}`);
    await appReady(p);
    await p.waitForSelector('[data-testid="village-count"]');
    assert.match(await p.textContent('main'), want, q);
    assert.doesNotMatch(await p.textContent('main'), /没有找到/, q);
    await p.close();
  }
});

test('a checker page\'s data comes with its wasm (preloaded by the page) and is fetched once, even when it takes longer than the app waits for it', async () => {
  const ctx = await launch({ serviceWorkers: 'block' });
  const requests = [];
  ctx.on('request', (r) => { if (/\/data\/eligibility-[0-9a-f]+\.bin$/.test(r.url())) requests.push(r.url()); });
  // Held back 4 s: longer than the app waits before it mounts anyway (3 s), so the page's own gate needs
  // the data too while the first request is still under way.
  await ctx.route('**/data/eligibility-*.bin', async (route) => {
    await new Promise((r) => setTimeout(r, 4000));
    await route.continue();
  });
  const { page, errors } = await open(ctx, `${server.base}/check/`);
  await appReady(page);
  await page.locator('input[name="area"]').first().waitFor({ timeout: 15000 });
  const timing = await page.evaluate(() => {
    const data = performance.getEntriesByType('resource').filter((e) => /\/data\/eligibility-/.test(e.name));
    const main = performance.getEntriesByName('zct-main')[0];
    return { n: data.length, initiator: data[0]?.initiatorType, start: data[0]?.startTime, main: main?.startTime };
  });
  assert.equal(requests.length, 1, `one request for the data: ${requests.join(' ')}`);
  assert.equal(timing.initiator, 'link', 'the page\'s preload made the request');
  assert.ok(timing.start < timing.main, `requested before the app started (${timing.start} < ${timing.main} ms)`);
  assert.deepEqual(errors.filter((e) => !/preload/.test(e)), []);
  await ctx.close();
});
