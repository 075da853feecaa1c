//! The static body of every route: documents, library, home and about are complete here; the
//! interactive pages get their heading and an explanation, which the app replaces when it starts.

use std::path::Path;

use policy_content::model::{Level, RenderedDoc};
use policy_content::site::{
    doc_path, fragment_key, CheckerPage, Page, PageKind, ReaderPage, NOT_FOUND, SAVE_OFFLINE_SLOT,
};

use policy_content::date::chinese_date;
use policy_content::html::esc;

/// One route's page: where it goes and what it shows before the app starts.
#[derive(Clone, Debug)]
pub struct PageSpec {
    /// The route, e.g. `/docs/huining-83/`.
    pub path: String,
    /// The fragment key (see [`fragment_key`]).
    pub key: String,
    /// The page title (without the site name).
    pub title: String,
    /// One sentence for `<meta name="description">`.
    pub description: String,
    /// The HTML inside `<main>`.
    pub body: String,
}

impl PageSpec {
    /// The file in `dist/` that serves this route.
    pub fn file(&self) -> String {
        format!("{}index.html", self.path.trim_start_matches('/'))
    }
}

/// Everything the pages are built from.
pub struct Built<'a> {
    docs: &'a [RenderedDoc],
    ambiguities: Vec<crate::ambiguity::Ambiguity>,
    /// The self-check forms and the village tables, as the checker's pages show them before the app.
    self_check: String,
    villages: String,
}

impl<'a> Built<'a> {
    /// Collects the inputs; fails if the library is empty.
    pub fn new(docs: &'a [RenderedDoc], content: &Path) -> Result<Self, String> {
        if docs.is_empty() {
            return Err("content/docs has no documents".into());
        }
        Ok(Self {
            docs,
            ambiguities: crate::ambiguity::load(content)?,
            self_check: crate::checker_pages::self_check()?,
            villages: crate::checker_pages::villages()?,
        })
    }

    /// The date of the newest document: what the site's policy data is as of.
    pub fn policy_date(&self) -> &str {
        self.docs
            .iter()
            .map(|d| d.meta.date.as_str())
            .max()
            .unwrap_or_default()
    }

    /// All routes of the site, in sitemap order (the order of [`policy_content::site::PAGES`]).
    pub fn pages(&self) -> Vec<PageSpec> {
        let mut out = Vec::new();
        for page in policy_content::site::PAGES {
            match page.kind {
                PageKind::Reader(ReaderPage::Home) => out.push(self.home(page)),
                PageKind::Reader(ReaderPage::Library) => out.push(self.library(page)),
                PageKind::Reader(ReaderPage::Doc) => out.extend(self.docs.iter().map(doc_page)),
                PageKind::Reader(ReaderPage::About) => out.push(self.about(page)),
                PageKind::Calc => out
                    .push(crate::calc_page::calc_page(page).expect("the calculator page renders")),
                PageKind::Checker(CheckerPage::SelfCheck) => {
                    out.push(interactive_with(page, &self.self_check))
                }
                PageKind::Checker(CheckerPage::Villages) => {
                    out.push(interactive_with(page, &self.villages))
                }
                PageKind::Reader(ReaderPage::Search) | PageKind::Checker(CheckerPage::Check) => {
                    out.push(interactive(page))
                }
            }
        }
        out
    }

    /// The 404 page.
    pub fn not_found(&self) -> PageSpec {
        let links: String = NOT_FOUND
            .links
            .iter()
            .map(|(href, label)| format!("<li><a href=\"{href}\">{}</a></li>", esc(label)))
            .collect();
        PageSpec {
            path: "/404/".into(),
            key: "404".into(),
            title: NOT_FOUND.title.into(),
            description: NOT_FOUND.text.into(),
            body: format!(
                "<div class=\"page\"><h1>{}</h1><p>{}</p><ul class=\"big-links\">{links}</ul></div>",
                esc(NOT_FOUND.title),
                esc(NOT_FOUND.text)
            ),
        }
    }

    fn home(&self, page: &Page) -> PageSpec {
        let mut body = String::new();
        body.push_str(&format!("<h1>{}</h1>", esc(page.title)));
        body.push_str(&format!("<p class=\"lead\">{}</p>", esc(page.intro)));
        body.push_str("<ul class=\"big-links\">");
        for (href, card) in Page::cards() {
            body.push_str(&format!(
                "<li><a href=\"{href}\"><strong>{}</strong><span>{}</span></a></li>",
                esc(card.title),
                esc(card.text)
            ));
        }
        body.push_str("</ul>");
        body.push_str(&format!(
            "<p class=\"asof\">本站收录 {} 份政策文件，最新一份发布于 {}。政策以当地医保部门现行规定为准。</p>",
            self.docs.len(),
            esc(&chinese_date(self.policy_date()))
        ));
        spec(page, body)
    }

