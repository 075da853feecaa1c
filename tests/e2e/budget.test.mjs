// Size budgets (sizes are deterministic): what a document page loads on a first visit, brotli-compressed,
// is at most 250 KB, and every wasm bundle (reader, checker) at most 200 KB, the calculator's at most
// CALC_BUDGET (lowered to what issue 15 achieved: lower it again when the bundle shrinks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from './harness.mjs';

const KB = 1000;
const CALC_BUDGET = 194 * KB;
const br = (file) => fs.statSync(path.join(DIST, file + '.br')).size;

/** The same-origin files a page references in its HTML (stylesheets, scripts, preloads, manifest, icon). */
function firstVisitFiles(page) {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  const refs = [...html.matchAll(/(?:href|src)="(\/[^"#?]+\.(?:css|js|wasm|webmanifest|svg))"/g)].map((m) => m[1].slice(1));
  const imports = [...html.matchAll(/from '\/([^']+\.js)'/g)].map((m) => m[1]);
  const wasm = [...html.matchAll(/module_or_path: '\/([^']+\.wasm)'/g)].map((m) => m[1]);
  return [page, ...new Set([...refs, ...imports, ...wasm])];
}

test('a document page loads at most 250 KB (brotli) on a first visit; the wasm at most 200 KB', () => {
  const files = firstVisitFiles('docs/huining-83/index.html');
  const sizes = Object.fromEntries(files.map((f) => [f, br(f)]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const wasm = files.filter((f) => f.endsWith('.wasm')).map(br);
  console.log('first-visit sizes (brotli bytes):', JSON.stringify(sizes), 'total', total);
  assert.ok(wasm.length === 1, 'the page loads one wasm');
  assert.ok(wasm[0] <= 200 * KB, `wasm is ${wasm[0]} bytes brotli (budget 200 KB)`);
  assert.ok(total <= 250 * KB, `first visit is ${total} bytes brotli (budget 250 KB)`);
});

test('every wasm bundle is at most 200 KB (brotli), and each route loads its own', () => {
  const wasm = fs.readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  const sizes = Object.fromEntries(wasm.map((f) => [f, br(f)]));
  console.log('wasm bundles (brotli bytes):', JSON.stringify(sizes));
  assert.equal(wasm.length, 3, 'reader, calc and checker');
  for (const [f, n] of Object.entries(sizes)) {
    const budget = f.startsWith('zct-calc-') ? CALC_BUDGET : 200 * KB;
    assert.ok(n <= budget, `${f} is ${n} bytes brotli (budget ${budget / KB} KB)`);
  }
  const loads = (page) => firstVisitFiles(page).find((f) => f.endsWith('.wasm'));
  assert.match(loads('docs/huining-83/index.html'), /^zct-reader-/);
  assert.match(loads('calc/index.html'), /^zct-calc-/);
  for (const p of ['check', 'self-check', 'villages']) assert.match(loads(`${p}/index.html`), /^zct-checker-/);
  assert.match(loads('404.html'), /^zct-reader-/);
});

