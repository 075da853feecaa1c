// 朗读 reads from where the reader is, in sentence-sized utterances queued one after another, with
// 暂停/继续 and 停止. Headless Chromium has no Chinese voice, so the page gets a stand-in speech engine
// (before any script runs) that records what it is given and ends each utterance when told to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, calcLink, checkResult } from './harness.mjs';

/** The stand-in engine: `window.__spoken` lists the texts given; an utterance ends by itself while
 * `window.__autoEnd` is true, else on `window.__endNow()`. */
function fakeSpeech() {
  const spoken = []; window.__spoken = spoken; window.__autoEnd = true;
  let current = null;
  class Voice { constructor() { this.lang = 'zh-CN'; this.name = 'test'; this.voiceURI = 'test'; this.default = true; this.localService = true; } }
  class Utterance { constructor(text) { this.text = text; } }
  const end = (u) => { if (current === u) { current = null; u.onend?.(); } };
  const synth = {
    onvoiceschanged: null,
    getVoices: () => [new Voice()],
    speak(u) { spoken.push(u.text); current = u; if (window.__autoEnd) setTimeout(() => end(u), 0); },
    cancel() { const u = current; current = null; if (u) setTimeout(() => u.onerror?.(), 0); },
    pause() {}, resume() {},
  };
  window.__endNow = () => end(current);
  window.SpeechSynthesisVoice = Voice;
  window.SpeechSynthesisUtterance = Utterance;
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); await browser.addInitScript(fakeSpeech); });
after(async () => { await browser?.close(); await server?.close(); });

const spoken = (page) => page.evaluate(() => window.__spoken.slice());

test('a document is read from the section in the address, in pieces of at most 200 characters', async () => {
  const { page, errors } = await open(browser, `${server.base}/docs/dezhou-20/#s3`);
  await appReady(page);
  const section = (await page.innerText('#s3')).trim();
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.read-aloud button')?.textContent === '朗读' && window.__spoken.length > 3);
  const texts = await spoken(page);
  assert.ok(section.startsWith(texts[0].replace(/\s+/g, ' ').trim().slice(0, 6)), `${texts[0]} vs ${section}`);
  assert.ok(texts.every((t) => [...t].length <= 200), 'every utterance ≤ 200 characters');
  // An earlier section's heading is not read (the title itself may come again in the text, as 编者注 quotes it).
  const earlier = (await page.textContent('#s1')).trim(); // off screen: innerText is empty (content-visibility)
  assert.ok(earlier.length > 0);
  const notes = texts.findIndex((t) => t.startsWith('编者注'));
  assert.ok(!texts.slice(0, notes).some((t) => t.includes(earlier)), 'what is above the section is not read');
  assert.deepEqual(errors, []);
  await page.close();
});

test('暂停 and 继续 resume at the sentence that was cut, 停止 ends', async () => {
  const { page } = await open(browser, `${server.base}/docs/dezhou-20/`);
  await appReady(page);
  await page.evaluate(() => { window.__autoEnd = false; });
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  // The first tap may wait for the page tools' chunk (what is read is worked out there).
  await page.waitForFunction(() => window.__spoken.length === 1);
  await page.evaluate(() => window.__endNow());
  await page.waitForFunction(() => window.__spoken.length === 2);
  const [, second] = await spoken(page);
  await page.getByRole('button', { name: '暂停' }).click();
  await page.getByRole('button', { name: '继续' }).click();
  await page.waitForFunction(() => window.__spoken.length === 3);
  assert.equal((await spoken(page))[2], second);
  await page.getByRole('button', { name: '停止' }).click();
  await page.getByRole('button', { name: '朗读', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: '停止' }).count(), 0);
  await page.close();
});

