#!/usr/bin/env node
// Grows the library for scale tests: `node scripts/grow-library.mjs N OUT` copies content/ to OUT and
// adds generated documents to OUT/docs until it holds N documents: the five real ones unchanged, and
// copies of them under new slugs (`<slug>-g<k>`) and new 文号 (same issuer's prefix, another year and
// number; the loader requires every 文号 to be unique). Each copy's text is varied so that compression and
// the search index behave like a library of different documents, not of five repeated ones: the
// paragraphs under each heading and the sentences in each paragraph are shuffled, numbers are changed,
// place names are swapped, and about one two-character word in eight is replaced by another word from the
// library. Headings, their ids and tables' structure stay as they are (the loader checks ids). Seeded: the
// same N gives the same library. Not a test and not part of the site: a tool for scripts/scale.sh and
// the budget test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const [n, out] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(n) || n < 5 || !out) {
  console.error('usage: node scripts/grow-library.mjs N OUT   (N ≥ 5 documents, OUT a new folder)');
  process.exit(2);
}

/** A small seeded generator (mulberry32), so a library of N documents is always the same. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
function shuffle(r, xs) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// Where the copies come from: provinces, cities and counties (the real regions among them, so the search
// page's region filters keep some copies).
const REGIONS = [
  ['甘肃省', '白银市', '会宁县'], ['甘肃省', '白银市', '靖远县'], ['甘肃省', '定西市', '通渭县'],
  ['甘肃省', '天水市', '秦安县'], ['甘肃省', '', ''], ['山东省', '德州市', ''], ['山东省', '德州市', '临邑县'],
  ['山东省', '菏泽市', '曹县'], ['四川省', '眉山市', ''], ['四川省', '眉山市', '仁寿县'], ['四川省', '凉山州', '昭觉县'],
  ['贵州省', '毕节市', '威宁县'], ['云南省', '昭通市', '镇雄县'], ['河南省', '周口市', '郸城县'],
  ['湖南省', '湘西州', '花垣县'], ['陕西省', '安康市', '紫阳县'], ['宁夏回族自治区', '固原市', '西吉县'],
];
const PLACES = ['会宁县', '德州市', '甘肃省', '眉山市', '白银市', '山东省', '四川省'];

const docsDir = path.join(root, 'content/docs');
const real = fs.readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort()
  .map((f) => fs.readFileSync(path.join(docsDir, f), 'utf8'));

// Every two-character run of Chinese in the real library: the words a copy's swapped words come from.
const WORDS = [...new Set(real.join('').match(/[\u4e00-\u9fff]{2}/g))];

fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(path.join(root, 'content'), out, { recursive: true });

/** A front matter string field's value. */
const field = (fm, key) => fm.match(new RegExp(`^${key} = "(.*)"$`, 'm'))[1];
const setField = (fm, key, value) => fm.replace(new RegExp(`^${key} = ".*"$`, 'm'), `${key} = "${value}"`);

/** Varies one line of running text: numbers, place names and some words. */
function varyText(r, line, place) {
  return line
    // Numbers outside 文号 and ids: another number of the same length (a year stays a plausible year).
    .replace(/(?<![〔\[{#-])\b\d+(?:\.\d+)?/g, (d) => (r() < 0.6 ? d.replace(/\d/g, (c, i) => (i === 0 && c !== '0' ? String(1 + Math.floor(r() * 9)) : String(Math.floor(r() * 10)))) : d))
    .replace(new RegExp(PLACES.join('|'), 'g'), (p) => (r() < 0.7 ? place(p) : p))
    .replace(/[\u4e00-\u9fff]{2}/g, (w) => (r() < 0.1 ? pick(r, WORDS) : w));
}

/** Shuffles the sentences of a paragraph (split after 。；). */
function shuffleSentences(r, para) {
  const parts = para.match(/[^。；]+[。；]?/g);
  return parts && parts.length > 2 && r() < 0.7 ? shuffle(r, parts).join('') : para;
}

/** The body of a copy: blocks between headings shuffled, each varied. */
function varyBody(r, body, place) {
  const blocks = body.trim().split(/\n{2,}/);
  const outBlocks = [];
  let run = [];
  const flush = () => { outBlocks.push(...shuffle(r, run)); run = []; };
  for (const b of blocks) {
    if (/^#{2,6} /.test(b)) { flush(); outBlocks.push(b); continue; }
    const lines = b.split('\n').map((l) => {
      if (/^\|[\s:|-]+\|$/.test(l)) return l; // a table's alignment row
      const anchor = l.match(/^(\{#[A-Za-z0-9-]+\} |- |\d+\. |\|)?(.*)$/s);
      const [head, rest] = [anchor[1] || '', anchor[2]];
      const text = head === '|' ? rest : shuffleSentences(r, rest);
      return head + varyText(r, text, place);
    });
    run.push(lines.join('\n'));
  }
  flush();
  return `\n${outBlocks.join('\n\n')}\n`;
}

for (let k = 0; real.length + k < n; k++) {
  const r = rng(1000 + k);
  const src = real[k % real.length];
  const [, fm0, body0] = src.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/);
  const slug = `${field(fm0, 'slug')}-g${k}`;
  const [prov, city, county] = REGIONS[k % REGIONS.length];
  const region = prov + city + county;
  const level = county ? '县' : city ? '市' : '省';
  const place = (p) => (p.endsWith('县') ? county || city || prov : p.endsWith('市') ? city || prov : prov);
  // 文号: the issuer's prefix with another year and number (k makes it unique).
  const number = field(fm0, 'doc_number').replace(/〔(\d{4})〕(\d+)号/, () => `〔${2010 + (k % 16)}〕${100 + k}号`);
  let fm = setField(fm0, 'slug', slug);
  fm = setField(fm, 'doc_number', number);
  fm = setField(fm, 'region', region);
  fm = setField(fm, 'province', prov);
  fm = setField(fm, 'level', level);
  fm = setField(fm, 'title', varyText(r, field(fm0, 'title'), place));
  fm = setField(fm, 'short_title', `${varyText(r, field(fm0, 'short_title'), place)}（${k}）`);
  fm = setField(fm, 'summary', varyText(r, field(fm0, 'summary'), place));
  fm = setField(fm, 'date', `${2010 + (k % 16)}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`);
  fs.writeFileSync(path.join(out, 'docs', `${slug}.md`), `+++\n${fm}\n+++\n${varyBody(r, body0, place)}`);
}
console.error(`grow-library: ${Math.max(n, real.length)} documents in ${path.join(out, 'docs')}`);
