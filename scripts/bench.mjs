// Performance benchmark (not a test): headless Chromium with DevTools network throttling (1.6 Mbps down,
// 750 Kbps up, 150 ms RTT) and 4× CPU slow-down, cold and warm (service worker) visits to `/`, a long
// document and `/calc/`. For each visit: first contentful paint and largest contentful paint, when the app
// has mounted (the build-time page replaced), from when a bill typed into the calculator's form is answered
// (`zct-answering`: the calculator's main module has started, src/calc_page.rs; on the other pages, and
// for builds before 2026-12-05, when the app has mounted), the layout shift, bytes transferred; for /calc/ also the
// first result after typing the two amounts (twice: typed 500 ms after the app has mounted, and typed as
// soon as the form is painted, before the app has mounted, as a resident types), and how long from the
// wasm's last byte to `main()` (not only compiling: the module script waits for the page's parse, and on a
// warm visit that waits for the build page's first style and layout; Chrome compiles most functions on
// first call, after `main()`) and from there to mounted. Warm visits throttle the service worker's own
// network too (its target is attached over CDP and given the same conditions: pages are network-first).
// Then keystrokes: typing a bill into the empty /calc/ form key by key (10 keys), each key's Event Timing
// duration (the INP metric: the longest entry of the interaction), median and worst. Last, the engine in
// the browser (User Timing measures the calculator records). Prints tables and writes bench.json.
// Usage: node scripts/bench.mjs   (after scripts/build.sh; serves dist/ itself; BENCH_DIST=dir for another
// build, RUNS=n for the median of n visits each)
import { typeBill } from './keystrokes.mjs';
import fs from 'node:fs';
import { serve, launch, calcLink } from '../tests/e2e/harness.mjs';
import { OBSERVE, throttled, throttleWorkers, warmProfile } from './conditions.mjs';

const server = await serve(0, process.env.BENCH_DIST || undefined);
const RUNS = Number(process.env.RUNS || 1);
/** What is typed into /calc/ and the personal amount the engine gives for it (the default category). */
const BILL = { total: '12000', compliant: '10000', personal: '1,500.00' };
/** When the personal amount first showed the bill's figure (the page's clock, see conditions.mjs). */
/** NaN when it never did (what was typed was lost): counted in `lost`, left out of the median. */
const resultShown = async (page) => page.waitForFunction((w) => window.__bench.shown[w], BILL.personal, { timeout: 20000 })
  .then((h) => h.jsonValue(), () => NaN);
/** Types the two amounts (the fields are the build's form before the app mounts, the app's after; the app
 * keeps what was typed) and waits for the result. */
const typeAmounts = async (page) => {
  await page.fill('#v0-total', BILL.total);
  await page.fill('#v0-compliant', BILL.compliant);
  return resultShown(page);
};
/** When the amounts are typed: 500 ms after the app has mounted and the page has settled, or as soon as
 * the form is on the screen, as a resident types. */
const AFTER_MOUNT = 'after mount';
const AT_PAINT = 'at paint';

