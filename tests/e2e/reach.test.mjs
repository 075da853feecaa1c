// Reach and inclusion: QR codes decode to the page's URL, the pages opened work offline after one visit
// (with the code they load after their first screen) and every page after 保存全部内容, pages open from their copy and are fetched meanwhile (a new build replaces it by itself, the saved copy
// when the network does not answer),
// axe-core finds no WCAG 2.1 AA violation on any route, nothing entered is stored, and no request
// leaves the site's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { serve, launch, open, appReady, openKept, until, sitemapPaths, scanQr, calcLink } from './harness.mjs';

const require = createRequire(import.meta.url);
let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the QR code of a section decodes to that section\'s URL', async () => {
  const url = `${server.base}/docs/huining-203/#s1`;
  const { page } = await open(browser, url);
  await appReady(page);
  assert.equal(await scanQr(page), url);
  assert.match(await page.locator('.qr-url code').textContent(), /huining-203\/#s1$/);
  await page.close();
});

test('after one visit the pages opened work with the network cut; a page never opened says so', async () => {
  const cacheControl = new Map(); // request URL -> its Cache-Control header
  const record = (req) => cacheControl.set(req.url, req.headers['cache-control']);
  server.server.on('request', record);
  const ctx = await launch();
  const page = await ctx.newPage();
  await page.goto(`${server.base}/`);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await until(page, async () => Boolean(await caches.match('/')), null, { timeout: 30000 });
  // The worker, now in control, keeps what is opened next: a document, and a search with its index pieces.
  for (const p of ['/docs/meishan-137/', `/search/?q=${encodeURIComponent('3000元')}`]) {
    await page.goto(`${server.base}${p}`);
    await appReady(page);
  }
  // The search's page complete: every piece it read fetched (and so kept).
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  server.server.off('request', record);
  // The core was fetched past every HTTP cache (cache: 'reload' asks caches on the way to revalidate), so
  // no stale page from a CDN becomes the offline copy.
  assert.equal(cacheControl.get('/offline/'), 'no-cache', "/offline/ kept with cache: 'reload'");
  await ctx.setOffline(true);
  for (const p of ['/', '/docs/meishan-137/', `/search/?q=${encodeURIComponent('3000元')}`]) {
    await page.goto(`${server.base}${p}`);
    await appReady(page);
    const h1 = await page.locator('main h1').first().textContent();
    assert.ok(h1.length > 1, `${p} offline`);
  }
  await page.waitForSelector('ol.hits li');
  await page.waitForSelector('[data-testid="search-count"]:not([aria-busy="true"])');
  assert.match(await page.getByTestId('search-count').textContent(), /^找到 \d+ 处/, 'the search saved works offline');
  // A page never opened: the offline page says so, in Chinese, with the way to save everything, and offers
  // the pages this phone has saved, which open.
  await page.goto(`${server.base}/calc/`);
  assert.equal(await page.locator('h1').textContent(), '这一页还没有保存到本机');
  assert.match(await page.locator('main').textContent(), /保存全部内容，离线使用/);
  assert.deepEqual(await savedOffered(page), ['/', '/docs/meishan-137/', '/search/']);
  await page.locator('.saved-pages a[href="/docs/meishan-137/"]').click();
  await appReady(page);
  assert.match(await page.locator('main h1').first().textContent(), /眉山/);
  await ctx.close();
});

