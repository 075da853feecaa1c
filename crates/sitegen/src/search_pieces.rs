//! Writes the search index in pieces (`policy_content::shards`): `data/search/index.json` and the build's
//! folder of gram, text, part and region pieces.

use std::path::Path;

use policy_content::search::{HITS_PER_PAGE, SUGGESTIONS};
use policy_content::shards::{Library, Piece, Pieces, DIR, MANIFEST_URL};

/// Writes `pieces` into `dist`; returns the manifest's version and how many files.
pub fn write(dist: &Path, pieces: &Pieces) -> Result<(String, usize), String> {
    let m = &pieces.manifest;
    let root = dist.join(DIR.trim_start_matches('/'));
    let folder = root.join(&m.version);
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let files = pieces.files();
    for (piece, bytes) in &files {
        let path = folder.join(piece.name());
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let json = serde_json::to_string(m).map_err(|e| e.to_string())?;
    std::fs::write(root.join("index.json"), json)
        .map_err(|e| format!("cannot write index.json: {e}"))?;
    Ok((m.version.clone(), 1 + files.len()))
}

/// What the search page needs to answer its own examples (`SUGGESTIONS`, the first page of each, over the
/// whole library) without a network: the manifest and every piece those searches ask for, tapped in any
/// order (what a search asks for depends on what the page has read before: after 3000元, 大病保险 asks for
/// five pieces it does not ask for first). The page gives these to the worker with itself
/// (`<meta name="zct-keep">`), so that once it says it is kept on the device, its examples work offline.
pub fn for_suggestions(pieces: &Pieces) -> Result<Vec<String>, String> {
    let mut asked: Vec<Piece> = Vec::new();
    let mut lib = Library::new(pieces.manifest.clone());
    every_order(
        pieces,
        &mut lib,
        &mut vec![false; SUGGESTIONS.len()],
        &mut asked,
    )?;
    let mut urls = vec![MANIFEST_URL.to_string()];
    urls.extend(asked.iter().map(|p| pieces.manifest.url(p)));
    Ok(urls)
}

/// Runs, from `lib` as it is, each example not yet `done`, then the rest after it in every order, adding
/// what each asks for to `asked`.
fn every_order(
    pieces: &Pieces,
    lib: &mut Library,
    done: &mut [bool],
    asked: &mut Vec<Piece>,
) -> Result<(), String> {
    for i in 0..done.len() {
        if done[i] {
            continue;
        }
        let q = SUGGESTIONS[i];
        let mut next = lib.clone();
        let (_, got) = pieces
            .search(&mut next, q, None, HITS_PER_PAGE)
            .map_err(|p| {
                format!(
                    "the example {q} asks for {}, which the build has not",
                    p.name()
                )
            })?;
        for piece in got {
            if !asked.contains(&piece) {
                asked.push(piece);
            }
        }
        done[i] = true;
        every_order(pieces, &mut next, done, asked)?;
        done[i] = false;
    }
    Ok(())
}
