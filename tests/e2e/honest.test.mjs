// A resident's and a campaigner's audit of the page tools, on a phone (360×780): a text-size change keeps
// the reader's place; a clause's poster says it is an excerpt, marks every cut and carries the clause's
// figures; the QR code and poster of a page whose state is not in its address (the check's result, the
// quiz) give the address that opens the page and say what stays on this phone; a printed page carries its
// own address, as it is when printed, and each printed page of a document its 文号, address and number.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, appReady, scanQr, checkResult } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch({ viewport: { width: 360, height: 780 } }); });
after(async () => { await browser?.close(); await server?.close(); });

/** How long the page may take to settle after a change (the blocks near the screen being laid out). */
const SETTLE_MS = 700;

test('a text-size change keeps the reader\'s place: the clause the page opened at, or the block at the top', async () => {
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/#a5-s3-6-1`);
  await appReady(page);
  await page.waitForTimeout(2500); // the page holds the clause at the top while it settles (2 s)
  const topOf = (sel) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().top, sel);
  const opened = await topOf('#a5-s3-6-1');
  // Below the document's 文号 bar (2 rem), with its own margin.
  assert.ok(opened >= 36 && opened < 60, `the clause opens at ${opened} px`);
  // The tools are above: tapping one brings it into view (as Tab does), which is not reading elsewhere.
  for (const name of ['字变大', '字变大', '字变小', '字变小']) {
    await page.getByRole('button', { name }).click();
    await page.waitForTimeout(SETTLE_MS);
    const top = await topOf('#a5-s3-6-1');
    assert.ok(Math.abs(top - opened) <= 4, `after ${name} the clause is at ${top} px (was ${opened})`);
  }
  // A reader who scrolled (the wheel) to where the tools are still on screen: the first block of the
  // document's text on screen stays where it was.
  await page.goto(`${server.base}/docs/huining-83/`);
  await appReady(page);
  await page.mouse.move(180, 400);
  await page.mouse.wheel(0, 60);
  await page.waitForTimeout(300);
  const first = await page.evaluate(() => {
    const el = [...document.querySelectorAll('main h1, main p')].find((e) => e.getBoundingClientRect().top >= 0);
    el.dataset.watch = '1';
    return el.getBoundingClientRect().top;
  });
  assert.ok(first < 780 / 3, `the first block of text is at ${first} px`);
  await page.getByRole('button', { name: '字变大' }).click();
  await page.waitForTimeout(SETTLE_MS);
  const after = await topOf('[data-watch]');
  assert.ok(Math.abs(after - first) <= 4, `after 字变大 the block at the top is at ${after} px (was ${first})`);
  await page.getByRole('button', { name: '字变小' }).click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reader who went up to the tools to change the text size is offered the way back to the text they had stopped at', async () => {
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/`);
  await appReady(page);
  await page.mouse.move(180, 400);
  // Reading, well into the document, a block's start near the top of the screen (a long paragraph may fill
  // the screen where the wheel stops): the page rests there (the site takes 3 s of rest for reading).
  const next = () => page.evaluate(() => [...document.querySelectorAll('main :is(p, li, tr, h2, h3, h4)')]
    .map((e) => e.getBoundingClientRect()).find((r) => r.height > 0 && r.top >= 0).top);
  await page.mouse.wheel(0, 4000);
  await page.waitForTimeout(300);
  await page.mouse.wheel(0, Math.round(await next()) - 100);
  await page.waitForTimeout(3500);
  const read = await page.evaluate(() => {
    // The first block of text from the top of the screen (a paragraph, an item, a table row, a heading).
    const el = [...document.querySelectorAll('main :is(p, li, tr, h2, h3, h4)')].find((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().top >= 0);
    el.dataset.read = '1';
    return { text: el.innerText.slice(0, 20), top: el.getBoundingClientRect().top };
  });
  assert.ok(read.top < 780 / 3, `the text read is at ${read.top} px`);
  // Up to the tool bar, as a phone reader must (it is at the top of the page), and 字变大 there.
  await page.mouse.wheel(0, -20000);
  await page.waitForTimeout(600);
  const back = page.getByRole('button', { name: '回到刚才读的地方' });
  assert.equal(await back.count(), 0, 'no way back is offered before the size changes');
  await page.getByRole('button', { name: '字变大' }).click();
  await back.waitFor({ timeout: 3000 });
  const box = await back.boundingBox();
  assert.ok(box && box.y + box.height <= 780 && box.y > 780 / 2, `the way back is at the foot of the screen: ${JSON.stringify(box)}`);
  await back.click();
  await page.waitForTimeout(SETTLE_MS);
  // Back on the screen near where it was (the larger text moves a paragraph a little within its block).
  const top = await page.evaluate(() => document.querySelector('[data-read]').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 780 / 2, `「${read.text}」 is at ${top} px after 回到刚才读的地方 (was ${read.top})`);
  assert.equal(await back.count(), 0, 'the way back goes once used');
  // Moving the page oneself also puts it away.
  await page.mouse.wheel(0, -20000);
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: '字变小' }).click();
  await back.waitFor({ timeout: 3000 });
  await page.mouse.wheel(0, 200);
  await back.waitFor({ state: 'detached', timeout: 3000 });
  // At the text itself (no scrolling away), a change keeps the place and offers nothing.
  await page.locator('[data-read]').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 1);
  await page.waitForTimeout(300);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The poster's points for `path`, after checking each is the official wording, with each cut marked. */
async function posterOf(path, id) {
  const { page } = await open(browser, `${server.base}${path}`);
  await appReady(page);
  // textContent: innerText is empty while a block is not laid out yet (content-visibility).
  const clause = (await page.locator(`[id="${id}"]`).textContent()).replace(/\s+/g, '');
  await page.getByRole('button', { name: '海报' }).click();
  const poster = page.locator('[data-testid="poster"]');
  await poster.locator('svg[data-testid="qr"]').waitFor();
  const points = await poster.locator('.poster-points li').allTextContents();
  const excerpt = poster.locator('.poster-excerpt');
  const note = (await excerpt.count()) ? await excerpt.textContent() : '';
  const title = await poster.locator('.poster-title').textContent();
  const source = await poster.locator('.poster-source').textContent();
  for (const p of points) {
    for (const piece of p.split('…').filter(Boolean)) {
      assert.ok(clause.includes(piece.replace(/\s+/g, '')), `${path}: not the clause's own words: ${piece}`);
    }
  }
  // Esc closes it, as any full-screen panel, and the keyboard is back on 海报.
  await page.keyboard.press('Escape');
  await poster.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '海报', `${path}: focus after Esc`);
  await page.close();
  return { points, note, clause, title, source };
}