/** The pages the offline page offers (visible in its list of saved pages), once its script has looked. */
async function savedOffered(page) {
  await page.waitForSelector('.saved-pages[data-looked]', { state: 'attached' });
  return page.locator('.saved-pages:not([hidden]) li:not([hidden]) a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

test('offline, with only a document saved, the offline page offers that document and not the home page', async () => {
  const ctx = await launch();
  const page = await ctx.newPage();
  await openKept(page, server.base, '/docs/huining-83/');
  await ctx.setOffline(true);
  await page.goto(`${server.base}/self-check/`);
  assert.equal(await page.locator('h1').textContent(), '这一页还没有保存到本机');
  assert.deepEqual(await savedOffered(page), ['/docs/huining-83/']);
  assert.equal(await page.locator('main a[href="/"]:visible').count(), 0, 'no way home that would not open');
  await ctx.close();
});

test('after one visit to /search/, with the network cut, each example under the box finds what it finds online', async () => {
  // What each example finds online (no worker: nothing kept by the way).
  const online = await launch({ serviceWorkers: 'block' });
  const found = {};
  const examples = [];
  // Read once the count speaks of this query and is no longer looking (the previous query's count, still on
  // screen just after a tap, is not this one's).
  const look = async (page, q) => {
    await page.waitForSelector('.hits, .search-count, .notice', { timeout: 20000 });
    await page.waitForFunction((q) => {
      const count = document.querySelector('.search-count');
      return count && count.textContent.includes(`“${q}”`) && !count.textContent.includes('正在')
        && count.getAttribute('aria-busy') !== 'true';
    }, q, { timeout: 20000 });
    return page.evaluate(() => ({
      count: document.querySelector('.search-count')?.textContent ?? null,
      hits: [...document.querySelectorAll('.hits a[href^="/docs/"]')].map((a) => a.getAttribute('href')),
    }));
  };
  const first = await online.newPage();
  await first.goto(`${server.base}/search/`);
  await appReady(first);
  examples.push(...await first.$$eval('.examples:not(.region-filter) button.chip', (bs) => bs.map((b) => b.textContent)));
  assert.ok(examples.length >= 5, `examples: ${examples}`);
  for (const q of examples) {
    await first.goto(`${server.base}/search/?q=${encodeURIComponent(q)}`);
    await appReady(first);
    found[q] = await look(first, q);
    assert.ok(found[q].hits.length > 0, `${q} finds something online`);
  }
  await online.close();
  // One visit to the page, with its worker: once it is kept, so is what its examples need.
  const ctx = await launch();
  const page = await ctx.newPage();
  await page.goto(`${server.base}/search/`);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The page says it is kept only once it is, with what its examples need.
  await page.locator('.offline-ready[role="status"]').waitFor({ timeout: 30000 });
  const missing = await page.evaluate(async () => {
    const keep = document.querySelector('meta[name=zct-keep]')?.content.split(' ') ?? [];
    const have = await Promise.all([location.pathname, ...keep].map((u) => caches.match(u)));
    return keep.length > 1 ? [location.pathname, ...keep].filter((u, i) => !have[i]) : ['(no zct-keep)'];
  });
  assert.deepEqual(missing, [], 'kept when the page says so');
  await until(page, async () => {
    const keep = document.querySelector('meta[name=zct-keep]')?.content.split(' ') ?? [];
    return Boolean(navigator.serviceWorker.controller) && keep.length > 1
      && (await Promise.all([location.pathname, ...keep].map((u) => caches.match(u)))).every(Boolean);
  }, null, { timeout: 30000 });
  await ctx.setOffline(true);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  for (const q of examples) {
    await page.click(`.examples:not(.region-filter) button.chip:text-is("${q}")`);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, q);
    const got = await look(page, q);
    assert.doesNotMatch(await page.locator('main').innerText(), /没有载入/, `${q} offline: ${failed}`);
    assert.deepEqual(got, found[q], `${q}: offline as online`);
  }
  await ctx.close();
});

test('after one visit to /calc/, with the network cut, the code loaded after the first result is there too', async () => {
  const ctx = await launch();
  const page = await ctx.newPage();
  const chunks = [];
  page.on('request', (r) => { if (/\.wasm$/.test(r.url()) && !r.url().endsWith('_bg.wasm')) chunks.push(new URL(r.url()).pathname); });
  await page.goto(`${server.base}/calc/`);
  await appReady(page);
  // The bundle's chunks (its app's, fetched at once, and the lazily loaded one, fetched once the page is
  // idle: nobody types), each fetched once and kept.
  const listed = (await page.getAttribute('meta[name="zct-chunks"]', 'content')).split(' ');
  const kept = () => page.evaluate(async (want) => {
    const have = new Set();
    for (const name of await caches.keys()) {
      for (const r of await (await caches.open(name)).keys()) have.add(new URL(r.url).pathname);
    }
    return want.every((u) => have.has(u));
  }, listed);
  await until(page, async () => Boolean(await caches.match('/calc/')), null, { timeout: 30000 });
  for (let i = 0; i < 60 && !(await kept()); i++) await page.waitForTimeout(250);
  assert.ok(await kept(), `the chunks are kept: ${listed}`);
  assert.deepEqual([...chunks].sort(), [...listed].sort(), 'each chunk fetched once');
  await ctx.setOffline(true);
  await page.goto(`${server.base}/calc/`);
  await appReady(page);
  await page.fill('#v0-total', '12000');
  await page.waitForSelector('[data-testid="personal-total"]');
  // The comparison per payer (after the pause) and the QR panel are the chunk's.
  await page.getByTestId('compare').waitFor();
  await page.getByRole('button', { name: '二维码' }).click();
  await page.getByTestId('qr-svg').waitFor();
  await ctx.close();
});

/** A host in front of `upstream` whose answer for one path can be changed or held: `set(path, html)`
 * answers `path` with `html`, `hold(path)` never answers it, `pass(path)` forwards it again. */
async function frontOf(upstream) {
  const special = new Map();
  const server = http.createServer((req, res) => {
    const what = special.get(req.url.split('?')[0]);
    if (what === 'hold') return;
    if (what && typeof what === 'object') {
      return setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
        res.end(what.html);
      }, what.ms);
    }
    if (typeof what === 'string') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      return res.end(what);
    }
    const up = http.request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    set: (p, html) => special.set(p, html), hold: (p) => special.set(p, 'hold'), pass: (p) => special.delete(p),
    slow: (p, html, ms) => special.set(p, { html, ms }),
    close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); },
  };
}

