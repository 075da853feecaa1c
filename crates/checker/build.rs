//! Reads the checker's data files at build time (`content/eligibility.toml`, `content/forms/*.toml`,
//! `content/quiz.toml`, `content/villages.toml`), validates them (ids, references, form totals, quiz answers,
//! the alignment of the three village tables) and writes them in postcard's compact binary form to
//! OUT_DIR (through the pipeline every data file takes, `policy_bindata`), so the runtime (the browser) needs no TOML parser. Any broken rule stops the build with the entry and the problem.

use std::path::{Path, PathBuf};

#[allow(dead_code, unused_imports)]
#[path = "src/data/mod.rs"]
mod data;

use data::eligibility::EligibilityData;
use data::form::Form;
use data::quiz::Quiz;
use data::villages::VillageData;
use policy_bindata::{check, read, toml_files, write, write_out};
use policy_content::citation::Library;

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn main() {
    let dir = content();
    // Every citation is checked against the documents as they are now. The documents are deliberately not
    // in `rerun-if-changed`: editing a document must not rebuild the wasm (the pages are regenerated
    // without it); `cargo test` checks every citation again against the current documents.
    let lib = Library::of_repository(env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=src/data");

    let path = dir.join("eligibility.toml");
    let eligibility: EligibilityData = read(&path);
    check(&path, eligibility.validate(&lib));
    let eligibility_file = write("eligibility", &eligibility);

    let forms_dir = dir.join("forms");
    let mut forms = Vec::new();
    for path in &toml_files(&forms_dir) {
        let mut form: Form = read(path);
        check(path, form.validate(&lib));
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
    check(&path, quiz.validate(&lib));
    let quiz_file = write("quiz", &quiz);

    let path = dir.join("villages.toml");
    let villages: VillageData = read(&path);
    let index = villages
        .build_index(&lib)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let villages_file = write("villages", &index);

    let names = format!("[{eligibility_file:?}, {forms_file:?}, {quiz_file:?}, {villages_file:?}]");
    write_out("published.rs", names.as_bytes());
}