/** The poster of `path` as drawn: its points and its 出处. */
async function posterSheet(path) {
  const { page } = await open(browser, `${server.base}${path}`);
  await appReady(page);
  await page.getByRole('button', { name: '海报' }).click();
  const sheet = page.locator('[data-testid="poster"]');
  await sheet.locator('svg[data-testid="qr"]').waitFor();
  const points = await sheet.locator('.poster-points li').allTextContents();
  const source = await sheet.locator('.poster-source').textContent();
  const note = (await sheet.getByText('以上是节选').count()) ? await sheet.getByText('以上是节选').textContent() : null;
  const title = await sheet.locator('.poster-title').textContent();
  const inferred = (await sheet.locator('.poster-inferred').count()) ? await sheet.locator('.poster-inferred').textContent() : null;
  const label = (await sheet.locator('.poster-label').count()) ? await sheet.locator('.poster-label').textContent() : null;
  await page.close();
  return { points, source, note, title, inferred, label };
}

// A campaigner's audit (2026-12-06): the village lookup's poster carried the page's lead alone, while its QR
// code opened the village's cadres.
test('the village lookup\'s poster carries the cadres its QR code opens, as the page lists them', async () => {
  const path = `/villages/?q=${encodeURIComponent('李湾村')}`;
  const { page } = await open(browser, `${server.base}${path}`);
  await appReady(page);
  await page.waitForSelector('[data-testid="village-count"]');
  const rows = await page.locator('.village-hits > li table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    department: tr.querySelector('th').firstChild.textContent.trim(),
    who: tr.querySelector('td').firstChild.textContent.trim(),
  })));
  await page.close();
  assert.ok(rows.length >= 3, JSON.stringify(rows));
  const sheet = await posterSheet(path);
  assert.match(sheet.title, /^李湾村的包抓干部$/);
  // Each village found by the name (one in each of two townships) a point, with every row the page lists.
  const villages = await (async () => {
    const { page } = await open(browser, `${server.base}${path}`);
    await appReady(page);
    await page.waitForSelector('[data-testid="village-count"]');
    const n = await page.locator('.village-hits > li').count();
    await page.close();
    return n;
  })();
  assert.equal(sheet.points.length, villages, sheet.points.join('\n'));
  assert.ok(sheet.points.some((p) => /^李湾村（平头川镇）：/.test(p)), sheet.points.join('\n'));
  const all = sheet.points.join('\n');
  for (const r of rows) assert.ok(all.includes(`${r.department}　${r.who}`), `${r.department} ${r.who} in ${all}`);
  assert.equal(sheet.source, '依据：县委办发〔2018〕83号');
  // A township's poster lists its villages, as the page does (a trainer's audit: a reader on the wall could
  // not check that their village was covered).
  const townPath = `/villages/?q=${encodeURIComponent('平头川镇')}`;
  const town = await open(browser, `${server.base}${townPath}`);
  await appReady(town.page);
  await town.page.waitForSelector('[data-testid="town-summary"]');
  const listed = await town.page.locator('[data-testid="town-summary"] .town-villages > li').evaluateAll((lis) => lis.map((li) => li.textContent.trim()));
  await town.page.close();
  const townSheet = await posterSheet(townPath);
  assert.ok(listed.length > 1, listed.join('、'));
  assert.ok(townSheet.points[0].startsWith('平头川镇（') && townSheet.points[0].endsWith(`包抓的村：${listed.join('、')}`), townSheet.points[0]);
  // A village the tables write two ways: the poster says both, as the page does under its name (a campaigner's
  // audit: a poster for 苏家峴 named 苏家岷村 alone).
  const variant = `/villages/?q=${encodeURIComponent('苏家峴')}`;
  const v = await open(browser, `${server.base}${variant}`);
  await appReady(v.page);
  await v.page.waitForSelector('[data-testid="village-count"]');
  const onPage = await v.page.locator('.village-hits > li > p.hint').first().textContent();
  await v.page.close();
  assert.equal(onPage, '原表写法：苏家岷村、苏家峴村');
  const variantSheet = await posterSheet(variant);
  assert.ok(variantSheet.points.some((p) => p.startsWith('苏家岷村（') && p.includes(`；${onPage}）：`)), variantSheet.points.join('\n'));
});

