//! What each query of the scale benchmark downloads, without a browser: the index over a library (e.g. one
//! grown by `scripts/grow-library.mjs`) split as the build splits it, the queries run one after another on
//! one page as `scripts/scale.mjs` runs them (pieces kept between queries), each piece counted at its
//! brotli size (sitegen's quality for the index's pieces). Prints per query the rounds of fetches, the
//! pieces and their bytes and whether the page differs from the whole index's answer, and the index's
//! totals. With `--each`, every query after the first runs on what the first one left (a later query on
//! its own, not after the others). Without queries: those of `tests/e2e/scale-queries.mjs`.
//! `cargo run --release -p policy-content --features build --example query_cost -- DOCS_DIR [--each] [QUERY…]`

use std::path::PathBuf;

use policy_content::library::load_library;
use policy_content::search::SearchIndex;
use policy_content::shards::{Library, Pieces, Plan, Step};

/// sitegen's brotli quality for the files that grow with the library.
const QUALITY: i32 = 7;

fn br(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: QUALITY,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("in memory");
    out.len()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("DOCS_DIR"));
    let mut queries: Vec<String> = args.collect();
    let each = queries.first().is_some_and(|a| a == "--each");
    if each {
        queries.remove(0);
    }
    if queries.is_empty() {
        queries = [
            "大病保险",
            "医",
            "先诊疗后付费",
            "县委办发〔2018〕83号",
            "3000元",
            "会宁县人民政府办公室",
            "依托市医学会等专业组织成立市重大",
        ]
        .map(String::from)
        .to_vec();
    }
    let docs = load_library(&dir).unwrap_or_else(|e| panic!("the library renders: {e}"));
    let index = SearchIndex::build(&docs);
    let pieces = Pieces::split(&index);
    let files = pieces.files();
    let mut kinds: std::collections::BTreeMap<char, (usize, usize)> = Default::default();
    for (piece, b) in &files {
        let k = kinds
            .entry(piece.name().chars().next().unwrap_or('?'))
            .or_default();
        k.0 += 1;
        k.1 += br(b);
    }
    let total: usize = kinds.values().map(|k| k.1).sum();
    println!(
        "{} documents, {} sections: {} files, {} bytes brotli (by kind: {kinds:?})",
        index.docs.len(),
        index.sections.len(),
        files.len(),
        total
    );
    let mut lib = Library::new(pieces.manifest.clone());
    let mut after_first = None;
    for q in &queries {
        if let Some(first) = &after_first {
            lib = Library::clone(first);
        }
        let plan = Plan::new(q);
        let (mut rounds, mut n, mut bytes) = (0, 0, 0);
        let mut by_kind: std::collections::BTreeMap<char, usize> = Default::default();
        let page = loop {
            match lib.step(&plan, None, 10) {
                Step::Done(page) => break page,
                Step::Fetch(pieces) => {
                    rounds += 1;

                    for piece in pieces {
                        let name = piece.name();
                        let (_, b) = files
                            .iter()
                            .find(|(f, _)| *f == piece)
                            .unwrap_or_else(|| panic!("{name}"));
                        let size = br(b);
                        bytes += size;
                        *by_kind
                            .entry(name.chars().next().unwrap_or('?'))
                            .or_default() += size;
                        n += 1;
                        lib.add(&piece, b).expect("pieces decode");
                    }
                }
            }
        };
        let whole = index.search(q, 10);
        let same = if page.hits == whole {
            ""
        } else {
            " DIFFERS from the whole index"
        };
        println!(
            "{q}: {rounds} rounds, {n} pieces, {bytes} bytes brotli {by_kind:?}; found {} (at most {}), {} shown{same}",
            page.found,
            page.at_most,
            page.hits.len()
        );
        if each && after_first.is_none() {
            after_first = Some(lib.clone());
        }
    }
}
