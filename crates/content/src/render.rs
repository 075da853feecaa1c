//! Rendering a document's Markdown body to HTML with pulldown-cmark: explicit heading ids with a
//! "link to this section" control, clause anchors (`{#id} ` at the start of a paragraph), tables in a
//! scrolling wrapper, 文号 linked to library documents, and raw HTML always escaped.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream};

use crate::docnum;
use crate::error::ContentError;
use crate::model::{FrontMatter, RenderedDoc, Section, TocEntry};

/// The one place the Markdown dialect is chosen: CommonMark + tables + explicit heading ids.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Maps normalized 文号 to the slug of the library document that has it.
#[derive(Clone, Debug, Default)]
pub struct DocLinks(pub HashMap<String, String>);

impl DocLinks {
    /// Builds the map from every document's front matter.
    pub fn from_meta<'a>(metas: impl IntoIterator<Item = &'a FrontMatter>) -> Self {
        Self(
            metas
                .into_iter()
                .map(|m| (docnum::normalize(&m.doc_number), m.slug.clone()))
                .collect(),
        )
    }
}

fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Per-document rendering state.
struct Renderer<'l> {
    slug: String,
    own_number: String,
    links: &'l DocLinks,
    ids: HashSet<String>,
    anchors: Vec<String>,
    toc: Vec<TocEntry>,
    sections: Vec<Section>,
    current: Section,
}

impl Renderer<'_> {
    fn claim_id(&mut self, id: &str) -> Result<(), ContentError> {
        if !valid_id(id) {
            return Err(ContentError::BadId {
                slug: self.slug.clone(),
                id: id.to_string(),
            });
        }
        if !self.ids.insert(id.to_string()) {
            return Err(ContentError::DuplicateId {
                slug: self.slug.clone(),
                id: id.to_string(),
            });
        }
        self.anchors.push(id.to_string());
        Ok(())
    }

    /// Text with every 文号 of another library document turned into a link.
    fn linked_text(&self, text: &str) -> Vec<Event<'static>> {
        let mut out = Vec::new();
        let mut at = 0;
        for (range, number) in docnum::find_all(text) {
            let Some(slug) = self
                .links
                .0
                .get(&number)
                .filter(|_| number != self.own_number)
            else {
                continue;
            };
            if range.start > at {
                out.push(Event::Text(CowStr::from(text[at..range.start].to_string())));
            }
            out.push(Event::Html(CowStr::from(format!(
                "<a class=\"docref\" href=\"/docs/{slug}/\">{}</a>",
                escape(&text[range.clone()])
            ))));
            at = range.end;
        }
        if at < text.len() {
            out.push(Event::Text(CowStr::from(text[at..].to_string())));
        }
        out
    }

    fn start_section(&mut self, id: String, title: String, depth: u8) {
        let done = std::mem::replace(
            &mut self.current,
            Section {
                id,
                title,
                depth,
                text: String::new(),
            },
        );
        self.push_section(done);
    }

    fn push_section(&mut self, mut s: Section) {
        s.text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !(s.id == "top" && s.text.is_empty()) {
            self.sections.push(s);
        }
    }
}

