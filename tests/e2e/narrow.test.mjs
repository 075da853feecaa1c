// A phone (360×780) at the largest text size: the header folds its navigation behind 菜单 and the tools
// sit close, so the page's heading is in the top half of the first screen, nothing scrolls sideways, and
// the menu opens with every link of the main navigation reachable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, largestText, settledScroll } from './harness.mjs';

const VIEW = { width: 360, height: 780 };

let server; let browser;
before(async () => { server = await serve(); browser = await launch({ viewport: VIEW }); });
after(async () => { await browser?.close(); await server?.close(); });

for (const path of ['/docs/dezhou-20/', '/calc/', '/check/', '/']) {
  test(`${path} at the largest text size starts on the first screen`, async () => {
    const { page, errors } = await open(browser, `${server.base}${path}`);
    await appReady(page);
    // The checker's pages draw their heading once their data is in (正在载入…… until then).
    await page.locator('main h1').waitFor();
    await largestText(page);
    const top = await page.evaluate(() => document.querySelector('main h1').getBoundingClientRect().top);
    assert.ok(top < VIEW.height / 2, `${path}: the h1 starts at ${top} px`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path}: scrolls sideways`);
    // A drop-down cannot wrap: each one's chosen option is whole in it (甘肃省会宁县（2018年政策） was cut).
    const cut = await page.evaluate(() => [...document.querySelectorAll('main select')].filter((s) => {
      const pen = document.createElement('canvas').getContext('2d');
      const style = getComputedStyle(s);
      pen.font = style.font;
      const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return pen.measureText(s.selectedOptions[0]?.text ?? '').width > room;
    }).map((s) => s.selectedOptions[0].text));
    assert.deepEqual(cut, [], `${path}: a drop-down's text cut`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/** Twelve visits at the most a field takes: the longest amount a year can have (108,021,640.00 元). */
const MOST = Array(12).fill('i,p,0,99999999.99,,,').join(';');

test('at the largest text size a large amount is whole on the screen, on one line, on a phone and at 1024×768', async () => {
  // 100万 for 普通城乡居民 (109,220.00) ran 20 px off a phone's screen, its last digit cut; 9999万 more so;
  // twelve visits of 99,999,999.99 broke the amount inside its digits (108,021,6 / 40.00 元).
  for (const [view, bills] of [[VIEW, ['100%E4%B8%87', '9999%E4%B8%87', MOST]], [{ width: 1024, height: 768 }, ['9000%E4%B8%87', MOST]]]) {
    const ctx = await launch({ viewport: view });
    for (const bill of bills) {
      const { page, errors } = await open(ctx, `${server.base}/calc/#p=h&c=or&v=${bill.includes(';') ? bill : `i,p,0,${bill},,,`}`);
      await appReady(page);
      await page.waitForSelector('[data-testid="personal-total"]');
      await largestText(page);
      const [right, width, overflow] = await page.evaluate(() => [
        document.querySelector('.result-head .big').getBoundingClientRect().right,
        window.innerWidth, document.documentElement.scrollWidth]);
      const total = await page.textContent('[data-testid="personal-total"]');
      const box = await page.locator('[data-testid="personal-total"]').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= view.width, `${bill} at ${view.width}: ${total} at ${JSON.stringify(box)}`);
      assert.ok(right <= width && overflow <= width, `${bill} at ${view.width}: the amount ends at ${right}, the page is ${overflow} wide`);
      // One line: the number is never broken inside its digits, and its 元 stays with it.
      const lines = await page.evaluate(() => {
        const span = document.querySelector('.result-head .big-amount');
        return span.getClientRects().length === 1 && span.getBoundingClientRect().height < 1.6 * parseFloat(getComputedStyle(span).fontSize);
      });
      assert.ok(lines, `${bill} at ${view.width}: ${total} 元 is not on one line`);
      // A step's 看看或改假设的数字 is a finger's height to tap (it had been 38 px at 特大).
      await page.waitForSelector('.calc-details:not([aria-busy="true"]) .steps .to-assumed');
      const heights = await page.$$eval('.steps .to-assumed', (bs) => bs.map((b) => b.getBoundingClientRect().height));
      assert.ok(heights.length > 0 && heights.every((h) => h >= 44), `${bill} at ${view.width}: ${heights}`);
      assert.deepEqual(errors, []);
      await page.close();
    }
    await ctx.close();
  }
});

test('on a phone, at the largest text size, a table row a search hit opens is a card: every cell on the screen under its column\'s name', async () => {
  // 押金 in 五督's row 2 ran past a phone's edge (379 px in a 338 px box); scrolled sideways, a row showed two
  // or three of its columns, each three characters wide, and cut off the rest.
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/`);
  await appReady(page);
  await largestText(page);
  await page.goto(`${server.base}/docs/huining-83/?hl=${encodeURIComponent('押金')}#t4-1-r2`);
  await appReady(page);
  await page.waitForSelector('#t4-1-r2 mark.asked');
  await page.waitForTimeout(800);
  const row = await page.evaluate(() => {
    const tr = document.querySelector('#t4-1-r2');
    const wrap = tr.closest('.table-wrap');
    const m = tr.querySelector('mark.asked').getBoundingClientRect();
    const cells = [...tr.cells].filter((td) => td.getBoundingClientRect().height > 0).map((td) => {
      const r = td.getBoundingClientRect();
      return { label: td.dataset.label, text: td.textContent, carried: td.dataset.carried || '', left: r.left, right: r.right,
        named: getComputedStyle(td, '::before').content };
    });
    return { mark: { left: m.left, right: m.right }, width: window.innerWidth, cells,
      scrolls: wrap.scrollWidth > wrap.clientWidth, note: wrap.querySelector('.scrolls-note').getClientRects().length,
      page: document.documentElement.scrollWidth };
  });
  assert.ok(row.mark.left >= 0 && row.mark.right <= row.width, `the word at ${JSON.stringify(row.mark)}`);
  // The blank 得分 left out; the 问责主体 the row shares with row 1 (a merged cell, the table's last column).
  assert.deepEqual(row.cells.map((c) => c.label), ['序号', '考核内容', '考核指标', '分值', '问责主体'], 'the blank 得分 left out');
  for (const c of row.cells) {
    assert.ok(c.left >= 0 && c.right <= row.width, `${c.label} on the screen: ${c.left}–${c.right}`);
    assert.match(c.named, new RegExp(`^"${c.label}"`), `${c.label} named above its cell`);
  }
  assert.equal(row.cells[1].carried, '相关部门配套政策制定、出台和执行情况（同上）', 'the merged 考核内容 carried, said to be the row above\'s');
  assert.equal(row.cells[4].carried, '各相关部门，各医疗机构（同上）。', 'and its 问责主体, marked before its stop');
  assert.equal(row.scrolls, false, 'nothing to scroll sideways');
  assert.equal(row.note, 0, '可以左右滑动 not said');
  assert.ok(row.page <= row.width, 'the page does not scroll sideways');
  assert.deepEqual(errors, []);
  await page.close();

  // On a projector the table is a table: its head on screen, a row's cells side by side.
  const wide = await launch({ viewport: { width: 1024, height: 768 } });
  const { page: big } = await open(wide, `${server.base}/docs/huining-83/#t4-1-r2`);
  await appReady(big);
  const laid = await big.evaluate(() => {
    const tr = document.querySelector('#t4-1-r2');
    const tops = [...tr.cells].map((td) => Math.round(td.getBoundingClientRect().top));
    return { head: tr.closest('table').tHead.getBoundingClientRect().height, tops };
  });
  assert.ok(laid.head > 20, `the head shown: ${laid.head}`);
  assert.equal(new Set(laid.tops).size, 1, `one line of cells: ${laid.tops}`);
  await wide.close();
});

test('the menu opens, every navigation link is on screen, and a link closes it', async () => {
  const { page } = await open(browser, `${server.base}/docs/`);
  await appReady(page);
  await largestText(page);
  const nav = page.getByRole('navigation', { name: '主导航' });
  assert.equal(await nav.isVisible(), false, 'folded at first');
  const menu = page.getByRole('button', { name: '菜单' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  const links = nav.getByRole('link');
  const n = await links.count();
  assert.ok(n >= 7, `${n} links`);
  for (let i = 0; i < n; i += 1) {
    const link = links.nth(i);
    await link.scrollIntoViewIfNeeded();
    assert.ok(await link.isVisible(), `link ${i}`);
    const box = await link.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= VIEW.width, `link ${i} fits: ${JSON.stringify(box)}`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await nav.getByRole('link', { name: '关于' }).click();
  await page.waitForURL(/\/about\/$/);
  await page.waitForFunction(() => document.querySelector('.menu-toggle')?.getAttribute('aria-expanded') === 'false');
  assert.equal(await nav.isVisible(), false, 'folded again on the new page');
  // The header marks the page now shown, not the one before the in-app navigation.
  await page.waitForFunction(() => document.querySelector('nav[aria-label="主导航"] a[aria-current="page"]')?.getAttribute('href') === '/about/');
  await page.close();
});

test('a wide screen (a projector, 1024×768) shows the navigation with no 菜单 button', async () => {
  const wide = await launch({ viewport: { width: 1024, height: 768 } });
  try {
    const { page } = await open(wide, `${server.base}/docs/`);
    await appReady(page);
    assert.ok(await page.getByRole('navigation', { name: '主导航' }).isVisible());
    assert.equal(await page.getByRole('button', { name: '菜单' }).isVisible(), false);
  } finally {
    await wide.close();
  }
});

/** A context with JavaScript off whose pages open at the largest text size (the app's own setting, put on
 * <html> by rewriting the page as it arrives: without JavaScript nothing else can set it). */
async function noScriptLargest(viewport = VIEW) {
  const ctx = await launch({ javaScriptEnabled: false, viewport });
  await ctx.route(/\/(index\.html)?$/, async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace('<html lang="zh-CN">', '<html lang="zh-CN" data-size="xlarge">');
    await route.fulfill({ response: res, body });
  });
  return ctx;
}

test('with JavaScript off, the build\'s page folds its navigation behind 菜单 at the largest text size', async () => {
  const ctx = await noScriptLargest();
  try {
    for (const path of ['/', '/docs/dezhou-20/', '/calc/', '/self-check/', '/villages/']) {
      const page = await ctx.newPage();
      await page.goto(`${server.base}${path}`);
      assert.equal(await page.getAttribute('html', 'data-size'), 'xlarge');
      const top = await page.evaluate(() => document.querySelector('main h1').getBoundingClientRect().top);
      assert.ok(top < VIEW.height / 2, `${path}: the h1 starts at ${top} px`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path}: scrolls sideways`);
      const nav = page.getByRole('navigation', { name: '主导航' });
      assert.equal(await nav.count(), 0, `${path}: folded`);
      assert.ok(await page.locator('summary', { hasText: '菜单' }).isVisible(), `${path}: 菜单`);
      if (path === '/') {
        if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/home-nojs-xlarge-360.png` });
        await page.locator('summary', { hasText: '菜单' }).click();
        assert.equal(await nav.count(), 1, 'one navigation opens');
        const links = nav.getByRole('link');
        assert.ok(await links.count() >= 7);
        for (let i = 0; i < await links.count(); i += 1) {
          const box = await links.nth(i).boundingBox();
          assert.ok(box && box.x >= 0 && box.x + box.width <= VIEW.width, `link ${i} fits`);
        }
        if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/home-nojs-menu-360.png` });
      }
      await page.close();
    }
  } finally {
    await ctx.close();
  }
  // On a wide screen the build's page shows the whole navigation, no 菜单.
  const wide = await launch({ javaScriptEnabled: false, viewport: { width: 1024, height: 768 } });
  try {
    const page = await wide.newPage();
    await page.goto(`${server.base}/docs/`);
    assert.ok(await page.getByRole('navigation', { name: '主导航' }).isVisible());
    assert.equal(await page.getByText('菜单', { exact: true }).isVisible(), false);
  } finally {
    await wide.close();
  }
});

for (const viewport of [VIEW, { width: 1024, height: 768 }]) {
  test(`the header keeps its height when the app takes over (${viewport.width} px)`, async () => {
    const ctx = await launch({ viewport, serviceWorkers: 'block' });
    try {
      const header = (page) => page.evaluate(() => {
        const h = document.querySelector('header.site-header');
        const brand = h.querySelector('.brand').getBoundingClientRect();
        const menu = [...h.querySelectorAll('.menu-toggle')].find((m) => m.getBoundingClientRect().width > 0)?.getBoundingClientRect();
        return { height: h.getBoundingClientRect().height, brand: [brand.left, brand.top], menu: menu && [Math.round(menu.left), Math.round(menu.top), Math.round(menu.width), Math.round(menu.height)] };
      });
      const before = await ctx.newPage();
      await before.route('**/*.wasm', () => {}); // the app never starts: the build's page stays
      await before.goto(`${server.base}/docs/`);
      const built = await header(before);
      await before.close();
      const { page } = await open(ctx, `${server.base}/docs/`);
      await appReady(page);
      const app = await header(page);
      assert.ok(Math.abs(built.height - app.height) < 1, `header ${built.height} → ${app.height}`);
      assert.deepEqual(built.brand, app.brand);
      assert.deepEqual(built.menu, app.menu, '菜单 where the app\'s button will be');
      await page.close();
    } finally {
      await ctx.close();
    }
  });
}

/** The app starts late (its wasm held back 800 ms), so the build's page is measured first. */
const slowWasm = (page) => page.route('**/*.wasm', async (r) => { await new Promise((res) => setTimeout(res, 800)); await r.continue(); });

// The build-time page holds the tool bar's place, so the text does not move when the app takes over, by a
// single pixel. That holds whether or not the browser has a Chinese voice (this headless Chromium has none:
// 朗读 then says why only when tapped, so the app's bar is never taller than the build's).
test('the page does not move when the app takes over (360 and 1024 px)', async () => {
  // The h1 on every page; on the calculator also the first amount field, where a resident is typing (at
  // 1024 px the loading line once sat above the form and moved it).
  const watched = { '/calc/': ['main h1', '#v0-total'] };
  for (const width of [360, 1024]) {
    const ctx = await launch({ viewport: { width, height: 780 }, serviceWorkers: 'block' });
    try {
    for (const path of ['/', '/docs/huining-83/', '/calc/', '/check/', '/self-check/', '/villages/', '/search/']) {
      const page = await ctx.newPage();
      await slowWasm(page);
      // Whether a frame drew the page without its heading once the build's page had gone (a checker page
      // used to show 正在载入…… in its place while its data came: 250–450 ms on slow 4G).
      await page.addInitScript(() => {
        let shell = false;
        const frame = () => {
          if (document.getElementById('static-shell')) shell = true;
          else if (shell && !document.querySelector('main h1')) window.__headless = true;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await page.goto(server.base + path, { waitUntil: 'domcontentloaded' });
      // The tops, once all are there.
      const sels = watched[path] || ['main h1'];
      const tops = async () => (await (await page.waitForFunction((ss) => {
        const els = ss.map((q) => document.querySelector(q));
        return els.every(Boolean) ? els.map((e) => Math.round(e.getBoundingClientRect().top)) : null;
      }, sels)).jsonValue());
      await page.waitForSelector('main h1');
      // The loading line shows once the page's scripts have run (public/loader.js).
      await page.waitForSelector('#static-shell .loading:not([hidden])', { timeout: 5000 }).catch(() => {});
      const before = await tops();
      await appReady(page);
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__headless ?? false), false, `${width} px ${path}: the page was without its heading after the takeover`);
      const after = await tops();
      sels.forEach((q, i) => assert.equal(after[i], before[i], `${width} px ${path}: ${q} moved ${after[i] - before[i]} px`));
      await page.close();
    }
    } finally {
      await ctx.close();
    }
  }
});

// The build writes the header, the tool bar's placeholder and the footer from templates; the app draws them
// from its components. Both take their words from policy_content::site: what a person reads and the links
// they follow are the same before and after the app takes over, on a page of every bundle.
test('the build\'s header, tool bar and footer say what the app\'s say', async () => {
  const ctx = await launch({ serviceWorkers: 'block' });
  try {
    const parts = (page) => page.evaluate(() => {
      const links = (sel) => [...document.querySelectorAll(sel)].map((a) => `${a.getAttribute('href')} ${a.textContent.trim()}`);
      const tools = [...document.querySelectorAll('.page-tools .tool, .page-tools .size-now')].map((b) => b.textContent.trim());
      return {
        brand: document.querySelector('header.site-header .brand').textContent.trim(),
        nav: [...new Set(links('header.site-header nav a'))],
        current: [...new Set(links('header.site-header nav a[aria-current="page"]'))],
        tools,
        footer: [...document.querySelectorAll('footer.site-footer p:not(.print-note)')].map((p) => p.textContent.trim()),
      };
    });
    for (const path of ['/docs/huining-83/', '/calc/', '/self-check/', '/about/']) {
      const before = await ctx.newPage();
      await before.route('**/*.wasm', () => {}); // the app never starts: the build's page stays
      await before.goto(server.base + path);
      const built = await parts(before);
      await before.close();
      const { page } = await open(ctx, server.base + path);
      await appReady(page);
      const app = await parts(page);
      assert.ok(built.nav.length >= 7 && built.tools.length >= 6 && built.footer.length === 3, `${path}: ${JSON.stringify(built)}`);
      assert.deepEqual(app, built, path);
      await page.close();
    }
  } finally {
    await ctx.close();
  }
});

// On /about/ and /docs/ the build holds the place of the 保存全部内容 control (its heading, text and button,
// invisible) under the title, and the app's control takes it: the sections below do not move when the app
// takes over, nor when the service worker has said the size (the button keeps its size).
test('the 保存全部内容 control takes its place without moving what follows (360 and 1024 px)', async () => {
  for (const width of [360, 1024]) {
    const ctx = await launch({ viewport: { width, height: 780 } });
    try {
      for (const path of ['/about/', '/docs/']) {
        const page = await ctx.newPage();
        await slowWasm(page);
        await page.goto(server.base + path, { waitUntil: 'domcontentloaded' });
        const below = async () => (await (await page.waitForFunction(() => {
          const h = [...document.querySelectorAll('main h2')].find((e) => !e.closest('.save-offline'));
          return h ? { top: Math.round(h.getBoundingClientRect().top) } : null;
        })).jsonValue()).top;
        const before = await below();
        await appReady(page);
        await page.getByRole('button', { name: /^保存全部内容，离线使用（约 [\d.]+ (MB|KB)）$/ }).waitFor();
        const after = await below();
        assert.equal(after, before, `${width} px ${path}: the first section moved ${after - before} px`);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }
});

test('at the largest text size a poster keeps a merged cell\'s ＊ with its words, and does not bullet the document\'s own numbers', async () => {
  // A phone's poster at 特大 had put ＊。 on a line of its own (…帮扶工作 / ＊。), and a clause's poster showed a
  // bullet before the document's own 1. (• 1.思想认识不到位…).
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/`);
  await appReady(page);
  await largestText(page);
  const poster = page.locator('[data-testid="poster"]');
  const posterOf = async (id) => {
    await page.goto(`${server.base}/docs/huining-83/#${id}`);
    await appReady(page);
    const tool = page.getByRole('button', { name: '海报', exact: true });
    if (await tool.getAttribute('aria-expanded') !== 'true') await tool.click();
    await poster.locator('.poster-points > li').first().waitFor();
  };
  for (const row of ['t4-1-r6', 't4-1-r7', 't3-4-r2']) {
    await posterOf(row);
    // Each ＊'s line box against the character before it (the word joiner between them is not drawn).
    const marks = await poster.evaluate((el) => {
      const out = [];
      const walk = document.createTreeWalker(el.querySelector('.poster-points'), NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        for (let i = n.data.indexOf('＊'); i > 0; i = n.data.indexOf('＊', i + 1)) {
          const before = n.data[i - 1] === '\u2060' ? i - 2 : i - 1;
          const top = (a, b) => { const r = document.createRange(); r.setStart(n, a); r.setEnd(n, b); return Math.round(r.getClientRects()[0].top); };
          out.push({ at: n.data.slice(Math.max(0, before - 4), i + 2), word: top(before, before + 1), mark: top(i, i + 1) });
        }
      }
      return out;
    });
    assert.ok(marks.length > 0, `${row}: a merged cell marked`);
    for (const m of marks) assert.equal(m.mark, m.word, `${row}: ${m.at} breaks before its ＊`);
  }
  const bullets = async () => poster.evaluate((el) => ({
    style: getComputedStyle(el.querySelector('.poster-points > li')).listStyleType,
    first: el.querySelector('.poster-points > li').textContent,
  }));
  await posterOf('a3-s5-1');
  const numbered = await bullets();
  assert.match(numbered.first, /^…?1\./, numbered.first);
  assert.equal(numbered.style, 'none', 'the document\'s 1. alone');
  await posterOf('t4-1-r7');
  assert.notEqual((await bullets()).style, 'none', 'a row\'s points keep their bullets');
  assert.deepEqual(errors, []);
  await page.close();
});

test('at the largest text size on a phone, no amount in the category comparison shows in part beside a pinned column', async () => {
  // 123,456.78 at 特大: between 人员类别 and the pinned 个人自付 an 18 px strip showed the 1 of 基本医保's 104,938.26,
  // right before the person's own 3,000.00 (read 13,000.00, with 13,695.68 in the rows below).
  const { page, errors } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  await largestText(page);
  await page.fill('#v0-total', '123456.78');
  const table = page.getByTestId('compare');
  await table.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="compare"] tr.current')?.textContent.includes('104,938.26'));
  await table.scrollIntoViewIfNeeded();
  // At rest wherever it is scrolled to (17,543.51 had rested as 7,543.51 beside 人员类别).
  const splitAt = (left) => table.evaluate(async (t, left) => {
    const scroller = t.closest('.table-scroll');
    scroller.scrollLeft = left;
    // Until it has come to rest (the snap may glide).
    for (let last = NaN, still = 0; still < 3;) {
      await new Promise((r) => setTimeout(r, 100));
      still = scroller.scrollLeft === last ? still + 1 : 0;
      last = scroller.scrollLeft;
    }
    const box = t.closest('.table-scroll').getBoundingClientRect();
    const out = [];
    for (const row of t.tBodies[0].rows) {
      const pinned = [...row.cells].filter((c) => getComputedStyle(c).position === 'sticky');
      for (const cell of row.cells) {
        if (pinned.includes(cell)) continue;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const g = range.getBoundingClientRect();
        if (!g.width || g.left >= box.right || g.right <= box.left) continue;
        for (const p of pinned) {
          const r = p.getBoundingClientRect();
          // A pinned column's edge the scrolled cells pass (with the band 个人自付 draws beside it, if any).
          const band = getComputedStyle(p, '::before');
          const edge = p === row.cells[0] ? r.right : r.left - (band.content === 'none' ? 0 : parseFloat(band.width));
          if (g.left < edge - 0.5 && g.right > edge + 0.5) out.push(`${cell.textContent.trim()} beside ${p.textContent.trim()}`);
        }
      }
    }
    return out;
  }, left);
  for (const left of [0, 60, 150, 260, 400]) assert.deepEqual(await splitAt(left), [], `an amount cut by a pinned column, scrolled to ${left}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('at the largest text size on a phone, a search hit opens at its paragraph\'s start when it fits, and never with a line cut by the bar', async () => {
  // 眉人社发〔2016〕78号's paragraph (714 px) had opened 400 px into it, the line above the words two thirds under the
  // 文号's bar; an editor's note at 本文件三（一）第二段写…, what it is about above the screen.
  const { page, errors } = await open(browser, `${server.base}/`);
  await appReady(page);
  await largestText(page);
  const hit = (path, words, id) => `${server.base}${path}?hl=${encodeURIComponent(words)}#${id}`;
  for (const link of [
    hit('/docs/meishan-137/', '眉人社发〔2016〕78号', 'main'),
    hit('/docs/gansu-165/', '甘政发[2018]34号', 'main'),
    hit('/docs/huining-203/', '县委办发〔2018〕83号', 'ed-notes'),
    hit('/docs/gansu-165/', '县委办发〔2018〕83号', 'ed-notes'),
  ]) {
    await page.goto(link);
    await appReady(page);
    await settledScroll(page, 1000);
    const r = await page.evaluate(() => {
      const mark = document.querySelector('mark.asked');
      const block = mark.closest('p, li, tr');
      const style = getComputedStyle(block);
      const bar = [...document.querySelectorAll('.doc-where > span, .part-where > span')]
        .filter((s) => getComputedStyle(s).display !== 'none')
        .reduce((a, s) => Math.max(a, s.getBoundingClientRect().bottom), 0);
      const b = block.getBoundingClientRect();
      const m = mark.getBoundingClientRect();
      return { bar, top: b.top + parseFloat(style.paddingTop), height: b.height, mark: { top: m.top, bottom: m.bottom },
        line: parseFloat(style.lineHeight), font: parseFloat(style.fontSize), margin: parseFloat(style.scrollMarginTop), screen: innerHeight };
    });
    const what = `${decodeURIComponent(link)}: ${JSON.stringify(r)}`;
    assert.ok(r.bar > 0, `the bar shows: ${what}`);
    assert.ok(r.mark.top >= r.bar && r.mark.bottom <= r.screen, `the words on the screen below the bar: ${what}`);
    if (r.height + r.margin <= r.screen) {
      assert.ok(r.top >= r.bar - 1, `the block from its start: ${what}`);
    } else if (r.top < r.bar) {
      // The line the bar's edge crosses: at most its empty half-leading below the bar.
      const shown = (r.bar - r.top) % r.line === 0 ? 0 : r.line - ((r.bar - r.top) % r.line);
      assert.ok(shown <= (r.line - r.font) / 2 + 1, `a line cut by the bar, ${shown} px of it shown: ${what}`);
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('at the largest text size on a phone, each entry of a document\'s 目录 is at least 44 px tall', async () => {
  // An audit at 特大: each link 28 px tall, 19 px from the next.
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/`);
  await appReady(page);
  await largestText(page);
  await page.locator('details.toc > summary').click();
  const heights = await page.locator('details.toc li > a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
  assert.ok(heights.length > 50, `${heights.length} entries`);
  assert.ok(heights.every((h) => h >= 44), `entries under 44 px: ${heights.filter((h) => h < 44).length}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('at the largest text size on a phone, the calculator\'s chart legends are the page\'s text, at its size', async () => {
  // The legends were drawn in the chart at 11 units (10–11 px on a phone) beside 24 px text.
  const { page, errors } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  await largestText(page);
  await page.fill('#v0-total', '30000');
  await page.locator('.chart-legend').nth(1).waitFor();
  const sizes = await page.evaluate(() => ({
    text: parseFloat(getComputedStyle(document.querySelector('.calc-result p')).fontSize),
    legends: [...document.querySelectorAll('.chart-legend li')].map((li) => parseFloat(getComputedStyle(li).fontSize)),
    onScreen: [...document.querySelectorAll('.chart-legend li')].every((li) => { const r = li.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; }),
  }));
  assert.ok(sizes.legends.length >= 5, `${sizes.legends.length} entries`);
  assert.ok(sizes.legends.every((s) => s >= 0.8 * sizes.text), `legends ${sizes.legends} beside text ${sizes.text}`);
  assert.ok(sizes.onScreen, 'every entry within the screen');
  // The drawing's figures as they show on the screen: at least 16 px (they had stayed 13 beside 24 px text),
  // none touching another, none cut by the drawing's edge.
  for (const chart of await page.locator('svg.chart').all()) {
    await chart.scrollIntoViewIfNeeded();
    const figures = await chart.evaluate((svg) => {
      const edge = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].filter((t) => getComputedStyle(t).display !== 'none')
        .map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, inside: r.left >= edge.left - 0.5 && r.right <= edge.right + 0.5 && r.top >= edge.top - 0.5 && r.bottom <= edge.bottom + 0.5 }; });
    });
    for (const f of figures) {
      assert.ok(f.bottom - f.top >= 16, `${f.text}: ${f.bottom - f.top} px tall`);
      assert.ok(f.inside, `${f.text} cut by the drawing's edge`);
    }
    for (const [i, a] of figures.entries()) {
      for (const b of figures.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        assert.ok(apart, `${a.text} and ${b.text} touch`);
      }
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('at the largest text size on a phone, the checker opens with its first question on the screen, and each step with its own', async () => {
  // After 继续 the page had gone to its top: heading and lead filled the screen, the question began 1,040 px
  // down, and each step looked the same as the last (an audit).
  const { page, errors } = await open(browser, `${server.base}/check/`);
  await appReady(page);
  await largestText(page);
  // Opened at 特大, the first question is on the screen too (a four-line note on privacy had pushed it
  // below: 您按哪里的政策看病？ began at 736 px).
  await page.reload();
  await appReady(page);
  const first = await page.locator('.question-screen legend h2').evaluate((h) => h.getBoundingClientRect().bottom);
  assert.ok(first <= 780, `the first question ends at ${first} px`);
  await page.locator('input[name="area"][value="huining"]').check();
  const seen = [];
  for (let i = 0; i < 3; i++) {
    const before = await page.getByTestId('step-label').textContent();
    await page.getByRole('button', { name: '继续' }).click();
    await page.waitForFunction((b) => document.querySelector('[data-testid="step-label"]')?.textContent !== b, before);
    await settledScroll(page);
    const at = await page.evaluate(() => {
      const label = document.querySelector('[data-testid="step-label"]').getBoundingClientRect();
      const question = document.querySelector('.question-screen legend').getBoundingClientRect();
      return { label: label.top, question: question.bottom, text: document.querySelector('.question-screen legend').textContent };
    });
    seen.push(at.text);
    assert.ok(at.label >= 0 && at.question <= 780, `${at.text}: the step at ${at.label} px, its question ending at ${at.question} px`);
    // Whatever the step asks, answered so that 继续 goes on.
    const choice = page.locator('.question-screen input[type="radio"]').first();
    if (await choice.count()) await choice.check();
  }
  assert.equal(new Set(seen).size, 3, seen.join(' | '));
  assert.deepEqual(errors, []);
  await page.close();
});
