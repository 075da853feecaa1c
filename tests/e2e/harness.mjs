// The browser-test harness: a plain static file server over dist/ (no rewrites: every route must be a
// real file) and Debian's headless Chromium driven through playwright-core (no browser download).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.xml': 'application/xml', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain',
};

/** Serves dist/ on 127.0.0.1 (`port`, or a free one) like any static host: /x/ -> /x/index.html, else
 * 404.html; brotli where the browser accepts it. */
export function serve(port = 0) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://x');
    let file = path.join(DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST)) { res.writeHead(403); return res.end(); }
    if (file.endsWith('/')) file = path.join(file, 'index.html');
    let status = 200;
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) { status = 404; file = path.join(DIST, '404.html'); }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    const accepts = String(req.headers['accept-encoding'] || '');
    let body = file;
    if (accepts.includes('br') && fs.existsSync(file + '.br')) { body = file + '.br'; headers['Content-Encoding'] = 'br'; }
    res.writeHead(status, headers);
    fs.createReadStream(body).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ base: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Launches Debian's headless Chromium with the flags this machine needs (playwright gives it a fresh
 * profile) and returns a phone-sized context (360×780); `options` go to the context. */
export async function launch(options = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, ...options });
  const close = context.close.bind(context);
  context.close = async () => { await close(); await browser.close(); };
  return context;
}

/** Opens `url` in a new page, collecting console errors and page errors. */
export async function open(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

/** Waits until the wasm app has mounted (the static shell is gone and the app's header is there). */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('static-shell') && document.querySelector('body > header.site-header'), null, { timeout: 20000 });
}

/** The routes listed in dist/sitemap.xml, as paths. */
export function sitemapPaths() {
  const xml = fs.readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>[^<]*?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]);
}
