// A page that needs the app never says "正在加载……" forever: when the bundle's wasm or script fails to
// load, or the app has not mounted after 15 s, the page shell (public/loader.js) puts a notice with 重试
// in its place; with JavaScript off the <noscript> note shows and no loading line. A lazily loaded chunk
// that fails holds back only what is in it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, calcLink, holdBack } from './harness.mjs';

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

// The calculator is its main module (src/calc_page.rs): without the chunk loaded at idle (the comparison,
// the curve, the page tools) it still works whole, and the text size remembered on the device is applied.
test('a lazily loaded chunk that cannot be fetched holds back only its own part: the calculator works whole, the QR panel opens once it can', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => localStorage.setItem('zct-text-size', 'xlarge'));
  const chunk = /-lazy\.wasm$/;
  const asked = [];
  await page.route(chunk, (r) => { asked.push(r.request().url()); return r.abort(); });
  const crashes = [];
  page.on('pageerror', (e) => crashes.push(String(e)));
  await page.goto(`${server.base}/calc/`);
  await appReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.size), 'xlarge', 'the remembered size, before the tools come');
  assert.equal(await page.textContent('.page-tools .size-now'), '特大');
  // The text size works without the chunk (it had waited for it, and said 没有连上网络 when it could not come).
  assert.equal(await page.getByRole('button', { name: '字变大' }).isDisabled(), true, 'the largest already');
  await page.getByRole('button', { name: '字变小' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.size), 'large');
  assert.equal(await page.textContent('.page-tools .size-now'), '大');
  await page.getByRole('button', { name: '字变大' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.size), 'xlarge');
  assert.equal(await page.locator('.tools-offline').count(), 0);
  await page.fill('#v0-total', '12000');
  await page.waitForSelector('[data-testid="personal-total"]');
  await page.locator('.steps li').first().waitFor();
  assert.equal(await page.textContent('[data-testid="personal-total"]'), '1,800.00');
  // A second visit, a reading and an assumed number: all the main module's.
  await page.getByRole('button', { name: /再添一次就诊/ }).click();
  await page.fill('#v1-total', '3000');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="calc-inputs"] li').length === 2);
  assert.equal(await page.locator('.visit-steps').count(), 2, 'each visit\'s steps');
  await page.locator('summary', { hasText: '假设的数字' }).click();
  await page.fill('#param-basic_ratio_county', '80%');
  await page.getByTestId('changed-numbers').waitFor();
  // A tool tapped while its code cannot come says so under the bar.
  await page.getByRole('button', { name: '二维码' }).click();
  await page.locator('.tools-offline[role="alert"]').waitFor();
  assert.match(await page.textContent('.tools-offline'), /联网后再点一次/);
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
  assert.equal(await page.locator('.tools-offline').count(), 0, 'the note gone with the tools come');
  assert.equal(await page.textContent('.page-tools .size-now'), '特大');
  await page.close();
});

// An audit (2026-12-07): a tool tapped while the calculator's chunk was on its way said nothing, a second tap
// closed the panel the first opened, and the focus fell to the page when the chunk's bar came.
test('the calculator\'s tool tapped while its chunk comes says 正在准备…, then opens, with the focus on its button', async () => {
  const page = await browser.newPage();
  const release = await holdBack(page, /-lazy\.wasm$/);
  await page.goto(`${server.base}/calc/`);
  await appReady(page);
  await page.getByRole('button', { name: '二维码' }).click();
  await page.getByRole('button', { name: '二维码' }).click();
  const said = page.locator('.tools-offline[role="status"]');
  await said.waitFor();
  assert.equal((await said.textContent()).trim(), '正在准备……');
  release();
  await page.getByTestId('qr-svg').waitFor();
  assert.equal(await said.count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '二维码');
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
