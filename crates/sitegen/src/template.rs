//! The page template: Trunk's `index.html` with a page's title, description and static shell filled in.

use std::path::Path;

use policy_content::site::{
    Bundle, Page, FOOTER_ABOUT, FOOTER_CAVEAT, FOOTER_PRIVACY, FOOTER_SOURCES, SITE_NAME,
};

use crate::pages::PageSpec;
use policy_content::date::chinese_date;
use policy_content::html::esc;

/// The shell page of every bundle: Trunk's `index.html` for that bundle, as `scripts/build.sh` keeps it in
/// `target/shells/<bundle>.html` (outside `dist/`, so the shells are not published on their own and the
/// generator can run again on the same build).
pub struct Templates {
    by_bundle: Vec<(Bundle, Template)>,
    /// The Content-Security-Policy for a server header: it allows every bundle's inline loader (each
    /// page's `<meta>` allows only its own) and forbids framing.
    pub header_csp: String,
}

impl Templates {
    /// Reads and parses the shells: `DIR/<bundle>.html` for every bundle, or with `only`, that bundle's
    /// shell from `DIR/index.html` (the development server's one bundle, see `scripts/dev.sh`).
    pub fn read(dir: &Path, only: Option<Bundle>) -> Result<Self, String> {
        let mut by_bundle = Vec::new();
        let mut sources = Vec::new();
        let wanted: Vec<(Bundle, std::path::PathBuf)> = match only {
            Some(b) => vec![(b, dir.join("index.html"))],
            None => Bundle::ALL
                .iter()
                .map(|b| (*b, dir.join(format!("{}.html", b.name()))))
                .collect(),
        };
        for (bundle, file) in wanted {
            let src = std::fs::read_to_string(&file).map_err(|e| {
                format!("cannot read {} (run scripts/build.sh): {e}", file.display())
            })?;
            let t = Template::parse(&src).map_err(|e| format!("{}: {e}", file.display()))?;
            by_bundle.push((bundle, t));
            sources.push(src);
        }
        let scripts: Vec<&str> = sources
            .iter()
            .flat_map(|s| crate::csp::inline_scripts(s))
            .collect();
        let header_csp = crate::csp::header_policy(&scripts);
        Ok(Self {
            by_bundle,
            header_csp,
        })
    }

    /// The shell for the page at `path`, if its bundle's shell was read.
    pub fn for_path(&self, path: &str) -> Option<&Template> {
        let bundle = Bundle::for_path(path);
        self.by_bundle
            .iter()
            .find(|(b, _)| *b == bundle)
            .map(|(_, t)| t)
    }
}

/// Trunk's built `index.html`, split where a page's own parts go.
pub struct Template {
    head_before_title: String,
    head_after_title: String,
    body_open: String,
    rest: String,
    csp: String,
}

impl Template {
    /// Splits Trunk's output at `<title>…</title>` and just after `<body…>`.
    pub fn parse(src: &str) -> Result<Self, String> {
        let t0 = src.find("<title>").ok_or("index.html has no <title>")?;
        let t1 = src[t0..]
            .find("</title>")
            .ok_or("index.html has no </title>")?
            + t0
            + "</title>".len();
        let b0 = src.find("<body").ok_or("index.html has no <body>")?;
        let b1 = src[b0..]
            .find('>')
            .ok_or("index.html has a broken <body>")?
            + b0
            + 1;
        if b0 < t1 {
            return Err("index.html: <title> must come before <body>".into());
        }
        Ok(Self {
            head_before_title: src[..t0].to_string(),
            head_after_title: src[t1..b0].to_string(),
            body_open: src[b0..b1].to_string(),
            rest: src[b1..].to_string(),
            csp: crate::csp::policy(&crate::csp::inline_scripts(src)),
        })
    }

