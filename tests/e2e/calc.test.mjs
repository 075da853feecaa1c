// The calculator as a person uses it at 360 px: typing amounts shows the year's personal amount at once,
// a field error is shown beside its field, the scenario is in the URL and a shared URL reproduces it,
// and nothing typed is stored on the device.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, calcLink, CITED_LINK } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('typing a bill gives the personal amount, with cited steps', async () => {
  const { page, errors } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  await page.fill('#v0-total', '1.2万');
  await page.fill('#v0-compliant', '10000');
  await page.waitForSelector('[data-testid="personal-total"]');
  assert.equal(await page.textContent('[data-testid="personal-total"]'), '1,500.00');
  // The steps follow once the browser has painted the amount.
  await page.waitForSelector('.calc-details:not([aria-busy="true"]) .steps a.cite');
  const cites = await page.locator('.steps a.cite').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(cites.length >= 3 && cites.every((h) => CITED_LINK.test(h)), JSON.stringify(cites));
  // The page is no wider than the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a step that used an assumed number leads to it, and changing it there changes the step', async () => {
  // An ordinary resident (not 建档立卡): 基本医保's ratio for them is not in the documents.
  const { page, errors } = await open(browser, `${server.base}${calcLink('p=h&c=or&v=i,c,1,12000,10000,,')}`);
  await appReady(page);
  await page.waitForSelector('.calc-details:not([aria-busy="true"]) .steps li');
  const step = page.locator('.steps li').filter({ hasText: '基本医保报销' }).first();
  assert.match(await step.innerText(), /含假设/);
  const before = await step.locator('.num').innerText();
  const before_total = await page.textContent('[data-testid="personal-total"]');
  await step.getByRole('button', { name: '看看或改假设的数字' }).click();
  // The section of assumed numbers is open, and a number this step used (a 县级 stay's) has the focus, on
  // the screen (it had been the list's first field, 乡镇卫生院's 85%, for a step that used 75%); the address
  // (the scenario) is unchanged.
  assert.equal(await page.locator('#assumptions').evaluate((d) => d.open), true);
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.match(focused, /^param-basic_(ratio|deductible)_county$/);
  const field = await page.locator(`#${focused}`).evaluate((f) => { const r = f.getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; });
  assert.ok(field[0] >= 0 && field[1] <= field[2], `the field is at ${field}`);
  assert.match(page.url(), /#k=\w{4}&p=h&c=or&v=i,c,1,12000,10000,,$/);
  // The county's ratio is what this step used.
  const county = page.locator('#param-basic_ratio_county');
  await county.fill('60%');
  await page.waitForFunction((b) => document.querySelector('[data-testid="personal-total"]')?.textContent !== b, before_total);
  await page.waitForSelector('.calc-details:not([aria-busy="true"]) [data-testid="changed-step"]');
  const after = await page.locator('.steps li').filter({ hasText: '基本医保报销' }).first().locator('.num').innerText();
  assert.notEqual(after, before, 'the step follows the changed number');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad amount is explained beside its field', async () => {
  const { page } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  await page.fill('#v0-total', '10000');
  await page.fill('#v0-compliant', '12000');
  await page.waitForSelector('#v0-compliant-err:not(:empty)');
  assert.match(await page.textContent('#v0-compliant-err'), /不能大于医疗总费用/);
  await page.fill('#v0-total', 'abc');
  assert.match(await page.textContent('#v0-total-err'), /看不懂这个金额/);
  assert.equal(await page.getAttribute('#v0-total', 'aria-invalid'), 'true', 'said to a screen reader too');
  assert.equal(await page.getAttribute('#v0-compliant', 'aria-invalid'), null);
  // A comma that does not separate thousands: which number was meant cannot be told (12,00 was taken as
  // 1,200 and 12.000,50 as 12.00 without a word); typed or opened from a link, the field says so.
  // Commas on the way to 12,000 (12,00) say what is still to come rather than that the comma is wrong.
  for (const [typed, said] of [['12,00', '逗号后面要写满三位数'], ['12.000,50', '逗号的位置不对']]) {
    await page.fill('#v0-total', typed);
    await page.fill('#v0-compliant', '');
    await page.waitForFunction((s) => document.getElementById('v0-total-err').textContent.includes(s), said);
    assert.equal(await page.locator('.calc-result [data-testid="personal-total"]').count(), 0, typed);
  }
  await page.goto(`${server.base}${calcLink('p=h&c=pr&v=i,c,1,12%2C00,,,')}`);
  await page.waitForFunction(() => /逗号后面要写满三位数/.test(document.getElementById('v0-total-err')?.textContent));
  await page.fill('#v0-total', '12,000');
  await page.waitForFunction(() => document.querySelector('.calc-result [data-testid="personal-total"]'));
  await page.close();
});

