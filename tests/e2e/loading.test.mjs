// A page that needs the app never says "正在加载……" forever: when the bundle's wasm or script fails to
// load, or the app has not mounted after 15 s, the page shell (public/loader.js) puts a notice with 重试
// in its place; with JavaScript off the <noscript> note shows and no loading line. A lazily loaded chunk
// that fails holds back only what is in it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, calcLink } from './harness.mjs';

const APP_PAGES = ['/calc/', '/check/', '/self-check/', '/villages/', '/search/'];

let server; let browser;
before(async () => { server = await serve(); browser = await launch({ serviceWorkers: 'block' }); }); // a worker would answer the blocked downloads from its cache
after(async () => { await browser?.close(); await server?.close(); });

test('a failed wasm download shows a notice with 重试, and 重试 loads the app', async () => {
  const page = await browser.newPage();
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(`${server.base}/calc/`);
  const notice = page.locator('.load-failed[role="alert"]');
  // Well before the 15 s timeout: the failure itself is what shows it.
  await notice.waitFor({ timeout: 8000 });
  assert.match(await notice.textContent(), /没有加载成功/);
  assert.equal(await page.locator('.loading').count(), 0, 'the loading line is gone');
  await page.unroute('**/*.wasm');
  await notice.getByRole('button', { name: '重试' }).click();
  await appReady(page);
  await page.close();
});

// The calculator's main module answers what is typed into the build's form, and fetches the app (its
// chunk) at once: if that chunk cannot come, the notice with 重试 shows at once, and what is typed is
// still answered meanwhile.
test('the calculator\'s app chunk that cannot be fetched: the notice with 重试 at once, a typed amount still answered, 重试 loads the app', async () => {
  const page = await browser.newPage();
  const app = /-app\.wasm$/;
  await page.route(app, (r) => r.abort());
  await page.goto(`${server.base}/calc/`);
  const notice = page.locator('.load-failed[role="alert"]');
  await notice.waitFor({ timeout: 8000 });
  assert.match(await notice.textContent(), /没有加载成功/);
  await page.fill('#static-shell #v0-total', '12000');
  await page.fill('#static-shell #v0-compliant', '10000');
  assert.equal(await page.locator('#static-shell .calc-result [data-testid="personal-total"]').textContent(), '1,500.00',
    'the main module answers the build\'s form');
  // What is typed travels in the address, so that 重试 (a reload) loses nothing.
  assert.match(await page.evaluate(() => location.hash), /v=i,c,1,12000,10000/, 'the address holds the bill');
  await page.unroute(app);
  await notice.getByRole('button', { name: '重试' }).click();
  await appReady(page);
  assert.equal(await page.evaluate(() => scrollY), 0, 'the page reloaded from its top, not where 重试 was');
  assert.equal(await page.inputValue('#v0-total'), '12000', 'the amount typed before 重试 is in the app\'s form');
  assert.equal(await page.inputValue('#v0-compliant'), '10000');
  assert.equal(await page.locator('.calc-result [data-testid="personal-total"]').textContent(), '1,500.00');
  await page.close();
});

