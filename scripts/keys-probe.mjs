// Probe: only the keystroke part of bench.mjs, for DISTS (comma-separated), interleaved, N runs each.
import { serve, launch } from '../tests/e2e/harness.mjs';
import { typeBill } from './keystrokes.mjs';
import { OBSERVE } from './conditions.mjs';
const dists = process.env.DISTS.split(',');
const servers = await Promise.all(dists.map((d) => serve(0, d)));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = dists.map(() => []);
for (let i = 0; i < Number(process.env.N || 3); i++) {
  for (const [k, server] of servers.entries()) {
    const ctx = await launch();
    const page = await ctx.newPage();
    await page.addInitScript(OBSERVE);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(server.base + '/calc/');
    const d = await typeBill(page);
    out[k].push({ median: median(d), worst: Math.max(...d), all: d.join(' ') });
    await ctx.close();
  }
}
for (const [k, d] of dists.entries()) { console.log(d); console.table(out[k]); }
process.exit(0);
