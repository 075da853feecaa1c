// The benchmark's conditions, shared by bench.mjs and waterfall.mjs: the network profile (slow 4G: 1.6 Mbps
// down, 750 Kbps up, 150 ms RTT), the page observer every measured page gets before its scripts, and the
// throttling of a page (network and 4× CPU) and of the browser's service workers.

export const NETWORK = {
  offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
};

/** Installed in every page before its scripts: paint, layout-shift and event timing, when the build-time
 * page goes (the app has mounted), and when the calculator's personal amount first shows each figure
 * (`shown[text]`, at the DOM change, in the page's own clock). */
export const OBSERVE = () => {
  const b = { lcp: 0, cls: 0, events: [], mounted: null, shown: {} };
  window.__bench = b;
  const watch = (type, f, opts = {}) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({ type, buffered: true, ...opts }); } catch { /* unsupported */ }
  };
  watch('largest-contentful-paint', (e) => { b.lcp = e.startTime; b.lcpTag = e.element ? e.element.tagName + '.' + e.element.className : ''; });
  watch('layout-shift', (e) => { if (!e.hadRecentInput) b.cls += e.value; });
  watch('event', (e) => { if (e.interactionId) b.events.push({ id: e.interactionId, name: e.name, duration: e.duration }); }, { durationThreshold: 16 });
  const check = () => {
    if (b.mounted === null && document.readyState !== 'loading' && !document.getElementById('static-shell')) b.mounted = performance.now();
    const total = document.querySelector('.calc-result [data-testid="personal-total"]');
    if (total && !(total.textContent in b.shown)) b.shown[total.textContent] = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
};

/** Throttles `page` (the network profile and `cpu`× CPU slow-down); returns its CDP session and a count of
 * the bytes it transferred. */
export async function throttled(page, cpu = 4) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  return { cdp, bytes: () => bytes };
}

/** Applies the network conditions to every service worker of the browser (Playwright throttles only
 * pages): attaches to each worker target and sends it the same Network commands. */
export async function throttleWorkers(ctx) {
  const cdp = await ctx.browser().newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  let n = 0;
  let id = 0;
  for (const t of targetInfos.filter((x) => x.type === 'service_worker')) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
    for (const [method, params] of [['Network.enable', {}], ['Network.emulateNetworkConditions', NETWORK]]) {
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
    }
    n++;
  }
  return n;
}

/** Opens a profile whose service worker has kept `paths` (a returning visitor's browser: each page opened
 * once, and kept with what it loaded, as the worker does once a page's app has started). */
export async function warmProfile(launch, base, paths = ['/']) {
  const ctx = await launch();
  const prime = await ctx.newPage();
  for (const path of paths) {
    await prime.goto(base + path);
    await prime.evaluate(() => navigator.serviceWorker.ready);
    await prime.waitForFunction(() => !document.getElementById('static-shell'), null, { timeout: 60000 });
    await prime.waitForTimeout(3000); // the worker keeps the page and its files
  }
  await prime.close();
  return ctx;
}
