//! Writes the search index in pieces (`policy_content::shards`): `data/search/index.json` and the build's
//! folder of gram, text, part and region pieces.

use std::path::Path;

use policy_content::search::SearchIndex;
use policy_content::shards::{Pieces, DIR};

/// Writes the pieces of `index` into `dist`; returns the manifest's version and how many files.
pub fn write(dist: &Path, index: &SearchIndex) -> Result<(String, usize), String> {
    let pieces = Pieces::split(index);
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
