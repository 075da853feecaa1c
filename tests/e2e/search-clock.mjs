// A search timed by the page itself (issue 16), not by the driver: from the Enter key's event.timeStamp (a
// capture listener installed before the key is pressed, so the time the key waited for the page counts) to
// the first paint after the count line with the first hits appears, and to the first paint after the page
// is complete (the count line no longer aria-busy). "Painted" is the end of the frame that drew the change:
// a requestAnimationFrame, then a task after it (the frame's paint runs between the two). Nothing polls the
// page while the search runs: the driver waits on a promise the page resolves. The two moments are also
// marked (performance.mark 'search-shown', 'search-complete'), so that scripts/search-trace.mjs can check
// these figures against the frames a trace shows on the screen. The words go into the box at once, then
// the page is left alone for TYPING_MS before Enter, as while a person types them (the page readies its
// search code when idle: src/pages/search.rs). Used by scripts/scale.mjs, search-phases.mjs, search-trace.mjs.

/** How long a person takes at least to type a query, in ms. */
export const TYPING_MS = 1000;

/**
 * Types `q` into /search/'s box, waits `typing` ms, presses Enter and returns the page's times in ms from
 * the key: `shown`/`painted` (the count line with the first hits: in the DOM / on the screen) and
 * `complete`/`completePainted` (the page's hits all shown), and `key`, the key's own time stamp (the page's
 * clock, `performance.now()`), for relating other events to it.
 */
export async function timedSearch(page, q, typing = TYPING_MS) {
  await page.fill('#q', q);
  await page.evaluate((want) => {
    const t = {};
    window.__search = t;
    t.done = new Promise((resolve) => {
      const field = document.getElementById('q');
      const onKey = (e) => {
        if (e.key === 'Enter' && e.target === field) {
          t.key = e.timeStamp;
          document.removeEventListener('keydown', onKey, { capture: true });
        }
      };
      document.addEventListener('keydown', onKey, { capture: true });
      const afterPaint = (k, then) => requestAnimationFrame(() => setTimeout(() => { t[k] = performance.now(); then?.(); }));
      const seen = new MutationObserver(() => {
        const line = document.querySelector('[data-testid="search-count"]');
        if (!line?.textContent.includes(`“${want}”`)) return;
        if (t.shown == null) {
          t.shown = performance.now();
          performance.mark('search-shown');
          afterPaint('painted');
        }
        if (line.getAttribute('aria-busy') !== 'true') {
          t.complete = performance.now();
          performance.mark('search-complete');
          seen.disconnect();
          afterPaint('completePainted', () => resolve());
        }
      });
      seen.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
  }, q);
  await page.waitForTimeout(typing);
  await page.press('#q', 'Enter');
  return page.evaluate(async () => {
    const t = window.__search;
    await t.done;
    // The first paint may come after the complete page's, when both changes fall in one frame.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const ms = (x) => Math.round(x - t.key);
    return { key: t.key, shown: ms(t.shown), painted: ms(t.painted), complete: ms(t.complete), completePainted: ms(t.completePainted) };
  });
}
