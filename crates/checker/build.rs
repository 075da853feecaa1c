//! Reads the checker's data files at build time (`content/eligibility.toml`, `content/forms/*.toml`,
//! `content/quiz.toml`, `content/villages.toml`), validates them (ids, references, form totals, quiz answers,
//! the alignment of the three village tables) and writes them in postcard's compact binary form to
//! OUT_DIR, so the runtime (the browser) needs no TOML parser. Any broken rule stops the build with the entry and the problem.

use std::path::{Path, PathBuf};

#[allow(dead_code, unused_imports)]
#[path = "src/data/mod.rs"]
mod data;

use data::eligibility::EligibilityData;
use data::form::Form;
use data::quiz::Quiz;
use data::villages::VillageData;

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check(path: &Path, result: Result<(), data::DataError>) {
    if let Err(e) = result {
        panic!("{}: {e}", path.display());
    }
}

/// Writes `value` (postcard) as `OUT_DIR/{stem}.bin` and returns the name it is published under on the
/// site: `{stem}-{hash}.bin`, so that a new build never reads an old copy from a cache.
fn write(stem: &str, value: &impl serde::Serialize) -> String {
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join(format!("{stem}.bin"));
    let bytes = postcard::to_allocvec(value).expect("serializable");
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    // FNV-1a (the `fnv` crate, as sitegen's build version): a content fingerprint, not for security.
    let mut hash = fnv::FnvHasher::default();
    std::hash::Hasher::write(&mut hash, &bytes);
    format!("{stem}-{:016x}.bin", std::hash::Hasher::finish(&hash))
}

fn main() {
    let dir = content();
    println!("cargo:rerun-if-changed=src/data");

    let path = dir.join("eligibility.toml");
    let eligibility: EligibilityData = read(&path);
    check(&path, eligibility.validate());
    let eligibility_file = write("eligibility", &eligibility);

    let forms_dir = dir.join("forms");
    println!("cargo:rerun-if-changed={}", forms_dir.display());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&forms_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", forms_dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut forms = Vec::new();
    for path in &paths {
        let mut form: Form = read(path);
        check(path, form.validate());
        form.fill_merged_cells();
        forms.push(form);
    }
    check(
        &forms_dir,
        data::citation::unique_ids("forms", forms.iter().map(|f| f.id.as_str())),
    );
    let forms_file = write("forms", &forms);

    let path = dir.join("quiz.toml");
    let quiz: Quiz = read(&path);
    check(&path, quiz.validate());
    let quiz_file = write("quiz", &quiz);

    let path = dir.join("villages.toml");
    let villages: VillageData = read(&path);
    let index = villages
        .build_index()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let villages_file = write("villages", &index);

    let names = format!("[{eligibility_file:?}, {forms_file:?}, {quiz_file:?}, {villages_file:?}]");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("published.rs");
    std::fs::write(&out, names).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