test('after one visit to a document, with the network cut, its QR code opens though it was never tapped online', async () => {
  const ctx = await launch();
  const page = await ctx.newPage();
  await page.goto(`${server.base}/docs/meishan-137/`);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The page told the worker of what it loaded and of its tools' chunk; the worker keeps them in the
  // background, each when its copy is in (the chunk can be in before the main module: wait for all; on a
  // loaded CI machine the reload came between).
  await until(page, async () => {
    const keys = await caches.keys();
    if (!keys.length) return false;
    const have = new Set((await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname));
    const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname !== '/sw.js').map((u) => u.pathname);
    return have.has('/docs/meishan-137/') && loaded.every((p) => have.has(p))
      && [...have].some((p) => /\/zct-reader-[0-9a-f]+-lazy\.wasm$/.test(p));
  }, null, { timeout: 30000 });
  await ctx.setOffline(true);
  await page.reload();
  await appReady(page);
  assert.equal(await scanQr(page), `${server.base}/docs/meishan-137/`);
  await ctx.close();
});

test('a page kept opens from its copy at once and is fetched meanwhile: a new build replaces it by itself, or is offered once something is touched; a host that does not answer changes nothing', async () => {
  const front = await frontOf(server.base);
  const ctx = await launch();
  try {
    const first = await ctx.newPage();
    await openKept(first, front.base, '/about/');
    assert.deepEqual(await first.evaluate(async () => (await (await navigator.serviceWorker.ready).navigationPreload.getState()).enabled), true, 'navigation preload on');
    const saved = await first.locator('main h1').first().textContent();
    await first.close();
    // Each visit a page of its own, as a person opens the site again (a navigation to the address already
    // open is a reload to the browser, and a reload is not reloaded again by itself: see below).
    const visit = async () => {
      const page = await ctx.newPage();
      const t0 = Date.now();
      await page.goto(`${front.base}/about/`, { timeout: 20000 });
      return { page, waited: Date.now() - t0, h1: () => page.locator('main h1').first().textContent() };
    };
    const becomes = (page, want) => page.waitForFunction((w) => document.querySelector('main h1')?.textContent === w, want, { timeout: 10000 });
    // A new build: the host has a new page. The copy opens, and with nothing touched the page is reloaded
    // with the new one as soon as it has come, by itself.
    const page0 = fs.readFileSync(new URL('../../dist/about/index.html', import.meta.url), 'utf8');
    const build = (n) => page0.replace(/(<main[^>]*>\s*<h1[^>]*>)[^<]*/, `$1${n}`);
    assert.match(build('新的一版'), /新的一版/);
    front.set('/about/', build('新的一版'));
    const fresh = await visit();
    await becomes(fresh.page, '新的一版');
    assert.equal(await fresh.page.locator('.site-updated').count(), 0);
    await fresh.page.close();
    // Once something is touched before the new one comes (a person typing), it is offered, not forced.
    front.slow('/about/', build('新的二版'), 2500);
    const touched = await visit();
    assert.equal(await touched.h1(), '新的一版', 'the copy');
    await touched.page.mouse.click(5, 300);
    const offer = touched.page.locator('.site-updated[role="status"]');
    await offer.waitFor({ timeout: 10000 });
    assert.equal(await touched.h1(), '新的一版', 'not reloaded under the person');
    assert.match(await offer.textContent(), /本站有新的版本/);
    await offer.getByRole('button', { name: '打开新版' }).click();
    await becomes(touched.page, '新的二版');
    await touched.page.close();
    // The host's own page again: the same, by itself.
    front.pass('/about/');
    const again = await visit();
    await becomes(again.page, saved);
    await appReady(again.page);
    await again.page.close();
    // The host does not answer: the copy at once (network first, it had waited 4 s on every warm visit).
    // (Last: the browser holds later requests for the address behind one that never answers.)
    front.hold('/about/');
    const held = await visit();
    assert.equal(await held.h1(), saved, 'the saved copy');
    assert.ok(held.waited < 2000, `the saved copy at once: ${held.waited} ms`);
  } finally {
    await ctx.close();
    await front.close();
  }
});

