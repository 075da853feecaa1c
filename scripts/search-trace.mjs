#!/usr/bin/env node
// Probe (not a test): where a search's time goes at 4× CPU. Runs the scale benchmark's five queries on
// /search/ of a built dist (BENCH_DIST, default dist/) and, for each, traces from Enter to the page complete:
// the times the page takes itself (tests/e2e/search-clock.mjs) beside the trace's (from the browser sending
// the key to the frames on the screen with the first hits and with the complete page, which checks that the
// page's own figures leave nothing out), the index's requests (sent, finished, relative to the key), and
// the page's main-thread tasks over 2 ms with what they spent their time on (script, wasm compilation,
// style and layout, paint, garbage collection).
// `node scripts/search-trace.mjs [QUERY…]` (ROUNDS=n repeats the five, each run on a fresh page).
import { serve, launch, appReady } from '../tests/e2e/harness.mjs';
import { QUERIES } from '../tests/e2e/scale-queries.mjs';
import { timedSearch } from '../tests/e2e/search-clock.mjs';

const dist = process.env.BENCH_DIST || 'dist';
const queries = process.argv.slice(2).length ? process.argv.slice(2) : QUERIES;
const server = await serve(0, dist);
const ctx = await launch();
const browser = ctx.browser();
const KINDS = {
  script: ['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'RunMicrotasks', 'EventDispatch', 'TimerFire', 'FireAnimationFrame'],
  compile: ['wasm.CompileLazy', 'v8.wasm.compileLazy', 'wasm.Compile', 'v8.wasm.compiledModule', 'V8.WasmCompileLazy'],
  layout: ['UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'HitTest'],
  paint: ['Paint', 'PrePaint', 'Layerize', 'Commit', 'CompositeLayers', 'UpdateLayer'],
  gc: ['MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'],
};
for (let round = 0; round < Number(process.env.ROUNDS || 1); round++) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.base}/search/`);
  await appReady(page);
  await page.waitForTimeout(Number(process.env.IDLE_MS || 300));
  for (const q of queries) {
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'v8.wasm', 'disabled-by-default-v8.gc', 'input', 'viz'],
    });
    const t = await timedSearch(page, q);
    const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents.sort((a, b) => a.ts - b.ts);
    const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && ev.some((x) => x.tid === e.tid && x.name === 'EventDispatch'));
    const onMain = (e) => e.tid === main.tid && e.pid === main.pid;
    // The key as the browser sends it to the page, and as the page dispatches it.
    const sent = ev.find((e) => e.name === 'InputRouterImpl::FilterAndSendWebInputEvent' && e.args?.type === 'KeyDown');
    const enter = ev.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
    const t0 = sent ? sent.ts : enter.ts;
    const rel = (ts) => ((ts - t0) / 1000).toFixed(1);
    // The frame on the screen after a mark: the page's first commit after it, then the first frame the
    // display shows after that commit.
    const shownOnScreen = (name) => {
      const mark = ev.find((e) => e.name === name);
      const commit = mark && ev.find((e) => onMain(e) && e.name === 'Commit' && e.ts > mark.ts);
      const frame = commit && ev.find((e) => e.name === 'Display::FrameDisplayed' && e.ts > commit.ts);
      return { mark, frame };
    };
    const first = shownOnScreen('search-shown');
    const complete = shownOnScreen('search-complete');
    console.log(`\n${q}: in the page (from the key's time stamp): first hits shown ${t.shown}, painted ${t.painted}; complete ${t.complete}, painted ${t.completePainted} ms`);
    console.log(`  trace (from the browser sending the key; the page dispatched it at ${rel(enter.ts)}): first hits shown ${first.mark ? rel(first.mark.ts) : '?'}, on the screen ${first.frame ? rel(first.frame.ts) : '?'}; complete ${complete.mark ? rel(complete.mark.ts) : '?'}, on the screen ${complete.frame ? rel(complete.frame.ts) : '?'} ms`);
    const reqs = new Map();
    for (const e of ev) {
      const d = e.args?.data;
      if (!d?.requestId) continue;
      const r = reqs.get(d.requestId) || {};
      if (e.name === 'ResourceSendRequest') Object.assign(r, { url: d.url, sent: e.ts });
      if (e.name === 'ResourceReceiveResponse') r.response = e.ts;
      if (e.name === 'ResourceFinish') r.finish = e.ts;
      reqs.set(d.requestId, r);
    }
    for (const r of reqs.values()) {
      if (r.url && r.sent >= t0) console.log(`  req ${r.url.replace(/.*\/data\/search\/(\w{6})\w*\//, '$1…/')}: sent ${rel(r.sent)} response ${r.response ? rel(r.response) : '?'} finish ${r.finish ? rel(r.finish) : '?'}`);
    }
    const end = complete.mark ? complete.mark.ts + 50000 : Infinity;
    const tasks = ev.filter((e) => onMain(e) && e.name === 'RunTask' && e.ph === 'X' && e.ts + e.dur >= t0 && e.ts <= end);
    let busy = 0;
    for (const t of tasks) {
      busy += t.dur;
      if (t.dur < 2000) continue;
      const inside = ev.filter((e) => onMain(e) && e.ph === 'X' && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
      const by = {};
      for (const [kind, names] of Object.entries(KINDS)) {
        // Outermost events of this kind only.
        const mine = inside.filter((e) => names.includes(e.name));
        const outer = mine.filter((e) => !mine.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur));
        const sum = outer.reduce((a, e) => a + e.dur, 0);
        if (sum > 300) by[kind] = (sum / 1000).toFixed(1);
      }
      const names = [...new Set(inside.filter((e) => e.dur > 1000).map((e) => e.name + (e.args?.data?.type ? `:${e.args.data.type}` : '')))].slice(0, 8);
      console.log(`  task ${rel(t.ts)} +${(t.dur / 1000).toFixed(1)} ${JSON.stringify(by)} ${names.join(' ')}`);
    }
    console.log(`  main thread busy ${(busy / 1000).toFixed(1)} ms in ${tasks.length} tasks`);
  }
  await page.close();
}
await ctx.close();
await server.close();
