//! Loading the whole library from `content/docs`: every document parsed, cross-linked by 文号 and
//! rendered.

use std::collections::HashSet;
use std::path::Path;

use crate::error::ContentError;
use crate::model::RenderedDoc;
use crate::parse::split_front_matter;
use crate::render::{render, DocLinks};

/// Reads every `*.md` in `dir` (sorted by file name) and renders it.
pub fn load_library(dir: &Path) -> Result<Vec<RenderedDoc>, ContentError> {
    let io = |e: std::io::Error| ContentError::Io {
        path: dir.display().to_string(),
        message: e.to_string(),
    };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let mut sources = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| ContentError::Io {
            path: f.display().to_string(),
            message: e.to_string(),
        })?;
        sources.push((
            f.display().to_string(),
            f.file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string(),
            text,
        ));
    }
    let mut parsed = Vec::new();
    let mut slugs = HashSet::new();
    for (file, stem, text) in &sources {
        let (meta, body) = split_front_matter(file, text)?;
        if meta.slug != *stem || !slugs.insert(meta.slug.clone()) {
            return Err(ContentError::SlugMismatch {
                file: file.clone(),
                slug: meta.slug,
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
