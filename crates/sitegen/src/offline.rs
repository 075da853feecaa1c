//! Offline support: `sw.js` (from the template `sw.js`), the offline page (`offline.html`: what a page that
//! was never saved shows without a network) and the list of every file for 保存全部内容
//! (`data/offline-<version>.json`). A first visit keeps only the core and what the visited page loaded;
//! everything else is kept as it is opened, or all at once on purpose (see the template's notes).

use std::path::Path;

use std::hash::Hasher;

use policy_content::html::esc;

use crate::files::list_files;

/// The offline page's route.
pub const OFFLINE_PAGE: &str = "offline/index.html";

/// The offline page's script, which shows which pages this phone has saved (kept with the core).
pub const OFFLINE_SCRIPT: &str = "offline/saved.js";

/// The scripts the page shell (web/shell.html) loads on every page, from the site's root: the watch over
/// the app's loading, and the document's bars where CSS alone cannot show them.
const SHELL_SCRIPTS: [&str; 2] = ["loader.js", "bars.js"];

/// What the offline page's list calls the home page (its title is the site's name).
const HOME: &str = "首页";

/// What sitegen wrote for offline use.
pub struct Offline {
    /// The build version (the cache's name).
    pub version: String,
    /// The save list's path in `dist`.
    pub save_list: String,
    /// How many files 保存全部内容 fetches, and their size as served (brotli where the build has it).
    pub files: usize,
    /// Their size in bytes, as served (brotli where the build has a `.br`).
    pub bytes: u64,
}

/// Files never kept: compressed copies, the worker itself, the save list, the server's include; and
/// the search index's optional pieces, left out of 保存全部内容 (offline, the search reads whole texts).
fn served(f: &str) -> bool {
    !policy_content::shards::optional_piece(&url(f))
        && !f.ends_with(".br")
        && !f.ends_with(".gz")
        && f != "sw.js"
        && !f.starts_with("data/offline-")
        && f != crate::csp::NGINX_INCLUDE
}

/// The URL of a file in `dist`.
fn url(f: &str) -> String {
    format!("/{}", f.strip_suffix("index.html").unwrap_or(f))
}

