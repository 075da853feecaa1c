// Runs Debian's nginx on a loopback port with deploy/nginx.conf — the file the README tells hosts to use —
// serving dist/. Only the lines deploy/nginx.conf marks "host:" are changed (listen address, dist/ path);
// around it sits a minimal main configuration like Debian's /etc/nginx/nginx.conf, with the pid file, logs
// and temporary files in a scratch folder, so it runs without touching the system's nginx.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './static.mjs';

export const SITE_CONF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx.conf');
const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => fs.existsSync(p));
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const MIME_TYPES = '/etc/nginx/mime.types';

/** Why nginx cannot be run here, or null when it can. */
export function unavailable() {
  if (!NGINX) return 'nginx is not installed (scripts/setup.sh --browser installs Debian\'s nginx)';
  if (!fs.existsSync(BROTLI)) return `no brotli_static module at ${BROTLI} (scripts/setup.sh --browser installs libnginx-mod-http-brotli-static)`;
  if (!fs.existsSync(MIME_TYPES)) return `no ${MIME_TYPES}`;
  return null;
}

/** deploy/nginx.conf for `root` (a dist/) on `listen`: its listen directive and its dist/ path replaced. */
export function siteConf(listen, root = DIST) {
  const conf = fs.readFileSync(SITE_CONF, 'utf8');
  const listens = conf.match(/^\s*listen\s[^;]*;/gm) || [];
  const roots = conf.match(/^\s*root\s+([^;]+);/m);
  if (listens.length !== 1 || !roots) throw new Error(`${SITE_CONF}: expected one listen and one root directive`);
  const dist = roots[1].trim();
  return conf.replace(/^(\s*listen\s)[^;]*;/m, `$1${listen};`).replaceAll(dist, root);
}

/** Starts nginx with `siteConf` on a free loopback port; returns { base, stop }. */
export async function startNginx(root = DIST) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-nginx-'));
  // The site file includes mime.types relative to the configuration folder, as on any nginx install.
  fs.copyFileSync(MIME_TYPES, path.join(prefix, 'mime.types'));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    fs.writeFileSync(path.join(prefix, 'site.conf'), siteConf(`127.0.0.1:${port}`, root));
    fs.writeFileSync(path.join(prefix, 'nginx.conf'), mainConf(prefix));
    try {
      const stop = await run(prefix, port);
      return { base: `http://127.0.0.1:${port}`, stop: async () => { await stop(); fs.rmSync(prefix, { recursive: true, force: true }); } };
    } catch (e) {
      // Another process may have taken the port between freePort() and nginx's bind: try another.
      if (attempt < 2 && /Address already in use/.test(e.message)) continue;
      fs.rmSync(prefix, { recursive: true, force: true });
      throw e;
    }
  }
}

/** The main configuration around the site file (Debian's nginx.conf, cut down to what serving needs). */
function mainConf(prefix) {
  const p = (name) => path.join(prefix, name);
  return `daemon off;
worker_processes 1;
pid ${p('nginx.pid')};
error_log ${p('error.log')} warn;
${process.getuid?.() === 0 ? '# As root, nginx would run its workers as nobody, who may not be able to read the checkout.\nuser root root;' : ''}
load_module ${BROTLI};
events { worker_connections 64; }
http {
    include mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log ${p('access.log')};
    client_body_temp_path ${p('body')};
    proxy_temp_path ${p('proxy')};
    fastcgi_temp_path ${p('fastcgi')};
    uwsgi_temp_path ${p('uwsgi')};
    scgi_temp_path ${p('scgi')};
    include site.conf;
}
`;
}

/** Runs nginx in the foreground until it accepts connections on `port`; returns the function that stops it. */
function run(prefix, port) {
  // -e: the log nginx writes to before it has read error_log (Debian's default is under /var/log).
  const child = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'startup.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => { if (child.exitCode === null) { child.kill('SIGTERM'); await exited; } };
  const log = () => [stderr, ...['startup.log', 'error.log'].map((f) => { try { return fs.readFileSync(path.join(prefix, f), 'utf8'); } catch { return ''; } })].join('');
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 10000;
    exited.then((code) => reject(new Error(`nginx exited (${code}):\n${log()}`)));
    const poll = () => {
      if (child.exitCode !== null) return;
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(stop); });
      socket.once('error', () => {
        if (Date.now() > deadline) { stop().then(() => reject(new Error(`nginx did not listen on ${port}:\n${log()}`))); } else setTimeout(poll, 50);
      });
    };
    poll();
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}