// A trainer's audit (2026-12-06): 翟家所镇's 民政 cadres, blank in 附表3-3 (a merged cell the site fills from the row
// above), were named as fact on the village page and its poster, where the document's own row is marked ＊.
test('a cadre the table leaves blank is marked on the village page, before and after the app, and on its poster', async () => {
  const path = `/villages/?q=${encodeURIComponent('观音村')}`;
  const note = /^＊原表这一格是空的，这里填的是原表中它上面那一格的内容/;
  const marked = async (page) => page.locator('.village-hits td').evaluateAll((tds) => tds.map((td) => td.firstChild.textContent.trim()));
  const { page } = await open(browser, `${server.base}${path}`);
  await appReady(page);
  await page.waitForSelector('[data-testid="village-count"]');
  const who = await marked(page);
  assert.ok(who.includes('科级干部：韩 侃\u2060＊；到村干部：朱万鹏\u2060＊'), who.join(' | '));
  assert.ok(who.some((w) => w.endsWith('到村干部：王新龙')), `a printed cell unmarked: ${who.join(' | ')}`);
  const hints = await page.locator('.village-hits > li p.hint').allTextContents();
  assert.ok(hints.some((t) => note.test(t)), hints.join(' | '));
  await page.close();
  // The build's list, before the app: the same marks and note under 翟家所镇, none on 杨崖集镇's 民政 cadres (its row prints them).
  const ctx = await launch({ javaScriptEnabled: false });
  const plain = await ctx.newPage();
  await plain.goto(`${server.base}/villages/`);
  const town = (name) => plain.locator('[data-testid="town-summary"]').filter({ has: plain.locator('h2', { hasText: name }) });
  assert.match(await town('翟家所镇').locator('td').allTextContents().then((t) => t.join('|')), /韩 侃\u2060＊；到村干部：朱万鹏\u2060＊/);
  assert.ok((await town('翟家所镇').locator('p.hint').allTextContents()).some((t) => note.test(t)));
  assert.match(await town('杨崖集镇').locator('td').allTextContents().then((t) => t.join('|')), /科级干部：韩 侃；到村干部：朱万鹏看原表/);
  await ctx.close();
  const sheet = await posterSheet(path);
  assert.ok(sheet.points.some((p) => p.includes('韩 侃\u2060＊')), sheet.points.join('\n'));
  assert.match(sheet.inferred ?? '', note);
});

test('a table\'s poster keeps each name under its own column, and its 出处 names the table', async () => {
  // Read as text, a row's empty merged cell was dropped and the names after it moved under the headings
  // before them (吴宗智, the 医共体包抓领导, under 包抓科级干部); the 出处 said only the 文号.
  const table = await posterSheet('/docs/huining-83/#t3-2');
  const points = table.points.join('\n');
  assert.match(points, /医共体包抓领导：吴宗智/, points);
  assert.doesNotMatch(points, /包抓科级干部：吴宗智/, points);
  assert.match(table.source, /县委办发〔2018〕83号 附表 3-2/);
  // A row's poster carries the row cell by cell under its table's title: 附件4 附表's row 7, whose
  // 考核指标 had been cut at a comma and whose 分值 had been a point alone. Its 考核内容 and 问责主体 are the
  // merged cells', marked ＊ and said to be the site's inference under the points (a poster has no row
  // above for （同上） to point to: 序号：1（同上） had printed; stated as the row's own, 附件2 附表's row 8 had
  // been given the 类别 above it as a fact).
  const row = await posterSheet('/docs/huining-83/#t4-1-r7');
  assert.deepEqual(row.points, [
    '序号：7，考核内容：医疗机构“组团式”帮扶工作\u2060＊。',
    '考核指标：2018 年，下达任务的医疗机构是否完成重点专科和薄弱学科建设任务，是否完成检验、病理、心电和消毒供应等 4 个县级医学中心建设（年度内有 1 个未开工或建设进度较慢的不得分，无任务的得 4 分）。',
    '分值：4，问责主体：受援医院及负责人\u2060＊。',
  ]);
  assert.match(row.inferred ?? '', /^＊原表这一格是空的，这里填的是原表中它上面那一格的内容/);
  assert.equal((await posterSheet('/docs/huining-83/#t4-1-r1')).inferred, null, 'a row with nothing carried: no such note');
  // The 总分 row is a summary line, not a 序号 (序号：总分： had printed).
  assert.deepEqual((await posterSheet('/docs/huining-83/#t4-1-r27')).points, ['总分：']);
  assert.match(row.source, /县委办发〔2018〕83号 附件4 附表/);
  // Its title names the annex too, as the table's bar does (附表　… alone had not told 附件2's from 附件4's).
  assert.equal(row.title, '附件4 附表　健康扶贫先锋行动“五督”工作任务考核表');
  assert.equal(row.note, null, 'the whole row: not said to be an excerpt');
  // Four short sentences, none with a figure: all carried (the last, what the patient pays at the window,
  // had been left out of a poster with room to spare).
  const clause = (await posterSheet('/docs/meishan-137/#s3-1-2-7')).points;
  assert.equal(clause.length, 4, clause.join(' | '));
  assert.match(clause[3], /只需支付个人应承担部分。$/);
  // A whole document's poster: its summary, said to be the site's words (its only point had been 山东省德州市),
  // above all its points and in its 出处 (a trainer's audit, 2026-12-06: the label had been the first point's
  // alone, and under 出处：甘卫发〔2018〕165号 and 以上是节选 the points after it read as the document's words).
  for (const [path, number] of [['/docs/dezhou-20/', '德卫办字〔2018〕20号'], ['/docs/gansu-165/', '甘卫发〔2018〕165号']]) {
    const sheet = await posterSheet(path);
    assert.equal(sheet.label, '简要说明（本站编写，不是原文）：', path);
    assert.equal(sheet.source, `出处：简要说明（本站编写，不是原文），关于${number}`, path);
    assert.ok(sheet.points.length > 1 && sheet.points.every((p) => !p.includes('简要说明')), sheet.points.join(' | '));
  }
});

