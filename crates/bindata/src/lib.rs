//! The build scripts' one pipeline for the site's data files (`content/*.toml`): each file is read into the
//! typed structs the program uses (so a misspelt field, a wrong type or an unknown variant stops the
//! build), the script validates them, and they are written in postcard's compact binary form to `OUT_DIR`,
//! where the program includes or publishes them. The browser then needs no TOML or JSON parser and decodes
//! straight into the same types. Used by `crates/engine/build.rs` and `crates/checker/build.rs`.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Reads the TOML file at `path` into `T` (and tells cargo to rerun the build script when it changes).
///
/// # Panics
/// When the file cannot be read or does not fit `T`: the message names the file and the problem.
pub fn read<T: DeserializeOwned>(path: &Path) -> T {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `.toml` files in `dir`, sorted by name (and cargo told to rerun when the folder changes).
///
/// # Panics
/// When the folder cannot be read.
pub fn toml_files(dir: &Path) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
}

/// Stops the build when a validation failed, naming the file (or folder) it is about.
pub fn check<E: std::fmt::Display>(path: &Path, result: Result<(), E>) {
    if let Err(e) = result {
        panic!("{}: {e}", path.display());
    }
}

/// `OUT_DIR/name` (a file for the program to include).
pub fn out_path(name: &str) -> PathBuf {
    Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set for build scripts")).join(name)
}

/// Writes `value` (postcard) as `OUT_DIR/{stem}.bin` and returns the name it is published under on the
/// site: `{stem}-{hash}.bin`, so that a new build never reads an old copy from a cache.
pub fn write(stem: &str, value: &impl Serialize) -> String {
    let bytes = postcard::to_allocvec(value).expect("plain data serializes");
    write_out(&format!("{stem}.bin"), &bytes);
    format!("{stem}-{:016x}.bin", fnv1a(&bytes))
}

/// Writes `bytes` as `OUT_DIR/name` (generated Rust source, say).
pub fn write_out(name: &str, bytes: &[u8]) {
    let out = out_path(name);
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// FNV-1a, 64 bits (the `fnv` crate, as sitegen's build version): a content fingerprint for file
/// names (not for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hash = fnv::FnvHasher::default();
    hash.write(bytes);
    hash.finish()
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn fingerprints_are_fnv1a() {
        // The published FNV-1a 64 test vectors.
        for (input, hash) in [
            (&b""[..], 0xcbf2_9ce4_8422_2325),
            (b"a", 0xaf63_dc4c_8601_ec8c),
            (b"foobar", 0x8594_4171_f739_67e8),
        ] {
            assert_eq!(fnv1a(input), hash);
        }
    }
}
