//! `sitegen DIST [CONTENT]`: runs after Trunk has built each wasm bundle into DIST (its shell page as
//! `DIST/_bundles/<bundle>.html`, see `scripts/build.sh`) and writes every route of the site as a real HTML
//! page on the shell of the bundle that serves it (text readable before the wasm loads and with JavaScript
//! off), the page fragments the app fetches when it navigates, the search index, the checker's data, the
//! sitemap, the service worker (offline) and precompressed copies of every asset.

mod ambiguity;
mod blocks;
mod checker_pages;
mod compress;
mod csp;
mod files;
mod html;
mod offline;
mod pages;
mod sitemap;
mod template;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use policy_content::library::load_library;
use policy_content::search::SearchIndex;
use policy_content::site::FRAGMENT_MARK;

use crate::pages::{Built, PageSpec};
use crate::template::Templates;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dist) = args.next().map(PathBuf::from) else {
        eprintln!("usage: sitegen DIST [CONTENT]");
        return ExitCode::from(2);
    };
    let content = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"));
    match run(&dist, &content) {
        Ok(n) => {
            eprintln!("sitegen: wrote {n} pages into {}", dist.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sitegen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path, content: &Path) -> Result<usize, String> {
    let templates = Templates::read(dist)?;
    let docs = load_library(&content.join("docs")).map_err(|e| e.to_string())?;
    let built = Built::new(&docs, content)?;

    let specs: Vec<PageSpec> = built.pages();
    for spec in &specs {
        let page = templates
            .for_path(&spec.path)
            .render(spec, built.policy_date());
        write(&dist.join(spec.file()), &page)?;
        write(
            &dist.join("_frag").join(format!("{}.html", spec.key)),
            &format!("{FRAGMENT_MARK}{}", spec.body),
        )?;
    }
    let not_found = built.not_found();
    write(
        &dist.join("404.html"),
        &templates
            .for_path(&not_found.path)
            .render(&not_found, built.policy_date()),
    )?;

    let index = SearchIndex::build(&docs);
    let json = serde_json::to_string(&index).map_err(|e| e.to_string())?;
    write(&dist.join("data/search.json"), &json)?;
    // The checker's data, fetched by the checker's pages (see policy_checker::store).
    for part in policy_checker::store::Part::ALL {
        write_bytes(&dist.join("data").join(part.file()), part.bytes())?;
    }

    let origin =
        std::env::var("SITE_ORIGIN").unwrap_or_else(|_| "http://127.0.0.1:8080".to_string());
    write(
        &dist.join("sitemap.xml"),
        &sitemap::render(&origin, specs.iter().map(|s| s.path.as_str())),
    )?;
    let version = offline::write_service_worker(dist)?;
    let compressed = compress::precompress(dist)?;
    eprintln!("sitegen: build {version}; {compressed} files precompressed (.br, .gz)");
    csp::write_nginx_include(dist, &templates.header_csp)?;
    eprintln!(
        "sitegen: Content-Security-Policy for the server header (in {}):\n  {}",
        csp::NGINX_INCLUDE,
        templates.header_csp
    );
    Ok(specs.len() + 1)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    write_bytes(path, text.as_bytes())
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