    fn library(&self, page: &Page) -> PageSpec {
        let mut body = format!(
            "<h1>{}</h1><p>{}</p>{}",
            esc(page.title),
            esc(page.intro),
            save_offline_slot()
        );
        for level in [Level::Province, Level::City, Level::County] {
            let mut docs: Vec<&RenderedDoc> =
                self.docs.iter().filter(|d| d.meta.level == level).collect();
            if docs.is_empty() {
                continue;
            }
            docs.sort_by(|a, b| {
                a.meta
                    .region
                    .cmp(&b.meta.region)
                    .then(b.meta.date.cmp(&a.meta.date))
            });
            body.push_str(&format!(
                "<h2>{}级文件</h2><ul class=\"doc-list\">",
                level.label()
            ));
            for d in docs {
                let m = &d.meta;
                body.push_str(&format!(
                    "<li><a class=\"doc-title\" href=\"{}\">{}</a><div class=\"doc-meta\"><span class=\"tag\">{}</span>{} · {} · {}</div><p>{}</p></li>",
                    esc(&doc_path(&m.slug)),
                    esc(&m.short_title),
                    esc(&m.region),
                    esc(&m.doc_number),
                    esc(&m.issuers.join("、")),
                    esc(&chinese_date(&m.date)),
                    esc(&m.summary)
                ));
            }
            body.push_str("</ul>");
        }
        spec(page, body)
    }

    fn about(&self, page: &Page) -> PageSpec {
        let mut body = format!("<h1>{}</h1>{}", esc(page.title), save_offline_slot());
        body.push_str("<h2 id=\"privacy\">隐私说明</h2><p>本站没有服务器程序，也没有数据库和账号。您在计算器、政策查询和自查表里填写的内容只在您自己的手机或电脑上计算，不会发送到任何地方，也不会保存；关掉页面就没有了。为了方便分享，算式和答案可以放在网址“#”后面的部分里，这部分不会发送给网站。唯一会记在您设备上的是字体大小的选择。</p>");
        body.push_str("<h2 id=\"sources\">文件来源</h2><ul>");
        for d in self.docs {
            body.push_str(&format!(
                "<li><a href=\"{}\">{}</a>（{}，{}）</li>",
                esc(&doc_path(&d.meta.slug)),
                esc(&d.meta.title),
                esc(&d.meta.doc_number),
                esc(&chinese_date(&d.meta.date))
            ));
        }
        body.push_str("</ul><p>这些文件是各级党委、政府及其部门公开发布的公文，依照《中华人民共和国著作权法》第五条，不适用著作权保护。本站只修正了文字提取时产生的错误（如页码、断行），每份文件末尾的“编者注”列出了全部修正。</p>");
        body.push_str(&crate::ambiguity::render(&self.ambiguities));
        spec(page, body)
    }
}

/// Where the app puts the 保存全部内容 control (empty in the build's page: saving needs the app).
fn save_offline_slot() -> String {
    format!("<div id=\"{SAVE_OFFLINE_SLOT}\" class=\"save-offline-slot\"></div>")
}

/// A route's page with `body`, titled and described from the route table.
pub fn spec(page: &Page, body: String) -> PageSpec {
    PageSpec {
        path: page.path.into(),
        key: fragment_key(page.path),
        title: page.title.into(),
        description: page.intro.into(),
        body,
    }
}

/// A page the app draws: its heading and explanation, the <noscript> note, and a loading line that is
/// hidden until public/loader.js (the page shell's watch over the app's loading) shows it, so with
/// JavaScript off no page says "正在加载" forever.
fn interactive(page: &Page) -> PageSpec {
    interactive_with(page, "")
}

/// [`interactive`] with what can be shown without the app (`more`, markup) after the loading line.
fn interactive_with(page: &Page, more: &str) -> PageSpec {
    spec(
        page,
        format!(
            "<div class=\"page\"><h1>{}</h1><p class=\"lead\">{}</p><noscript><p class=\"notice\">这个功能需要在浏览器中启用 JavaScript。您也可以直接阅读<a href=\"/docs/\">政策文件</a>。</p></noscript><p class=\"loading\" role=\"status\" hidden>正在加载……</p>{}</div>",
            esc(page.title),
            esc(page.intro),
            more
        ),
    )
}

fn doc_page(d: &RenderedDoc) -> PageSpec {
    let m = &d.meta;
    let mut toc = String::new();
    for t in d.toc.iter().filter(|t| t.depth <= 4) {
        toc.push_str(&format!(
            "<li class=\"d{}\"><a href=\"#{}\">{}</a></li>",
            t.depth,
            esc(&t.id),
            esc(&t.title)
        ));
    }
    let body = format!(
        "<article class=\"doc\"><header class=\"doc-head\"><p class=\"doc-meta\"><span class=\"tag\">{}级</span>{}</p><h1>{}</h1><p class=\"docnum\">{}</p><p class=\"doc-meta\">{} · {}</p></header><p class=\"doc-summary\"><strong>简要说明（本站编写，不是原文）：</strong>{}</p><details class=\"toc\" open><summary>目录</summary><ol>{}</ol></details><div class=\"doc-body\">{}</div></article>",
        m.level.label(),
        esc(&m.region),
        esc(&m.title),
        esc(&m.doc_number),
        esc(&m.issuers.join("、")),
        esc(&chinese_date(&m.date)),
        esc(&m.summary),
        toc,
        d.html
    );
    PageSpec {
        path: doc_path(&m.slug),
        key: fragment_key(&doc_path(&m.slug)),
        title: m.short_title.clone(),
        description: format!("{}（{}）", m.title, m.doc_number),
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_pages_hide_their_loading_line_until_the_loader_shows_it() {
        let spec = interactive(Page::of(PageKind::Calc));
        assert!(spec.body.contains("<noscript>"));
        assert!(spec
            .body
            .contains("<p class=\"loading\" role=\"status\" hidden>"));
    }
}
