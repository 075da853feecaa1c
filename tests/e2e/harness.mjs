// The browser-test harness: the static file server over dist/ (static.mjs) and Debian's headless
// Chromium driven through playwright-core (no browser download).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { after } from 'node:test';
import { chromium } from 'playwright-core';
import { DIST } from './static.mjs';

export { DIST, serve } from './static.mjs';

/** The browsers launched and not closed yet. A test that fails before it closes its browser would leave it
 * running, and with it the test file's process (the run never ends): under the test runner, whatever is
 * still open when a file's tests are done is closed. */
const running = new Set();
if (process.env.NODE_TEST_CONTEXT) after(() => Promise.all([...running].map((c) => c.close().catch(() => {}))));

/** Launches Debian's headless Chromium with the flags this machine needs (playwright gives it a fresh
 * profile) and returns a phone-sized context (360×780); `options` go to the context. */
export async function launch(options = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, ...options });
  const close = context.close.bind(context);
  context.close = async () => { running.delete(context); await close(); await browser.close(); };
  running.add(context);
  return context;
}

/** Holds every request of `page` that `pattern` matches (a wasm module: the app kept back, as on a slow
 * network) until the function it returns is called. */
export async function holdBack(page, pattern) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return release;
}

/** Opens `url` in a new page, collecting console errors and page errors. */
export async function open(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

/** Waits until the wasm app has mounted (the static shell is gone and the app's header is there). */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('static-shell') && document.querySelector('body > header.site-header'), null, { timeout: 20000 });
}

/** Waits until `fn(arg)`, run in the page, gives a truthy value, awaiting it if it is a promise (the Cache
 * API's answers are). Playwright's `waitForFunction` does not await: an async function's promise is truthy
 * at once, so a wait on the cache written with it waited for nothing. */
export async function until(page, fn, arg, { timeout = 30000, every = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const got = await page.evaluate(fn, arg);
    if (got) return got;
    if (Date.now() > end) throw new Error(`until: not true within ${timeout} ms: ${fn}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Opens `base + path` in `page`, waits for the app, and until the service worker controls the page and
 * has kept `path` (what an offline visit later needs). */
export async function openKept(page, base, path, timeout = 30000) {
  await page.goto(`${base}${path}`);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await until(page, async (p) => Boolean(navigator.serviceWorker.controller) && Boolean(await caches.match(p)), path, { timeout });
}

/** The routes listed in dist/sitemap.xml, as paths. */
export function sitemapPaths() {
  const xml = fs.readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>[^<]*?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]);
}

/** Opens the page's QR panel and returns the URL its code carries, as a phone's scanner reads it (a
 * screenshot decoded by zbarimg). The panel stays open. */
export async function scanQr(page) {
  await page.getByRole('button', { name: '二维码' }).click();
  const svg = page.locator('[data-testid="qr"]');
  await svg.waitFor();
  const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zct-qr-')), 'qr.png');
  await svg.screenshot({ path: shot });
  return execFileSync('zbarimg', ['--quiet', '--raw', shot], { encoding: 'utf8' }).trim();
}

/** On /check/ (loaded in `page`): answers for 会宁 建档立卡 (the first answer on every other screen) and
 * opens the result. */
export async function checkResult(page) {
  await appReady(page);
  await page.locator('input[name="area"][value="huining"]').check();
  await page.getByRole('button', { name: '继续' }).click();
  for (let i = 0; i < 10 && !(await page.locator('dl.review').count()); i++) {
    await page.waitForSelector('[data-testid="step-label"], dl.review');
    if (await page.locator('dl.review').count()) break;
    if (await page.locator('input[name="category"]').count()) await page.locator('input[name="category"][value="poverty_registered"]').check();
    if (await page.locator('#age').count()) await page.fill('#age', '60');
    if (await page.locator('input[name="yn"]').count()) await page.locator('input[name="yn"]').first().check();
    await page.getByRole('button', { name: '继续' }).click();
  }
  await page.getByRole('link', { name: '看结果' }).click();
  await page.waitForSelector('[data-testid="benefit-count"]');
}

/** How many pages the PDF `pdf` (a Buffer from `page.pdf()`) has. */
export function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

/** The fragment `body` sealed as the site writes a link with a person's numbers or answers in it (the
 * calculator's, a filled self-check form's): its check part first (`k=xxxx&body`). Written here from the format's description (crates/content/src/fragment.rs:
 * FNV-1a, four base-36 digits, over the body as its readers read it: each value between the separators
 * `& = , ;` decoded, full-width forms read as ASCII, and a separator inside a value escaped again), not
 * from the site's code, so the tests also hold the format to what links already made carry. */
export function seal(body) {
  const asRead = body.split(/([&=,;])/).map((piece, i) => {
    if (i % 2) return piece; // a separator between values
    const bytes = [];
    for (let j = 0; j < piece.length; j++) {
      const m = /^%([0-9a-fA-F]{2})/.exec(piece.slice(j, j + 3));
      if (m) { bytes.push(parseInt(m[1], 16)); j += 2; continue; }
      bytes.push(...Buffer.from(piece[j]));
    }
    return Buffer.from(bytes).toString('utf8')
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
      .replace(/[&=,;]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }).join('');
  let h = 0x811c9dc5;
  for (const b of Buffer.from(asRead)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `k=${(h % 36 ** 4).toString(36).padStart(4, '0')}&${body}`;
}

/** The calculator's address for the fragment `body`, sealed ([`seal`]). */
/** How far down the page is once it has stopped moving (the same place for `quietMs`). */
export function settledScroll(page, quietMs = 500) {
  return page.evaluate(async (quietMs) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    let last = NaN; let since = performance.now();
    for (let i = 0; i < 300 && performance.now() - since < quietMs; i++) {
      await frame();
      if (scrollY !== last) { last = scrollY; since = performance.now(); }
    }
    return Math.round(scrollY);
  }, quietMs);
}

/** A link to a clause that cites it: the document's clause, with the quoted words to mark (`?hl=`). */
export const CITED_LINK = /^\/docs\/[a-z0-9-]+\/\?hl=[^#]+#[a-z0-9-]+$/;

export function calcLink(body) {
  return `/calc/#${seal(body)}`;
}

/** Sets the largest text size (特大) with the page's own 字变大, as a person does, until it stops. */
export async function largestText(page) {
  const bigger = page.getByRole('button', { name: '字变大' });
  for (let i = 0; i < 10 && !(await bigger.isDisabled()); i += 1) await bigger.click();
  if (!(await bigger.isDisabled())) throw new Error('字变大 does not stop at the largest size');
  const size = await page.getAttribute('html', 'data-size');
  if (size !== 'xlarge') throw new Error(`the largest size is ${size}, not xlarge`);
}
