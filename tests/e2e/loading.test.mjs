// A page that needs the app never says "正在加载……" forever: when the bundle's wasm or script fails to
// load, or the app has not mounted after 15 s, the page shell (public/loader.js) puts a notice with 重试
// in its place; with JavaScript off the <noscript> note shows and no loading line. A lazily loaded chunk
// that fails holds back only what is in it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady } from './harness.mjs';

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
  await page.unroute(app);
  await notice.getByRole('button', { name: '重试' }).click();
  await appReady(page);
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