// A calculation's link (a QR code scanned, a link followed) whose app cannot come: the build's form holds
// what it can and answers it with the same engine; a link it cannot hold says so and waits for 重试, which
// opens it.
test('a calculation\'s link with the calculator\'s app not come: answered in the build\'s form when it fits, else said to wait, and 重试 opens it', async () => {
  const app = /-app\.wasm$/;
  const link = calcLink('p=h&c=pr&v=i,c,1,12000,10000,,');
  // The app's answer for the same link, for comparison.
  const { page: ref } = await open(browser, `${server.base}${link}`);
  await appReady(ref);
  const want = await ref.locator('.calc-result [data-testid="personal-total"]').textContent();
  const twoVisits = calcLink('p=h&c=pr&v=i,c,1,12000,10000,,;i,p,0,30000,25000,,');
  await ref.goto(`${server.base}${twoVisits}`);
  await appReady(ref);
  const wantTwo = await ref.locator('.calc-result [data-testid="personal-total"]').textContent();
  await ref.close();

  // The loader gives up before the main module runs: the app's chunk (preloaded) fails while the main
  // module is held back.
  const page = await browser.newPage();
  await page.route(app, (r) => r.abort());
  await page.route(/_bg\.wasm$/, async (r) => { await new Promise((t) => setTimeout(t, 1500)); await r.continue(); });
  await page.goto(`${server.base}${link}`);
  await page.locator('.load-failed[role="alert"]').waitFor({ timeout: 8000 });
  const total = page.locator('#static-shell .calc-result [data-testid="personal-total"]');
  await total.waitFor({ timeout: 5000 });
  assert.equal(await total.textContent(), want, 'the link\'s amount, as the app gives it');
  assert.equal(await page.inputValue('#static-shell #v0-total'), '12000', 'the link in the build\'s form');
  assert.equal(await page.locator('.link-unopened').count(), 0, 'the loader\'s 还没有打开 gone: the link is open');
  assert.ok(await page.locator('#static-shell #v0-total').isVisible(), 'the form shown, not 正在打开链接里的计算');
  assert.equal(await page.locator('#static-shell .calc-example').isVisible(), false, 'the example set aside');

  // Another link followed in the same page (the fragment changes, no reload).
  await page.goto(`${server.base}${twoVisits}`);
  const notice = page.locator('.load-failed[role="alert"]');
  await notice.waitFor({ timeout: 8000 });
  const waits = page.locator('#static-shell .calc-result .early-answer .notice');
  await waits.waitFor({ timeout: 5000 });
  assert.match(await waits.textContent(), /要等计算器加载好才能打开/);
  assert.equal(await page.locator('.link-unopened').count(), 0, 'said once, by the result');
  assert.equal(await total.count(), 0, 'no amount for a calculation the page cannot hold');
  assert.equal(await page.inputValue('#static-shell #v0-total'), '', 'the build\'s form as built');
  assert.equal(`/calc/${await page.evaluate(() => location.hash)}`, twoVisits, 'the address kept');
  // What the result says, then 重试 under it, on the screen (on a phone the result is under the form).
  assert.equal(await page.locator('#static-shell .calc-result > .load-failed').count(), 1,
    'the notice with 重试 in the result\'s place');
  for (const el of [waits, notice.getByRole('button', { name: '重试' })]) {
    const box = await el.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 780, 'on the screen');
  }
  // Typing over it: the address holds what is typed, and Back gives the link again.
  await page.fill('#static-shell #v0-total', '8000');
  assert.match(await page.evaluate(() => location.hash), /v=i,c,1,8000,,,/);
  await page.goBack();
  await waits.waitFor({ timeout: 5000 });
  assert.equal(`/calc/${await page.evaluate(() => location.hash)}`, twoVisits, 'Back: the link again');
  assert.equal(await page.inputValue('#static-shell #v0-total'), '', 'and the form as built');
  await page.unroute(app);
  await page.unroute(/_bg\.wasm$/);
  await notice.getByRole('button', { name: '重试' }).click();
  await appReady(page);
  assert.equal(await page.locator('.calc-result [data-testid="personal-total"]').textContent(), wantTwo, '重试 opens the link');
  await page.close();

  // Typed while the app is still coming, and then the loader gives up: what is typed stays, and is put
  // into the address for 重试.
  const slow = await browser.newPage();
  let fail; const failing = new Promise((r) => { fail = r; });
  await slow.route(app, async (r) => { await failing; await r.abort(); });
  await slow.goto(`${server.base}/calc/`);
  await slow.waitForFunction(() => performance.getEntriesByName('zct-answering').length > 0);
  await slow.fill('#static-shell #v0-total', '12000');
  await slow.fill('#static-shell #v0-compliant', '10000');
  assert.equal(await slow.evaluate(() => location.hash), '', 'the address untouched while the app may still come');
  fail();
  await slow.locator('.load-failed[role="alert"]').waitFor({ timeout: 8000 });
  await slow.waitForFunction(() => location.hash.includes('v=i,c,1,12000,10000'), null, { timeout: 5000 });
  assert.equal(await slow.inputValue('#static-shell #v0-total'), '12000', 'the form as typed');
  assert.equal(await slow.locator('#static-shell .calc-result [data-testid="personal-total"]').textContent(), want);
  await slow.close();

  // The loader gives up after the main module has run (the app's chunk fails late).
  const late = await browser.newPage();
  await late.route(app, async (r) => { await new Promise((t) => setTimeout(t, 1500)); await r.abort(); });
  await late.goto(`${server.base}${link}`);
  await late.locator('#static-shell .calc-result [data-testid="personal-total"]').waitFor({ timeout: 8000 });
  assert.equal(await late.locator('#static-shell .calc-result [data-testid="personal-total"]').textContent(), want);
  assert.ok(await late.locator('.load-failed[role="alert"]').isVisible(), 'with the notice and 重试');
  await late.close();
});

