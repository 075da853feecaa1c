// Performance benchmark (not a test): headless Chromium with DevTools network throttling (1.6 Mbps down,
// 750 Kbps up, 150 ms RTT) and 4× CPU slow-down, cold and warm (service worker) visits to `/`, a long
// document and `/calc/`: first contentful paint, time until interactive (for /calc/: the first result shown
// after typing an amount), bytes transferred; and the engine in the browser on that profile (User Timing
// measures the calculator records: one settlement of a 12-visit year, and the chart's sweep of 5 curves ×
// 101 bills). Prints tables and writes bench.json.
// Usage: node scripts/bench.mjs   (after scripts/build.sh; serves dist/ itself)
import fs from 'node:fs';
import { serve, launch } from '../tests/e2e/harness.mjs';

const server = await serve();
const rows = [];

async function throttled(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  return { cdp, bytes: () => bytes };
}

async function visit(ctx, path, label, interactive) {
  const page = await ctx.newPage();
  const t = await throttled(page);
  const t0 = Date.now();
  await page.goto(server.base + path, { waitUntil: 'domcontentloaded' });
  const fcp = await page.evaluate(() => new Promise((resolve) => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    if (e) return resolve(e.startTime);
    new PerformanceObserver((l) => resolve(l.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
  }));
  await page.waitForFunction(() => !document.getElementById('static-shell'), null, { timeout: 60000 });
  if (interactive) await interactive(page);
  const tti = Date.now() - t0;
  await page.waitForTimeout(200);
  rows.push({ visit: label, path, fcp_ms: Math.round(fcp), interactive_ms: tti, bytes: t.bytes() });
  await page.close();
}

const typeAmount = async (page) => {
  await page.fill('#v0-total', '12000');
  await page.fill('#v0-compliant', '10000');
  await page.waitForSelector('[data-testid="personal-total"]');
};

const visits = [['/', null], ['/docs/huining-83/', null], ['/calc/', typeAmount]];
// Cold: a fresh browser profile for each visit (empty HTTP cache, no service worker).
for (const [path, inter] of visits) {
  const cold = await launch();
  await visit(cold, path, 'cold', inter);
  await cold.close();
}
// Warm: one profile whose service worker has cached the whole build.
const ctx = await launch();
const prime = await ctx.newPage();
await prime.goto(server.base + '/');
await prime.evaluate(() => navigator.serviceWorker.ready);
await prime.close();
for (const [path, inter] of visits) await visit(ctx, path, 'warm', inter);
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
  await page.goto(`${server.base}/calc/#p=h&c=pr&v=${visit12}`);
  await page.waitForSelector('[data-testid="personal-total"]');
  await page.waitForFunction(() => performance.getEntriesByName('zct-sweep').length > 0);
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
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const engine = {
  settle_12_visits_ms: +median(measures.settle_12_visits_ms).toFixed(2),
  sweep_5x101_ms: +median(measures.sweep_5x101_ms).toFixed(2),
  sweep_per_200_points_ms: +(median(measures.sweep_5x101_ms) * 200 / 505).toFixed(2),
};
console.table(rows);
console.table([engine]);
fs.writeFileSync('bench.json', JSON.stringify({ date: new Date().toISOString(), profile: '1.6 Mbps / 750 Kbps / 150 ms RTT, 4x CPU', rows, engine_in_browser: engine }, null, 2));
console.log('wrote bench.json');