test('after 保存全部内容 every page works with the network cut', async () => {
  const cacheControl = new Map();
  const record = (req) => cacheControl.set(req.url, req.headers['cache-control']);
  const ctx = await launch();
  const page = await ctx.newPage();
  await page.goto(`${server.base}/about/`);
  await appReady(page);
  const button = page.getByRole('button', { name: /^保存全部内容，离线使用（约 [\d.]+ (MB|KB)）$/ });
  await button.waitFor({ timeout: 30000 });
  server.server.on('request', record);
  await button.click();
  await page.getByTestId('saved-all').waitFor({ timeout: 120000 });
  server.server.off('request', record);
  for (const url of ['/404.html', '/calc/']) assert.equal(cacheControl.get(url), 'no-cache', `${url} saved with cache: 'reload'`);
  await ctx.setOffline(true);
  for (const p of [...sitemapPaths(), `/search/?q=${encodeURIComponent('大病保险')}`]) {
    await page.goto(`${server.base}${p}`);
    await appReady(page);
    const h1 = await page.locator('main h1').first().textContent();
    assert.ok(h1.length > 1 && !h1.includes('还没有保存'), `${p} offline: ${h1}`);
  }
  await page.waitForSelector('ol.hits li');
  // The checker's pages fetch their data (/data/*.bin): saved too.
  await page.goto(`${server.base}/villages/?q=河畔`);
  await appReady(page);
  assert.match(await page.getByTestId('village-count').textContent(), /找到 \d+ 个(乡镇|村)/);
  // The page says it is saved.
  await page.goto(`${server.base}/about/`);
  await appReady(page);
  await page.getByTestId('saved-all').waitFor();
  await ctx.close();
});

