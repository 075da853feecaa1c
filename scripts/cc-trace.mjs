// Probe: Chromium's trace events about wasm code caching on repeated /calc/ visits in one profile.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
// A server with the production Cache-Control (deploy/nginx.conf): hashed files immutable, the rest no-cache.
const DIST = process.env.BENCH_DIST || 'dist';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.bin': 'application/octet-stream' };
const srv = http.createServer((req, res) => {
  let p = decodeURIComponent(req.url.split('?')[0]);
  if (p.endsWith('/')) p += 'index.html';
  const f = path.join(DIST, p);
  if (!fs.existsSync(f)) { res.writeHead(404); return res.end(); }
  const immutable = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/.test(p) && process.env.CC !== 'nocache';
  const h = { 'Content-Type': TYPES[path.extname(f)] || 'application/octet-stream', 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache', Vary: 'Accept-Encoding' };
  let body = fs.readFileSync(f);
  if (fs.existsSync(f + '.br') && /br/.test(req.headers['accept-encoding'] || '')) { body = fs.readFileSync(f + '.br'); h['Content-Encoding'] = 'br'; }
  res.writeHead(200, h); res.end(body);
});
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const server = { base: `http://127.0.0.1:${srv.address().port}` };
import { chromium } from 'playwright-core';
const opts = { executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', ...(process.env.ARGS || '').split(' ').filter(Boolean)] };
const ctxOpts = { viewport: { width: 360, height: 780 }, serviceWorkers: process.env.SW === 'block' ? 'block' : 'allow' };
// PROFILE=1: a real (on-disk) profile, as a person's browser has; otherwise Playwright's off-the-record context.
let browser, ctx;
if (process.env.PROFILE) {
  ctx = await chromium.launchPersistentContext(fs.mkdtempSync('/tmp/zct-profile-'), { ...opts, ...ctxOpts });
  browser = ctx.browser() || { startTracing: () => {}, close: () => ctx.close() };
} else {
  browser = await chromium.launch(opts);
  ctx = await browser.newContext(ctxOpts);
}
for (let i = 0; i < Number(process.env.N || 4); i++) {
  const page = await ctx.newPage();
  await browser.startTracing(page, { categories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'disabled-by-default-v8.wasm.turbofan', 'blink', 'v8'] });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(server.base + '/calc/');
  await page.waitForFunction(() => performance.getEntriesByName('zct-mounted').length > 0, null, { timeout: 60000 });
  await page.waitForTimeout(Number(process.env.WAIT || 4000));
  const buf = await browser.stopTracing();
  const ev = JSON.parse(buf.toString()).traceEvents;
  const names = {};
  for (const e of ev) if (/wasm|Wasm/i.test(e.name) || /wasm/.test(e.cat)) names[e.name] = (names[e.name] || 0) + 1;
  const compile = ev.filter((e) => /v8.wasm.(compile|cache|module)|WasmCompil|CachedModule|ModuleCache/i.test(e.name) && e.ph === 'X').map((e) => [e.name, Math.round((e.dur || 0) / 1000)]);
  const dur = {};
  for (const e of ev) if (/^wasm\.|Wasm|v8.wasm|CacheHit|Deserial|Serial/i.test(e.name) && e.dur) dur[e.name] = (dur[e.name] || 0) + e.dur / 1000;
  const timing = await page.evaluate(() => { const w = performance.getEntriesByType('resource').find((x) => x.name.endsWith('.wasm')); return { compile: Math.round(performance.getEntriesByName('zct-main')[0].startTime - w.responseEnd), mounted: Math.round(performance.getEntriesByName('zct-mounted')[0].startTime), transfer: w.transferSize, sw: Math.round(w.workerStart) }; });
  const cachey = Object.keys(names).filter((n) => /ache|erial/i.test(n));
  console.log('visit', i, JSON.stringify(timing), 'cache events', JSON.stringify(cachey), JSON.stringify(Object.fromEntries(Object.entries(dur).filter(([, v]) => v > 3).map(([k, v]) => [k, Math.round(v)]))));
  await page.close();
}
await browser.close();
process.exit(0);
