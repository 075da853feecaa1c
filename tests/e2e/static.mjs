// The static file server of the tests and of scripts/serve.mjs: dist/ as a plain static host serves it
// (no rewrites: every route must be a real file). It answers whatever a client sends — a malformed
// path is a 400, never a crash, and nothing outside the root is ever read.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.xml': 'application/xml', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain',
};

/** Serves `root` (dist/ by default) on 127.0.0.1 (`port`, or a free one) like any static host: /x/ ->
 * /x/index.html, else 404.html; brotli where the client accepts it. `requests` lists the URLs asked
 * for; `server` is the node http.Server. */
export function serve(port = 0, root = DIST) {
  root = path.resolve(root);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    respond(root, req, res).catch(() => {
      // An I/O error the handler did not foresee: this request fails, the server lives on.
      if (res.headersSent) res.destroy(); else plain(res, 500);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ base: `http://127.0.0.1:${port}`, requests, server, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

async function respond(root, req, res) {
  let file = fileFor(root, req.url);
  if (file === undefined) return plain(res, 400);
  if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
  let status = 200;
  let handle = await openFile(file);
  if (!handle) {
    status = 404;
    file = path.join(root, '404.html');
    handle = await openFile(file);
    if (!handle) return plain(res, 404); // no 404.html either (say, in the middle of a rebuild)
  }
  const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
  if (String(req.headers['accept-encoding'] || '').includes('br')) {
    const br = await openFile(file + '.br');
    if (br) { await handle.close(); handle = br; headers['Content-Encoding'] = 'br'; }
  }
  res.writeHead(status, headers);
  const body = handle.createReadStream(); // closes the handle when done
  body.on('error', () => res.destroy()); // a read error midway: cut the response, keep serving
  body.pipe(res);
}

/** The file under `root` that the request target `url` names, or undefined when the target is malformed
 * (not a path, bad percent-encoding, a NUL byte) or would leave `root` (`..`, also percent-encoded). */
function fileFor(root, url) {
  const raw = url.split('?')[0];
  if (!raw.startsWith('/')) return undefined;
  let decoded;
  try { decoded = decodeURIComponent(raw); } catch { return undefined; }
  if (decoded.includes('\0')) return undefined;
  // Decoded first, joined second: join resolves every `..`, the encoded ones included.
  const file = path.join(root, decoded);
  // `root + sep`, not `root`: /srv/dist-old starts with /srv/dist too.
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/** `file` opened for reading if it is a regular file, else null. Reading from the open handle, not
 * checking a path and opening it later, is what makes a file deleted meanwhile (a rebuild) harmless:
 * the handle still reads the old file, or the open fails and the client gets the 404 page. */
async function openFile(file) {
  let handle;
  try {
    handle = await fs.promises.open(file, 'r');
    if ((await handle.stat()).isFile()) return handle;
  } catch { /* missing, unreadable: not servable */ }
  await handle?.close();
  return null;
}

function plain(res, status) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${status} ${http.STATUS_CODES[status]}\n`);
}
