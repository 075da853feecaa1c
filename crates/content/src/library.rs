//! Loading the whole library from `content/docs`: every document's front matter read first (so each
//! can link the 文号 of all the others), then every document rendered; and the citation judge
//! ([`Library`]) read from the same files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::citation::Library;
use crate::error::ContentError;
use crate::model::RenderedDoc;
use crate::parse::split_front_matter;
use crate::render::{render, DocLinks};

/// Reads every `*.md` in `dir` (sorted by file name) and renders it. Each slug must equal its file
/// stem (so slugs are unique), and no two documents may share a 文号.
pub fn load_library(dir: &Path) -> Result<Vec<RenderedDoc>, ContentError> {
    let (files, sources) = read_sources(dir)?;
    let mut parsed = Vec::new();
    let mut numbers: HashMap<String, String> = HashMap::new();
    for (path, src) in files.iter().zip(&sources) {
        let (meta, body) = split_front_matter(src).map_err(|e| ContentError::InFile {
            path: path.display().to_string(),
            error: Box::new(e),
        })?;
        if path.file_stem().and_then(|s| s.to_str()) != Some(meta.slug.as_str()) {
            return Err(ContentError::SlugMismatch {
                path: path.display().to_string(),
                slug: meta.slug,
            });
        }
        let number = crate::docnum::normalize(&meta.doc_number);
        if let Some(first) = numbers.insert(number, meta.slug.clone()) {
            return Err(ContentError::DuplicateDocNumber {
                doc_number: meta.doc_number,
                first,
                second: meta.slug,
            });
        }
        parsed.push((meta, body));
    }
    let links = DocLinks::from_meta(parsed.iter().map(|(m, _)| m));
    parsed
        .into_iter()
        .map(|(meta, body)| render(meta, body, &links))
        .collect()
}

fn io(path: &Path, e: std::io::Error) -> ContentError {
    ContentError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Every `*.md` in `dir`, sorted by file name, with its text.
fn read_sources(dir: &Path) -> Result<(Vec<PathBuf>, Vec<String>), ContentError> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let path = entry.map_err(|e| io(dir, e))?.path();
        if path.extension().is_some_and(|x| x == "md") {
            files.push(path);
        }
    }
    files.sort();
    let mut sources = Vec::new();
    for path in &files {
        sources.push(std::fs::read_to_string(path).map_err(|e| io(path, e))?);
    }
    Ok((files, sources))
}

/// Loading the citation judge from the files (the judge itself needs no feature: the checker's data
/// validation takes it, in its build script and its tests).
impl Library {
    /// Reads every document's front matter and source in `dir` (no rendering).
    pub fn load(dir: &Path) -> Result<Self, ContentError> {
        let (files, sources) = read_sources(dir)?;
        let mut docs = Vec::new();
        for (path, src) in files.iter().zip(sources) {
            let (meta, _) = split_front_matter(&src).map_err(|e| ContentError::InFile {
                path: path.display().to_string(),
                error: Box::new(e),
            })?;
            docs.push((meta.slug, meta.doc_number, src));
        }
        Ok(Self::from_docs(docs))
    }

    /// The library in the repository's `content/docs`, for build scripts and tests: `manifest_dir` is the
    /// calling crate's `CARGO_MANIFEST_DIR` (the root or a crate under `crates/`).
    pub fn of_repository(manifest_dir: &str) -> Self {
        let dir = Path::new(manifest_dir)
            .ancestors()
            .map(|a| a.join("content/docs"))
            .find(|d| d.is_dir())
            .unwrap_or_else(|| panic!("no content/docs above {manifest_dir}"));
        Self::load(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
    }
}
