// A trainer's and a resident's audit of the checker bundle: a self-check link typed or edited by hand is
// read as far as it can be (answers the form cannot take are said in plain Chinese and not scored, the rest
// is scored); a partial score the form cannot take is kept as typed with a message next to it, the same
// typed or linked, and a full-width digit is the digit it is; each form keeps its own answers; the
// eligibility result prints whole (numbers, explanations, citations, whom it is for).
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, checkResult, seal, pdfPages } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The self-check page at `hash`, its form shown. */
async function selfCheck(hash) {
  const o = await open(browser, `${server.base}/self-check/${hash}`);
  await appReady(o.page);
  await o.page.locator('.form-view .answers').first().waitFor();
  return o;
}

// 1-1 is a veto (否 earns 5), 3-1 and 3-2 are 是-gains (5 each), 9-1 a partial score out of 5.
const LINKS = [
  // [hash, score shown, refused: [indicator, words it must say]]
  ['#tab=baozhua&a=1-1_n~3-1_x~3-2_y', '10', [['3-1', /只能选“是”或“否（失分）”.*“不适用”/]]],
  ['#tab=baozhua&a=1-1_n~3-1_3', '5', [['3-1', /只能选“是”或“否（失分）”.*“3 分”/]]],
  ['#tab=baozhua&a=1-1_n~9-1_9', '5', [['9-1', /填 0 到 5 分，可以有半分.*“9”/]]],
  ['#tab=baozhua&a=1-1_n~9-1_2.3', '5', [['9-1', /填 0 到 5 分，可以有半分.*“2\.3”/]]],
  ['#tab=baozhua&a=1-1_n~9-1_-1', '5', [['9-1', /填 0 到 5 分，可以有半分.*“-1”/]]],
  ['#tab=baozhua&a=1-1_n~9-1_3', '8', []],
  // 部分完成酌情扣分: a half point is scored (the site's step; the form gives none).
  ['#tab=baozhua&a=1-1_n~9-1_2.5', '7.5', []],
];