// Typed key by key as a resident types a bill from its slip (an audit, 2026-12-06: ¥ as the first key had
// said 请填写金额, and 12, on the way to 12,000 that the comma was in the wrong place).
test('a bill typed key by key with its sign and commas is never called wrong on the way, and ends as typed plain', async () => {
  const { page } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  const field = page.locator('#v0-total');
  const seen = async () => page.evaluate(() => ({
    err: document.getElementById('v0-total-err').textContent,
    amount: document.querySelector('.calc-result [data-testid="personal-total"]')?.textContent ?? null,
  }));
  await field.click();
  await page.keyboard.type('¥');
  await page.waitForTimeout(200);
  assert.deepEqual(await seen(), { err: '', amount: null }, '¥ alone is not yet an amount, and not wrong');
  assert.match(await page.textContent('.calc-result'), /请填写“医疗总费用”/);
  // On the way to 12,000 (12, then 12,0 and 12,00): said quietly, never marked wrong (it had been red with ⚠
  // for three keys), and the result waits without asking for a fix.
  const quiet = async (sofar) => {
    const got = await page.evaluate(() => {
      const err = document.getElementById('v0-total-err');
      return {
        text: err.textContent,
        red: getComputedStyle(err).color === 'rgb(176, 0, 32)',
        invalid: document.getElementById('v0-total').getAttribute('aria-invalid'),
        marked: err.parentElement.classList.contains('invalid'),
        notice: document.querySelector('.calc-result .notice')?.textContent,
        alert: document.querySelector('.calc-result [role="alert"]')?.textContent ?? null,
      };
    });
    assert.deepEqual(got, {
      text: `逗号后面要写满三位数：${sofar}（如 12,000；小数用点，如 12000.50）`, red: false, invalid: null, marked: false,
      notice: '金额还没写完，写完后结果会马上显示在这里。', alert: null,
    }, sofar);
  };
  await page.keyboard.type('12,', { delay: 60 });
  await page.waitForFunction(() => /逗号后面要写满三位数：¥12,/.test(document.getElementById('v0-total-err').textContent));
  assert.equal((await seen()).amount, null, 'no amount for a number not finished');
  await quiet('¥12,');
  for (const [key, sofar] of [['0', '¥12,0'], ['0', '¥12,00']]) {
    await page.keyboard.type(key);
    await page.waitForFunction((s) => document.getElementById('v0-total-err').textContent.includes(`：${s}（`), sofar);
    await quiet(sofar);
  }
  // A comma that cannot be on its way to an amount is wrong, and said so.
  await page.keyboard.type('.5');
  await page.waitForFunction(() => /^⚠ 逗号的位置不对/.test(document.getElementById('v0-total-err').textContent));
  assert.equal(await page.getAttribute('#v0-total', 'aria-invalid'), 'true');
  assert.equal(await page.locator('.calc-result [role="alert"]').textContent(), '有几处金额需要改正，请看上面标红的地方。');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0', { delay: 60 });
  await page.waitForFunction(() => document.querySelector('.calc-result [data-testid="personal-total"]'));
  const typed = await seen();
  // How it was read, said quietly at the field (a resident sees there what the calculation takes).
  assert.equal(typed.err, '即 12,000.00 元');
  assert.equal(await page.evaluate(() => document.getElementById('v0-total-err').classList.contains('pending')), true);
  await field.fill('12000');
  await page.waitForFunction(() => /v=i,c,1,12000,/.test(location.hash));
  assert.deepEqual(await seen(), { ...typed, err: '' }, '¥12,000 is 12000 (a plain number needs no reading said)');
  await page.close();
});

