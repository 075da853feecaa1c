// Precompressed assets: every text and wasm file in dist/ has a .br and a .gz copy that decompress to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from './harness.mjs';

test('every text and wasm asset has a correct .br and .gz beside it', () => {
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
  const assets = walk(DIST).filter((f) => /\.(html|js|css|wasm|json|bin|xml|svg|webmanifest)$/.test(f));
  assert.ok(assets.length > 20);
  for (const f of assets) {
    const raw = fs.readFileSync(f);
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(f + '.br')).equals(raw), `${f}.br`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(f + '.gz')).equals(raw), `${f}.gz`);
  }
});
