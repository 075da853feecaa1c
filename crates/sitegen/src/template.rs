//! The page template: Trunk's `index.html` with a page's title, description and static shell filled in.

use std::path::Path;

use policy_content::site::{Bundle, NAV, SITE_NAME};

use crate::html::esc;
use crate::pages::PageSpec;

/// The shell page of every bundle, read from `DIST/_bundles/<bundle>.html` (which is then removed, so the
/// shells are not published on their own).
pub struct Templates {
    by_bundle: Vec<(Bundle, Template)>,
    /// The Content-Security-Policy for a server header: it allows every bundle's inline loader (each
    /// page's `<meta>` allows only its own) and forbids framing.
    pub header_csp: String,
}

impl Templates {
    /// Reads and parses every bundle's shell, then removes `DIST/_bundles`.
    pub fn read(dist: &Path) -> Result<Self, String> {
        let dir = dist.join("_bundles");
        let mut by_bundle = Vec::new();
        let mut sources = Vec::new();
        for bundle in Bundle::ALL {
            let file = dir.join(format!("{}.html", bundle.name()));
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
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
        Ok(Self {
            by_bundle,
            header_csp,
        })
    }

    /// The shell for the page at `path`.
    pub fn for_path(&self, path: &str) -> &Template {
        let bundle = Bundle::for_path(path);
        &self
            .by_bundle
            .iter()
            .find(|(b, _)| *b == bundle)
            .expect("every bundle has a template")
            .1
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
            "{}<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n  <title>{}</title>\n  <meta name=\"description\" content=\"{}\">\n  <meta name=\"policy-date\" content=\"{}\">{}{}\n<div id=\"static-shell\">\n<a class=\"skip-link\" href=\"#main\">跳到正文</a>\n{}\n<main id=\"main\" data-frag=\"{}\">{}</main>\n{}\n</div>{}",
            self.head_before_title,
            self.csp,
            esc(&title),
            esc(&spec.description),
            esc(policy_date),
            self.head_after_title,
            self.body_open,
            header(&spec.path),
            esc(&spec.key),
            spec.body,
            footer(policy_date),
            self.rest,
        )
    }
}

fn header(current: &str) -> String {
    let mut items = String::new();
    for p in NAV.iter().skip(1) {
        let cur = if current.starts_with(p.path) {
            " aria-current=\"page\""
        } else {
            ""
        };
        items.push_str(&format!(
            "<li><a href=\"{}\"{cur}>{}</a></li>",
            p.path,
            esc(p.nav)
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
    format!(
        "<footer class=\"site-footer\"><p>本站所有计算都在您的手机上完成，您填写的内容不会上传，也不会保存。</p><p>政策原文来自各级政府公开发布的文件，资料截至{}。计算结果仅供参考，以医保经办机构结算为准。</p><p><a href=\"/about/\">关于本站与隐私说明</a></p></footer>",
        esc(&crate::html::chinese_date(policy_date))
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
