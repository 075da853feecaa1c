#!/usr/bin/env node
// The scale benchmark (issue 16; not a test): grows the library to N documents (default 1,000;
// scripts/grow-library.mjs), runs sitegen over it onto this build's bundles (run scripts/build.sh first), and
// prints: sitegen's time, the search index (files, bytes), for five fixed queries and two long phrases
// (tests/e2e/scale-queries.mjs) the bytes each downloads (brotli, as served) and the time, taken in the page,
// from the Enter key to the first hits painted (the count line with the first hits) and to the page's hits
// all painted (the count line no longer aria-busy; tests/e2e/search-clock.mjs), with the CPU slowed 4×
// (DevTools throttling) and the machine's load average, the first visit's background download (the service
// worker's), and what 保存全部内容 saves: its files and bytes, and how long it takes on this machine's
// loopback (the requests' count and time).
// `node scripts/scale.mjs [N] [--keep DIR]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch, appReady, openKept, until, DIST } from '../tests/e2e/harness.mjs';
import { brBytes, filesUnder } from '../tests/e2e/bytes.mjs';
import { QUERIES, LONG_QUERIES } from '../tests/e2e/scale-queries.mjs';
import { timedSearch } from '../tests/e2e/search-clock.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITEGEN = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'release', 'sitegen');
const n = Number(process.argv[2] || 1000);
const keep = process.argv.indexOf('--keep') > 0 ? process.argv[process.argv.indexOf('--keep') + 1] : null;
const tmp = keep || fs.mkdtempSync(path.join(os.tmpdir(), 'zct-scale-'));
const content = path.join(tmp, 'content');
const dist = path.join(tmp, 'dist');

execFileSync('node', [path.join(ROOT, 'scripts/grow-library.mjs'), String(n), content], { stdio: 'inherit' });
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
for (const f of fs.readdirSync(DIST)) if (fs.statSync(path.join(DIST, f)).isFile() && !/\.(br|gz)$/.test(f)) fs.copyFileSync(path.join(DIST, f), path.join(dist, f));
const t0 = Date.now();
// The bundles' shells are the last build's (scripts/build.sh keeps them in target/shells/).
  execFileSync(SITEGEN, ['--shells', path.join(ROOT, 'target/shells'), dist, content], { stdio: ['ignore', 'ignore', 'inherit'] });
const buildS = (Date.now() - t0) / 1000;
// sitegen's files (about 300 MB with the compressed copies) on the disk before the browser runs, not
// written back while the queries are timed.
execFileSync('sync');

const indexFiles = filesUnder(path.join(dist, 'data/search')).filter((f) => !/\.(br|gz)$/.test(f)).map((f) => `/data/search/${f}`);
const indexRaw = indexFiles.reduce((a, f) => a + fs.statSync(path.join(dist, f)).size, 0);
const list = JSON.parse(fs.readFileSync(path.join(dist, fs.readdirSync(path.join(dist, 'data')).filter((f) => /^offline-.*\.json$/.test(f)).map((f) => `data/${f}`)[0]), 'utf8'));

const server = await serve(0, dist);
const rows = [];
// The machine's load average (1 minute) before and after the queries.
const load = [];
let firstVisit;
let saveAll;
try {
  const ctx = await launch();
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.base}/search/`);
  await appReady(page);
  load.push(os.loadavg()[0]);
  for (const q of [...QUERIES, ...LONG_QUERIES]) {
    const pieces = [];
    const listen = (r) => { if (r.url().includes('/data/search/')) pieces.push(r.url()); };
    page.on('request', listen);
    // Timed in the page (tests/e2e/search-clock.mjs); the bytes are those of the complete page.
    const t = await timedSearch(page, q);
    page.off('request', listen);
    rows.push({ query: q, pieces: pieces.length, bytes: brBytes(dist, pieces), ...t, count: await page.getByTestId('search-count').textContent() });
  }
  load.push(os.loadavg()[0]);
  await ctx.close();

  const visit = await launch();
  const p = await visit.newPage();
  const own = new Set();
  p.on('request', (r) => own.add(r.url()));
  const from = server.requests.length;
  await p.goto(`${server.base}/docs/huining-83/`);
  await appReady(p);
  await p.evaluate(() => navigator.serviceWorker.ready);
  await until(p, async () => Boolean(await caches.match('/docs/huining-83/')), null, { timeout: 60000 });
  await p.waitForTimeout(500);
  const background = server.requests.slice(from).filter((u) => !own.has(server.base + u));
  firstVisit = { page: brBytes(dist, [...own].map((u) => new URL(u).pathname)), background: brBytes(dist, background), requests: background.length };
  await visit.close();

  // 保存全部内容 from /about/, timed from the click to 已保存.
  const saver = await launch();
  const sp = await saver.newPage();
  await openKept(sp, server.base, '/about/', 60000);
  const button = sp.getByRole('button', { name: /^保存全部内容，离线使用/ });
  await button.waitFor({ timeout: 60000 });
  const fromSave = server.requests.length;
  const t1 = Date.now();
  await button.click();
  await sp.getByTestId('saved-all').waitFor({ timeout: 30 * 60000 });
  saveAll = { s: (Date.now() - t1) / 1000, requests: server.requests.length - fromSave };
  await saver.close();
} finally {
  await server.close();
}

console.log(`\nscale benchmark: ${n} documents (${new Date().toISOString().slice(0, 10)})`);
console.log(`sitegen: ${buildS.toFixed(1)} s`);
console.log(`search index: ${indexFiles.length} files, ${indexRaw} bytes raw, ${brBytes(dist, indexFiles)} bytes brotli`);
console.log('query (CPU 4× slower) | pieces | bytes (brotli) | ms from the Enter key to the first hits painted | to the page\'s hits all painted | count line');
console.log(`load average (1 min) before / after the queries: ${load.map((l) => l.toFixed(2)).join(' / ')}`);
for (const r of rows) console.log(`${r.query} | ${r.pieces} | ${r.bytes} | ${r.painted} | ${r.completePainted} | ${r.count}`);
console.log(`first visit of /docs/huining-83/: page ${firstVisit.page} bytes, service worker's background download ${firstVisit.background} bytes in ${firstVisit.requests} requests (brotli)`);
console.log(`保存全部内容: ${list.files.length} files, ${list.bytes} bytes as served; ${saveAll.requests} requests, ${saveAll.s.toFixed(1)} s from the click to 已保存 (loopback)`);
if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