test('a self-check link edited by hand: what the form cannot take is said in plain Chinese and not scored, the rest is scored', async () => {
  for (const [hash, score, refused] of LINKS) {
    const { page, errors } = await selfCheck(hash);
    assert.equal(await page.textContent('[data-testid="form-score"]'), score, hash);
    const list = page.locator('[data-testid="refused"] li');
    assert.equal(await list.count(), refused.length, hash);
    for (const [i, [id, words]] of refused.entries()) {
      const text = await list.nth(i).textContent();
      assert.match(text, new RegExp(`第 ${id} 项`), hash);
      assert.match(text, words, hash);
      assert.doesNotMatch(text, /[A-Za-z]{2,}|\(/, `${hash}: program words on screen: ${text}`);
    }
    // The address keeps the link as it was given: nothing is dropped silently.
    assert.equal(new URL(page.url()).hash, hash);
    assert.deepEqual(errors, [], hash);
    await page.close();
  }
});

test('a half point (部分完成酌情扣分), typed or linked, is scored and lost to the half, on the screen, in the link and printed', async () => {
  // 9-1 had taken whole numbers only: an official's 2.5 was refused.
  for (const typed of ['2.5', '２．５']) {
    const { page, errors } = await selfCheck('#tab=baozhua&a=1-1_n');
    await page.locator('#score-9-1').fill(typed);
    await page.waitForFunction(() => /9-1_2\.5/.test(location.hash));
    assert.equal(await page.textContent('[data-testid="form-score"]'), '7.5', typed);
    assert.equal(await page.locator('.indicator:has(#score-9-1) .answer-note').count(), 0, 'no refusal');
    assert.ok((await page.locator('.form-view ol.steps > li').allInnerTexts()).some((l) => /^第 9-1 项 .*：失 2\.5 分/.test(l)));
    const linked = await selfCheck(new URL(page.url()).hash);
    assert.equal(await linked.page.textContent('[data-testid="form-score"]'), '7.5');
    await linked.page.emulateMedia({ media: 'print' });
    assert.match(await linked.page.locator('.form-view .result-head').innerText(), /^得分\s+7\.5 \//);
    assert.deepEqual([...errors, ...linked.errors], [], typed);
    await linked.page.close();
    await page.close();
  }
});

test('a partial score the form cannot take: typed or linked, kept as given, said next to the box, not scored', async () => {
  for (const typed of ['2.3', '-1', '7']) {
    const { page, errors } = await selfCheck('#tab=baozhua&a=1-1_n');
    const box = page.locator('#score-9-1');
    await box.fill(typed);
    await page.waitForFunction(() => /9-1_/.test(location.hash));
    assert.equal(await box.inputValue(), typed, 'kept as typed');
    const note = page.locator('.indicator:has(#score-9-1) .answer-note');
    assert.ok(await note.isVisible(), typed);
    assert.match(await note.textContent(), /填 0 到 5 分，可以有半分/);
    assert.equal(await page.textContent('[data-testid="form-score"]'), '5', `${typed} is not scored`);
    // The same, opened from the address it wrote.
    const linked = await selfCheck(new URL(page.url()).hash);
    assert.equal(await linked.page.locator('#score-9-1').inputValue(), typed);
    assert.equal(await linked.page.textContent('.indicator:has(#score-9-1) .answer-note'), await note.textContent());
    assert.equal(await linked.page.textContent('[data-testid="form-score"]'), '5');
    // A score it can take clears the message and counts.
    await box.fill('4');
    assert.equal(await note.count(), 0);
    assert.equal(await page.textContent('[data-testid="form-score"]'), '9');
    assert.deepEqual([...errors, ...linked.errors], [], typed);
    await linked.page.close();
    await page.close();
  }
});


test('a filled form\'s link cut between two answers, or made before links were sealed, is said above the form, kept as opened and printed; an answer changed writes it sealed', async () => {
  // 1-1 否 (5), 3-1 是 (5), 9-1 3 分: 13 as shared. Cut after the first answer it scores 5, with 还有 … 没有回答
  // only; the page must say the link is not as shared.
  const whole = `#${seal('tab=baozhua&a=1-1_n~3-1_y~9-1_3&town=%E6%B2%B3%E7%95%94%E9%95%87')}`;
  const cases = [
    ['the whole link', whole, '13', null],
    ['cut between two answers', whole.slice(0, whole.indexOf('~3-1')), '5', /链接和分享时不一样了（可能没有复制全或被改动过），下面按能读出的答案计分，请和发给您的人核对各项答案/],
    ['cut before the fields', whole.slice(0, whole.indexOf('&town')), '13', /链接和分享时不一样了/],
    ['made before links were sealed', whole.replace(/^#k=\w{4}&/, '#'), '13', /这个链接没有核对码（旧版网页生成的或手写的），看不出是否完整，请和海报或发给您的人核对各项答案/],
  ];
  for (const [name, hash, score, said] of cases) {
    const { page, errors } = await selfCheck(hash);
    assert.equal(await page.textContent('[data-testid="form-score"]'), score, name);
    const notices = page.getByTestId('link-notices');
    if (!said) {
      assert.equal(await notices.count(), 0, name);
      await page.close();
      continue;
    }
    assert.match(await notices.textContent(), said, name);
    const box = await notices.boundingBox();
    assert.ok(box.y < 780 && box.y < (await page.locator('.form-view').boundingBox()).y, `${name}: above the form, on the first screen (${box.y})`);
    // Kept as opened: reloaded (or passed on), it says the same again.
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).hash, hash, `${name}: the address as opened`);
    await page.reload();
    await appReady(page);
    await page.locator('.form-view .answers').first().waitFor();
    assert.match(await notices.textContent(), said, `${name}: said again after a reload`);
    // Printed with the form, without its 知道了.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await notices.isVisible(), `${name}: printed`);
    assert.equal(await notices.getByRole('button').isVisible(), false);
    await page.emulateMedia({ media: null });
    if (name === 'cut between two answers') assert.ok(pdfPages(await page.pdf({ format: 'A4' })) >= 1);
    // An answer changed: the page writes what it shows, sealed, and that link opens without a word.
    await page.locator('input[name="ind-3-2"]').nth(0).check();
    await page.waitForFunction(() => /^#k=[0-9a-z]{4}&/.test(location.hash) && /3-2_y/.test(location.hash));
    const written = new URL(page.url()).hash;
    assert.equal(written, `#${seal(written.replace(/^#k=\w{4}&/, ''))}`, `${name}: sealed as the site writes it`);
    const again = await selfCheck(written);
    assert.equal(await again.page.getByTestId('link-notices').count(), 0, `${name}: the written link checks`);
    assert.equal(await again.page.textContent('[data-testid="form-score"]'), await page.textContent('[data-testid="form-score"]'));
    assert.deepEqual([...errors, ...again.errors], [], name);
    await again.page.close();
    await page.close();
  }
});

test('another self-check link opened in the same tab is read as a fresh page reads it, and its address kept', async () => {
  const whole = `#${seal('tab=baozhua&a=1-1_n~3-1_y~9-1_3')}`;
  const { page, errors } = await selfCheck(whole);
  assert.equal(await page.textContent('[data-testid="form-score"]'), '13');
  // The same link cut (only the fragment changes: no reload): the smaller form, and the notice.
  const cut = whole.slice(0, whole.indexOf('~9-1'));
  await page.goto(`${server.base}/self-check/${cut}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="form-score"]')?.textContent === '10');
  assert.match(await page.getByTestId('link-notices').textContent(), /链接和分享时不一样了/);
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).hash, cut, 'the cut link kept as opened');
  // Another whole link: its answers only, nothing to say, its address as written.
  const other = `#${seal('tab=baozhua&a=1-1_n')}`;
  await page.goto(`${server.base}/self-check/${other}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="form-score"]')?.textContent === '5');
  assert.equal(await page.getByTestId('link-notices').count(), 0);
  assert.equal(await page.locator('.form-view input[type="radio"]:checked').count(), 1);
  assert.equal(new URL(page.url()).hash, other);
  assert.deepEqual(errors, []);
  await page.close();
});

test('each form keeps its own answers: answered on 包抓, 五督 opens with no warnings, and 包抓 comes back as left', async () => {
  const { page, errors } = await selfCheck('');
  // 1-1 否 (a veto: 否 earns its 5) and 3-1 是 (5), by their radio buttons, as a person answers them.
  await page.locator('input[name="ind-1-1"]').nth(1).check();
  await page.locator('input[name="ind-3-1"]').nth(0).check();
  assert.equal(await page.textContent('[data-testid="form-score"]'), '10');
  await page.waitForFunction((h) => location.hash === h, `#${seal('tab=baozhua&a=1-1_n~3-1_y')}`);

  await page.getByRole('tab', { name: /五督/ }).click();
  await page.waitForFunction(() => location.hash === '#tab=wudu');
  await page.locator('input[name="ind-1"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="refused"]').count(), 0, 'no warning about the other form\'s items');
  assert.equal(await page.locator('.answer-note').count(), 0);
  assert.doesNotMatch(await page.textContent('.form-view'), /这张表没有/);
  assert.equal(await page.textContent('[data-testid="form-score"]'), '0');
  assert.equal(await page.locator('.form-view input[type="radio"]:checked').count(), 0, '五督 opens unanswered');
  await page.locator('input[name="ind-1"]').first().check();
  await page.waitForFunction((h) => location.hash === h, `#${seal('tab=wudu&a=1_y')}`);

  await page.getByRole('tab', { name: /包抓/ }).click();
  await page.waitForFunction((h) => location.hash === h, `#${seal('tab=baozhua&a=1-1_n~3-1_y')}`);
  assert.ok(await page.locator('input[name="ind-1-1"]').nth(1).isChecked(), '包抓 1-1 still 否');
  assert.ok(await page.locator('input[name="ind-3-1"]').nth(0).isChecked(), '包抓 3-1 still 是');
  assert.equal(await page.textContent('[data-testid="form-score"]'), '10');
  assert.equal(await page.locator('[data-testid="refused"]').count(), 0);
  // And 五督's answer is still its own.
  await page.getByRole('tab', { name: /五督/ }).click();
  await page.waitForFunction((h) => location.hash === h, `#${seal('tab=wudu&a=1_y')}`);
  assert.ok(await page.locator('input[name="ind-1"]').first().isChecked());
  assert.equal(await page.locator('[data-testid="refused"]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a full-width digit from a Chinese input method is the digit it is: typed or linked, scored, the address in ASCII', async () => {
  const { page, errors } = await selfCheck('#tab=baozhua&a=1-1_n');
  const box = page.locator('#score-9-1');
  const note = page.locator('.indicator:has(#score-9-1) .answer-note');
  await box.click();
  await page.keyboard.type('３');
  await page.waitForFunction(() => /9-1_3(~|&|$)/.test(location.hash));
  assert.equal(await page.textContent('[data-testid="form-score"]'), '8', '３ is scored as 3');
  assert.equal(await note.count(), 0);
  assert.equal(await box.inputValue(), '3');
  assert.equal(await box.getAttribute('aria-invalid'), null);
  // A score the form cannot take (full-width or not) marks the box invalid while it holds it.
  await box.fill('');
  await page.keyboard.type('７');
  assert.equal(await box.getAttribute('aria-invalid'), 'true');
  assert.match(await note.textContent(), /填 0 到 5 分，可以有半分.*“7”/);
  assert.equal(await page.textContent('[data-testid="form-score"]'), '5');
  await box.fill('');
  await page.keyboard.type('４');
  assert.equal(await box.getAttribute('aria-invalid'), null);
  assert.equal(await note.count(), 0);
  assert.equal(await page.textContent('[data-testid="form-score"]'), '9');
  // From a link the site wrote: %EF%BC%93 is ３, and the address is written in ASCII.
  const linked = await selfCheck(`#${seal('tab=baozhua&a=1-1_n~9-1_%EF%BC%93')}`);
  assert.equal(await linked.page.textContent('[data-testid="form-score"]'), '8');
  assert.equal(await linked.page.locator('#score-9-1').inputValue(), '3');
  assert.equal(await linked.page.getByTestId('link-notices').count(), 0);
  await linked.page.waitForFunction((h) => location.hash === h, `#${seal('tab=baozhua&a=1-1_n~9-1_3')}`);
  assert.deepEqual([...errors, ...linked.errors], []);
  await linked.page.close();
  await page.close();
});

test('the eligibility result printed: whole numbers, each policy\'s explanation and citation, no screen controls, whom it is for', async () => {
  const ctx = await browser.browser().newContext({ viewport: { width: 1024, height: 768 } });
  const { page, errors } = await open(ctx, `${server.base}/check/`);
  await checkResult(page);
  const count = await page.locator('.benefits > li.benefit').count();
  assert.ok(count >= 10, `${count} benefits: the two-digit numbers are what this is about`);
  assert.equal(await page.locator('.benefits details[open]').count(), 0, 'on screen the list stays short');
  await page.emulateMedia({ media: 'print' });
  // Each number is inside the page: the list's markers are not clipped at its left edge.
  const room = await page.locator('.benefits').evaluate((ol) => {
    const li = ol.querySelector('li:last-child');
    const pen = document.createElement('canvas').getContext('2d');
    pen.font = getComputedStyle(li).font;
    return {
      left: ol.getBoundingClientRect().left + parseFloat(getComputedStyle(ol).paddingLeft),
      need: pen.measureText(`${ol.children.length}. `).width,
      inside: getComputedStyle(li).listStylePosition,
    };
  });
  assert.ok(room.inside === 'inside' || room.left >= room.need, JSON.stringify(room));
  // On paper a link is not seen: each source says its clause by the document's own numbering.
  const labels = await page.locator('.benefits .cites a').allInnerTexts();
  assert.ok(labels.length > 0 && labels.some((t) => /号 (附件\d+ )?[一二三四五六七八九十]+/.test(t)), `clause numbers on paper: ${labels}`);
  // A table by its name (it had been the 文号 alone, which a reader cannot find the table by).
  assert.ok(labels.includes('出处：县委办发〔2018〕83号 附表 3-1') || labels.some((t) => t.endsWith('县委办发〔2018〕83号 附表 3-1')), `a table named: ${labels}`);
  for (const b of await page.locator('.benefits > li.benefit').all()) {
    assert.ok(await b.locator('.cites a').first().isVisible(), 'citation printed');
    assert.ok(await b.locator('details > p').first().isVisible(), 'explanation printed');
  }
  for (const words of ['点每一项看说明和政策原文', '修改回答', '算一算看病要花多少钱', '打印结果']) {
    const shown = await page.getByText(words).evaluateAll((es) => es.some((e) => e.checkVisibility()));
    assert.equal(shown, false, `${words} is for the screen`);
  }
  // The date once, with the address (查询日期 and the footer's 打印日期 had both printed).
  const paper = await page.evaluate(() => document.body.innerText);
  assert.equal(paper.match(/日期：\d{4}年\d{1,2}月\d{1,2}日/g)?.length, 1, paper.slice(-400));
  assert.match(await page.getByTestId('result-foot').innerText(), /具体以当地经办机构为准。\s*打印日期：\d{4}年\d{1,2}月\d{1,2}日　网址：/);
  const who = page.locator('[data-testid="printed-answers"]');
  assert.ok(await who.isVisible(), 'the answers print');
  assert.match(await who.textContent(), /会宁/);
  assert.match(await who.textContent(), /建档立卡/);
  // On A4: the PDF, as PNG pages, holds the numbers whole and the citations.
  const pdf = await page.pdf({ format: 'A4' });
  // In the handout's size of type: 5 sheets for this result (at the screen's, 8, the last holding only
  // the date and address).
  assert.ok(pdfPages(pdf) <= 5, `${pdfPages(pdf)} pages`);
  const dir = fs.mkdtempSync('/tmp/check-print-');
  fs.writeFileSync(`${dir}/result.pdf`, pdf);
  const text = execFileSync('gs', ['-q', '-sDEVICE=txtwrite', '-o', '-', `${dir}/result.pdf`]).toString();
  for (let n = 1; n <= count; n++) assert.match(text, new RegExp(`(^|\\s)${n}\\.\\s`, 'm'), `number ${n}. printed whole`);
  assert.ok((text.match(/出处/g) || []).length >= count, 'every policy\'s citation printed (gs writes the full-width colon garbled)');
  assert.match(text, /会宁/);
  assert.doesNotMatch(text, /修改回答|点每一项看说明/);
  if (process.env.SHOTS) fs.copyFileSync(`${dir}/result.pdf`, `${process.env.SHOTS}/check-result.pdf`);
  // Back on screen, the list is short again.
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.benefits details[open]').count(), 0);
  assert.ok(!(await page.locator('.benefits .cites a').first().isVisible()));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('another form chosen is a new history entry: Back returns to the form as it was filled, Forward to the other', async () => {
  // A tab chosen had replaced the entry: Back left the page, and the filled 包抓 form was gone.
  const { page, errors } = await open(browser, `${server.base}/`);
  await appReady(page);
  await page.goto(`${server.base}/self-check/`);
  await appReady(page);
  await page.locator('input[name="ind-1-1"]').nth(1).check();
  await page.locator('input[name="ind-3-1"]').nth(0).check();
  const filled = `#${seal('tab=baozhua&a=1-1_n~3-1_y')}`;
  await page.waitForFunction((h) => location.hash === h, filled);
  await page.getByRole('tab', { name: /五督/ }).click();
  await page.waitForFunction(() => location.hash === '#tab=wudu');
  await page.locator('input[name="ind-1"]').first().check();
  const wudu = `#${seal('tab=wudu&a=1_y')}`;
  await page.waitForFunction((h) => location.hash === h, wudu);
  await page.goBack();
  await page.waitForFunction((h) => location.hash === h, filled);
  assert.equal(new URL(page.url()).pathname, '/self-check/', 'still on the page');
  assert.equal(await page.getAttribute('[role="tab"][aria-selected="true"]', 'role'), 'tab');
  assert.match(await page.textContent('[role="tab"][aria-selected="true"]'), /包抓/);
  assert.ok(await page.locator('input[name="ind-1-1"]').nth(1).isChecked(), '1-1 still 否');
  assert.ok(await page.locator('input[name="ind-3-1"]').nth(0).isChecked(), '3-1 still 是');
  assert.equal(await page.textContent('[data-testid="form-score"]'), '10');
  await page.goForward();
  await page.waitForFunction((h) => location.hash === h, wudu);
  assert.match(await page.textContent('[role="tab"][aria-selected="true"]'), /五督/);
  assert.ok(await page.locator('input[name="ind-1"]').first().isChecked());
  // A change of answer is not an entry of its own: Back from the filled form leaves for the page before.
  await page.goBack();
  await page.waitForFunction((h) => location.hash === h, filled);
  await page.goBack();
  await page.waitForURL(`${server.base}/`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the 五督 form as printed: each row\'s 序号 and 问责主体, the lost points named by row, and the whole address on the paper', async () => {
  // Every answer given, as an official fills the form: 3, 13, 19, 26 否; 7, 8 不适用 (无任务); the rest 是.
  const answer = (n) => ([3, 13, 19, 26].includes(n) ? 'n' : [7, 8].includes(n) ? 'x' : 'y');
  const ids = Array.from({ length: 26 }, (_, i) => String(i + 1)).sort();
  const body = `tab=wudu&a=${ids.map((id) => `${id}_${answer(Number(id))}`).join('~')}&town=${encodeURIComponent('郭城驿镇')}&by=${encodeURIComponent('李四')}&d=2019-03-05`;
  const ctx = await browser.browser().newContext({ viewport: { width: 1024, height: 768 } });
  const { page, errors } = await open(ctx, `${server.base}/self-check/#${seal(body)}`);
  await appReady(page);
  await page.locator('.form-view .answers').first().waitFor();
  assert.equal(await page.textContent('[data-testid="form-score"]'), '79');
  // The official table's columns: 序号 (第 4 项) and 问责主体 (支援医生。 / 受援医院及负责人。).
  const row = (n) => page.locator('.indicator').filter({ has: page.locator('.ind-no', { hasText: new RegExp(`^第 ${n} 项$`) }) });
  assert.match(await row(4).textContent(), /问责主体：支援医生。/);
  assert.match(await row(5).textContent(), /问责主体：受援医院及负责人。/);
  assert.equal(await page.locator('.indicator .ind-no').count(), 26);
  // A lost row is named as the form numbers it: 第 13 项, with who answers for it.
  const lost = await page.locator('.form-view ol.steps > li').allInnerTexts();
  assert.ok(lost.some((l) => /^第 13 项 家庭医生签约团队及成员履职尽责情况：失 5 分/.test(l) && /问责主体：/.test(l)), lost.join(' | '));
  // Each link says what it opens, so the paper can be followed (看考核表原文 had printed with nothing to find it by).
  assert.ok(lost.every((l) => /考核表：县委办发〔2018〕83号 附件4 附表/.test(l)), lost.join(' | '));
  await page.emulateMedia({ media: 'print' });
  const note = await page.getByTestId('form-foot').evaluate((p) => ({ scroll: p.scrollWidth, client: p.clientWidth }));
  assert.equal(await page.locator('.site-footer .print-note').isVisible(), false, 'said once, by the form\'s foot');
  assert.ok(note.scroll <= note.client, `the printed address fits its line: ${JSON.stringify(note)}`);
  // Its QR code, drawn once the page is idle: scanned from the paper, the form as filled (it had only the
  // address, 200 characters to type).
  await page.locator('[data-testid="printed-qr"] svg[data-testid="print-qr"]').waitFor({ state: 'attached' });
  // Beside the score and grade it opens (it had printed a page after the score).
  const side = await page.evaluate(() => {
    const box = (sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    return { head: box('.form-view .result-head'), code: box('[data-testid="printed-qr"]') };
  });
  assert.ok(side.code.left >= side.head.right && side.code.top < side.head.bottom && side.code.bottom > side.head.top, `beside the score: ${JSON.stringify(side)}`);
  // Its modules 0.6 mm on paper, the code as wide as that takes (34 mm had made them 0.44 mm, and a 150 dpi
  // scan did not always read them).
  const module = await page.locator('[data-testid="printed-qr"] svg').evaluate((svg) => svg.getBoundingClientRect().width * 25.4 / 96 / svg.viewBox.baseVal.width);
  assert.ok(module >= 0.59, `${module.toFixed(2)} mm a module`);
  const dir = fs.mkdtempSync('/tmp/wudu-print-');
  const pdf = await page.pdf({ format: 'A4' });
  // Compact: 5 sheets, each row's question, rule and ticks on one sheet (at the screen's size of type, 10,
  // a question ending one sheet and its ticks beginning the next).
  assert.ok(pdfPages(pdf) <= 5, `${pdfPages(pdf)} pages`);
  fs.writeFileSync(`${dir}/form.pdf`, pdf);
  const text = execFileSync('gs', ['-q', '-sDEVICE=txtwrite', '-o', '-', `${dir}/form.pdf`]).toString().replace(/\s+/g, '');
  const answers = body.match(/a=[^&]+/)[0];
  assert.ok(text.includes(answers), `the answers' part of the address printed whole: ${answers}`);
  // Read at 150 dpi, as a plain scan or a phone a little way off sees it (at 26 mm its small modules were
  // missed at 150 dpi; it is 34 mm).
  execFileSync('gs', ['-q', '-sDEVICE=pnggray', '-r150', '-o', `${dir}/form-%d.png`, `${dir}/form.pdf`]);
  const codes = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).flatMap((f) => {
    try { return [[execFileSync('zbarimg', ['-q', '--raw', `${dir}/${f}`]).toString().trim(), Number(f.match(/(\d+)\.png$/)[1])]]; } catch { return []; }
  });
  assert.deepEqual(codes.map(([code]) => code), [page.url()], 'one code on the paper, opening the form as filled');
  // On the sheet with the score (79 / 95), whole.
  const sheet = codes[0][1];
  const onSheet = execFileSync('gs', ['-q', '-sDEVICE=txtwrite', `-dFirstPage=${sheet}`, `-dLastPage=${sheet}`, '-o', '-', `${dir}/form.pdf`]).toString().replace(/\s+/g, '');
  assert.ok(onSheet.includes('79/95'), `the score on the code's sheet (${sheet}): ${onSheet.slice(-200)}`);
  // Each sheet says which of how many it is (the stylesheet's @page: a self-check of five sheets handed
  // round had said nothing to put them back in order).
  const sheets = pdfPages(pdf);
  for (let i = 1; i <= sheets; i++) {
    const t = execFileSync('gs', ['-q', '-sDEVICE=txtwrite', `-dFirstPage=${i}`, `-dLastPage=${i}`, '-o', '-', `${dir}/form.pdf`]).toString().replace(/\s+/g, '');
    assert.ok(t.includes(`第${i}/${sheets}`), `sheet ${i}: ${t.slice(-80)}`);
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});

/** The poster of the page as it stands: title, points, 出处 and the address its QR code carries (the
 * poster's code screenshotted and decoded, as a phone scans it). */
async function posterOfPage(page) {
  await page.getByRole('button', { name: '海报' }).click();
  const sheet = page.locator('[data-testid="poster"]');
  const code = sheet.locator('svg[data-testid="qr"]');
  await code.waitFor();
  const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zct-poster-')), 'qr.png');
  await code.screenshot({ path: shot });
  const seen = {
    title: await sheet.locator('.poster-title').textContent(),
    points: await sheet.locator('.poster-points li').allTextContents(),
    source: await sheet.locator('.poster-source').textContent(),
    qr: execFileSync('zbarimg', ['--quiet', '--raw', shot], { encoding: 'utf8' }).trim(),
  };
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });
  return seen;
}

test('a self-check poster says what its QR code opens: the quiz\'s region and documents, a filled form\'s score', async () => {
  // The quiz for 眉山: its poster had carried the page's lead (会宁's forms) under the page's title.
  const quiz = await open(browser, `${server.base}/self-check/#tab=quiz&r=meishan`);
  await appReady(quiz.page);
  await quiz.page.locator('.quiz .question').first().waitFor();
  const questions = await quiz.page.locator('.quiz .question').count();
  const q = await posterOfPage(quiz.page);
  assert.match(q.title, /（眉山）$/, q.title);
  assert.match(q.points.join('\n'), new RegExp(`这一组共 ${questions} 题`));
  // Its questions' document alone: the awareness target is 会宁's (县委办发〔2018〕83号), said only with 会宁's
  // questions (眉山's and 德州's posters had carried it), on the page as on the poster.
  assert.doesNotMatch(q.points.join('\n'), /会宁|考核表|83号|知晓率/);
  assert.match(q.source, /^依据：眉卫发〔2016〕137号$/);
  assert.match(new URL(q.qr).hash, /r=meishan/);
  assert.doesNotMatch(await quiz.page.locator('.quiz .hint').textContent(), /83号|知晓率/);
  // 会宁's group says it, naming the document, on the page and the poster.
  await quiz.page.locator('.region-filter [data-region="huining"]').click();
  await quiz.page.waitForFunction(() => /r=huining/.test(location.hash));
  assert.match(await quiz.page.locator('.quiz .hint').textContent(), /县委办发〔2018〕83号要求群众政策知晓率达到 95%/);
  const h = await posterOfPage(quiz.page);
  assert.match(h.title, /（会宁\/甘肃）$/, h.title);
  assert.match(h.points.join('\n'), /县委办发〔2018〕83号要求群众政策知晓率达到 95%/);
  assert.match(h.source, /县委办发〔2018〕83号/);
  // While the poster is open, the browser's own printing (the tool bar's 打印, Ctrl+P) prints it alone: the
  // page under it had printed after it, four sheets more.
  await quiz.page.getByRole('button', { name: '海报' }).click();
  await quiz.page.locator('[data-testid="poster"] svg[data-testid="qr"]').waitFor();
  await quiz.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(pdfPages(await quiz.page.pdf({ format: 'A4' })), 1, 'the poster alone, on one sheet');
  await quiz.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await quiz.page.evaluate(() => document.documentElement.classList.contains('printing-poster')), false);
  assert.deepEqual(quiz.errors, []);
  await quiz.page.close();

  // A form answered as a person answers it (1-1 否: 5; 3-1 否: loses 5; 3-2 是: 5).
  const { page, errors } = await selfCheck('');
  await page.locator('input[name="ind-1-1"]').nth(1).check();
  await page.locator('input[name="ind-3-1"]').nth(1).check();
  await page.locator('input[name="ind-3-2"]').nth(0).check();
  assert.equal(await page.textContent('[data-testid="form-score"]'), '10');
  const grade = (await page.textContent('[data-testid="form-grade"]')).trim();
  await page.waitForFunction((h) => location.hash === h, `#${seal('tab=baozhua&a=1-1_n~3-1_n~3-2_y')}`);
  const f = await posterOfPage(page);
  assert.match(f.title, /包抓干部工作考核表（自查）$/, f.title);
  assert.equal(f.points[0], `得分 10 分，满分 100 分；等次：${grade}`);
  assert.match(f.points.join('\n'), /失分 1 项/);
  assert.match(f.source, /^依据：县委办发〔2018〕83号 附表 3-1$/);
  // The code reopens the same score.
  const again = await open(browser, f.qr);
  await appReady(again.page);
  await again.page.waitForFunction(() => document.querySelector('[data-testid="form-score"]')?.textContent === '10');
  // With its 乡镇, 考核人 and date filled in, the poster says whose self-check it is, first (a poster of a
  // score had named no 乡镇), and its code reopens them.
  await page.fill('#f-town', '甘沟镇');
  await page.fill('#f-by', '王明');
  await page.fill('#f-date', '2026-03-01');
  const filled = await posterOfPage(page);
  assert.equal(filled.points[0], '乡镇：甘沟镇；考核人：王明；自查日期：2026年3月1日');
  assert.equal(filled.points[1], `得分 10 分，满分 100 分；等次：${grade}`);
  await again.page.goto(filled.qr);
  await appReady(again.page);
  await again.page.waitForFunction(() => document.querySelector('[data-testid="form-score"]')?.textContent === '10');
  assert.deepEqual(await again.page.evaluate(() => ['f-town', 'f-by', 'f-date'].map((id) => document.getElementById(id).value)), ['甘沟镇', '王明', '2026-03-01']);
  assert.deepEqual([...errors, ...again.errors], []);
  await again.page.close();
  await page.close();
});

test('the quiz printed: every question\'s number whole and on its first line (10. to 22. had printed as 0. to 2., then beside the first choice), and a QR code that opens its group', async () => {
  const desk = await launch({ viewport: { width: 1024, height: 768 } });
  try {
    const { page, errors } = await open(desk, `${server.base}/self-check/#tab=quiz`);
    await appReady(page);
    await page.waitForSelector('.questions > li');
    await page.emulateMedia({ media: 'print' });
    // Each number whole on the page and in its question's first line, above the choices (a list's marker had
    // stood beside the first choice once the legend floated).
    const numbers = await page.locator('.questions > li').evaluateAll((lis) => lis.map((li, i) => {
      const no = li.querySelector('legend .q-no');
      const r = no?.getBoundingClientRect();
      const choice = li.querySelector('.choice').getBoundingClientRect();
      return { i, text: no?.textContent, left: r?.left, top: r?.top, legend: li.querySelector('legend').getBoundingClientRect().top, choice: choice.top, bottom: r?.bottom };
    }));
    assert.equal(numbers.length, 22);
    // The 22 questions on 4 sheets, their choices side by side (one a line, they took 8).
    const sheets = pdfPages(await page.pdf({ format: 'A4' }));
    assert.ok(sheets <= 4, `${sheets} sheets`);
    // The lead's clause named on paper as the site's other 出处 (a bare 出处 had printed).
    assert.match(await page.locator('.quiz > .hint').innerText(), /出处：县委办发〔2018〕83号 附件4 /);
    for (const n of numbers) {
      assert.ok(n.text === `${n.i + 1}. ` && n.left >= 0 && n.top - n.legend < 20 && n.bottom <= n.choice, JSON.stringify(n));
    }
    // 眉山's group printed for a briefing carries a QR code that opens that group on a phone (the printout
    // had none: a trainer's audit).
    await page.emulateMedia({ media: 'screen' });
    await page.locator('.region-filter button[data-region="meishan"]').click();
    await page.waitForFunction(() => /r=meishan/.test(location.hash));
    await page.locator('[data-testid="printed-qr"] svg[data-testid="print-qr"]').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    // page.pdf prints with the emulated media: print, as the browser's printing does.
    await page.emulateMedia({ media: 'print' });
    const dir = fs.mkdtempSync('/tmp/quiz-print-');
    const pdf = await page.pdf({ format: 'A4' });
    fs.writeFileSync(`${dir}/quiz.pdf`, pdf);
    execFileSync('gs', ['-q', '-sDEVICE=pnggray', '-r150', '-o', `${dir}/quiz-%d.png`, `${dir}/quiz.pdf`]);
    const codes = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).flatMap((f) => {
      try { return [execFileSync('zbarimg', ['-q', '--raw', `${dir}/${f}`]).toString().trim()]; } catch { return []; }
    });
    assert.deepEqual(codes, [page.url()], 'one code on the paper, opening this group');
    // NFKC: Ghostscript writes some characters as their Kangxi radicals (⼀ for 一), and 上 as P.
    const printed = execFileSync('gs', ['-q', '-sDEVICE=txtwrite', '-o', '-', `${dir}/quiz.pdf`]).toString().normalize('NFKC');
    assert.ok(printed.includes('作答这一组题'), 'what the code opens is said under it');
    assert.ok(!printed.includes('交卷'), 'no button on the paper');
    // A 眉山 handout names its group, and does not open with the page's lead about 会宁's forms.
    assert.match(printed, /知晓测验.眉山/, 'the group named in its heading (its brackets come out of Ghostscript as other characters)');
    assert.ok(!printed.includes('逐项自查'), 'without the page\'s lead');
    const scanned = await open(desk, codes[0]);
    await appReady(scanned.page);
    await scanned.page.waitForSelector('.questions > li');
    assert.equal(await scanned.page.getAttribute('.region-filter button[data-region="meishan"]', 'aria-pressed'), 'true');
    // 德州's three questions on one sheet (the footer's screen padding had sent its last words to a second).
    await page.emulateMedia({ media: 'screen' });
    await page.locator('.region-filter button[data-region="dezhou"]').click();
    await page.waitForFunction(() => /r=dezhou/.test(location.hash));
    await page.emulateMedia({ media: 'print' });
    assert.equal(pdfPages(await page.pdf({ format: 'A4' })), 1, '德州 on one sheet');
    assert.deepEqual([...errors, ...scanned.errors], []);
  } finally {
    await desk.close();
  }
});

// A trainer's audit: the 五督 form printed as it opens (nothing answered) took four sheets, the fourth only
// the footer's line (打印日期 and 网址). The form's foot now carries them with its 出处, in one paragraph.
test('a self-check form printed has no sheet of its print date and address alone, and says them once, beside its score', async () => {
  const ctx = await browser.browser().newContext({ viewport: { width: 1024, height: 768 } });
  for (const tab of ['', '#tab=wudu']) {
    const { page, errors } = await open(ctx, `${server.base}/self-check/${tab}`);
    await appReady(page);
    await page.locator('.form-view').first().waitFor();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-form-'));
    const file = path.join(dir, 'form.pdf');
    fs.writeFileSync(file, await page.pdf({ format: 'A4' }));
    const n = pdfPages(fs.readFileSync(file));
    const sheets = Array.from({ length: n }, (_, i) => execFileSync('gs', ['-q', '-sDEVICE=txtwrite', `-dFirstPage=${i + 1}`, `-dLastPage=${i + 1}`, '-o', '-', file]).toString());
    for (const [i, text] of sheets.entries()) {
      const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !/^第 \d+ \/ \d+ /.test(l));
      assert.ok(lines.some((l) => !/打印.期|址/.test(l)), `${tab || '包抓'} sheet ${i + 1} of ${sheets.length}: only ${lines.join(' / ')}`);
    }
    const all = sheets.join('\n');
    assert.equal((all.match(/打印.期.\d{4}/g) || []).length, 1, `${tab || '包抓'}: the print date once`);
    // On the score's sheet, beside its code (the 五督 form's 出处 and date had taken a fourth sheet, then its
    // footer's padding a blank one).
    const foot = sheets.findIndex((t) => /打印.期.\d{4}/.test(t));
    assert.match(sheets[foot], /\b0 \/ (95|100)\b/, `${tab || '包抓'}: the print date on the score's sheet`);
    assert.equal(foot, sheets.length - 1, `${tab || '包抓'}: the last sheet`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  await ctx.close();
});
