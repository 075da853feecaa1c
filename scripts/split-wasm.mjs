// Splits a wasm bundle into the main module and its lazily loaded chunks (Trunk's post-build hook, see
// Trunk.toml; every build, `trunk serve` too). Trunk has built the bundle (cargo, then wasm-bindgen, no
// wasm-opt) into its staging directory; this starts again from cargo's output, which the link kept the
// relocations of (build.rs: --emit-relocs):
//   1. wasm-split-cli (crates.io `wasm_split_cli_support`, the version of Cargo.lock's `wasm_split_helpers`
//      family; scripts/setup.sh installs it) cuts out every function reached only from a split point
//      (`#[wasm_split(…)]`, e.g. `components::later_part`) into a chunk of its own, with `__wasm_split.js`,
//      the few lines of JavaScript that fetch and instantiate a chunk when its split point is first called;
//   2. wasm-bindgen on the main module, as Trunk does, keeping the linker's exports the chunks import;
//   3. in release, wasm-opt on the main module and each chunk (the flags below);
//   4. every file named with one hash of them all (`zct-calc-<hash>.js`, `_bg.wasm`, `-split.js`,
//      `-<chunk>.wasm`), Trunk's files replaced in the staging directory and in its index.html, with
//      the integrity hashes of the preloads; the split script is preloaded too (the main script imports
//      it: without the preload its fetch would be one more round trip before the wasm starts).
// The lazily loaded chunk is not preloaded: nothing needed before the first result is in it. It is fetched
// on first use (the calculator's after its paint: src/calc_page.rs); the reader's search chunk by the
// search page; all from the same origin (the CSP's 'self' and 'wasm-unsafe-eval').
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// wasm-opt, release only: size first (-Oz); --low-memory-unused lets it fold constant offsets into loads
// and stores, sound here because rustc puts the 1 MB stack first (the data begins at 1 MB), so the lowest
// 1 KB is touched only by a stack within 1 KB of overflowing (calc bundle: -1.2 KB brotli).
const WASM_OPT = ['-Oz', '--converge', '--gufa', '--low-memory-unused', '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int'];
// Cargo's profile for each of Trunk's (web/shell.html: data-cargo-profile-release).
const CARGO_PROFILE = { release: 'wasm-release', debug: 'debug' };

const stage = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE;
if (!stage || !CARGO_PROFILE[profile]) {
  console.error('split-wasm: run as Trunk\'s post-build hook (TRUNK_STAGING_DIR, TRUNK_PROFILE)');
  process.exit(2);
}
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

// Trunk's files: `<bundle>-<hash>.js` and `<bundle>-<hash>_bg.wasm`.
const trunkJs = fs.readdirSync(stage).filter((f) => /^zct-[a-z]+-[0-9a-f]+\.js$/.test(f));
if (trunkJs.length !== 1) throw new Error(`split-wasm: expected one bundle script in ${stage}, found ${trunkJs}`);
const bundle = trunkJs[0].replace(/-[0-9a-f]+\.js$/, '');
const trunkWasm = trunkJs[0].replace(/\.js$/, '_bg.wasm');
const targetDir = process.env.CARGO_TARGET_DIR || 'target';
const raw = path.join(targetDir, 'wasm32-unknown-unknown', CARGO_PROFILE[profile], `${bundle}.wasm`);