test('offline, a link inside the app to a page never saved shows the offline page, as a reload does', async () => {
  const ctx = await launch();
  const page = await ctx.newPage();
  await openKept(page, server.base, '/');
  await ctx.setOffline(true);
  // A document the home page links to, never opened: the app's router takes the click.
  const link = page.locator('main a[href^="/docs/"][href$="/"]').first();
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === '这一页还没有保存到本机', null, { timeout: 15000 });
  assert.equal(new URL(page.url()).pathname, href);
  assert.equal(await page.locator('.load-failed').count(), 0, "not the app's load error");
  assert.match(await page.locator('main').textContent(), /保存全部内容，离线使用/);
  // Back online, the same address shows the document.
  await ctx.setOffline(false);
  await page.reload();
  await appReady(page);
  assert.notEqual(await page.locator('main h1').first().textContent(), '这一页还没有保存到本机');
  await ctx.close();
});

test('保存全部内容 is near the top of /about/ and /docs/, with its size (360 and 1024 px)', async () => {
  for (const viewport of [{ width: 360, height: 780 }, { width: 1024, height: 768 }]) {
    const ctx = await launch({ viewport });
    const page = await ctx.newPage();
    for (const path of ['/about/', '/docs/']) {
      await page.goto(`${server.base}${path}`);
      await appReady(page);
      const button = page.getByRole('button', { name: /^保存全部内容，离线使用（约 [\d.]+ (MB|KB)）$/ });
      await button.waitFor({ timeout: 30000 });
      const box = await button.boundingBox();
      // On the first screen, above the body's first section heading.
      assert.ok(box.y + box.height <= viewport.height, `${viewport.width} px ${path}: the button's bottom at ${box.y + box.height}`);
      const h2 = await page.locator('.static-page h2:not(#save-offline-title)').first().boundingBox();
      assert.ok(box.y < h2.y, `${viewport.width} px ${path}: above the first section`);
      assert.equal(await page.locator('.save-offline').count(), 1, `${path}: one control`);
    }
    await ctx.close();
  }
});

test('with the browser\'s Save-Data (省流量) on, a first visit fetches nothing in the background but the worker\'s core, and 保存全部内容 says it saves only when tapped', async () => {
  const ctx = await launch({ viewport: { width: 360, height: 780 } });
  const page = await ctx.newPage();
  // What a phone with 省流量 on reports to the page (headless Chromium has no such setting).
  await page.addInitScript(() => Object.defineProperty(NetworkInformation.prototype, 'saveData', { get: () => true }));
  const own = new Set();
  page.on('request', (r) => own.add(new URL(r.url()).pathname + new URL(r.url()).search));
  const from = server.requests.length;
  await page.goto(`${server.base}/docs/`);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await until(page, async () => Boolean(await caches.match('/docs/')), null, { timeout: 30000 });
  await page.waitForTimeout(1000);
  const background = server.requests.slice(from).filter((u) => !own.has(u));
  const core = await page.evaluate(async () => (await fetch('/sw.js').then((r) => r.text())).match(/const CORE = (\[[^\]]*\])/)[1]);
  const allowed = new Set(['/sw.js', ...JSON.parse(core)]);
  assert.deepEqual(background.filter((u) => !allowed.has(u)), [], `background requests beyond the core: ${background.join(' ')}`);
  const note = page.locator('.save-offline', { hasText: '省流量' });
  assert.ok(await note.isVisible(), 'the control says the site does not download in the background');
  await ctx.close();
});

