// The static file server (static.mjs, behind scripts/serve.mjs) against hostile and unlucky requests: bad
// percent-encoding, paths that climb out of the root, a file deleted while it is being served. It runs on
// a scratch root beside a sibling folder whose name extends the root's (site / site-old).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from './static.mjs';
import { get as rawGet } from './raw-get.mjs';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-serve-'));
const root = path.join(scratch, 'site');
let server;

before(async () => {
  fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), 'home');
  fs.writeFileSync(path.join(root, '404.html'), 'not found page');
  fs.writeFileSync(path.join(root, 'docs/index.html'), 'docs');
  fs.writeFileSync(path.join(root, 'app.js'), 'plain js');
  fs.writeFileSync(path.join(root, 'app.js.br'), zlib.brotliCompressSync('plain js'));
  fs.mkdirSync(path.join(scratch, 'site-old'));
  fs.writeFileSync(path.join(scratch, 'site-old/x'), 'SECRET');
  fs.writeFileSync(path.join(scratch, 'outside'), 'SECRET');
  server = await serve(0, root);
});

after(async () => {
  await server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const get = (target, headers) => rawGet(server.base, target, headers);

test('serves files, directory indexes, the 404 page and brotli copies', async () => {
  assert.equal(String((await get('/')).body), 'home');
  assert.equal(String((await get('/docs/')).body), 'docs');
  const missing = await get('/nope');
  assert.equal(missing.status, 404);
  assert.equal(String(missing.body), 'not found page');
  const br = await get('/app.js', { 'Accept-Encoding': 'br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(String(zlib.brotliDecompressSync(br.body)), 'plain js');
});

test('bad percent-encoding is a 400, and the server lives on', async () => {
  for (const target of ['/%', '/%E4%B8', '/docs/%zz', '/%00', '/a%00.html']) {
    assert.equal((await get(target)).status, 400, target);
  }
  assert.equal((await get('/')).status, 200);
});

test('no path leaves the root, encoded or not', async () => {
  for (const target of ['/..%2fsite-old%2fx', '/%2e%2e%2fsite-old%2fx', '/%2e%2e/site-old/x', '/../site-old/x',
    '/docs/..%2f..%2fsite-old%2fx', '/..%2foutside', '/..%5c..%5coutside', '/docs/%2e%2e/%2e%2e/outside']) {
    const res = await get(target);
    assert.ok(!String(res.body).includes('SECRET'), `${target} served a file outside the root`);
    assert.ok([400, 404].includes(res.status), `${target}: ${res.status}`);
  }
});

test('a file deleted while its request is in flight gives a whole answer, not a crash', async () => {
  const file = path.join(root, 'vanishing.html');
  // Listeners run in order: this one runs right after the server's handler has returned, before any file
  // I/O it started has finished — the moment a rebuild deleting the file would hurt most.
  const unlink = (req) => { if (req.url === '/vanishing.html') fs.rmSync(file, { force: true }); };
  server.server.on('request', unlink);
  try {
    for (let i = 0; i < 20; i++) {
      fs.writeFileSync(file, 'old build');
      const res = await get('/vanishing.html');
      // Either the file was opened in time (its whole old content) or it is gone (the 404 page).
      if (res.status === 200) assert.equal(String(res.body), 'old build');
      else assert.deepEqual([res.status, String(res.body)], [404, 'not found page']);
    }
  } finally {
    server.server.off('request', unlink);
  }
  assert.equal((await get('/')).status, 200);
});