test('on the calculator the result is read first, not the form', async () => {
  const { page } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  await page.fill('#v0-total', '1.2万');
  await page.fill('#v0-compliant', '10000');
  await page.waitForSelector('[data-testid="personal-total"]');
  await page.evaluate(() => { window.__autoEnd = false; });
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await page.waitForFunction(() => window.__spoken.length === 1);
  const head = await page.innerText('.result-head');
  const [first] = await spoken(page);
  assert.ok(head.replace(/\s+/g, '').includes(first.replace(/\s+/g, '')), `${first} is not from ${head}`);
  assert.match(head, /1,500\.00/);
  await page.getByRole('button', { name: '停止' }).click();
  await page.close();
});

test('on the calculator each step is heard as its rule, then its amount: a rule ending in a figure never runs into the amount', async () => {
  // 建档立卡 in 会宁 with a bill that reaches the 85% floor: its rule ends in "85%".
  const { page } = await open(browser, `${server.base}${calcLink('p=h&c=pr&v=i,c,1,12000,10000,,')}`);
  await appReady(page);
  await page.waitForSelector('.visit-steps li');
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  const steps = await page.$$eval('.visit-steps li', (lis) => lis.map((li) => [li.querySelector('.rule').textContent, li.querySelector('.num').textContent]));
  await page.waitForFunction((n) => window.__spoken.join('').split('：').length > n, steps.length);
  await page.waitForTimeout(500);
  const heard = (await spoken(page)).join('').replace(/\s+/g, '');
  assert.ok(steps.some(([rule]) => /%$/.test(rule.trim())), 'a rule ends in a percentage');
  for (const [rule, amount] of steps) {
    const said = `${rule}：${amount}`.replace(/\s+/g, '');
    assert.ok(heard.includes(said), `"${said}" is not heard as such in: ${heard.slice(0, 400)}`);
  }
  assert.doesNotMatch(heard, /%\d/);
  // Who pays what: each payer's amount heard with its unit, as the column's heading gives it (金额（元）).
  const payers = await page.$$eval('.pay-table:not(.compare) tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert.ok(payers.length >= 5, JSON.stringify(payers));
  for (const [who, amount] of payers) {
    assert.ok(heard.includes(`${who}，${amount}元。`.replace(/\s+/g, '')), `${who} ${amount} is not heard with 元 in: ${heard.slice(0, 600)}`);
  }
  await page.close();
});

test('a document read from its top begins with its level and place, not a stray comma', async () => {
  const { page } = await open(browser, `${server.base}/docs/huining-83/`);
  await appReady(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await page.waitForFunction(() => window.__spoken.length > 3);
  const texts = await spoken(page);
  assert.equal(texts[0], '县级，', texts.slice(0, 3).join(' | '));
  assert.equal(texts[1], '甘肃省白银市会宁县');
  await page.getByRole('button', { name: '停止' }).click();
  await page.close();
});

/** Everything the page reads, once its reading has ended by itself (the stand-in ends each piece). */
async function readAll(page) {
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await page.waitForFunction(() => window.__spoken.length > 0 && document.querySelector('.read-aloud button')?.textContent === '朗读');
  return (await spoken(page)).join('\n');
}

test('on the calculator the whole result is heard: the amount, who pays what for the year, every step, the other reading', async () => {
  const { page, errors } = await open(browser, `${server.base}${calcLink('p=h&c=pr&v=i,c,1,12000,10000,,;i,c,1,30000,25000,,;o,c,1,3000,2800,,')}`);
  await appReady(page);
  await page.waitForSelector('.calc-details:not([aria-busy="true"]) .visit-steps li');
  const rows = await page.$$eval('.calc-details .pay-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
  // Where the documents disagree, with the amount (its 看说明和原文 link is the screen's).
  const others = await page.$$eval('[data-testid="contested"]', (ps) => ps.map((p) => p.innerText.replace(p.querySelector('a').innerText, '').replace(/\s+/g, '')));
  const heard = (await readAll(page)).replace(/\s+/g, '');
  assert.ok(rows.length >= 4, JSON.stringify(rows));
  for (const [who, amount] of rows) {
    assert.ok(heard.includes(`${who}，${amount}`.replace(/\s+/g, '')), `who pays what: "${who}，${amount}" is not heard`);
  }
  assert.equal(others.length, 1, 'the link gives a result with another reading');
  assert.ok(heard.includes(others[0]), `${others[0]} is not heard`);
  // A tag is heard as a word of its own, not run into the amount before it.
  assert.match(heard, /元，报销为估算/);
  // A step's formula is heard in words, not as signs an engine skips (− and ×).
  assert.match(heard, /减起付线.*乘以报销比例/);
  assert.doesNotMatch(heard, /[−×]/);
  assert.doesNotMatch(heard, /元含假设|元报销为估算/);
  // The comparison of categories (a wide table of other people's figures) is for the screen.
  assert.doesNotMatch(heard, /不同人员类别对比/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on the calculator whose amount it is is heard first (the region and the category), as it stands above the amount', async () => {
  // The amount had been heard without them: the same visits are 3,800.00 元 for 建档立卡 and 15,204.00 元 for 低保,
  // and at 特大 the form's choices are a screen or more above.
  const { page, errors } = await open(browser, `${server.base}${calcLink('p=h&c=db&v=i,s,0,45000,38000,,')}`);
  await appReady(page);
  await page.waitForSelector('.calc-details:not([aria-busy="true"]) .steps li');
  const who = (await page.innerText('.result-head .result-who')).replace(/\s+/g, '');
  assert.match(who, /甘肃省会宁县.*城乡低保对象/);
  const heard = (await readAll(page)).replace(/\s+/g, '');
  assert.ok(heard.includes(who), `${who} is not heard`);
  assert.ok(heard.indexOf(who) < heard.indexOf('全年个人自付'), 'before the amount');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a filled self-check form is heard with the answer chosen to each item and what is in its fields', async () => {
  // Every item had been heard as 是（失分）/ 否 whichever was chosen, and 乡镇：/ 考核人： as blank.
  const town = '郭城驿镇'; const by = '张三';
  const { page, errors } = await open(browser, `${server.base}/self-check/#tab=baozhua&a=1-1_n~1-2_y&town=${encodeURIComponent(town)}&by=${encodeURIComponent(by)}&d=2026-12-01`);
  await appReady(page);
  await page.waitForSelector('[data-testid="form-score"]');
  await page.evaluate(() => window.scrollTo(0, 0));
  const heard = await readAll(page);
  const lines = heard.split('\n').map((l) => l.replace(/\s+/g, ''));
  assert.ok(lines.includes(`乡镇：${town}`) && lines.includes(`考核人：${by}`), heard.slice(0, 400));
  assert.ok(lines.some((l) => /日期：2026年12月1日$/.test(l)), 'the date as the site writes dates');
  // Item 1-1 answered 否, 1-2 是, 2-1 not answered: one 已选 each for the first two, none for the third.
  const item = (no) => { const at = lines.findIndex((l) => l.startsWith(`第${no}项`)); return lines.slice(at + 1, lines.findIndex((l, i) => i > at && /^第\d+-\d+项/.test(l))); };
  assert.deepEqual(item('1-1').filter((l) => l.startsWith('已选：')), ['已选：否'], item('1-1').join(' | '));
  assert.equal(item('1-2').filter((l) => l.startsWith('已选：')).length, 1, item('1-2').join(' | '));
  assert.ok(item('1-2').find((l) => l.startsWith('已选：')).startsWith('已选：是'));
  assert.deepEqual(item('2-1').filter((l) => l.startsWith('已选：')), [], item('2-1').join(' | '));
  assert.deepEqual(errors, []);
  await page.close();
});

test('on the checker\'s result, the benefit opened last is read first, not the page from its title', async () => {
  const { page, errors } = await open(browser, `${server.base}/check/`);
  await checkResult(page);
  const items = page.locator('li.benefit details');
  const n = await items.count();
  assert.ok(n > 3, `${n} benefits`);
  const third = items.nth(2);
  await third.locator('summary').click();
  // The tap on 朗读 (at the top of the page) scrolls up to it, as a person on a phone does: the item is then below the screen.
  await page.waitForFunction(() => document.querySelectorAll('li.benefit details')[2].open);
  const name = (await third.locator('summary').innerText()).replace(/\s+/g, '');
  const heard = (await readAll(page)).split('\n').map((l) => l.replace(/\s+/g, ''));
  assert.ok(heard[0].startsWith(name.slice(0, 6)), `first heard: ${heard[0]}; opened: ${name}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on the calculator before anything is typed, the worked example is heard with its steps', async () => {
  const { page } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  const steps = await page.$$eval('.calc-result .steps li .rule', (r) => r.map((e) => e.textContent.trim()));
  assert.ok(steps.length >= 3, 'the example has its steps');
  const heard = (await readAll(page)).replace(/\s+/g, '');
  for (const rule of steps) assert.ok(heard.includes(rule.replace(/\s+/g, '')), `${rule} is not heard`);
  await page.close();
});

test('a document\'s tables are heard row by row, each cell after its column\'s name; its editors\' notes name clauses, not ids', async () => {
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/#t3-2`);
  await appReady(page);
  const heard = await readAll(page);
  assert.match(heard, /包抓科级干部：[^，]+，医共体包抓领导：[^，]+，包抓乡镇：/);
  assert.doesNotMatch(heard, /#[a-z]+\d/, 'an id like #s3-2 is heard');
  assert.match(heard, /三（二）/, 'the editors\' notes name the clause');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a merged cell\'s text is heard with its （同上） in its sentence, not as a sentence of its own', async () => {
  // 附件4 附表's rows 5–9 carry row 5's 问责主体, 受援医院及负责人。: （同上）。 had been heard alone after the row.
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/#t4-1-r7`);
  await appReady(page);
  await page.evaluate(() => { window.__autoEnd = false; });
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await page.waitForFunction(() => window.__spoken.length === 1);
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => window.__endNow());
    await page.waitForFunction((n) => window.__spoken.length > n, i + 1);
  }
  const texts = (await spoken(page)).map((t) => t.replace(/\s+/g, ''));
  assert.ok(texts.some((t) => t.includes('问责主体：受援医院及负责人（同上）。')), texts.join(' | '));
  assert.ok(!texts.some((t) => /^（同上）/.test(t)), texts.join(' | '));
  await page.getByRole('button', { name: '停止' }).click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a scored self-check form is heard whole: the score out of the form\'s points (no slash read out), then each item lost', async () => {
  const { page, errors } = await open(browser, `${server.base}/self-check/#tab=baozhua&a=1-1_n~1-2_n~2-1_y`);
  await appReady(page);
  await page.waitForSelector('[data-testid="form-score"]');
  const lost = await page.$$eval('.calc-result .steps li .rule', (r) => r.map((e) => e.textContent.trim()));
  assert.ok(lost.length >= 1, 'the answers lose points');
  const heard = (await readAll(page)).replace(/\s+/g, '');
  assert.match(heard, /得分\d+分，满分100分/);
  assert.doesNotMatch(heard, /\//);
  for (const rule of lost) assert.ok(heard.includes(rule.replace(/\s+/g, '')), `${rule} is not heard`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an unanswered self-check form is heard from the top of the screen: its title, its items, then the score (not the score box alone)', async () => {
  const { page, errors } = await open(browser, `${server.base}/self-check/#tab=wudu`);
  await appReady(page);
  await page.waitForSelector('[data-testid="form-score"]');
  const first = (await page.locator('.form-view fieldset.form-item legend').first().textContent()).replace(/\s+/g, '');
  const heard = (await readAll(page)).replace(/\s+/g, '');
  assert.ok(heard.includes(first), `the first item (${first}) is heard`);
  assert.match(heard, /得分0分/, 'and the score');
  assert.deepEqual(errors, []);
  await page.close();
});

test('on the calculator what the link could not read is heard before the amount, as it is shown above it', async () => {
  const { page, errors } = await open(browser, `${server.base}${calcLink('p=h&c=or&v=i,P,0,50000,40000,,')}`);
  await appReady(page);
  await page.waitForSelector('.calc-details:not([aria-busy="true"]) .steps li');
  const heard = (await readAll(page)).replace(/\s+/g, '');
  const said = heard.indexOf('医院级别代码“P”不认识');
  assert.ok(said >= 0, 'the notice is heard');
  assert.ok(said < heard.indexOf('全年个人自付'), 'before the amount');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the checker\'s review screen is heard once: each answer after its label, not the label again with 修改', async () => {
  const { page, errors } = await open(browser, `${server.base}/check/`);
  await checkResult(page);
  await page.goBack();
  await page.waitForSelector('dl.review');
  const heard = await readAll(page);
  assert.match(heard, /政策地区\n会宁县（甘肃省白银市）/);
  assert.equal(heard.match(/政策地区/g).length, 1, heard);
  assert.doesNotMatch(heard, /修改/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('after 朗读 has read a document, a 目录 entry still lands on its clause', async () => {
  // 朗读 lays out the whole text once to read it; the router's one scroll to a 目录 entry then went by stale
  // heights and left 附表 3-2's link 4,500 px short, in another table, the address saying #t3-2.
  const { page, errors } = await open(browser, `${server.base}/docs/`);
  await appReady(page);
  await page.locator('a[href="/docs/huining-83/"]').first().click();
  await page.waitForURL(/huining-83/);
  await appReady(page);
  await readAll(page);
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('details.toc summary').click();
  const entry = page.locator('details.toc a', { hasText: '附表 3-2' }).first();
  const id = (await entry.getAttribute('href')).slice(1);
  await entry.click();
  await page.waitForFunction((id) => location.hash === `#${id}`, id);
  await page.waitForTimeout(2500); // the page holds the clause while the sections around it are drawn
  const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, id);
  assert.ok(top >= 0 && top < 120, `附表 3-2 at ${top} px`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the block being read is marked and kept on the screen as the reading goes on; 停止 takes the mark off', async () => {
  // A resident listening to a long document saw its title while 朗读 read on 17,900 px below (2026-12-05).
  const { page, errors } = await open(browser, `${server.base}/docs/huining-83/`);
  await appReady(page);
  await page.evaluate(() => { window.__autoEnd = false; });
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await page.waitForFunction(() => window.__spoken.length === 1);
  const onScreen = () => page.evaluate(() => {
    const el = document.querySelector('.being-read');
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight, y: scrollY, text: el.innerText.slice(0, 20) };
  });
  let last;
  for (let i = 1; i <= 60; i++) {
    await page.evaluate(() => window.__endNow());
    await page.waitForFunction((n) => window.__spoken.length === n + 1, i);
    last = await onScreen();
    assert.ok(last, `utterance ${i + 1}: a block is marked`);
    // On the screen (a block taller than the screen is followed by where the sentence read is in it).
    assert.ok(last.top < last.height && last.bottom > 0, `utterance ${i + 1}: ${JSON.stringify(last)}`);
    const said = (await spoken(page))[i].replace(/\s+/g, '').slice(0, 4);
    const text = await page.evaluate(() => document.querySelector('.being-read').innerText.replace(/\s+/g, ''));
    assert.ok(text.includes(said), `the marked block holds what is said: ${said} in ${text.slice(0, 40)}`);
  }
  assert.ok(last.y > 2000, `the page followed the reading (${last.y} px down)`);
  // 暂停 and 停止 at hand, far down the page (the tool bar at its top has scrolled away).
  const stop = await page.getByRole('button', { name: '停止' }).boundingBox();
  assert.ok(stop && stop.y > 0 && stop.y + stop.height <= 780, `停止 on the screen: ${JSON.stringify(stop)}`);
  await page.getByRole('button', { name: '停止' }).click();
  await page.waitForFunction(() => !document.querySelector('.being-read'));
  assert.deepEqual(errors, []);
  await page.close();
});
