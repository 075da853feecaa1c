//! Reads the parameter files (`content/params/*.toml`) at build time into the engine's own types
//! (`src/data.rs`, included here by path), validates them (link codes, unique keys, every value in its
//! unit's range, a source or an assumption note for each, every citation against the documents) and
//! writes them as postcard to OUT_DIR through the pipeline every data file of the site takes
//! (`policy_bindata`), so the runtime (the browser) decodes them straight into the same types with no TOML
//! or JSON parser.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/data.rs"]
mod data;

use policy_bindata::{check, read, toml_files, write, write_out};
use policy_content::citation::Library;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/params");
    println!("cargo:rerun-if-changed=src/data.rs");
    // Every citation is checked against the documents as they are now. The documents are deliberately not
    // in `rerun-if-changed`: editing a document must not rebuild the wasm (the pages are regenerated
    // without it); `cargo test` checks every citation again against the current documents.
    let lib = Library::of_repository(env!("CARGO_MANIFEST_DIR"));
    let mut profiles = Vec::new();
    for path in &toml_files(&dir) {
        let profile: data::ProfileParams = read(path);
        check(path, profile.validate(&lib));
        profiles.push(profile);
    }
    check(&dir, data::validate_all(&profiles));
    let codes: Vec<String> = profiles
        .iter()
        .map(|p| format!("({:?}, {:?})", p.id, p.code))
        .collect();
    write_out(
        "link_codes.rs",
        format!("&[{}]", codes.join(", ")).as_bytes(),
    );
    write("profiles", &profiles);
}