    /// The full HTML page for `spec`; `policy_date` (YYYY-MM-DD) is what the policy data is as of.
    pub fn render(&self, spec: &PageSpec, policy_date: &str) -> String {
        let title = if spec.title == SITE_NAME {
            SITE_NAME.to_string()
        } else {
            format!("{} - {SITE_NAME}", spec.title)
        };
        format!(
            "{}<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n  <title>{}</title>\n  <meta name=\"description\" content=\"{}\">\n  <meta name=\"policy-date\" content=\"{}\">{}{}\n<div id=\"static-shell\">\n<a class=\"skip-link\" href=\"#main\">跳到正文</a>\n{}\n{}<main id=\"main\" data-frag=\"{}\">{}</main>\n{}\n</div>{}",
            self.head_before_title,
            self.csp,
            esc(&title),
            esc(&spec.description),
            esc(policy_date),
            self.head_after_title,
            self.body_open,
            header(&spec.path),
            // The app's tool bar takes this place when it starts: the page keeps its layout (the bar's
            // space is held, invisible, while JavaScript runs; see `.static-tools` in style.css).
            include_str!("../templates/page_tools.html"),
            esc(&spec.key),
            spec.body,
            footer(policy_date),
            self.rest,
        )
    }
}

fn header(current: &str) -> String {
    let mut items = String::new();
    for (path, label) in Page::nav_links() {
        let cur = if current.starts_with(path) {
            " aria-current=\"page\""
        } else {
            ""
        };
        items.push_str(&format!(
            "<li><a href=\"{path}\"{cur}>{}</a></li>",
            esc(label)
        ));
    }
    // The navigation twice: in full, and folded behind 菜单 in a <details> that only a narrow screen shows
    // (public/style.css), as the app's header folds it, so the page before the app keeps its first screen.
    format!(
        "<header class=\"site-header\"><div class=\"header-row\"><a class=\"brand\" href=\"/\">{}</a></div><nav class=\"nav-full\" aria-label=\"主导航\"><ul>{items}</ul></nav><details class=\"nav-fold\"><summary class=\"menu-toggle\">菜单</summary><nav aria-label=\"主导航\"><ul>{items}</ul></nav></details></header>",
        esc(SITE_NAME)
    )
}

fn footer(policy_date: &str) -> String {
    let (about_href, about) = FOOTER_ABOUT;
    format!(
        "<footer class=\"site-footer\"><p>{}</p><p>{}，资料截至{}。{}</p><p><a href=\"{about_href}\">{}</a></p></footer>",
        esc(FOOTER_PRIVACY),
        esc(FOOTER_SOURCES),
        esc(&chinese_date(policy_date)),
        esc(FOOTER_CAVEAT),
        esc(about),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>x</title><link rel=\"modulepreload\" href=\"/a.js\"></head><body><script type=\"module\">init()</script></body></html>";

    #[test]
    fn fills_title_shell_and_keeps_trunk_parts() {
        let t = Template::parse(TRUNK).unwrap();
        let spec = PageSpec {
            path: "/about/".into(),
            key: "about".into(),
            title: "关于本站".into(),
            description: "说明<>".into(),
            body: "<h1>关于本站</h1>".into(),
        };
        let page = t.render(&spec, "2018-06-29");
        assert!(page.contains("<title>关于本站 - 健康扶贫政策通</title>"));
        assert!(page.contains("<meta name=\"policy-date\" content=\"2018-06-29\">"));
        assert!(page.contains("资料截至2018年6月29日"));
        assert!(page.contains("content=\"说明&lt;&gt;\""));
        assert!(page.contains("<main id=\"main\" data-frag=\"about\"><h1>关于本站</h1></main>"));
        assert!(page.contains("href=\"/about/\" aria-current=\"page\""));
        assert!(page.contains("<link rel=\"modulepreload\" href=\"/a.js\">"));
        assert!(page.ends_with("<script type=\"module\">init()</script></body></html>"));
        assert!(
            page.find("static-shell").unwrap() < page.find("<script type=\"module\">").unwrap()
        );
    }

    #[test]
    fn rejects_template_without_title() {
        assert!(Template::parse("<html><body></body></html>").is_err());
    }
}