// A resident who types in Chinese (拼音, or voice input) or copies a slip's 大写 amount: 一万二 had been 看不懂这个金额,
// and the 拼音 on its way (yiwan) was called wrong while it was being chosen.
test('an amount in Chinese numerals, typed with 拼音 or a slip\'s 大写, is the same amount; 拼音 being chosen is not called wrong', async () => {
  const { page, errors } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  await page.click('#v0-total');
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['y', 'yi', 'yiwan', 'yiwaner']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await page.waitForTimeout(300);
  assert.equal(await page.textContent('#v0-total-err'), '', 'nothing said while 拼音 is being chosen');
  assert.equal(await page.locator('.calc-result [data-testid="personal-total"]').count(), 0);
  assert.doesNotMatch(page.url(), /yi/, 'nor put in the link');
  await cdp.send('Input.insertText', { text: '一万二' });
  await page.waitForFunction(() => document.querySelector('.calc-result [data-testid="personal-total"]')?.textContent === '1,800.00');
  assert.equal(await page.textContent('#v0-total-err'), '即 12,000.00 元', 'how it was read, at the field');
  // The link keeps it as typed and opens the same amount.
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('一万二'));
  const link = page.url();
  await page.goto('about:blank');
  await page.goto(link);
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('.calc-result [data-testid="personal-total"]')?.textContent === '1,800.00');
  assert.equal(await page.inputValue('#v0-total'), '一万二');
  // A slip's 大写 amount, and one that cannot be told (一点二万) said as before.
  for (const [typed, want] of [['壹万贰仟元整', '1,800.00'], ['一万二千元', '1,800.00']]) {
    await page.fill('#v0-total', typed);
    await page.waitForFunction((w) => document.querySelector('.calc-result [data-testid="personal-total"]')?.textContent === w, want);
  }
  // With 角 after 人民币, as a slip's 大写 line writes it: the same as its digits.
  await page.fill('#v0-total', '12000.50');
  await page.waitForFunction(() => /v=i,c,1,12000.50,/.test(location.hash));
  const cents = await page.textContent('.calc-result [data-testid="personal-total"]');
  await page.fill('#v0-total', '人民币壹万贰仟元伍角');
  await page.waitForFunction(() => /v=i,c,1,%E4%BA%BA/.test(location.hash));
  assert.equal(await page.textContent('.calc-result [data-testid="personal-total"]'), cents);
  assert.match(await page.textContent('.calc-result'), /医疗总费用 12,000\.50\s元/);
  await page.fill('#v0-total', '一点二万');
  await page.waitForFunction(() => /^⚠ 看不懂这个金额：一点二万/.test(document.getElementById('v0-total-err').textContent));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the scenario is in the URL, and the URL reproduces it', async () => {
  const { page } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  await page.check('input[name="category"][value="dibao"]');
  await page.fill('#v0-total', '12000');
  await page.fill('#v0-compliant', '10000');
  await page.getByRole('button', { name: /再添一次就诊/ }).click();
  await page.fill('#v1-total', '30000');
  await page.fill('#v1-compliant', '30000');
  await page.selectOption('#v1-kind', 'chronic_outpatient');
  await page.waitForFunction(() => location.hash.includes('v='));
  const personal = await page.textContent('[data-testid="personal-total"]');
  const url = page.url();
  assert.match(url, /#k=\w{4}&p=h&c=db&v=i,c,1,12000,10000,,;o,c,1,30000,30000,,/);
  const again = await browser.newPage();
  await again.goto(url);
  await appReady(again);
  await again.waitForSelector('[data-testid="personal-total"]');
  assert.equal(await again.textContent('[data-testid="personal-total"]'), personal);
  assert.equal(await again.inputValue('#v1-total'), '30000');
  await again.close();
  await page.close();
});