/// The offline page's list: every page (`(route, title)`), hidden until its script finds it saved.
fn page_list<'a>(pages: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    pages
        .map(|(path, title)| {
            let title = if path == "/" { HOME } else { title };
            format!(
                "<li hidden><a href=\"{}\">{}</a></li>",
                esc(path),
                esc(title)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes the offline page, listing `pages` (`(route, title)`), and its script (before the compression
/// step, which then compresses them).
pub fn write_offline_page<'a>(
    dist: &Path,
    pages: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<(), String> {
    let css = list_files(dist)?
        .into_iter()
        .find(|f| !f.contains('/') && f.ends_with(".css"))
        .ok_or("no stylesheet in dist")?;
    let html = include_str!("offline.html")
        .replace("__CSS__", &format!("/{css}"))
        .replace("__SCRIPT__", &format!("/{OFFLINE_SCRIPT}"))
        .replace("__PAGES__", &page_list(pages));
    let path = dist.join(OFFLINE_PAGE);
    std::fs::create_dir_all(path.parent().expect("in a folder"))
        .and_then(|()| std::fs::write(&path, html))
        .and_then(|()| std::fs::write(dist.join(OFFLINE_SCRIPT), include_str!("offline_saved.js")))
        .map_err(|e| format!("cannot write {OFFLINE_PAGE}: {e}"))
}

/// Writes the save list and `DIST/sw.js` for the files now in `dist` (after compression, so the sizes
/// are as served); returns what it wrote. The caller compresses these two files.
pub fn write_service_worker(dist: &Path) -> Result<Offline, String> {
    let all = list_files(dist)?;
    let files: Vec<&String> = all.iter().filter(|f| served(f)).collect();
    // FNV-1a over names and contents: a build version, not security.
    let mut hash = fnv::FnvHasher::default();
    let mut bytes = 0u64;
    let mut sizes = Vec::new();
    for f in &files {
        hash.write(f.as_bytes());
        hash.write(&std::fs::read(dist.join(f)).map_err(|e| format!("cannot read {f}: {e}"))?);
        let br = dist.join(format!("{f}.br"));
        let served = if br.exists() { br } else { dist.join(f) };
        let size = std::fs::metadata(&served).map_err(|e| e.to_string())?.len();
        sizes.push(size);
        bytes += size;
    }
    let version = format!("{:016x}", hash.finish());
    let urls: Vec<String> = files.iter().map(|f| url(f)).collect();
    let save_list = format!("data/offline-{version}.json");
    let list =
        serde_json::json!({ "version": version, "bytes": bytes, "files": urls, "sizes": sizes });
    std::fs::write(dist.join(&save_list), list.to_string())
        .map_err(|e| format!("cannot write {save_list}: {e}"))?;

    // The core: the offline page and the shell's files every page loads (web/shell.html's scripts too).
    let core: Vec<String> = files
        .iter()
        .filter(|f| {
            [OFFLINE_PAGE, OFFLINE_SCRIPT].contains(&f.as_str())
                || (!f.contains('/')
                    && [".css", ".webmanifest", ".svg"]
                        .iter()
                        .any(|x| f.ends_with(x)))
                || SHELL_SCRIPTS.contains(&f.as_str())
        })
        .map(|f| format!("\"{}\"", url(f)))
        .collect();
    let js = include_str!("sw.js")
        .replace("__VERSION__", &version)
        .replace("__CORE__", &core.join(", "))
        .replace("__SAVE_LIST__", &format!("/{save_list}"))
        .replace("__SAVE_BYTES__", &bytes.to_string());
    std::fs::write(dist.join("sw.js"), js).map_err(|e| format!("cannot write sw.js: {e}"))?;
    Ok(Offline {
        version,
        save_list,
        files: files.len(),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_small_core_and_lists_every_file_for_saving() {
        let dist = std::env::temp_dir().join(format!("sitegen-sw-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("docs/a")).unwrap();
        std::fs::create_dir_all(dist.join("data/search/v1")).unwrap();
        for f in [
            "data/search/v1/g0.bin",
            "data/search/v1/t0.json",
            "data/search/v1/p0.json",
            "index.html",
            "docs/index.html",
            "docs/a/index.html",
            "404.html",
            "app-1.js",
            "app-1.wasm",
            "style-1.css",
            "loader.js",
            "bars.js",
        ] {
            std::fs::write(dist.join(f), f).unwrap();
        }
        std::fs::write(dist.join("app-1.wasm.br"), "12").unwrap();
        write_offline_page(
            &dist,
            [("/", "健康扶贫政策通"), ("/docs/a/", "A & B")].into_iter(),
        )
        .unwrap();
        let offline = write_service_worker(&dist).unwrap();
        let sw = std::fs::read_to_string(dist.join("sw.js")).unwrap();
        let list: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dist.join(&offline.save_list)).unwrap()).unwrap();
        let page = std::fs::read_to_string(dist.join(OFFLINE_PAGE)).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();
        // The core is the offline page and the shell, not the pages or the bundles.
        let core = sw.lines().find(|l| l.starts_with("const CORE")).unwrap();
        assert_eq!(
            core,
            r#"const CORE = ["/bars.js", "/loader.js", "/offline/", "/offline/saved.js", "/style-1.css"];"#
        );
        // 保存全部内容 gets every file the site serves but the index's part shards, each sized as served
        // (the wasm's .br is 2 bytes).
        let files: Vec<&str> = list["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(
            files,
            [
                "/404.html",
                "/app-1.js",
                "/app-1.wasm",
                "/bars.js",
                "/data/search/v1/g0.bin",
                "/data/search/v1/t0.json",
                "/docs/a/",
                "/docs/",
                "/",
                "/loader.js",
                "/offline/",
                "/offline/saved.js",
                "/style-1.css"
            ]
        );
        assert_eq!(offline.files, files.len());
        let sizes: Vec<u64> = list["sizes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        let wasm = files.iter().position(|f| *f == "/app-1.wasm").unwrap();
        assert_eq!((sizes.len(), sizes[wasm]), (files.len(), 2));
        assert_eq!(sizes.iter().sum::<u64>(), offline.bytes);
        assert!(sw.contains(&format!("const SAVE_BYTES = {};", offline.bytes)));
        assert!(sw.contains(&format!("const SAVE_LIST = \"/{}\";", offline.save_list)));
        assert!(page.contains("href=\"/style-1.css\"") && page.contains("还没有保存到本机"));
        // Every page listed, hidden until its script finds it saved; the home page by name.
        assert!(page.contains(
            "<li hidden><a href=\"/\">首页</a></li>\n<li hidden><a href=\"/docs/a/\">A &amp; B</a></li>"
        ));
        assert!(page.contains("<script src=\"/offline/saved.js\"></script>"));
        // What the install step fetches, it fetches past every HTTP cache.
        assert!(sw.contains("CORE.map((url) => new Request(url, { cache: \"reload\" }))"));
    }
}
