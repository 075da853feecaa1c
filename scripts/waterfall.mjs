// Probe (not a test): where a visit to a page's time goes, under the benchmark's conditions (conditions.mjs).
// For each resource the page loaded: when it was requested, its first and last byte, its size on the
// wire, the priority Chromium gave it and whether it came from the service worker; then the page's own
// moments: first paint, DOMContentLoaded, `main()` (zct-main), mounted (zct-mounted), and how many times
// the wasm was fetched (a preload that its fetch does not use is fetched twice). Cold (a fresh profile)
// and warm (the service worker's cache) visits, RUNS each (default 1), for every build in DISTS
// (comma-separated; default dist), interleaved.
// Usage: DISTS=a,b RUNS=3 node scripts/waterfall.mjs [/calc/]
import { serve, launch } from '../tests/e2e/harness.mjs';
import { OBSERVE, throttled, throttleWorkers, warmProfile } from './conditions.mjs';

const dists = (process.env.DISTS || 'dist').split(',');
const path = process.argv[2] || '/calc/';
const RUNS = Number(process.env.RUNS || 1);
const servers = await Promise.all(dists.map((d) => serve(0, d)));

async function visit(ctx, base, warm) {
  const page = await ctx.newPage();
  await page.addInitScript(OBSERVE);
  if (warm) await throttleWorkers(ctx);
  const { cdp } = await throttled(page);
  const net = new Map();
  cdp.on('Network.requestWillBeSent', (e) => net.set(e.requestId, { url: e.request.url, priority: e.request.initialPriority }));
  cdp.on('Network.responseReceived', (e) => { const r = net.get(e.requestId); if (r) r.sw = e.response.fromServiceWorker; });
  await page.goto(base + path, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__bench.mounted !== null, null, { timeout: 60000 });
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const at = (n) => { const e = performance.getEntriesByName(n)[0]; return e ? Math.round(e.startTime) : null; };
    return {
      rows: [{ name: location.pathname, start: 0, ttfb: nav.responseStart, end: nav.responseEnd, bytes: nav.transferSize, worker: nav.workerStart }]
        .concat(performance.getEntriesByType('resource').map((r) => ({
          name: new URL(r.name).pathname, start: r.startTime, ttfb: r.responseStart, end: r.responseEnd, bytes: r.transferSize, worker: r.workerStart,
        }))),
      moments: {
        fcp: at('first-contentful-paint'), dcl: Math.round(nav.domContentLoadedEventEnd), main: at('zct-main'), answering: at('zct-answering'),
        mounted: Math.round(window.__bench.mounted), wasm_fetches: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length,
      },
    };
  });
  const prio = new Map([...net.values()].map((r) => [new URL(r.url).pathname, r]));
  await page.close();
  return {
    rows: t.rows.map((r) => ({
      name: r.name.replace(/-[0-9a-f]{16}/, ''), start: Math.round(r.start), worker_start: Math.round(r.worker), ttfb: Math.round(r.ttfb), end: Math.round(r.end),
      bytes: r.bytes, priority: prio.get(r.name)?.priority || '', from_sw: Boolean(prio.get(r.name)?.sw),
    })),
    moments: t.moments,
  };
}

for (let i = 0; i < RUNS; i++) {
  for (const [k, server] of servers.entries()) {
    const cold = await launch();
    const c = await visit(cold, server.base, false);
    await cold.close();
    console.log(`${dists[k]} cold, run ${i + 1}`, c.moments);
    console.table(c.rows);
    const ctx = await warmProfile(launch, server.base, [path]);
    const w = await visit(ctx, server.base, true);
    await ctx.close();
    console.log(`${dists[k]} warm, run ${i + 1}`, w.moments);
    console.table(w.rows);
  }
}
process.exit(0);