test('a deleted visit can be put back where it was (撤销删除); a double tap deletes one; a visit not filled in is named, not replaced by the example', async () => {
  const visits = 'v=i,c,1,1000,1000,,;i,c,1,2000,2000,,;i,c,1,30000,30000,,;i,c,1,4000,4000,,';
  const { page, errors } = await open(browser, `${server.base}${calcLink(`p=h&c=db&${visits}`)}`);
  await appReady(page);
  await page.waitForSelector('[data-testid="personal-total"]');
  const personal = await page.textContent('[data-testid="personal-total"]');
  const hash = await page.evaluate(() => location.hash);
  const totals = () => page.$$eval('input[id$="-total"]', (is) => is.map((i) => i.value));
  const same = async () => {
    await page.waitForFunction((h) => location.hash === h, hash);
    await page.waitForFunction((p) => document.querySelector('[data-testid="personal-total"]')?.textContent === p, personal);
  };
  const undoButton = page.getByRole('button', { name: /^撤销删除/ });
  // Deleting the first visit, scrolled to it: the page stays where it was and 撤销删除 is on the screen,
  // with the focus.
  await page.getByRole('button', { name: '删除第 1 次就诊' }).scrollIntoViewIfNeeded();
  const y0 = await page.evaluate(() => scrollY);
  await page.getByRole('button', { name: '删除第 1 次就诊' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'undo-delete');
  assert.deepEqual(await totals(), ['2000', '30000', '4000']);
  assert.match(await page.textContent('.undo'), /已删除第 1 次就诊（医疗总费用 1000）。\s*撤销删除第 1 次就诊/);
  const [dy, bottom] = await page.evaluate(() => [scrollY, document.getElementById('undo-delete').getBoundingClientRect().bottom]);
  assert.ok(Math.abs(dy - y0) < 400 && bottom <= 780, `the page stays, the button on the screen: scrollY ${y0} → ${dy}, bottom ${bottom}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'the bar fits the phone');
  // Enter on 撤销删除 puts it back, not deletes the next visit; the focus goes to the visit put back.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'v0-kind');
  assert.deepEqual(await totals(), ['1000', '2000', '30000', '4000']);
  assert.equal(await page.locator('.undo > span').isVisible(), false, 'nothing left to put back: the bar goes');
  await same();
  // Two quick taps on 删除 at the same place delete one visit (the next one's 删除 moves under the finger).
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: '删除第 2 次就诊' }).scrollIntoViewIfNeeded();
  const box = await page.getByRole('button', { name: '删除第 2 次就诊' }).boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  assert.deepEqual(await totals(), ['1000', '30000', '4000']);
  // Two deletions apart, then 撤销删除 twice: both back where they were.
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: '删除第 3 次就诊' }).click();
  assert.deepEqual(await totals(), ['1000', '30000']);
  await page.waitForFunction(() => document.activeElement?.id === 'undo-delete');
  // The bar is the screen's, not the printout's (print media hides the focused button: checked here,
  // where the focus no longer matters).
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.undo').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  await undoButton.click();
  await page.waitForFunction(() => /已放回第 3 次就诊。\s*撤销删除第 2 次就诊/.test(document.querySelector('.undo').textContent));
  await undoButton.click();
  assert.deepEqual(await totals(), ['1000', '2000', '30000', '4000']);
  await same();
  // Once the person changes anything else, the bar goes.
  await page.getByRole('button', { name: '删除第 4 次就诊' }).click();
  await page.fill('#v0-total', '1200');
  await page.waitForFunction(() => document.querySelector('.undo > span').hidden);
  // A visit added and not filled in yet: named, the year's result waits, no worked example in its place.
  await page.getByRole('button', { name: /再添一次就诊/ }).click();
  await page.waitForFunction(() => /第 4 次就诊还没填“医疗总费用”/.test(document.querySelector('.calc-result')?.textContent));
  assert.equal(await page.locator('.calc-result .calc-example').count(), 0, 'no example in the result\'s place');
  await page.fill('#v3-total', '4000');
  await page.waitForSelector('[data-testid="personal-total"]');
  // Down to one visit: no 删除 for it (the build writes the button hidden, and a rule for buttons had
  // shown it all the same: a button that did nothing, under the only visit).
  for (const n of [4, 3, 2]) {
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: `删除第 ${n} 次就诊` }).click();
  }
  assert.deepEqual(await totals(), ['1200']);
  assert.equal(await page.getByRole('button', { name: /^删除第/ }).count(), 0, 'no 删除 for the only visit');
  assert.deepEqual(errors, []);
  await page.close();
});

// An audit (2026-12-07): the form drawn again while the focus was still in a field it took away (another
// region chosen with the focus in a changed number, a link opened while typing in a visit it does not have)
// said `change` from that field in the middle of the drawing, and the page stopped with its crash notice.
test('the form drawn again while the focus is in a field it takes away: no crash, nothing read from the field gone', async () => {
  const { page, errors } = await open(browser, `${server.base}${calcLink('p=h&c=or&v=i,c,1,12000,10000,,')}`);
  await appReady(page);
  await page.waitForSelector('[data-testid="personal-total"]');
  await page.locator('summary', { hasText: '假设的数字' }).click();
  await page.fill('#param-basic_ratio_county', '70%');
  await page.waitForFunction(() => location.hash.includes('basic_ratio_county'));
  // The region changed without the focus leaving the number (as a screen reader's or a script's change).
  await page.evaluate(() => {
    const s = document.getElementById('profile');
    s.value = 'meishan-2016';
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => /p=m/.test(location.hash));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.crash').count(), 0, 'no crash notice');
  assert.doesNotMatch(await page.evaluate(() => location.hash), /a=/, '会宁\'s number not taken into 眉山\'s');
  assert.match(await page.textContent('[data-testid="changed-elsewhere"]'), /甘肃省会宁县/);
  // A link opened while typing in a visit it does not have.
  await page.getByRole('button', { name: /再添一次就诊/ }).click();
  await page.fill('#v1-total', '300');
  await page.evaluate((h) => { location.hash = h; }, calcLink('p=h&c=pr&v=i,c,1,5000,,,').split('#')[1]);
  await page.waitForFunction(() => document.querySelectorAll('fieldset.visit').length === 1);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.crash').count(), 0, 'no crash notice');
  assert.equal(await page.inputValue('#v0-total'), '5000');
  assert.deepEqual(errors, []);
  await page.close();
});

// The same audit: on every key the whole answer had been taken out of the live region and put back (a
// screen reader would say it all again); only what changed is written now, as the answer before had done.
test('a key changes only the answer\'s texts and attributes, not its elements', async () => {
  const { page, errors } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  await page.fill('#v0-total', '1200');
  await page.waitForSelector('[data-testid="personal-total"]');
  await page.waitForTimeout(600);
  const before = await page.textContent('[data-testid="personal-total"]');
  await page.evaluate(() => {
    window.__moved = 0;
    new MutationObserver((ms) => { for (const m of ms) window.__moved += m.addedNodes.length + m.removedNodes.length; })
      .observe(document.querySelector('.calc-answer'), { childList: true, subtree: true });
  });
  await page.locator('#v0-total').press('End');
  await page.keyboard.type('0');
  await page.waitForFunction((b) => document.querySelector('[data-testid="personal-total"]').textContent !== b, before);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__moved), 0, 'no element taken out or put in');
  assert.equal(await page.getAttribute('section.calc-result', 'aria-live'), 'polite');
  assert.deepEqual(errors, []);
  await page.close();
});

test('nothing typed is stored on the device', async () => {
  const { page } = await open(browser, `${server.base}/calc/`);
  await appReady(page);
  await page.fill('#v0-total', '87654');
  await page.fill('#v0-compliant', '76543');
  await page.waitForSelector('[data-testid="personal-total"]');
  const stored = await page.evaluate(async () => {
    const dump = [];
    for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) dump.push(s.key(i) + '=' + s.getItem(s.key(i)));
    const dbs = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    return { storage: dump.join(';'), cookies: document.cookie, dbs };
  });
  assert.ok(!/87654|76543/.test(stored.storage), stored.storage);
  assert.equal(stored.cookies, '');
  assert.deepEqual(stored.dbs, []);
  await page.close();
});

// An audit (2026-12-07, a trainer at 1024×768): a total cleared left the last year's steps under the notice
// for a frame, marked busy, and the page jumped twice; they go with the key now, as the Leptos app had.
test('a total cleared takes the last year\'s steps away with the key', async () => {
  const { page, errors } = await open(browser, `${server.base}${calcLink('p=h&c=pr&v=i,c,1,12000,10000,,')}`);
  await appReady(page);
  await page.waitForSelector('.calc-details .steps li');
  const left = await page.evaluate(() => {
    const total = document.getElementById('v0-total');
    total.value = '';
    total.dispatchEvent(new Event('input', { bubbles: true }));
    // In the key's own task, before any paint.
    return document.querySelectorAll('.calc-details .steps li').length;
  });
  assert.equal(left, 0);
  assert.match(await page.textContent('.calc-result'), /请填写“医疗总费用”/);
  assert.deepEqual(errors, []);
  await page.close();
});

// A read-over (2026-12-07): every key had handed the comparison and the curve to their view again, which drew
// them anew (a table and a chart in the key's own task, the QR code's SVG copied); a key only dims them now,
// and they are drawn again once typing pauses, for the new amount.
test('a key dims the comparison and the curve without drawing them again; the pause brings the new ones', async () => {
  const { page, errors } = await open(browser, `${server.base}${calcLink('p=h&c=pr&v=i,c,1,12000,10000,,')}`);
  await appReady(page);
  await page.waitForSelector('.calc-later:not(.stale) [data-testid="compare"]');
  await page.evaluate(() => {
    window.__redrawn = 0;
    new MutationObserver((ms) => { for (const m of ms) window.__redrawn += m.addedNodes.length + m.removedNodes.length; })
      .observe(document.querySelector('.calc-later'), { childList: true, subtree: true });
  });
  await page.locator('#v0-total').press('End');
  await page.keyboard.type('0');
  await page.waitForSelector('.calc-later.stale');
  assert.equal(await page.evaluate(() => window.__redrawn), 0, 'dimmed, not drawn again');
  await page.waitForSelector('.calc-later:not(.stale)');
  assert.ok(await page.evaluate(() => window.__redrawn) > 0, 'drawn for the new amount after the pause');
  assert.deepEqual(errors, []);
  await page.close();
});
