//! The static body of every route, from the templates in `templates/`: documents, library, home and about
//! are complete here; the interactive pages get their heading and an explanation, which the app replaces
//! when it starts.

use std::path::Path;

use policy_content::model::{Level, RenderedDoc};
use policy_content::site::{
    doc_path, fragment_key, CheckerPage, Page, PageKind, ReaderPage, NOT_FOUND, SAVE_OFFLINE_SLOT,
    SAVE_OFFLINE_TEXT,
};

use minijinja::{context, Value};
use policy_content::date::chinese_date;

use crate::jinja::render;

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
    /// The ambiguity register, as /about/ shows it.
    readings: String,
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
            readings: crate::ambiguity::render(&crate::ambiguity::load(content)?)?,
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
    pub fn pages(&self) -> Result<Vec<PageSpec>, String> {
        let mut out = Vec::new();
        for page in policy_content::site::PAGES {
            match page.kind {
                PageKind::Reader(ReaderPage::Home) => out.push(self.home(page)?),
                PageKind::Reader(ReaderPage::Library) => out.push(self.library(page)?),
                PageKind::Reader(ReaderPage::Doc) => {
                    for d in self.docs {
                        out.push(doc_page(d)?);
                    }
                }
                PageKind::Reader(ReaderPage::About) => out.push(self.about(page)?),
                PageKind::Calc => out.push(crate::calc_page::calc_page(page)?),
                PageKind::Checker(CheckerPage::SelfCheck) => {
                    out.push(interactive_with(page, &self.self_check)?)
                }
                PageKind::Checker(CheckerPage::Villages) => {
                    out.push(interactive_with(page, &self.villages)?)
                }
                PageKind::Reader(ReaderPage::Search) | PageKind::Checker(CheckerPage::Check) => {
                    out.push(interactive(page)?)
                }
            }
        }
        Ok(out)
    }

    /// The 404 page (`templates/not_found.html`).
    pub fn not_found(&self) -> Result<PageSpec, String> {
        let links: Vec<Value> = NOT_FOUND
            .links
            .iter()
            .map(|(href, label)| context! { href, label })
            .collect();
        Ok(PageSpec {
            path: "/404/".into(),
            key: "404".into(),
            title: NOT_FOUND.title.into(),
            description: NOT_FOUND.text.into(),
            body: render(
                "not_found.html",
                context! { title => NOT_FOUND.title, text => NOT_FOUND.text, links },
            )?,
        })
    }

    /// The home page (`templates/home.html`).
    fn home(&self, page: &Page) -> Result<PageSpec, String> {
        let cards: Vec<Value> = Page::cards()
            .map(|(href, c)| context! { href, title => c.title, text => c.text })
            .collect();
        let body = render(
            "home.html",
            context! {
                title => page.title,
                intro => page.intro,
                cards,
                count => self.docs.len(),
                newest => chinese_date(self.policy_date()),
            },
        )?;
        Ok(spec(page, body))
    }

    /// The library (`templates/library.html`): the documents by level, each level by region and newest
    /// first.
    fn library(&self, page: &Page) -> Result<PageSpec, String> {
        let mut groups = Vec::new();
        for level in [Level::Province, Level::City, Level::County] {
            let mut docs: Vec<&RenderedDoc> =
                self.docs.iter().filter(|d| d.meta.level == level).collect();
            if docs.is_empty() {
                continue;
            }
            // As the page's intro says: within a level, the newest first.
            docs.sort_by(|a, b| {
                b.meta
                    .date
                    .cmp(&a.meta.date)
                    .then(a.meta.region.cmp(&b.meta.region))
            });
            let docs: Vec<Value> = docs
                .iter()
                .map(|d| {
                    let m = &d.meta;
                    context! {
                        href => doc_path(&m.slug),
                        short_title => m.short_title,
                        region => m.region,
                        number => m.doc_number,
                        issuers => m.issuers.join("、"),
                        date => chinese_date(&m.date),
                        summary => m.summary,
                    }
                })
                .collect();
            groups.push(context! { level => level.label(), docs });
        }
        let body = render(
            "library.html",
            context! { title => page.title, intro => page.intro, save_slot => save_slot(), groups },
        )?;
        Ok(spec(page, body))
    }

    /// The about page (`templates/about.html`).
    fn about(&self, page: &Page) -> Result<PageSpec, String> {
        let docs: Vec<Value> = self
            .docs
            .iter()
            .map(|d| {
                context! {
                    href => doc_path(&d.meta.slug),
                    title => d.meta.title,
                    number => d.meta.doc_number,
                    date => chinese_date(&d.meta.date),
                }
            })
            .collect();
        let body = render(
            "about.html",
            context! {
                title => page.title,
                save_slot => save_slot(),
                docs,
                readings => Value::from_safe_string(self.readings.clone()),
            },
        )?;
        Ok(spec(page, body))
    }
}

/// The slot of the 保存全部内容 control and the words of its placeholder.
fn save_slot() -> Value {
    let t = SAVE_OFFLINE_TEXT;
    context! { id => SAVE_OFFLINE_SLOT, title => t.title, lead => t.lead, preparing => t.preparing }
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

/// A page the app draws (`templates/interactive.html`): its heading and explanation, and a loading line
/// that only the page shell's loader shows.
fn interactive(page: &Page) -> Result<PageSpec, String> {
    interactive_with(page, "")
}

/// [`interactive`] with what can be shown without the app (`more`, markup) after the loading line.
fn interactive_with(page: &Page, more: &str) -> Result<PageSpec, String> {
    let body = render(
        "interactive.html",
        context! {
            title => page.title,
            intro => page.intro,
            more => Value::from_safe_string(more.to_string()),
        },
    )?;
    Ok(spec(page, body))
}

/// A document's page (`templates/doc.html`).
fn doc_page(d: &RenderedDoc) -> Result<PageSpec, String> {
    let m = &d.meta;
    let toc: Vec<Value> = d
        .toc
        .iter()
        .filter(|t| t.depth <= 4)
        .map(|t| context! { depth => t.depth, id => t.id, title => t.title })
        .collect();
    let body = render(
        "doc.html",
        context! {
            level => m.level.label(),
            region => m.region,
            title => m.title,
            number => m.doc_number,
            short_title => m.short_title,
            issuers => m.issuers.join("、"),
            date => chinese_date(&m.date),
            summary => m.summary,
            summary_id => policy_content::model::SUMMARY_ID,
            summary_label => policy_content::model::SUMMARY_LABEL,
            toc,
            html => Value::from_safe_string(d.html.clone()),
        },
    )?;
    Ok(PageSpec {
        path: doc_path(&m.slug),
        key: fragment_key(&doc_path(&m.slug)),
        title: m.short_title.clone(),
        description: format!("{}（{}）", m.title, m.doc_number),
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_pages_hide_their_loading_line_until_the_loader_shows_it() {
        let spec = interactive(Page::of(PageKind::Calc)).unwrap();
        assert!(spec.body.contains("<noscript>"));
        assert!(spec
            .body
            .contains("<p class=\"loading\" role=\"status\" hidden>"));
    }
}