async function visit(ctx, path, label, typed) {
  const page = await ctx.newPage();
  await page.addInitScript(OBSERVE);
  const workers = label === 'warm' ? await throttleWorkers(ctx) : 0;
  const t = await throttled(page);
  await page.goto(server.base + path, { waitUntil: 'domcontentloaded' });
  const fcp = await page.evaluate(() => new Promise((resolve) => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    if (e) return resolve(e.startTime);
    new PerformanceObserver((l) => resolve(l.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
  }));
  let result = null;
  if (typed === AT_PAINT) {
    await page.waitForSelector('#v0-total', { state: 'visible' });
    result = await typeAmounts(page);
  }
  await page.waitForFunction(() => window.__bench.mounted !== null, null, { timeout: 60000 });
  // Let the page settle (LCP is final once the person interacts).
  await page.waitForTimeout(500);
  const before = await page.evaluate(() => {
    const b = window.__bench;
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    const main = performance.getEntriesByName('zct-main')[0];
    const answering = performance.getEntriesByName('zct-answering')[0];
    return {
      lcp: b.lcp, lcpTag: b.lcpTag, cls: b.cls, mounted: b.mounted, answering: answering ? answering.startTime : b.mounted,
      wasmEnd: wasm ? wasm.responseEnd : null, main: main ? main.startTime : null,
    };
  });
  if (typed === AFTER_MOUNT) {
    result = await typeAmounts(page);
  }
  const row = {
    visit: label, path, fcp_ms: Math.round(fcp), lcp_ms: Math.round(before.lcp), answers_ms: Math.round(before.answering),
    mounted_ms: Math.round(before.mounted),
    result_ms: result === null ? '' : Math.round(result), typed: typed || '', lost: Number.isNaN(result) ? 1 : 0,
    wasm_to_main_ms: before.main && before.wasmEnd ? Math.round(before.main - before.wasmEnd) : '',
    main_to_mount_ms: before.main ? Math.round(before.mounted - before.main) : '',
    cls: +before.cls.toFixed(3), bytes: t.bytes(), lcp_element: before.lcpTag,
  };
  if (label === 'warm') row.sw_throttled = workers;
  await page.close();
  return row;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The median row of `runs` (each numeric column separately, of the runs that have it; `lost` summed). */
function medianRow(rows) {
  const out = { ...rows[0] };
  for (const k of Object.keys(out)) {
    const xs = rows.map((r) => r[k]).filter((x) => typeof x === 'number' && !Number.isNaN(x));
    if (typeof out[k] === 'number') out[k] = k === 'lost' ? xs.reduce((a, b) => a + b, 0) : (xs.length ? median(xs) : NaN);
  }
  return out;
}

const rows = [];
const visits = [['/', null], ['/docs/huining-83/', null], ['/calc/', AFTER_MOUNT], ['/calc/', AT_PAINT]];
// Cold: a fresh browser profile for each visit (empty HTTP cache, no service worker).
for (const [path, typed] of visits) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const cold = await launch();
    runs.push(await visit(cold, path, 'cold', typed));
    await cold.close();
  }
  rows.push(medianRow(runs));
}
// Warm: one profile whose service worker has kept every page visited here (each opened once before).
const ctx = await warmProfile(launch, server.base, [...new Set(visits.map(([path]) => path))]);
for (const [path, typed] of visits) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await visit(ctx, path, 'warm', typed));
  rows.push(medianRow(runs));
}

// Keystrokes: the warm /calc/ page, mounted and idle; a bill typed key by key into the empty form (see
// keystrokes.mjs).
const keys = [];
for (let i = 0; i < Math.max(RUNS, 3); i++) {
  const page = await ctx.newPage();
  await page.addInitScript(OBSERVE);
  await throttled(page);
  await page.goto(server.base + '/calc/');
  const durations = await typeBill(page);
  keys.push({ run: i + 1, median_ms: median(durations), worst_ms: Math.max(...durations), all: durations.join(' ') });
  await page.close();
}
await ctx.close();

// The engine in the browser (4× CPU slow-down): a 12-visit year, then the chart sweep. Each figure is the
// median of 5 page loads (the first settlement after load).
const visit12 = Array.from({ length: 12 }, (_, i) => `i,c,1,${8000 + i * 1500},${7000 + i * 1200},,`).join(';');
const measures = { settle_12_visits_ms: [], sweep_5x101_ms: [] };
const eng = await launch();
for (let k = 0; k < 5; k++) {
  const page = await eng.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.base}${calcLink(`p=h&c=pr&v=${visit12}`)}`);
  await page.waitForSelector('.calc-result [data-testid="personal-total"]');
  await page.waitForFunction(() => performance.getEntriesByName('zct-sweep').length > 0, null, { timeout: 30000 });
  const m = await page.evaluate(() => ({
    settle: performance.getEntriesByName('zct-settle')[0].duration,
    sweep: performance.getEntriesByName('zct-sweep')[0].duration,
  }));
  measures.settle_12_visits_ms.push(m.settle);
  measures.sweep_5x101_ms.push(m.sweep);
  await page.close();
}
await eng.close();
await server.close();
const engine = {
  settle_12_visits_ms: +median(measures.settle_12_visits_ms).toFixed(2),
  sweep_5x101_ms: +median(measures.sweep_5x101_ms).toFixed(2),
  sweep_per_200_points_ms: +(median(measures.sweep_5x101_ms) * 200 / 505).toFixed(2),
};
console.table(rows);
console.table(keys);
console.table([engine]);
fs.writeFileSync(process.env.BENCH_OUT || 'bench.json', JSON.stringify({
  date: new Date().toISOString(), dist: process.env.BENCH_DIST || 'dist', runs: RUNS,
  profile: '1.6 Mbps / 750 Kbps / 150 ms RTT, 4x CPU', rows, keystrokes: keys, engine_in_browser: engine,
}, null, 2));
console.log('wrote', process.env.BENCH_OUT || 'bench.json');