test('保存全部内容 says when it stopped, goes on without fetching again what is kept, and counts bytes honestly', async () => {
  const ctx = await launch();
  const page = await ctx.newPage();
  await openKept(page, server.base, '/about/');
  await page.evaluate(() => {
    window.progress = [];
    navigator.serviceWorker.addEventListener('message', (e) => { if (e.data.type === 'save-progress') window.progress.push(e.data); });
  });
  const button = page.getByRole('button', { name: /^保存全部内容，离线使用/ });
  await button.waitFor({ timeout: 30000 });
  // Without a network, saving stops and says so; the button stays to try again.
  await ctx.setOffline(true);
  await button.click();
  await page.getByRole('alert').filter({ hasText: '保存没有完成' }).waitFor({ timeout: 30000 });
  await ctx.setOffline(false);
  await page.evaluate(() => { window.progress = []; });
  const from = server.requests.length;
  await button.click();
  await page.getByTestId('saved-all').waitFor({ timeout: 120000 });
  const fetched = server.requests.slice(from);
  const list = await page.evaluate(async () => {
    const names = await caches.keys();
    return (await (await caches.open(names[0])).keys()).length;
  });
  // The page opened before (kept at its visit) is not fetched again.
  assert.ok(!fetched.includes('/about/'), 'the kept page is not fetched again');
  const last = await page.evaluate(() => window.progress.at(-1));
  assert.equal(last.done, last.total, 'every file');
  assert.equal(last.bytes, last.totalBytes, 'every byte');
  const steps = await page.evaluate(() => window.progress.map((p) => p.bytes));
  assert.ok(steps.every((b, i) => i === 0 || b >= steps[i - 1]), 'the bytes only grow');
  assert.ok(fetched.length < last.total && list >= last.total, `${fetched.length} fetched of ${last.total}; ${list} kept`);
  console.log(`saved ${last.total} files, ${last.totalBytes} bytes as served; fetched ${fetched.length} (the rest were kept)`);
  await ctx.close();
});

