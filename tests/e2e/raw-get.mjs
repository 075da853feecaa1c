// GET with the request target sent exactly as written: http.request does not normalise the path (no
// `..` resolution, no re-encoding) and does not decompress, so the tests see what a server really does.
import http from 'node:http';

/** GETs `target` from `base` (http://host:port); resolves to { status, headers, body: Buffer }. A server
 * that has stopped answering fails the caller after 3 s instead of hanging it. */
export function get(base, target, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/`, { path: target, headers, timeout: 3000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${target}: no answer in 3 s`)));
    req.on('error', reject);
    req.end();
  });
}
