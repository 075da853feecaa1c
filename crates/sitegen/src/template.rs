//! The page template: Trunk's `index.html` with a page's title, description and static shell filled in.

use std::path::Path;

use minijinja::{context, Value};
use policy_checker::store::Part;
use policy_content::date::chinese_date;
use policy_content::site::{
    footer_line, tools, Bundle, Page, PageKind, FOOTER_ABOUT, FOOTER_PRIVACY, MAIN_ID, SITE_NAME,
};

use crate::pages::PageSpec;

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
            let src = crate::loader::preloads_after_stylesheet(&src);
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
    /// From `</title>` to the end of the bundle's preloads (or to `</title>` if it has none).
    head_after_title: String,
    /// The rest of the head: a page's own preloads go before it.
    head_after_preloads: String,
    body_open: String,
    rest: String,
    csp: String,
}

impl Template {
    /// Splits Trunk's output at `<title>…</title>`, after the last preload of the head and just after
    /// `<body…>`.
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
        let p1 = src[t1..b0]
            .rfind("<link rel=\"preload\"")
            .or_else(|| src[t1..b0].rfind("<link rel=\"modulepreload\""))
            .and_then(|i| src[t1 + i..b0].find('>').map(|e| t1 + i + e + 1))
            .unwrap_or(t1);
        Ok(Self {
            head_before_title: src[..t0].to_string(),
            head_after_title: src[t1..p1].to_string(),
            head_after_preloads: src[p1..b0].to_string(),
            body_open: src[b0..b1].to_string(),
            rest: src[b1..].to_string(),
            csp: crate::csp::policy(&crate::csp::inline_scripts(src)),
        })
    }

    /// The full HTML page for `spec` (`templates/page.html`); `policy_date` (YYYY-MM-DD) is what the
    /// policy data is as of; `keep`, the addresses the page needs offline besides what it loads.
    pub fn render(
        &self,
        spec: &PageSpec,
        policy_date: &str,
        keep: &[String],
    ) -> Result<String, String> {
        let title = if spec.title == SITE_NAME {
            SITE_NAME.to_string()
        } else {
            format!("{} - {SITE_NAME}", spec.title)
        };
        let raw = |s: &str| Value::from_safe_string(s.to_string());
        let nav: Vec<Value> = Page::nav_links()
            .map(|(href, label)| context! { href, label, current => spec.path.starts_with(href) })
            .collect();
        let (about_href, about) = FOOTER_ABOUT;
        crate::jinja::render(
            "page.html",
            context! {
                shell => context! {
                    head_before_title => raw(&self.head_before_title),
                    head_after_title => raw(&self.head_after_title),
                    head_after_preloads => raw(&self.head_after_preloads),
                    body_open => raw(&self.body_open),
                    rest => raw(&self.rest),
                    csp => raw(&self.csp),
                },
                title,
                data => data_preloads(&spec.path),
                keep,
                description => spec.description,
                policy_date,
                key => spec.key,
                main_id => MAIN_ID,
                body => raw(&spec.body),
                site_name => SITE_NAME,
                nav,
                tools => context! {
                    smaller => tools::SMALLER,
                    size => tools::SIZES[0],
                    larger => tools::LARGER,
                    read => tools::READ,
                    qr => tools::QR,
                    poster => tools::POSTER,
                    print => tools::PRINT,
                },
                footer => context! {
                    privacy => FOOTER_PRIVACY,
                    line => footer_line(Some(&chinese_date(policy_date))),
                    about_href,
                    about,
                },
            },
        )
    }
}

/// The checker data the page at `path` installs before its app shows it (see
/// `policy_checker::store::Part::for_page`), preloaded by the page so that it comes with the wasm, not
/// one round trip after it.
fn data_preloads(path: &str) -> Vec<String> {
    match Page::resolve(path).map(|(p, _)| p.kind) {
        Some(PageKind::Checker(page)) => Part::for_page(page).iter().map(|p| p.url()).collect(),
        _ => Vec::new(),
    }
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
        let page = t.render(&spec, "2018-06-29", &[]).unwrap();
        assert!(page.contains("<title>关于本站 - 健康扶贫政策通</title>"));
        assert!(page.contains("<meta name=\"policy-date\" content=\"2018-06-29\">"));
        assert!(page.contains("资料截至2018年6月29日"));
        assert!(page.contains("content=\"说明&lt;&gt;\""));
        assert!(page.contains(&format!(
            "<main id=\"{MAIN_ID}\" data-frag=\"about\"><h1>关于本站</h1></main>"
        )));
        assert!(page.contains(&format!("<a class=\"skip-link\" href=\"#{MAIN_ID}\">")));
        assert!(page.contains("href=\"/about/\" aria-current=\"page\""));
        assert!(page.contains("<link rel=\"modulepreload\" href=\"/a.js\">"));
        assert!(page.ends_with("<script type=\"module\">init()</script></body></html>"));
        assert!(
            page.find("static-shell").unwrap() < page.find("<script type=\"module\">").unwrap()
        );
    }

    #[test]
    fn a_checker_page_preloads_its_data_after_the_bundle() {
        let t = Template::parse(TRUNK).unwrap();
        let spec = |path: &str| PageSpec {
            path: path.into(),
            key: "k".into(),
            title: "t".into(),
            description: "d".into(),
            body: String::new(),
        };
        let preload = |p: Part| {
            format!(
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">",
                p.url()
            )
        };
        let cases: [(&str, &[Part]); 4] = [
            ("/check/", &[Part::Eligibility]),
            ("/self-check/", &[Part::Forms, Part::Quiz]),
            ("/villages/", &[Part::Villages]),
            ("/calc/", &[]),
        ];
        for (path, parts) in cases {
            let page = t.render(&spec(path), "2018-06-29", &[]).unwrap();
            let links: String = parts.iter().map(|p| preload(*p)).collect();
            let want = format!("<link rel=\"modulepreload\" href=\"/a.js\">{links}</head>");
            assert!(page.contains(&want), "{path}: {page}");
            assert_eq!(page.matches("/data/").count(), parts.len(), "{path}");
        }
    }

    #[test]
    fn rejects_template_without_title() {
        assert!(Template::parse("<html><body></body></html>").is_err());
    }
}
