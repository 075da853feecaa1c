// Typing a bill into the empty /calc/ form as a person types (key by key, 120 ms apart), once the page is
// mounted and idle, and each key's duration: one interaction per key, its duration the longest of its
// events (Event Timing, as recorded in `window.__bench.events` by the page's init script). Entries under
// 16 ms are not reported by the browser: such a key counts as 16. Shared by bench.mjs and keys-probe.mjs.
export async function typeBill(page) {
  await page.waitForFunction(() => window.__bench.mounted !== null, null, { timeout: 60000 });
  await page.waitForTimeout(1500);
  await page.click('#v0-total');
  await page.keyboard.type('12000', { delay: 120 });
  await page.click('#v0-compliant');
  await page.keyboard.type('10000', { delay: 120 });
  await page.waitForTimeout(1500);
  const events = await page.evaluate(() => window.__bench.events);
  const byKey = new Map();
  for (const e of events.filter((x) => x.name.startsWith('key') || x.name === 'input' || x.name === 'beforeinput')) {
    byKey.set(e.id, Math.max(byKey.get(e.id) || 0, e.duration));
  }
  const durations = [...byKey.values()];
  while (durations.length < 10) durations.push(16);
  return durations;
}
