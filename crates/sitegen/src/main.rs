//! `sitegen [--shells DIR | --dev BUNDLE] DIST [CONTENT]`: runs after Trunk has built each wasm bundle
//! into DIST (the bundles' shell pages in DIR, `target/shells/<bundle>.html`, see `scripts/build.sh`) and
//! writes every route of the site as a real HTML page on the shell of the bundle that serves it (text
//! readable before the wasm loads and with JavaScript off), the page fragments the app fetches when it
//! navigates, the search index (in pieces), the checker's data, the sitemap, the service worker (offline) and
//! precompressed copies of every asset. It can run again on the same build (`scripts/build.sh pages`).
//!
//! `--dev BUNDLE` is the development server's hook (`scripts/dev.sh`): DIST is Trunk's staging directory
//! for that one bundle, its `index.html` the shell; it writes that bundle's pages and the data, and no
//! service worker or compressed copies.

mod ambiguity;
mod calc_page;
mod checker_pages;
mod compress;
mod csp;
mod files;
mod jinja;
mod loader;
mod offline;
mod pages;
mod search_pieces;
mod sitemap;
mod template;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use policy_content::library::load_library;
use policy_content::search::SearchIndex;
use policy_content::shards::Pieces;
use policy_content::site::{Bundle, Page, PageKind, ReaderPage, FRAGMENT_MARK};

use crate::pages::{Built, PageSpec};
use crate::template::Templates;

const USAGE: &str = "usage: sitegen [--shells DIR | --dev BUNDLE] DIST [CONTENT]";

/// What to build, from the command line.
struct Args {
    dist: PathBuf,
    content: PathBuf,
    /// Where the bundles' shell pages are (a release build).
    shells: PathBuf,
    /// The one bundle being developed (`--dev`).
    dev: Option<Bundle>,
}

impl Args {
    fn parse(mut args: impl Iterator<Item = std::ffi::OsString>) -> Result<Self, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut shells = root.join("target/shells");
        let mut dev = None;
        let mut positional = Vec::new();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--shells") => shells = args.next().ok_or(USAGE)?.into(),
                Some("--dev") => {
                    let name = args.next().ok_or(USAGE)?;
                    let name = name.to_string_lossy();
                    dev = Some(
                        Bundle::ALL
                            .into_iter()
                            .find(|b| b.name() == name)
                            .ok_or_else(|| format!("no bundle named {name}"))?,
                    );
                }
                _ => positional.push(PathBuf::from(arg)),
            }
        }
        let mut positional = positional.into_iter();
        let dist = positional.next().ok_or(USAGE)?;
        let content = positional.next().unwrap_or_else(|| root.join("content"));
        if let Some(extra) = positional.next() {
            return Err(format!("unexpected argument {}; {USAGE}", extra.display()));
        }
        Ok(Self {
            dist,
            content,
            shells,
            dev,
        })
    }
}

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args_os().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("sitegen: {e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(n) => {
            eprintln!("sitegen: wrote {n} pages into {}", args.dist.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sitegen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<usize, String> {
    let (dist, content) = (args.dist.as_path(), args.content.as_path());
    let templates = match args.dev {
        Some(bundle) => Templates::read(dist, Some(bundle))?,
        None => Templates::read(&args.shells, None)?,
    };
    let start = std::time::Instant::now();
    let lap = |what: &str| eprintln!("sitegen: {what} at {:.1} s", start.elapsed().as_secs_f64());
    let docs = load_library(&content.join("docs")).map_err(|e| e.to_string())?;
    let built = Built::new(&docs, content)?;
    lap("library loaded");

    // The search index first: the search page carries what its examples need offline.
    let index = SearchIndex::build(&docs);
    let pieces = Pieces::split(&index);
    let (search_version, files) = search_pieces::write(dist, &pieces)?;
    eprintln!("sitegen: search index {search_version} in {files} pieces");
    let search_keeps = search_pieces::for_suggestions(&pieces)?;
    lap("search index written");

    let keeps = |path: &str| -> &[String] {
        match Page::resolve(path).map(|(p, _)| p.kind) {
            Some(PageKind::Reader(ReaderPage::Search)) => &search_keeps,
            _ => &[],
        }
    };
    let specs: Vec<PageSpec> = built.pages()?;
    let not_found = built.not_found()?;
    let mut pages = 0;
    for spec in specs.iter().chain([&not_found]) {
        let is_404 = spec.path == not_found.path;
        if !is_404 {
            write(
                &dist.join("_frag").join(format!("{}.html", spec.key)),
                &format!("{FRAGMENT_MARK}{}", spec.body),
            )?;
        }
        // In development, a page of another bundle says how to serve that bundle (without a page
        // there, the development server would answer with this bundle's shell).
        let Some(template) = templates.for_path(&spec.path) else {
            let other = Bundle::for_path(&spec.path).name();
            write(
                &dist.join(spec.file()),
                &format!("<!DOCTYPE html><meta charset=\"utf-8\"><title>{other}</title><p>This page belongs to the {other} bundle: run <code>scripts/dev.sh {other}</code>.</p>"),
            )?;
            continue;
        };
        let file = if is_404 {
            "404.html".to_string()
        } else {
            spec.file()
        };
        write(
            &dist.join(file),
            &template.render(spec, built.policy_date(), keeps(&spec.path))?,
        )?;
        pages += 1;
    }

    lap("pages written");
    // The checker's data, fetched by the checker's pages (see policy_checker::store).
    for part in policy_checker::store::Part::ALL {
        write_bytes(&dist.join(part.url().trim_start_matches('/')), part.bytes())?;
    }
    if args.dev.is_some() {
        return Ok(pages);
    }

    let origin =
        std::env::var("SITE_ORIGIN").unwrap_or_else(|_| "http://127.0.0.1:8080".to_string());
    write(
        &dist.join("sitemap.xml"),
        &sitemap::render(&origin, specs.iter().map(|s| s.path.as_str())),
    )?;
    lap("sitemap written");
    offline::write_offline_page(
        dist,
        specs.iter().map(|s| (s.path.as_str(), s.title.as_str())),
    )?;
    let compressed = compress::precompress(dist)?;
    lap("precompressed");
    let saved = offline::write_service_worker(dist)?;
    compress::compress_file(dist, "sw.js")?;
    compress::compress_file(dist, &saved.save_list)?;
    eprintln!(
        "sitegen: build {}; {compressed} files precompressed (.br, .gz); 保存全部内容: {} files, {} bytes as served",
        saved.version, saved.files, saved.bytes
    );
    csp::write_nginx_include(dist, &templates.header_csp)?;
    eprintln!(
        "sitegen: Content-Security-Policy for the server header (in {}):\n  {}",
        csp::NGINX_INCLUDE,
        templates.header_csp
    );
    Ok(pages)
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