test('a poster of the editors\' notes says they are the site\'s words; the notice\'s is under the document\'s title', async () => {
  const { page, errors } = await open(browser, `${server.base}/docs/huining-203/#ed-fixes`);
  await appReady(page);
  const h1 = (await page.locator('main h1').textContent()).trim();
  const posterAt = async (hash) => {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.getByRole('button', { name: '海报' }).click();
    const poster = page.locator('[data-testid="poster"]');
    await poster.locator('svg[data-testid="qr"]').waitFor();
    const seen = [await poster.locator('.poster-title').textContent(), await poster.locator('.poster-source').textContent()];
    await page.keyboard.press('Escape');
    await poster.waitFor({ state: 'detached' });
    return seen;
  };
  for (const hash of ['#ed-fixes', '#editorial', '#ed-notes']) {
    const [, source] = await posterAt(hash);
    assert.match(source, /^出处：本站编者注（不是文件原文），关于会卫计发〔2018〕203号$/, hash);
  }
  const [title, source] = await posterAt('#notice');
  assert.ok(h1.startsWith(title.replace(/…$/, '')), `the notice's poster under the document's title: ${title}`);
  assert.match(source, /^出处：会卫计发〔2018〕203号　/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a clause\'s poster says it is an excerpt, marks every cut with …, and carries the clause\'s figures', async () => {
  // Thirteen sentences: the three with amounts in 元 and percentages, in order; the lead and the rest left
  // out (marked), the long first one cut at a comma (marked).
  const a = await posterOf('/docs/huining-83/#s3-2', 's3-2');
  assert.equal(a.points.length, 3);
  assert.match(a.points[0], /^…人社、民政、卫生计生等部门要加强协作配合，.*2000元，…$/);
  assert.match(a.points[1], /^…人社部门负责及时向定点医疗机构预付60%的住院统筹基金，/);
  assert.match(a.points[2], /^…建档立卡贫困人口个人自负合规医疗费用，.*3000元以上的部分.*。…$/);
  assert.match(a.note, /节选/);
  assert.match(a.note, /全文.*二维码/);
  // Two sentences (the official text's ";" before 或者 goes on with the same one): all of the clause, so
  // nothing is cut or said cut.
  const b = await posterOf('/docs/gansu-165/#s1-5-1', 's1-5-1');
  assert.equal(b.points.join(''), b.clause);
  assert.deepEqual(b.points.map((p) => p.slice(0, 4)), ['1.落实', '负责督促']);
  assert.equal(b.note, '');
  // The same sentence in 会宁's 附件5 is carried to its verb: who pays the part below 85% (it had stopped at
  // its semicolon).
  const d = await posterOf('/docs/huining-83/#a5-s3-6-1', 'a5-s3-6-1');
  assert.match(d.points.at(-1), /实际补偿比低于 ?85% ?的部分；或者经基本医保和大病保险报销后，.*的部分进行补偿。$/);
  // A clause says which clause it is, and one in an 附件 is under that 附件's title, not the notice's.
  assert.match(a.source, /^出处：县委办发〔2018〕83号 三（二）　/);
  assert.equal(a.title, '会宁县健康扶贫先锋行动实施意见');
  const c = await posterOf('/docs/huining-83/#a5-s3-2-3', 'a5-s3-2-3');
  assert.equal(c.title, '附件5　健康扶贫责任落实行动工作方案');
  assert.match(c.source, /^出处：县委办发〔2018〕83号 附件5 三（二）3　/);
  // A numbered item with items of its own (2. with (1) to (8)) carries them (it had carried its one-line head
  // alone, and not said it was an excerpt).
  const { page } = await open(browser, `${server.base}/docs/meishan-137/#s3-1-2`);
  await appReady(page);
  await page.getByRole('button', { name: '海报' }).click();
  const poster = page.locator('[data-testid="poster"]');
  await poster.locator('svg[data-testid="qr"]').waitFor();
  const points = await poster.locator('.poster-points li').allTextContents();
  assert.ok(points.length > 1 && points.some((p) => p.includes('就诊精准识别率100%')), points.join(' | '));
  await page.close();
});

test('the QR code and poster of the check\'s result give /check/ and say the answers stay here; the quiz\'s say so too', async () => {
  const { page, errors } = await open(browser, `${server.base}/check/`);
  await checkResult(page);
  await page.waitForSelector('.direct-answers');
  assert.match(page.url(), /#s=result$/);
  assert.equal(await scanQr(page), `${server.base}/check/`);
  assert.match(await page.locator('.qr-panel').textContent(), /回答不在这个链接里，只留在本机/);
  await page.getByRole('button', { name: '海报' }).click();
  const poster = page.locator('[data-testid="poster"]');
  await poster.waitFor();
  assert.match(await poster.locator('.poster-url').textContent(), /\/check\/$/);
  assert.match(await poster.textContent(), /回答不在这个链接里/);
  // Printed, the result carries the same address, and says that it opens the first question.
  await page.emulateMedia({ media: 'print' });
  assert.match(await page.locator('footer.site-footer .print-note').innerText(), new RegExp(`网址：${server.base}/check/（您的回答不在这个链接里，只留在本机：打开的是第一个问题，要重新回答。）$`));
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(errors, []);
  await page.close();

  const quiz = await open(browser, `${server.base}/self-check/#tab=quiz&r=huining`);
  await appReady(quiz.page);
  await quiz.page.locator('li.question').nth(0).locator('input[type="radio"]').first().check();
  assert.equal(await scanQr(quiz.page), `${server.base}/self-check/#tab=quiz&r=huining`);
  assert.match(await quiz.page.locator('.qr-panel').textContent(), /答题情况不在这个链接里/);
  await quiz.page.close();
  // A page whose state is in its address says nothing of the kind.
  const doc = await open(browser, `${server.base}/docs/huining-83/#s3-2`);
  await appReady(doc.page);
  assert.equal(await scanQr(doc.page), `${server.base}/docs/huining-83/#s3-2`);
  assert.equal(await doc.page.locator('.qr-stays').count(), 0);
  await doc.page.close();
});

test('a printed page carries its own address, as it is when printed (fragment, in-app navigation)', async () => {
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/#a5-s3-6-1`);
  await appReady(page);
  const printed = async () => {
    await page.emulateMedia({ media: 'print' });
    const note = page.locator('footer.site-footer .print-note');
    assert.ok(await note.isVisible(), 'the print line is printed');
    const text = await note.innerText();
    await page.emulateMedia({ media: 'screen' });
    return text.match(/网址：(\S+)/)[1];
  };
  assert.equal(await printed(), `${server.base}/docs/huining-83/#a5-s3-6-1`);
  // Sharing another clause moves the address in place.
  await page.locator('#s3-2 a.sec-link').click();
  await page.waitForFunction(() => location.hash === '#s3-2');
  assert.equal(await printed(), `${server.base}/docs/huining-83/#s3-2`);
  // A link within the app (no reload).
  const library = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政策文件' });
  if (!(await library.isVisible())) await page.getByRole('button', { name: '菜单' }).click();
  await library.click();
  await page.waitForURL(`${server.base}/docs/`);
  await page.waitForTimeout(100);
  assert.equal(await printed(), `${server.base}/docs/`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a printed document carries its 文号, its address and the page\'s number on every page, not only the last', async () => {
  const desk = await launch({ viewport: { width: 1024, height: 768 } });
  const { page, errors } = await open(desk, `${server.base}/docs/gansu-165/#s1-4-2`);
  await appReady(page);
  const pdf = await page.pdf({ format: 'A4' });
  const dir = fs.mkdtempSync('/tmp/doc-print-');
  fs.writeFileSync(`${dir}/doc.pdf`, pdf);
  const pages = Number(execFileSync('gs', ['-q', '-dNODISPLAY', '-dNOSAFER', '-c', `(${dir}/doc.pdf) (r) file runpdfbegin pdfpagecount = quit`]).toString().trim());
  assert.ok(pages > 3, `${pages} pages`);
  for (let i = 1; i <= pages; i++) {
    // gs writes some of the CJK as other code points (甘 as ⽢, 〔 as 4, 〕 as 5, 号 as ÷ on some pages):
    // the ASCII and the digits are read.
    const text = execFileSync('gs', ['-q', '-sDEVICE=txtwrite', `-dFirstPage=${i}`, `-dLastPage=${i}`, '-o', '-', `${dir}/doc.pdf`]).toString();
    assert.match(text, /2018.?165\S\s+\S*址/, `page ${i}: the 文号, then the address`);
    // The document's address: the whole prints (the browser's own print on a clause's address), not the
    // clause's (a section printed alone says its own: below).
    assert.match(text, /\/docs\/gansu-165\/(?!#)/, `page ${i}: the document's address`);
    assert.doesNotMatch(text, /#s1-4-2/, `page ${i}: not the clause's`);
    assert.match(text, new RegExp(`第 ${i} / ${pages}`), `page ${i}: its number`);
    // The date too, once: the footer's line, which the margin carries, is not printed again after the text.
    assert.equal((text.match(/打印.期.\d{4}/g) || []).length, 1, `page ${i}: the date once`);
  }
  assert.deepEqual(errors, []);
  await desk.close();
});

// A campaigner's audit (2026-12-06): the whole of 县委办发〔2018〕83号 printed left 附表 3-2's heading alone at the
// foot of sheet 18 and the 五督 table's at the foot of sheet 30, each table on the next sheet.
test('a document printed whole leaves no table\'s heading alone at a sheet\'s foot', async () => {
  const desk = await launch({ viewport: { width: 1024, height: 768 } });
  const { page, errors } = await open(desk, `${server.base}/docs/huining-83/`);
  await appReady(page);
  const dir = fs.mkdtempSync('/tmp/whole-print-');
  fs.writeFileSync(`${dir}/d.pdf`, await page.pdf({ format: 'A4' }));
  const pages = Number(execFileSync('gs', ['-q', '-dNODISPLAY', '-dNOSAFER', '-c', `(${dir}/d.pdf) (r) file runpdfbegin pdfpagecount = quit`]).toString().trim());
  let headings = 0;
  for (let i = 1; i <= pages; i++) {
    const lines = execFileSync('gs', ['-q', '-sDEVICE=txtwrite', `-dFirstPage=${i}`, `-dLastPage=${i}`, '-o', '-', `${dir}/d.pdf`]).toString()
      .split('\n').map((l) => l.trim()).filter(Boolean);
    // The last line is the margin's (文号, address, date, page number); the one before it ends the sheet's text.
    const last = lines.at(-2) ?? '';
    // A table's heading (附表 3-2 …, 附表 健康扶贫…), not the document's own 附表：… list.
    assert.doesNotMatch(last, /^附表[ 　]/, `sheet ${i} of ${pages} ends with a table's heading: ${last}`);
    headings += lines.filter((l) => /^附表[ 　]/.test(l)).length;
  }
  assert.ok(headings >= 3, `the tables' headings read (${headings})`);
  assert.deepEqual(errors, []);
  await desk.close();
});

// A trainer's audit (2026-12-06): 附表 3-2 printed alone took five sheets, the fifth carrying only the date and
// address of the footer's line (after a table the browser does not keep it with the last row).
test('a table printed alone has no last sheet of the footer\'s line alone', async () => {
  const desk = await launch({ viewport: { width: 1024, height: 768 } });
  const { page, errors } = await open(desk, `${server.base}/docs/huining-83/#t3-2`);
  await appReady(page);
  await page.evaluate(() => { window.print = () => {}; });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await page.getByRole('button', { name: /^只打印这一节：附表 3-2/ }).click();
  const dir = fs.mkdtempSync('/tmp/table-print-');
  fs.writeFileSync(`${dir}/t.pdf`, await page.pdf({ format: 'A4' }));
  const pages = Number(execFileSync('gs', ['-q', '-dNODISPLAY', '-dNOSAFER', '-c', `(${dir}/t.pdf) (r) file runpdfbegin pdfpagecount = quit`]).toString().trim());
  for (let i = 1; i <= pages; i++) {
    const text = execFileSync('gs', ['-q', '-sDEVICE=txtwrite', `-dFirstPage=${i}`, `-dLastPage=${i}`, '-o', '-', `${dir}/t.pdf`]).toString();
    // Every sheet: the table's rows (a cadre's 村 list), its 文号, address and date in the margin.
    assert.match(text, /村/, `sheet ${i} of ${pages} has the table's rows`);
    assert.equal((text.match(/打印.期.\d{4}/g) || []).length, 1, `sheet ${i}: the date once`);
    assert.match(text, /\/docs\/huining-83\/#t3-2/, `sheet ${i}: the address`);
  }
  assert.ok(pages <= 4, `${pages} sheets`);
  assert.deepEqual(errors, []);
  await desk.close();
});

// A trainer's audit (2026-12-06): a handout of one clause could only be the whole document, 47 sheets.
test('打印 on a clause\'s address offers the clause alone: it prints under the document\'s head and the headings it is in', async () => {
  const desk = await launch({ viewport: { width: 1024, height: 768 } });
  const { page, errors } = await open(desk, `${server.base}/docs/huining-83/#a5-s3-6-1`);
  await appReady(page);
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  const sheets = async () => {
    const dir = fs.mkdtempSync('/tmp/section-print-');
    fs.writeFileSync(`${dir}/s.pdf`, await page.pdf({ format: 'A4' }));
    const n = Number(execFileSync('gs', ['-q', '-dNODISPLAY', '-dNOSAFER', '-c', `(${dir}/s.pdf) (r) file runpdfbegin pdfpagecount = quit`]).toString().trim());
    return { n, text: execFileSync('gs', ['-q', '-sDEVICE=txtwrite', '-o', '-', `${dir}/s.pdf`]).toString().replace(/\s+/g, '') };
  };
  const own = await sheets();
  const whole = own.n;
  // The browser's own print (Ctrl+P) on a clause's address prints the whole: it says the document's address.
  assert.doesNotMatch(own.text, /#a5-s3-6-1/);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  const choice = page.getByRole('group', { name: '打印' });
  const alone = choice.getByRole('button', { name: /^只打印这一节：附件5 三（六）1$/ });
  await alone.click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  assert.equal(await choice.count(), 0, 'the choice closed');
  await page.emulateMedia({ media: 'print' });
  for (const id of ['a5-s3-6-1', 'a5', 'a5-s3', 'a5-s3-6']) assert.ok(await page.locator(`[id="${id}"]`).isVisible(), `${id} printed`);
  for (const id of ['a5-s3-6-2', 'a5-s3-5', 's3-2', 'summary']) assert.equal(await page.locator(`[id="${id}"]`).isVisible(), false, `${id} not printed`);
  assert.ok(await page.locator('main h1').isVisible(), 'the document\'s title');
  // Back on the screen, after the print (a PDF ends with afterprint, as the dialog does): the page as it was.
  // (The emulation reset, not set to screen: a PDF would then print with the screen's style.)
  await page.emulateMedia({ media: null });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('printing-section')), false);
  assert.ok(await page.locator('[id="a5-s3-6-2"]').isVisible());
  // On paper: a sheet or two, not the document's.
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await alone.click();
  const section = await sheets();
  assert.ok(section.n <= 2 && whole > 10, `${section.n} sheets for the clause, ${whole} for the document`);
  assert.match(section.text, /2018.?83/, 'the 文号 on it');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await choice.getByRole('button', { name: '打印全文' }).click();
  assert.equal(await page.evaluate(() => window.printed), 3);
  const all = await sheets();
  assert.ok(all.n > 10, 'the whole document');
  // Its every sheet says the document's address, not the clause's it was printed from (an audit: 47 sheets had
  // each said …#s3-2); the clause alone says the clause's.
  assert.equal((all.text.match(/\/docs\/huining-83\/(?!#)/g) || []).length, all.n, 'the document\'s address on every sheet');
  assert.doesNotMatch(all.text, /#a5-s3-6-1/);
  assert.match(section.text, /\/docs\/huining-83\/#a5-s3-6-1/);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // A table's row (看原表 from the village lookup opens one): its table, under its heading. The choice prints
  // what it names, though the address changes after it was opened (an audit had printed another clause).
  await page.goto(`${server.base}/docs/huining-83/#t3-2-r3`);
  await appReady(page);
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  const table = choice.getByRole('button', { name: /^只打印这一节：附表 3-2/ });
  await table.waitFor();
  await page.evaluate(() => { location.hash = 's2-4'; });
  await table.click();
  const kept = await page.evaluate(() => [...document.querySelectorAll('.print-keep')].map((e) => e.id || e.className.split(' ')[0]));
  assert.ok(kept.includes('t3-2') && kept.includes('table-block') && !kept.includes('s2-4'), kept.join(' '));
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // Without a section in the address, 打印 prints at once.
  await page.goto(`${server.base}/docs/huining-83/`);
  await appReady(page);
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  assert.equal(await choice.count(), 0);
  // Nor with the editors' summary's (a search hit's): the whole prints at once, and its every sheet says the
  // document's address (they had said …#summary).
  await page.goto(`${server.base}/docs/huining-83/#summary`);
  await appReady(page);
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  assert.equal(await choice.count(), 0);
  const summary = await sheets();
  assert.doesNotMatch(summary.text, /#summary/);
  assert.equal((summary.text.match(/\/docs\/huining-83\/(?!#)/g) || []).length, summary.n, 'the document\'s address on every sheet');
  assert.deepEqual(errors, []);
  await desk.close();
});

test('a poster prints on one sheet, A4 and A3, with its whole 出处 and a QR code that opens its address', async () => {
  // The sections whose three long points ran onto a second sheet, which carried only the end of the 出处.
  const sections = ['/docs/gansu-165/#s1-5-1', '/docs/huining-83/#s3-2', '/docs/huining-83/#a5-s3-6-1',
    '/docs/huining-203/#s3', '/docs/meishan-137/#s3-1', '/docs/dezhou-20/#s2-2',
    // Whole documents, whose titles (42 and 47 characters) the poster had cut mid-word at 38 (…问责办…).
    ...['gansu-165', 'huining-83', 'huining-203', 'meishan-137'].map((slug) => `/docs/${slug}/`)];
  const dir = fs.mkdtempSync('/tmp/poster-');
  for (const path of sections) {
    const { page, errors } = await open(browser, `${server.base}${path}`);
    await appReady(page);
    await page.evaluate(() => { window.print = () => {}; });
    await page.getByRole('button', { name: '海报' }).click();
    const poster = page.locator('[data-testid="poster"]');
    await poster.locator('svg[data-testid="qr"]').waitFor();
    const source = (await poster.locator('.poster-source').textContent()).replace(/\s+/g, '');
    if (!path.includes('#')) {
      assert.equal(await poster.locator('.poster-title').textContent(), (await page.locator('main h1').textContent()).trim(), `${path}: the title whole`);
    }
    for (const paper of ['A4', 'A3']) {
      await page.getByLabel(new RegExp(`${paper} 竖版`)).check();
      await page.getByRole('button', { name: '打印海报' }).click();
      const file = `${dir}/${paper}.pdf`;
      fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
      const pages = Number(execFileSync('gs', ['-q', '-dNODISPLAY', '-dNOSAFER', '-c', `(${file}) (r) file runpdfbegin pdfpagecount = quit`]).toString().trim());
      assert.equal(pages, 1, `${path} ${paper}: one sheet`);
      // The 出处 whole on it, to its date (its digits: gs writes 年, 月 and 日 as other code points, and garbles brackets).
      const text = execFileSync('gs', ['-q', '-sDEVICE=txtwrite', '-o', '-', file]).toString().replace(/\s+/g, '');
      // (A whole document's poster carries the editors' summary: its 出处 names the 文号, without a date.)
      const date = source.match(/(\d{4})年(\d+)月(\d+)日$/) ?? source.match(/(\d{4}).(\d+).号$/);
      assert.match(text, new RegExp(`${date[1]}.${date[2]}.${date[3] ?? ''}`), `${path} ${paper}: the 出处 whole, to its end ${date[0]}`);
      // One address on the sheet, the poster's: the margin's too (it had said the document's, without the
      // clause, under a code that opens the clause).
      const addresses = text.match(/https?:\/\/[\x21-\x7e]+/g) ?? [];
      assert.ok(addresses.length >= 2, `${path} ${paper}: the address under the code and in the margin: ${addresses}`);
      for (const a of addresses) assert.equal(a.replace(/[。，]$/, ''), `${server.base}${path}`, `${path} ${paper}: an address printed`);
      execFileSync('gs', ['-q', '-sDEVICE=pnggray', '-r150', '-o', `${dir}/${paper}.png`, file]);
      const decoded = execFileSync('zbarimg', ['-q', '--raw', `${dir}/${paper}.png`]).toString().trim();
      assert.equal(decoded, `${server.base}${path}`, `${path} ${paper}: the printed code`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// A campaigner's audit (2026-12-06): the search page's poster carried the page's lead (搜索) alone, while its QR
// code opened a search: a wall could not say what it had searched, nor what was found.
test('a search\'s poster says what was searched and what it found, as the page lists it', async () => {
  const { page } = await open(browser, `${server.base}/search/?q=${encodeURIComponent('大病保险')}`);
  await appReady(page);
  const count = page.getByTestId('search-count');
  await page.waitForFunction(() => document.querySelector('[data-testid="search-count"]')?.getAttribute('aria-busy') === 'false');
  const status = (await count.textContent()).replace(/：$/, '');
  const firsts = await page.locator('ol.hits > li').evaluateAll((lis) => lis.slice(0, 3).map((li) => ({
    title: li.querySelector('a').textContent,
    where: li.querySelector('.where').textContent,
  })));
  await page.getByRole('button', { name: '海报' }).click();
  const sheet = page.locator('[data-testid="poster"]');
  await sheet.locator('svg[data-testid="qr"]').waitFor();
  assert.equal(await sheet.locator('.poster-title').textContent(), '搜索“大病保险”');
  const points = await sheet.locator('.poster-points li').allTextContents();
  assert.equal(points.length, 4, points.join('\n'));
  firsts.forEach((h, i) => {
    assert.ok(points[i].startsWith(h.title), `${points[i]} names ${h.title}`);
    const number = h.where.split(' · ').pop();
    assert.ok(points[i].endsWith(number), `${points[i]} ends with ${number}`);
  });
  assert.equal(points[3], `${status.replace(/，最相关的在前$/, '')}，扫码看全部。`);
  assert.match(await sheet.locator('.poster-source').textContent(), /^依据：/);
  await page.close();
});

// A campaigner's audit (2026-12-06): a broad village query printed two sheets of small type, its QR code on the
// second. Now the first three, and how many more the QR code opens, on one sheet.
test('a broad village lookup\'s poster prints on one sheet, saying how many more its QR code opens', async () => {
  const path = `/villages/?q=${encodeURIComponent('家')}`;
  const { page, errors } = await open(browser, `${server.base}${path}`);
  await appReady(page);
  const count = await page.getByTestId('village-count').textContent();
  const towns = Number(count.match(/(\d+) 个乡镇/)?.[1] ?? 0);
  const villages = Number(count.match(/(\d+) 个村/)[1]);
  assert.ok(towns + villages > 10, count);
  // The first three on the poster (townships first, as the page lists them), the rest counted.
  const left = [[Math.max(towns - 3, 0), '乡镇'], [villages - Math.max(3 - towns, 0), '村']]
    .filter(([n]) => n > 0).map(([n, kind]) => `${n} 个${kind}`).join('、');
  await page.evaluate(() => { window.print = () => {}; });
  await page.getByRole('button', { name: '海报' }).click();
  const poster = page.locator('[data-testid="poster"]');
  await poster.locator('svg[data-testid="qr"]').waitFor();
  const points = await poster.locator('.poster-points li').allTextContents();
  assert.equal(points.length, 4, points.join('\n'));
  assert.equal(points[3], `还找到 ${left}，海报上印不下，扫码可以看到。`);
  await page.getByLabel(/A4 竖版/).check();
  await page.getByRole('button', { name: '打印海报' }).click();
  const dir = fs.mkdtempSync('/tmp/poster-');
  const file = `${dir}/a4.pdf`;
  fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
  const pages = Number(execFileSync('gs', ['-q', '-dNODISPLAY', '-dNOSAFER', '-c', `(${file}) (r) file runpdfbegin pdfpagecount = quit`]).toString().trim());
  assert.equal(pages, 1, 'one sheet');
  execFileSync('gs', ['-q', '-sDEVICE=pnggray', '-r150', '-o', `${dir}/a4.png`, file]);
  assert.equal(execFileSync('zbarimg', ['-q', '--raw', `${dir}/a4.png`]).toString().trim(), `${server.base}${path}`);
  assert.deepEqual(errors, []);
  await page.close();
});