// A campaigner's audit (2026-12-06): with no wasm at all (the network gone after the page), a scanned
// calculation's link showed the build's worked example (1,500, 例子) beside 重试: a big number other than the
// poster's.
test('a calculation\'s link whose wasm cannot come at all does not show the worked example\'s amount', async () => {
  const page = await browser.newPage();
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(`${server.base}${calcLink('p=h&c=pr&v=i,c,1,12000,10000,,')}`);
  await page.locator('.load-failed[role="alert"]').waitFor({ timeout: 8000 });
  assert.ok(await page.locator('#static-shell #v0-total').isVisible(), 'the form shown, not 正在打开链接里的计算');
  assert.equal(await page.locator('#static-shell .calc-example').isVisible(), false, 'the example set aside');
  // Nor does the form as built (住院, blank) pass for the link's: a 门诊 poster's link showed 住院 unexplained.
  assert.equal(await page.locator('.load-failed .link-unopened').innerText(), '链接里的计算还没有打开：页面上的表格是空白的（选的是默认项），不是链接里的内容。');
  // Over the form, on the first screen (on a phone the result's place is a screen below the form).
  const [notice, form] = await Promise.all(['.load-failed', '#static-shell form.calc-form'].map((s) => page.locator(s).boundingBox()));
  assert.ok(notice.y < form.y, `the notice at ${notice.y}, the form at ${form.y}`);
  // Without a calculation in the address the example is the page's, as built.
  await page.goto(`${server.base}/calc/`);
  await page.locator('.load-failed[role="alert"]').waitFor({ timeout: 8000 });
  assert.equal(await page.locator('#static-shell .calc-example').isVisible(), true, 'the example on a plain /calc/');
  assert.equal(await page.locator('.link-unopened').count(), 0, 'no link to speak of');
  await page.close();
});

test('a lazily loaded chunk that cannot be fetched holds back only its own part: the first result shows, the QR panel opens once it can', async () => {
  const page = await browser.newPage();
  const chunk = /-lazy\.wasm$/;
  const asked = [];
  await page.route(chunk, (r) => { asked.push(r.request().url()); return r.abort(); });
  const crashes = [];
  page.on('pageerror', (e) => crashes.push(String(e)));
  await page.goto(`${server.base}/calc/`);
  await appReady(page);
  await page.fill('#v0-total', '12000');
  await page.waitForSelector('[data-testid="personal-total"]');
  await page.locator('.steps li').first().waitFor();
  await page.waitForTimeout(1000); // past the pause, when the later part would show
  assert.ok(asked.length > 0, 'the chunk was asked for');
  assert.equal(await page.getByTestId('compare').count(), 0, 'the comparison needs the chunk');
  assert.equal(await page.locator('.crash, .load-failed').count(), 0, 'no failure notice');
  assert.deepEqual(crashes, []);
  // Printed meanwhile, the handout has the address, and no empty box where the code would be.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.calc-print-url').isVisible());
  assert.equal(await page.locator('.calc-print-qr').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  await page.unroute(chunk);
  await page.getByRole('button', { name: '二维码' }).click();
  await page.getByTestId('qr-svg').waitFor();
  await page.close();
});

test('the QR panel\'s code, fetched on the first tap, says so plainly when it cannot come, and a second tap tries again', async () => {
  const page = await browser.newPage();
  const chunk = /-[a-z_]+\.wasm$/;
  await page.route(chunk, (r) => r.abort());
  await page.goto(`${server.base}/docs/huining-83/`);
  await appReady(page);
  await page.getByRole('button', { name: '二维码' }).click();
  const said = page.locator('.qr-panel[role="alert"]');
  await said.waitFor();
  assert.match(await said.textContent(), /联网后再点一次/);
  await page.unroute(chunk);
  await page.getByRole('button', { name: '二维码' }).click();
  await page.getByTestId('qr-svg').waitFor();
  assert.equal(await said.count(), 0);
  await page.close();
});

test('a failed script download shows the notice too', async () => {
  const page = await browser.newPage();
  await page.route(/\/zct-[a-z]+-[0-9a-f]+\.js$/, (r) => r.abort());
  await page.goto(`${server.base}/villages/`);
  const notice = page.locator('.load-failed[role="alert"]');
  await notice.waitFor({ timeout: 8000 });
  assert.equal(await notice.getByRole('button', { name: '重试' }).count(), 1);
  await page.close();
});

test('a download that never ends gives the notice after 15 s', async () => {
  const page = await browser.newPage();
  await page.route('**/*.wasm', () => {}); // never answered
  await page.goto(`${server.base}/check/`);
  assert.match(await page.innerText('main'), /正在加载/);
  const notice = page.locator('.load-failed[role="alert"]');
  await notice.waitFor({ timeout: 25000 });
  assert.match(await notice.textContent(), /加载时间太长/);
  assert.equal(await notice.getByRole('button', { name: '重试' }).count(), 1);
  await page.close();
});

test('the app mounting removes the loading line; no notice appears', async () => {
  const { page, errors } = await open(browser, `${server.base}/self-check/`);
  await appReady(page);
  assert.equal(await page.locator('.load-failed, #static-shell .loading').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('with JavaScript off: the <noscript> note, and no loading line', async () => {
  const ctx = await launch({ javaScriptEnabled: false });
  try {
    for (const path of APP_PAGES) {
      const page = await ctx.newPage();
      await page.goto(`${server.base}${path}`);
      const text = await page.innerText('main');
      assert.match(text, /需要在浏览器中启用 JavaScript/, path);
      assert.doesNotMatch(text, /正在加载/, path);
      await page.close();
    }
  } finally {
    await ctx.close();
  }
});
