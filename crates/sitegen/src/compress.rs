//! Precompressed copies: `.br` (brotli) and `.gz` (gzip) beside every text, data and wasm
//! file in `dist/`, for static hosts that serve them (nginx `brotli_static` / `gzip_static`); the files are
//! shared out to one thread per core.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use brotli::enc::backward_references::BrotliEncoderMode as Mode;

use crate::files::list_files;

const COMPRESSIBLE: &[&str] = &[
    ".html",
    ".js",
    ".css",
    ".wasm",
    ".json",
    ".bin",
    ".xml",
    ".svg",
    ".webmanifest",
    ".txt",
];

/// Writes `.br` and `.gz` beside each compressible file, on every core; returns how many files were
/// compressed.
pub fn precompress(dist: &Path) -> Result<usize, String> {
    let files: Vec<String> = list_files(dist)?
        .into_iter()
        .filter(|f| COMPRESSIBLE.iter().any(|ext| f.ends_with(ext)) && !f.starts_with(".stage"))
        .collect();
    let next = AtomicUsize::new(0);
    let one = |f: &str| compress_file(dist, f);
    let work = || -> Result<(), String> {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(f) = files.get(i) else {
                return Ok(());
            };
            one(f)?;
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
        handles.into_iter().try_for_each(|h| {
            h.join()
                .map_err(|_| "a compression thread panicked".to_string())?
        })
    })?;
    Ok(files.len())
}

/// Whether `f` is one of the many files that grow with the library (a document's page and fragment, a
/// piece of the search index): compressed at [`BULK`] quality. Measured on a 125 KB document page: brotli
/// 11 takes 260 ms and gives 30.6 KB, quality 7 takes 11 ms and gives 32.9 KB (+7%); gzip 9 and 6 differ
/// by under 1%. At 1,000 documents (2,000 pages, 10,000 index pieces) quality 11 took 11 minutes.
fn bulk(f: &str) -> bool {
    (f.starts_with("docs/") && f != "docs/index.html")
        || f.starts_with("_frag/docs-")
        || f.starts_with("data/search/")
}

/// Brotli and gzip quality for the bulk files; everything else (the bundles, the shell, the few other pages)
/// gets the best (brotli 11, gzip 9).
const BULK: (u32, u32) = (7, 6);

/// Writes `.br` and `.gz` beside the file `f` of `dist`.
pub fn compress_file(dist: &Path, f: &str) -> Result<(), String> {
    let data = std::fs::read(dist.join(f)).map_err(|e| format!("cannot read {f}: {e}"))?;
    let (br, gz) = if bulk(f) { BULK } else { (11, 9) };
    let modes = if binary(f) { BINARY_MODES } else { TEXT_MODES };
    std::fs::write(dist.join(format!("{f}.br")), brotli(&data, br, modes))
        .map_err(|e| format!("cannot write {f}.br: {e}"))?;
    std::fs::write(dist.join(format!("{f}.gz")), gzip(&data, gz)?)
        .map_err(|e| format!("cannot write {f}.gz: {e}"))
}

/// Whether `f` is binary (the wasm bundles and their chunks, the checker's postcard data), not text.
fn binary(f: &str) -> bool {
    f.ends_with(".wasm") || f.ends_with(".bin")
}

/// Brotli's context modes (how the previous bytes choose a literal's statistics) and the size of its
/// metablocks (`lgblock`: 0 lets the encoder choose) tried on a text file: the defaults.
const TEXT_MODES: &[(Mode, i32)] = &[(Mode::BROTLI_MODE_GENERIC, 0)];

/// The context modes tried on a binary file, the smallest output kept (every decoder reads each: they are
/// the format's own). Measured 2026-12-07 on the bundles: with the previous byte's high bits as context
/// (`FORCE_MSB_PRIOR`) the wasm files are 1–2.5% smaller than with the default (calc's app 80.0 → 78.7 KB,
/// the reader's main module 187.1 → 184.6, the checker's 182.2 → 179.7), and the default would also move
/// by 0.6 KB on a change of 16 bytes (a data file's hashed name); the checker's data files are smallest
/// with the default or signed. Each also with the smallest metablocks (64 KB), which the encoder's own
/// choice can miss by as much: the calc main module 86,960 → 86,577 bytes whose code had not changed (it
/// had moved by 370 bytes on a change elsewhere), its app 78,829 → 78,722; the reader's, none (2026-12-07,
/// measured over every mode, window and metablock size: the window does not matter under 256 KB).
const BINARY_MODES: &[(Mode, i32)] = &[
    (Mode::BROTLI_MODE_GENERIC, 0),
    (Mode::BROTLI_FORCE_MSB_PRIOR, 0),
    (Mode::BROTLI_FORCE_SIGNED_PRIOR, 0),
    (Mode::BROTLI_MODE_GENERIC, 16),
    (Mode::BROTLI_FORCE_MSB_PRIOR, 16),
    (Mode::BROTLI_FORCE_SIGNED_PRIOR, 16),
];

/// Brotli at `quality` (0–11), the smallest of `modes` (each a context mode and a metablock size).
pub fn brotli(data: &[u8], quality: u32, modes: &[(Mode, i32)]) -> Vec<u8> {
    modes
        .iter()
        .map(|&(mode, lgblock)| {
            let mut out = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: quality as i32,
                lgwin: 22,
                lgblock,
                mode,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut &data[..], &mut out, &params)
                .expect("compressing into memory cannot fail");
            out
        })
        .min_by_key(Vec::len)
        .unwrap_or_default()
}

fn gzip(data: &[u8], level: u32) -> Result<Vec<u8>, String> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    enc.write_all(data).map_err(|e| e.to_string())?;
    enc.finish().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let text = "健康扶贫".repeat(100);
        // Each mode and metablock size alone (the smallest of them all would test one).
        for mode in TEXT_MODES.iter().chain(BINARY_MODES) {
            let br = brotli(text.as_bytes(), 11, std::slice::from_ref(mode));
            assert!(br.len() < text.len() / 5);
            let mut back = Vec::new();
            brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
            assert_eq!(back, text.as_bytes());
        }
        let gz = gzip(text.as_bytes(), 9).unwrap();
        let mut dec = flate2::read::GzDecoder::new(&gz[..]);
        let mut back = String::new();
        std::io::Read::read_to_string(&mut dec, &mut back).unwrap();
        assert_eq!(back, text);
    }
}