test('axe-core finds no WCAG 2.1 AA violations on any route', async () => {
  const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // The site's CSP (rightly) blocks injected scripts; the audit context bypasses it to load axe.
  const audit = await launch({ bypassCSP: true });
  for (const p of [...sitemapPaths(), calcLink('p=h&c=pr&v=i,c,1,12000,10000,,'), '/search/?q=3000元']) {
    const { page } = await open(audit, server.base + p);
    await appReady(page);
    await page.waitForTimeout(300);
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(async () => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
    const v = result.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(v, [], `${p}`);
    await page.close();
  }
  await audit.close();
});

test('no request goes to another origin', async () => {
  const ctx = await launch();
  const foreign = [];
  ctx.on('request', (r) => { if (!r.url().startsWith(server.base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  for (const p of sitemapPaths()) {
    const page = await ctx.newPage();
    await page.goto(server.base + p);
    await appReady(page);
    await page.close();
  }
  assert.deepEqual(foreign, []);
  await ctx.close();
});

test('a section has a poster view with its title, key points, QR code, address and source', async () => {
  const { page } = await open(browser, `${server.base}/docs/huining-203/#s3-1`);
  await appReady(page);
  await page.getByRole('button', { name: '海报' }).click();
  const poster = page.locator('[data-testid="poster"]');
  await poster.locator('svg[data-testid="qr"]').waitFor();
  assert.ok((await poster.locator('.poster-points li').count()) >= 1);
  assert.match(await poster.locator('.poster-url').textContent(), /huining-203\/#s3-1/);
  assert.match(await poster.locator('.poster-source').textContent(), /会卫计发〔2018〕203号/);
  await page.close();
  // A heading deeper in a part is titled with the headings it is under (（二）县人社局 alone says nothing), after
  // its 附件's number (the 实施意见 has a 三、 too: an A3 poster had not said which).
  const deep = await open(browser, `${server.base}/docs/huining-83/#a5-s3-2`);
  await appReady(deep.page);
  await deep.page.getByRole('button', { name: '海报' }).click();
  const title = deep.page.locator('[data-testid="poster"] .poster-title');
  await title.waitFor();
  assert.equal(await title.textContent(), '附件5　三、责任清单　（二）县人社局');
  assert.match(await deep.page.locator('[data-testid="poster"] .poster-source').textContent(), /附件5 三（二）/);
  await deep.page.close();
  // A table its document does not number, by its heading: under its 附件 as its bar names it.
  const table = await open(browser, `${server.base}/docs/huining-83/#t2-1`);
  await appReady(table.page);
  await table.page.getByRole('button', { name: '海报' }).click();
  const tableTitle = table.page.locator('[data-testid="poster"] .poster-title');
  await tableTitle.waitFor();
  assert.equal(await tableTitle.textContent(), '附件2 附表　会宁县农村小型医疗机构过期药品清理工作情况统计表');
  await table.page.close();
  // A table row under its table's title, each cell after its column's heading (a row of names alone says
  // nothing about what they are), a merged cell with the name it carries from the rows above (柴家门镇's
  // row stands under 王君盛: its poster had named no 科级干部).
  const row = await open(browser, `${server.base}/docs/huining-83/#t3-4-r2`);
  await appReady(row.page);
  await row.page.getByRole('button', { name: '海报' }).click();
  const rowPoster = row.page.locator('[data-testid="poster"]');
  await rowPoster.locator('.poster-title').waitFor();
  assert.equal(await rowPoster.locator('.poster-title').textContent(), '附表 3-4　人社部门包抓到村任务分工表');
  // Its short cells side by side, the long list of villages a point of its own; the name the merged cell
  // carries marked ＊, said under the points to be the site's inference (a poster has no row above for
  // （同上） to point to).
  const rowPoints = await rowPoster.locator('.poster-points > li').allTextContents();
  assert.equal(rowPoints[0], '包抓乡镇科级干部：王君盛\u2060＊，包抓乡镇：柴家门镇，包抓村组干部：赵童怡。', rowPoints.join(' | '));
  assert.match(await rowPoster.locator('.poster-inferred').textContent(), /^＊原表这一格是空的/);
  assert.match(rowPoints[1], /^包抓村：/, rowPoints.join(' | '));
  await row.page.close();
  // A cell that ends its sentence: the next cell is a point of its own, not one begun with a comma
  // (• ，分值：4。 had printed).
  const scored = await open(browser, `${server.base}/docs/huining-83/#t4-1-r6`);
  await appReady(scored.page);
  await scored.page.getByRole('button', { name: '海报' }).click();
  await scored.page.locator('[data-testid="poster"] .poster-points > li').first().waitFor();
  const points = await scored.page.locator('[data-testid="poster"] .poster-points > li').allTextContents();
  assert.ok(points.length > 1 && points.every((p) => !/^[，,]/.test(p.trim())), points.join(' | '));
  // Its 问责主体 is the merged cell's of row 5 (受援医院及负责人。), as the 五督 form's data reads it.
  assert.match(points.join(' | '), /分值：4，问责主体：受援医院及负责人\u2060＊。/);
  await scored.page.close();
});

test('the text size is remembered, and it is the only thing stored', async () => {
  const { page } = await open(browser, `${server.base}/`);
  await appReady(page);
  await page.getByRole('button', { name: '字变大' }).click();
  await page.reload();
  await appReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.size), 'large');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['zct-text-size']);
  await page.getByRole('button', { name: '字变小' }).click();
  await page.close();
});

test('every route reflows at 320 CSS px (what 200% zoom on a 640 px screen gives): no sideways scrolling', async () => {
  const narrow = await launch({ viewport: { width: 320, height: 640 } });
  for (const p of [...sitemapPaths(), calcLink('p=h&c=pr&v=i,c,1,12000,10000,,'), '/check/#s=category&a=huining']) {
    const page = await narrow.newPage();
    await page.goto(server.base + p);
    await appReady(page);
    await page.waitForTimeout(200);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${p}: page is ${width} px wide`);
    await page.close();
  }
  await narrow.close();
});

test('read-aloud is unavailable where the browser has no Chinese voice (headless Chromium has none), and a tap says why', async () => {
  const { page } = await open(browser, `${server.base}/docs/dezhou-20/`);
  await appReady(page);
  const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('zh')).length);
  const button = page.getByRole('button', { name: '朗读', exact: true });
  assert.equal(await button.count(), 1, 'the button is shown either way');
  const why = page.locator('#read-aloud-why');
  if (voices === 0) {
    // Unavailable but focusable (aria-disabled), its reason its description; the reason is on the screen only
    // once tapped, so the tool bar takes no more room than the build's page held for it.
    assert.equal(await button.getAttribute('aria-disabled'), 'true');
    assert.equal(await button.getAttribute('aria-describedby'), 'read-aloud-why');
    assert.equal(await why.textContent(), '这个浏览器没有中文朗读语音');
    const shown = () => why.evaluate((n) => { const r = n.getBoundingClientRect(); return r.width > 1 && r.height > 1; });
    for (const width of [1024, 360]) {
      await page.setViewportSize({ width, height: 780 });
      await page.reload();
      await appReady(page);
      assert.equal(await shown(), false, `${width} px: not drawn before the tap`);
      const buttons = () => page.locator('.page-tools .tool').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().left)));
      const at = await buttons();
      // Playwright counts aria-disabled as not enabled: the click is a plain mouse click on the button.
      await button.click({ force: true });
      assert.equal(await shown(), true, `${width} px: drawn after the tap`);
      assert.deepEqual(await buttons(), at, `${width} px: no button moves sideways (the reason goes on a line of its own)`);
    }
    assert.equal(await page.evaluate(() => speechSynthesis.speaking), false, 'nothing is spoken');
  } else {
    assert.equal(await button.getAttribute('aria-disabled'), null);
    assert.equal(await why.count(), 0);
  }
  await page.close();
});

test('axe-core finds no WCAG 2.1 AA violations on the pages the build writes (before the app takes over)', async () => {
  const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const viewport of [{ width: 360, height: 780 }, { width: 1024, height: 768 }]) {
    const audit = await launch({ bypassCSP: true, viewport, serviceWorkers: 'block' });
    for (const p of ['/', '/self-check/', '/villages/', '/calc/']) {
      const page = await audit.newPage();
      await page.route('**/*.wasm', () => {}); // the app never starts: the build's page stays
      await page.goto(server.base + p);
      assert.equal(await page.locator('#static-shell').count(), 1, p);
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate(async () => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
      const v = result.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(v, [], `${p} at ${viewport.width} px`);
      await page.close();
    }
    await audit.close();
  }
});

test('a page reached by tapping inside the site is kept by its own address: reloaded with the network cut, it opens', async () => {
  // The reader's pages navigate without reloading: the worker had kept only the body's fragment, so a
  // reload offline (or the phone dropping the tab) said 您以前没有打开过这一页 of a page just read.
  const ctx = await launch();
  const page = await ctx.newPage();
  await openKept(page, server.base, '/');
  await page.locator('main a[href="/docs/"]').first().click();
  await page.waitForURL(/\/docs\/$/);
  await appReady(page);
  await page.locator('a[href="/docs/huining-83/"]').first().click();
  await page.waitForURL(/huining-83/);
  await appReady(page);
  const title = (await page.locator('main h1').textContent()).trim();
  await until(page, async () => Boolean(await caches.match('/docs/huining-83/')) && Boolean(await caches.match('/docs/')), null, { timeout: 30000 });
  await ctx.setOffline(true);
  await page.reload();
  await appReady(page);
  assert.equal((await page.locator('main h1').textContent()).trim(), title, 'the document, not the offline page');
  await page.goto(`${server.base}/docs/`);
  await appReady(page);
  assert.notEqual((await page.locator('main h1').textContent()).trim(), '这一页还没有保存到本机', 'the list too');
  await ctx.close();
});
