// The deployment the README recommends: Debian's nginx with deploy/nginx.conf serving dist/ (nginx.mjs
// starts it). Content types, the CSP header on every response, brotli, cache lifetimes and the 404 page,
// as a browser or a CDN in front of the site would see them.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from './static.mjs';
import { get as rawGet } from './raw-get.mjs';
import { startNginx, unavailable } from './nginx.mjs';

const CSP_INCLUDE = path.join(DIST, '_server/csp.conf');
const YEAR = 'public, max-age=31536000, immutable';

/** Every file of dist/, as /-separated paths from its root. */
function distFiles(dir = DIST) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? distFiles(full) : [path.relative(DIST, full).split(path.sep).join('/')];
  });
}

/** The first file of dist/ whose path matches `re`, as a URL path. */
function one(files, re) {
  const f = files.find((f) => re.test(f));
  assert.ok(f, `dist/ has a file matching ${re}`);
  return `/${f}`;
}

describe('deploy/nginx.conf on nginx', { skip: unavailable() ?? false }, () => {
  let nginx, files, policy, urls;
  const get = (target, headers) => rawGet(nginx.base, target, headers);

  before(async () => {
    assert.ok(fs.existsSync(CSP_INCLUDE), `${CSP_INCLUDE} is missing: build dist/ with scripts/build.sh (sitegen writes it)`);
    policy = fs.readFileSync(CSP_INCLUDE, 'utf8').match(/add_header Content-Security-Policy "([^"]+)" always;/)?.[1];
    assert.ok(policy, `${CSP_INCLUDE} sets the Content-Security-Policy header`);
    files = distFiles();
    urls = {
      page: '/', doc: one(files, /^docs\/[^/]+\/index\.html$/).replace(/index\.html$/, ''),
      js: one(files, /^[^/]+-[0-9a-f]{8,16}\.js$/), wasm: one(files, /^[^/]+-[0-9a-f]{8,16}_bg\.wasm$/),
      css: one(files, /^[^/]+-[0-9a-f]{8,16}\.css$/), bin: one(files, /^data\/[^/]+\.bin$/), sw: '/sw.js',
      manifest: '/manifest.webmanifest', json: '/data/search/index.json', missing: '/no-such-page/',
    };
    nginx = await startNginx();
  });

  after(async () => { await nginx?.stop(); });

  test('every file has its real content type', async () => {
    const want = {
      page: /^text\/html; charset=utf-8$/, doc: /^text\/html; charset=utf-8$/, js: /^application\/javascript\b/,
      wasm: /^application\/wasm$/, css: /^text\/css\b/, bin: /^application\/octet-stream$/, sw: /^application\/javascript\b/,
      manifest: /^application\/manifest\+json\b/, json: /^application\/json\b/, missing: /^text\/html; charset=utf-8$/,
    };
    for (const [what, url] of Object.entries(urls)) {
      const res = await get(url);
      assert.match(res.headers['content-type'] ?? '', want[what], `${what} ${url}`);
    }
  });

  test('the build\'s CSP, with frame-ancestors \'none\', is on every response', async () => {
    assert.match(policy, /(^|; )frame-ancestors 'none'($|;)/);
    for (const url of [...Object.values(urls), '/%', '/_server/csp.conf']) {
      for (const encoding of ['identity', 'br']) {
        const res = await get(url, { 'Accept-Encoding': encoding });
        assert.equal(res.headers['content-security-policy'], policy, `${url} (${encoding}): ${res.status}`);
      }
    }
  });

  test('the header\'s CSP allows every page\'s inline loader', () => {
    const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
    const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith('_frag/'));
    assert.ok(pages.length > 5);
    for (const page of pages) {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      for (const [, tag, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (tag.includes(' src=')) continue;
        const hash = `'sha256-${crypto.createHash('sha256').update(body).digest('base64')}'`;
        assert.ok(scriptSrc.split(' ').includes(hash), `${page}: its inline script ${hash} is allowed`);
      }
    }
  });

  test('brotli and gzip copies go to clients that accept them, the file itself to others', async () => {
    for (const url of [urls.page, urls.js, urls.wasm, urls.css, urls.sw]) {
      const file = fs.readFileSync(path.join(DIST, url.endsWith('/') ? `${url}index.html` : url));
      const br = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br', url);
      assert.match(br.headers.vary ?? '', /Accept-Encoding/, url);
      assert.ok(zlib.brotliDecompressSync(br.body).equals(file), `${url}: the .br is the file`);
      const gz = await get(url, { 'Accept-Encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip', url);
      assert.ok(zlib.gunzipSync(gz.body).equals(file), `${url}: the .gz is the file`);
      const plain = await get(url);
      assert.equal(plain.headers['content-encoding'], undefined, url);
      assert.ok(plain.body.equals(file), url);
    }
  });

  test('hashed files are cached for a year, pages and the service worker are revalidated', async () => {
    for (const what of ['js', 'wasm', 'css', 'bin']) {
      assert.equal((await get(urls[what])).headers['cache-control'], YEAR, `${what} ${urls[what]}`);
    }
    for (const what of ['page', 'doc', 'sw', 'manifest', 'json', 'missing']) {
      assert.equal((await get(urls[what], { 'Accept-Encoding': 'br' })).headers['cache-control'], 'no-cache', `${what} ${urls[what]}`);
    }
  });

  test('a missing page is the 404 page with status 404; the build\'s server files are not served', async () => {
    const notFound = fs.readFileSync(path.join(DIST, '404.html'));
    for (const url of [urls.missing, '/no-such-file.js', '/_server/csp.conf']) {
      const res = await get(url);
      assert.equal(res.status, 404, url);
      assert.ok(res.body.equals(notFound), `${url}: the body is 404.html`);
    }
  });

  test('malformed targets are refused without leaving dist/', async () => {
    for (const url of ['/%', '/%E4%B8', '/..%2f..%2fetc%2fpasswd', '/../../etc/passwd']) {
      const res = await get(url);
      assert.ok([400, 404].includes(res.status), `${url}: ${res.status}`);
      assert.ok(!String(res.body).includes('root:'), url);
    }
  });
});