/// Renders `body` (the Markdown after the front matter) of the document `meta`.
pub fn render(
    meta: FrontMatter,
    body: &str,
    links: &DocLinks,
) -> Result<RenderedDoc, ContentError> {
    let mut r = Renderer {
        slug: meta.slug.clone(),
        own_number: docnum::normalize(&meta.doc_number),
        links,
        ids: HashSet::new(),
        anchors: Vec::new(),
        toc: Vec::new(),
        sections: Vec::new(),
        current: Section {
            id: "top".into(),
            title: meta.short_title.clone(),
            depth: 1,
            text: String::new(),
        },
    };
    let mut out: Vec<Event<'static>> = Vec::new();
    // Open heading: (level, id, buffered inner events, plain title).
    let mut heading: Option<(HeadingLevel, String, Vec<Event<'static>>, String)> = None;
    let mut link_depth = 0usize;
    let mut in_code_block = false;
    let mut para_anchor_pending = false;

    for event in TextMergeStream::new(Parser::new_ext(body, markdown_options())) {
        let mut emitted: Vec<Event<'static>> = Vec::new();
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let id = id.map(|s| s.to_string()).unwrap_or_default();
                heading = Some((level, id, Vec::new(), String::new()));
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                let (level, id, inner, title) = heading.take().expect("heading end without start");
                let title = title.trim().to_string();
                if level == HeadingLevel::H1 {
                    return Err(ContentError::TopLevelHeading {
                        slug: r.slug.clone(),
                        heading: title,
                    });
                }
                if id.is_empty() {
                    return Err(ContentError::HeadingWithoutId {
                        slug: r.slug.clone(),
                        heading: title,
                    });
                }
                r.claim_id(&id)?;
                let depth = level as u8;
                let mut inner_html = String::new();
                pulldown_cmark::html::push_html(&mut inner_html, inner.into_iter());
                r.toc.push(TocEntry {
                    id: id.clone(),
                    title: title.clone(),
                    depth,
                });
                r.start_section(id.clone(), title, depth);
                emitted.push(Event::Html(CowStr::from(format!(
                    "<h{depth} id=\"{id}\">{inner_html} <a class=\"sec-link\" href=\"#{id}\" aria-label=\"本节链接\">#</a></h{depth}>\n"
                ))));
            }
            Event::Start(Tag::Paragraph) => {
                para_anchor_pending = true;
                continue;
            }
            Event::End(TagEnd::Paragraph) => {
                if para_anchor_pending {
                    // An empty paragraph: nothing was opened.
                    para_anchor_pending = false;
                    continue;
                }
                emitted.push(Event::Html(CowStr::from("</p>\n")));
                r.current.text.push('\n');
            }
            Event::Start(Tag::Table(a)) => {
                emitted.push(Event::Html(CowStr::from("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格，可左右滑动\">")));
                emitted.push(Event::Start(Tag::Table(a)));
            }
            Event::End(TagEnd::Table) => {
                emitted.push(Event::End(TagEnd::Table));
                emitted.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::End(TagEnd::TableCell) => {
                emitted.push(Event::End(TagEnd::TableCell));
                r.current.text.push(' ');
            }
            Event::Start(tag @ Tag::Link { .. }) => {
                link_depth += 1;
                emitted.push(Event::Start(tag.into_static()));
            }
            Event::End(TagEnd::Link) => {
                link_depth = link_depth.saturating_sub(1);
                emitted.push(Event::End(TagEnd::Link));
            }
            Event::Start(Tag::CodeBlock(k)) => {
                in_code_block = true;
                emitted.push(Event::Start(Tag::CodeBlock(k.into_static())));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                emitted.push(Event::End(TagEnd::CodeBlock));
            }
            // Raw HTML is shown as text, never passed through.
            Event::Html(h) | Event::InlineHtml(h) => {
                let text = h.to_string();
                push_plain(&mut r, heading.as_mut(), &text);
                emitted.push(Event::Text(CowStr::from(text)));
            }
            Event::Text(t) => {
                let mut text = t.to_string();
                if para_anchor_pending && heading.is_none() {
                    if let Some((id, rest)) = clause_anchor(&text) {
                        r.claim_id(&id)?;
                        emitted.push(Event::Html(CowStr::from(format!("<p id=\"{id}\">"))));
                        para_anchor_pending = false;
                        text = rest;
                    }
                }
                push_plain(&mut r, heading.as_mut(), &text);
                if link_depth == 0 && !in_code_block {
                    emitted.extend(r.linked_text(&text));
                } else {
                    emitted.push(Event::Text(CowStr::from(text)));
                }
            }
            Event::Code(c) => {
                push_plain(&mut r, heading.as_mut(), &c);
                emitted.push(Event::Code(CowStr::from(c.to_string())));
            }
            Event::SoftBreak => {
                emitted.push(Event::SoftBreak);
            }
            other => emitted.push(other.into_static()),
        }
        if para_anchor_pending {
            // The paragraph's first event was not an anchor: open a plain paragraph before it.
            out_or_heading(&mut out, heading.as_mut()).push(Event::Html(CowStr::from("<p>")));
            para_anchor_pending = false;
        }
        out_or_heading(&mut out, heading.as_mut()).extend(emitted);
    }
    let last = std::mem::replace(
        &mut r.current,
        Section {
            id: String::new(),
            title: String::new(),
            depth: 0,
            text: String::new(),
        },
    );
    r.push_section(last);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Ok(RenderedDoc {
        meta,
        toc: r.toc,
        html,
        anchors: r.anchors,
        sections: r.sections,
    })
}

fn out_or_heading<'a>(
    out: &'a mut Vec<Event<'static>>,
    heading: Option<&'a mut (HeadingLevel, String, Vec<Event<'static>>, String)>,
) -> &'a mut Vec<Event<'static>> {
    match heading {
        Some(h) => &mut h.2,
        None => out,
    }
}

fn push_plain(
    r: &mut Renderer<'_>,
    heading: Option<&mut (HeadingLevel, String, Vec<Event<'static>>, String)>,
    text: &str,
) {
    match heading {
        Some(h) => h.3.push_str(text),
        None => r.current.text.push_str(text),
    }
}

/// `{#s2-1} 正文…` → (`s2-1`, `正文…`).
fn clause_anchor(text: &str) -> Option<(String, String)> {
    let rest = text.strip_prefix("{#")?;
    let end = rest.find('}')?;
    let id = rest[..end].to_string();
    let after = rest[end + 1..].trim_start().to_string();
    Some((id, after))
}