const work = fs.mkdtempSync(path.join(stage, '.split-'));
try {
  const split = path.join(work, 'split');
  run('wasm-split-cli', ['--target', 'web', '--out-name', bundle, raw, split]);
  const bound = path.join(work, 'bound');
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-dir', bound, '--out-name', bundle, path.join(split, `${bundle}.wasm`)]);
  const chunks = fs.readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${bundle}.wasm`).sort();
  const wasm = [[`${bundle}_bg.wasm`, path.join(bound, `${bundle}_bg.wasm`)],
    ...chunks.map((c) => [c, path.join(split, c)])];
  if (profile === 'release') {
    for (const [, file] of wasm) run('wasm-opt', [...WASM_OPT, file, '-o', file]);
  }
  const bytes = Object.fromEntries(wasm.map(([name, file]) => [name, fs.readFileSync(file)]));
  let mainJs = fs.readFileSync(path.join(bound, `${bundle}.js`), 'utf8');
  let splitJs = fs.readFileSync(path.join(split, '__wasm_split.js'), 'utf8');

  const hash = crypto.createHash('sha256');
  for (const name of Object.keys(bytes).sort()) hash.update(name).update(bytes[name]);
  // And this script, whose rewriting of the scripts below is part of what the names stand for.
  hash.update(mainJs).update(splitJs).update(fs.readFileSync(new URL(import.meta.url)));
  const base = `${bundle}-${hash.digest('hex').slice(0, 16)}`;
  const names = {
    mainJs: `${base}.js`,
    mainWasm: `${base}_bg.wasm`,
    splitJs: `${base}-split.js`,
    chunk: (c) => `${base}-${c.replace(/^split_/, '')}`,
  };
  const replaceAll = (text, from, to) => {
    if (!text.includes(from)) throw new Error(`split-wasm: "${from}" not found where expected`);
    return text.split(from).join(to);
  };
  // A bundle without split points has no chunk, and its main script does not import the split script.
  const hasSplit = chunks.length > 0;
  if (hasSplit) {
    // The import's address only: the wasm's imports still name the module "./__wasm_split.js".
    mainJs = replaceAll(mainJs, 'from "./__wasm_split.js"', `from "./${names.splitJs}"`);
    splitJs = replaceAll(splitJs, `"./${bundle}.js"`, `"./${names.mainJs}"`);
    for (const c of chunks) splitJs = replaceAll(splitJs, `"./${c}"`, `"./${names.chunk(c)}"`);
  }
  mainJs = replaceAll(mainJs, `'${bundle}_bg.wasm'`, `'${names.mainWasm}'`);

  const out = {
    [names.mainJs]: mainJs,
    ...(hasSplit ? { [names.splitJs]: splitJs } : {}),
    [names.mainWasm]: bytes[`${bundle}_bg.wasm`],
    ...Object.fromEntries(chunks.map((c) => [names.chunk(c), bytes[c]])),
  };
  for (const [name, data] of Object.entries(out)) fs.writeFileSync(path.join(stage, name), data);
  fs.rmSync(path.join(stage, trunkJs[0]));
  fs.rmSync(path.join(stage, trunkWasm));

  // index.html: Trunk's names → ours, each preload's integrity for its new content, and a preload of the
  // split script next to the main script's.
  const sri = (name) => `sha384-${crypto.createHash('sha384').update(out[name]).digest('base64')}`;
  const indexPath = path.join(stage, 'index.html');
  let html = fs.readFileSync(indexPath, 'utf8');
  html = replaceAll(html, `/${trunkJs[0]}`, `/${names.mainJs}`);
  html = replaceAll(html, `/${trunkWasm}`, `/${names.mainWasm}`);
  html = html.replace(/(<link rel="(?:modulepreload|preload)" href="\/([^"]+)"[^>]*?integrity=")[^"]*(")/g,
    (m, pre, href, post) => (out[href] ? `${pre}${sri(href)}${post}` : m));
  if (hasSplit) {
    const mainPreload = html.match(new RegExp(`<link rel="modulepreload" href="/${names.mainJs}"[^>]*>`));
    if (!mainPreload) throw new Error('split-wasm: no modulepreload of the main script in index.html');
    const splitPreload = mainPreload[0]
      .replace(`/${names.mainJs}`, `/${names.splitJs}`)
      .replace(/integrity="[^"]*"/, `integrity="${sri(names.splitJs)}"`);
    // The chunks' addresses, for the page to tell the service worker (src/offline.rs): kept with the
    // page after one visit, so that its tools work offline though they were never tapped online.
    const chunkMeta = `<meta name="zct-chunks" content="${chunks.map((c) => `/${names.chunk(c)}`).join(' ')}">`;
    // No chunk is preloaded: the reader's search chunk is fetched by the search page alone, every bundle's
    // lazily loaded chunk once its page is idle (until the nineteenth session the calculator's app was a
    // chunk preloaded with its main module: now the main module is the calculator, src/calc_page.rs).
    html = html.replace(mainPreload[0], mainPreload[0] + splitPreload + chunkMeta);
  }
  fs.writeFileSync(indexPath, html);
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  console.error(`split-wasm: ${bundle}: main ${kb(out[names.mainWasm].length)}`
    + chunks.map((c) => `, ${names.chunk(c)} ${kb(out[names.chunk(c)].length)}`).join(''));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
