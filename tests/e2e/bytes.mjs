// What requests cost as the build serves them: each URL's file in a dist/ folder, counted at its brotli
// size (the .br beside it, which nginx serves to a phone over HTTPS), whichever server the test ran the
// page on.
import fs from 'node:fs';
import path from 'node:path';

/** The file in `root` that serves the path of `url` (a folder's index.html). */
export function fileOf(root, url) {
  let p = decodeURIComponent(new URL(url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  return path.join(root, p);
}

/** Bytes of `urls` as served with brotli (the .br where the build wrote one, else the file). */
export function brBytes(root, urls) {
  let total = 0;
  for (const u of urls) {
    const f = fileOf(root, u);
    const br = f + '.br';
    if (fs.existsSync(br)) total += fs.statSync(br).size;
    else if (fs.existsSync(f)) total += fs.statSync(f).size;
  }
  return total;
}

/** Every file under `dir` (relative paths). */
export function filesUnder(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}
