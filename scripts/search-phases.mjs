#!/usr/bin/env node
// Probe (not a test): where a search's time goes at 4× CPU, lighter than scripts/search-trace.mjs (no
// tracing, so the figures are those of an ordinary run). On /search/ of a built dist (BENCH_DIST, default
// dist/; e.g. the one `scripts/scale.mjs 1000 --keep DIR` leaves in DIR/dist), the scale benchmark's five
// queries, each timed in the page from the Enter key (tests/e2e/search-clock.mjs): to the first fetch, each
// round of fetches (first request to last body), the time after each round (decoding, the next step,
// drawing), the first hits shown and painted, the complete page shown and painted.
// Prints the median of RUNS runs (default 3, each a fresh browser); NOSW=1 blocks the service worker; LONG=1
// adds the benchmark's two long phrases after the five.
import { serve, launch } from '../tests/e2e/harness.mjs';
import { QUERIES, LONG_QUERIES } from '../tests/e2e/scale-queries.mjs';
import { timedSearch } from '../tests/e2e/search-clock.mjs';
const dist = process.env.BENCH_DIST || 'dist';
const server = await serve(0, dist);
const runs = Number(process.env.RUNS || 3);
const queries = process.env.LONG ? [...QUERIES, ...LONG_QUERIES] : QUERIES;
const all = {};
for (let run = 0; run < runs; run++) {
  const ctx = await launch({ serviceWorkers: process.env.NOSW ? 'block' : 'allow' });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__ev = [];
    const log = (k) => window.__ev.push([k, performance.now()]);
    const f = window.fetch;
    window.fetch = function (u, i) { log('fetch'); const p = f.call(this, u, i); p.then(() => log('resp')); return p; };
    const ab = Response.prototype.arrayBuffer;
    Response.prototype.arrayBuffer = function () { const p = ab.call(this); p.then(() => log('body')); return p; };
    const tx = Response.prototype.text;
    Response.prototype.text = function () { const p = tx.call(this); p.then(() => log('body')); return p; };
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.base}/search/`);
  await page.waitForFunction(() => !document.getElementById('static-shell') && document.querySelector('body > header.site-header'), null, { timeout: 20000 });
  await page.waitForTimeout(300);
  for (const q of queries) {
    await page.evaluate(() => { window.__ev = []; });
    const t = await timedSearch(page, q);
    const ev = await page.evaluate(() => window.__ev);
    const t0 = t.key;
    // Rounds: runs of fetch calls, each ended by the bodies that follow.
    const ph = { shown: t.shown, painted: t.painted, complete: t.complete, completePainted: t.completePainted };
    let round = 0; let inRound = false;
    const firstFetch = []; const lastBodyOf = [];
    for (const [k, at] of ev) {
      if (k === 'fetch') { if (!inRound) { round++; firstFetch[round] = at; inRound = true; } }
      if (k === 'body') { lastBodyOf[round] = at; inRound = false; }
    }
    ph.rounds = round;
    ph.enter_to_fetch1 = firstFetch[1] - t0;
    for (let r = 1; r <= round; r++) {
      ph[`r${r}_net`] = lastBodyOf[r] - firstFetch[r];
      // From the last round's first request: the complete page shown.
      if (r < round) ph[`r${r}_after`] = firstFetch[r + 1] - lastBodyOf[r];
      else ph[`r${r}_to_complete`] = t.complete + t0 - firstFetch[r];
    }
    (all[q] ||= []).push(ph);
  }
  await ctx.close();
}
await server.close();
const med = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
for (const [q, list] of Object.entries(all)) {
  const keys = Object.keys(list[0]);
  console.log(q + ': ' + keys.map((k) => `${k} ${Math.round(med(list.map((p) => p[k])))}`).join(', ') + `  (runs, first hits painted: ${list.map((p) => p.painted).join(' ')})`);
}
