// Developer tool: screenshots of routes at phone size (360×780) in headless Chromium, to look at.
// Usage: node scripts/shoot.mjs OUTDIR /path[#frag] [/path …]   (serves dist/ itself; VIEW=1024x768 for
// another viewport)
import { serve, launch, appReady } from '../tests/e2e/harness.mjs';

const [outDir, ...paths] = process.argv.slice(2);
const server = await serve();
const [width, height] = (process.env.VIEW || '360x780').split('x').map(Number);
const ctx = await launch({ viewport: { width, height } });
for (const p of paths) {
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error(`${p}: ${m.text()}`); });
  await page.goto(server.base + p);
  await appReady(page).catch((e) => console.error(`${p}: app did not start: ${e.message}`));
  await page.waitForTimeout(500);
  const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
  if (process.env.FULL === '1') {
    // Long pages: consecutive 360×1200 slices, easier to look at than one tall image.
    const full = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, k = 0; y < full && k < 8; y += 1200, k++) {
      await page.screenshot({ path: `${outDir}/${name}-${k}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1200, full - y) } });
      console.log(`${outDir}/${name}-${k}.png`);
    }
  } else {
    await page.screenshot({ path: `${outDir}/${name}.png` });
    console.log(`${outDir}/${name}.png`);
  }
  await page.close();
}
await ctx.close();
await server.close();
