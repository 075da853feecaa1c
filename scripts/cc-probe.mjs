// Probe: is the wasm compiled again on every warm visit? Visits /calc/ N times in one profile and prints
// wasm last byte → main() for each (4x CPU). ARGS=extra chromium flags; SW=block to bypass the worker.
import { serve } from '../tests/e2e/harness.mjs';
import { chromium } from 'playwright-core';
const server = await serve(0, process.env.BENCH_DIST || undefined);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', ...(process.env.ARGS || '').split(' ').filter(Boolean)] });
const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: process.env.SW === 'block' ? 'block' : 'allow' });
const out = [];
for (let i = 0; i < Number(process.env.N || 5); i++) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(server.base + '/calc/');
  await page.waitForFunction(() => performance.getEntriesByName('zct-mounted').length > 0, null, { timeout: 60000 });
  const r = await page.evaluate(() => {
    const w = performance.getEntriesByType('resource').find((x) => x.name.endsWith('.wasm'));
    const main = performance.getEntriesByName('zct-main')[0].startTime;
    const m = performance.getEntriesByName('zct-mounted')[0].startTime;
    return { compile: Math.round(main - w.responseEnd), mounted: Math.round(m), transfer: w.transferSize, sw: !!navigator.serviceWorker.controller, worker: Math.round(w.workerStart) };
  });
  out.push(r);
  await page.waitForTimeout(Number(process.env.WAIT || 4000));
  await page.close();
}
console.log(JSON.stringify(out));
await browser.close();
server.close?.();
process.exit(0);
