#!/usr/bin/env node
// Pagefind against the site's own search, in the browser at 4× CPU (issue 16's comparison; not a test).
// Run Pagefind over a built site first (`npx pagefind --site DIR --glob "docs/*/index.html"`, writes
// DIR/pagefind/), then `node scripts/pagefind-probe.mjs DIR [RUNS]`: for each of the fixed queries
// (tests/e2e/scale-queries.mjs), alternately, on a fresh page each: Pagefind's JS API (`search`, then the
// first ten results' `data()`, as a results list needs them) timed in the page from the call to the first
// paint after, with its bytes (Resource Timing, as served) split into code (JS, wasm, meta) and index
// (chunks, fragments); and the site's own search (tests/e2e/search-clock.mjs), Enter to the first hits
// painted, with its bytes. Pagefind's time is taken two ways: with its code loaded and initialised before
// the query (as a page would at idle) and cold. Prints medians and the results' counts.
import os from 'node:os';
import { serve, launch, appReady } from '../tests/e2e/harness.mjs';
import { QUERIES, LONG_QUERIES } from '../tests/e2e/scale-queries.mjs';
import { timedSearch } from '../tests/e2e/search-clock.mjs';

const dir = process.argv[2];
const runs = Number(process.argv[3] || 3);
if (!dir) throw new Error('usage: node scripts/pagefind-probe.mjs DIST [RUNS]');
const server = await serve(0, dir);
const ctx = await launch({ serviceWorkers: 'block' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function fresh() {
  const page = await ctx.newPage();
  page.meter = meter(page);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.base}/search/`);
  await appReady(page);
  await page.meter.take();
  return page;
}

/**
 * Counts the bytes a page receives (response bodies as served, the page's workers' requests included:
 * Pagefind fetches its index from a worker, which Resource Timing on the page does not see), by kind.
 */
function meter(page) {
  const got = { code: 0, index: 0 };
  page.on('requestfinished', async (r) => {
    const kind = /pagefind\/(index|fragment)\/|\/data\/search\//.test(r.url()) ? 'index' : 'code';
    got[kind] += (await r.sizes()).responseBodySize;
  });
  return {
    take: async () => {
      await new Promise((r) => setTimeout(r, 200));
      const out = { ...got };
      got.code = 0;
      got.index = 0;
      return out;
    },
  };
}

async function pagefind(page, q, warm) {
  if (warm) await page.evaluate(async () => { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); });
  const init = await page.meter.take();
  const r = await page.evaluate(async (q) => {
    const t0 = performance.now();
    const pf = window.pf || (await import('/pagefind/pagefind.js'));
    const res = await pf.search(q);
    const data = await Promise.all(res.results.slice(0, 10).map((x) => x.data()));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return { ms: performance.now() - t0, count: res.results.length, first: data[0]?.excerpt?.slice(0, 60) ?? '' };
  }, q);
  return { ...r, init, query: await page.meter.take() };
}

async function ours(page, q) {
  const t = await timedSearch(page, q);
  const count = await page.textContent('[data-testid="search-count"]');
  return { ms: t.painted, count, bytes: await page.meter.take() };
}

const rows = {};
const loads = [os.loadavg()[0]];
for (let i = 0; i < runs; i++) {
  for (const q of [...QUERIES, ...LONG_QUERIES]) {
    const row = (rows[q] ??= { ours: [], pfWarm: [], pfCold: [] });
    for (const [key, f] of [['ours', (p) => ours(p, q)], ['pfWarm', (p) => pagefind(p, q, true)], ['pfCold', (p) => pagefind(p, q, false)]]) {
      const page = await fresh();
      row[key].push(await f(page));
      await page.close();
    }
  }
}
loads.push(os.loadavg()[0]);
console.log(`pagefind probe on ${dir}, ${runs} runs, CPU 4× slower, load ${loads.map((l) => l.toFixed(1)).join(' → ')}`);
console.log('query | ours: ms to first hits painted, KB | Pagefind, code ready: ms, index KB | Pagefind cold: ms, code+index KB | Pagefind results | ours count line');
for (const [q, r] of Object.entries(rows)) {
  const kb = (b) => (b / 1000).toFixed(1);
  console.log([
    q,
    `${median(r.ours.map((x) => x.ms)).toFixed(0)} ms, ${kb(median(r.ours.map((x) => x.bytes.index + x.bytes.code)))}`,
    `${median(r.pfWarm.map((x) => x.ms)).toFixed(0)} ms, ${kb(median(r.pfWarm.map((x) => x.query.index + x.query.code)))} (init ${kb(median(r.pfWarm.map((x) => x.init.code + x.init.index)))})`,
    `${median(r.pfCold.map((x) => x.ms)).toFixed(0)} ms, ${kb(median(r.pfCold.map((x) => x.query.code)))}+${kb(median(r.pfCold.map((x) => x.query.index)))}`,
    `${r.pfWarm[0].count} ${JSON.stringify(r.pfWarm[0].first)}`,
    r.ours[0].count.slice(0, 40),
  ].join(' | '));
}
await ctx.close();
await server.close();
