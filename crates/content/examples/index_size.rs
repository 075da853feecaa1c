//! Prints the size of `data/search.json` as the build writes it: the index over `content/docs`,
//! built the way `crates/sitegen` builds it.
//! `cargo run -p policy-content --features build --example index_size [-- OUT.json]` (with a path, it
//! also writes the JSON there, e.g. to measure its compressed size).

use std::path::Path;

use policy_content::library::load_library;
use policy_content::search::SearchIndex;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/docs");
    let docs = load_library(&dir).unwrap_or_else(|e| panic!("the library renders: {e}"));
    let index = SearchIndex::build(&docs);
    let json = serde_json::to_string(&index).expect("the index serializes");
    if let Some(out) = std::env::args().nth(1) {
        std::fs::write(&out, &json).unwrap_or_else(|e| panic!("{out}: {e}"));
    }
    println!(
        "data/search.json: {} bytes, {} documents, {} sections, {} bigrams",
        json.len(),
        index.docs.len(),
        index.sections.len(),
        index.postings.len()
    );
}
