//! Rendering a document's Markdown body to HTML with pulldown-cmark: explicit heading ids with a
//! "link to this section" control, clause anchors (`{#id} ` at the start of a paragraph), tables in a
//! scrolling wrapper (no inline styles: the site's CSP forbids them) with an id on every body row
//! (`<section id>-r<n>`, for a search hit in it to open), 文号 linked to library documents, raw HTML
//! always escaped; and, in the same pass, the table of contents and the plain text of every section for
//! search, with the id of the innermost element each run of it is in.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{
    Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream,
};

use crate::docnum;
use crate::error::ContentError;
use crate::model::{carried, is_row_of, row_id, FrontMatter, RenderedDoc, Section, TocEntry};

/// The one place the Markdown dialect is chosen: CommonMark, GFM tables, `{#id}` heading attributes.
/// No smart punctuation: the official text's quotes and dashes are kept as written.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The first line of the box that lets a wide table scroll sideways on a phone ([`table_open`]): it says
/// so while the table is wider than the box (style.css: a scroll-state query; not read aloud, which the
/// region's label says, nor printed).
const SCROLLS_NOTE: &str =
    "<p class=\"scrolls-note hint no-print\" aria-hidden=\"true\">表格较宽，可以左右滑动。</p>";

/// What a document's table opens with: a block holding, when the table has a name, the bar that says it at
/// the top of the screen while its rows are read (a row opened from a link or a QR code is read with its
/// table's name in view: 附表 3-2, 3-3 and 3-4 look alike; style.css `.table-where`), and the box that
/// scrolls the table sideways on a phone, focusable so it can be scrolled with the keyboard, labelled with
/// the name for screen readers.
fn table_open(shown: Option<&str>, name: Option<&str>) -> String {
    let bar = shown.map_or_else(String::new, |s| {
        format!(
            "<div class=\"table-where\" aria-hidden=\"true\"><span>{}</span></div>",
            crate::html::esc(s)
        )
    });
    let label = name.map_or_else(String::new, |n| format!("{}，", crate::html::esc(n)));
    format!(
        "<div class=\"table-block\">{bar}<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{label}表格，可左右滑动\">{SCROLLS_NOTE}"
    )
}

/// Maps each library document's normalized 文号 to its slug.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocLinks(HashMap<String, String>);

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

    /// The slug of the document with this (normalized) 文号.
    pub fn slug(&self, number: &str) -> Option<&str> {
        self.0.get(number).map(String::as_str)
    }

    /// The library document cited by a 文号 found in text (normalized): its slug and how many bytes
    /// of leading text are not part of the number. When the recognised issuer prefix swallowed a
    /// preceding word (`落实甘卫发〔2018〕165号`), the longest suffix naming a document wins.
    fn resolve(&self, found: &str) -> Option<(usize, &str)> {
        found
            .char_indices()
            .find_map(|(at, _)| self.slug(&found[at..]).map(|slug| (at, slug)))
    }
}

fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// `{#s2-1} 正文…` → (`s2-1`, `正文…`): a clause anchor at the start of a paragraph's text.
fn clause_anchor(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("{#")?;
    let end = rest.find('}')?;
    Some((&rest[..end], rest[end + 1..].trim_start()))
}

/// `text` with its whitespace runs as single spaces and none at either end; `marks` (ascending byte
/// positions in `text`) are moved to the same characters' positions in the result (a mark in or before
/// whitespace goes to the next character kept).
fn collapse_whitespace(text: &str, marks: &mut [usize]) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut space, mut next) = (false, 0);
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        while marks.get(next).is_some_and(|&m| m <= i) {
            marks[next] = out.len();
            next += 1;
        }
        out.push(c);
    }
    for m in &mut marks[next..] {
        *m = out.len();
    }
    out
}

/// A heading being read: its events are buffered until its end, where its id is known to be valid.
struct OpenHeading {
    level: HeadingLevel,
    id: Option<String>,
    events: Vec<Event<'static>>,
    title: String,
}

/// The state of one document's rendering pass.
struct Renderer<'l> {
    slug: String,
    links: &'l DocLinks,
    out: Vec<Event<'static>>,
    heading: Option<OpenHeading>,
    /// A paragraph has started but `<p>` is not written yet: its first text may be a clause anchor.
    paragraph_pending: bool,
    /// The clause anchor of the open paragraph: its share control is written before `</p>`.
    clause: Option<String>,
    /// Inside a link or image, or a code block: no 文号 links there.
    no_links_depth: usize,
    /// The open link's destination (a bare link's text is named, see [`name_bare_links`]).
    link_dest: Option<String>,
    ids: HashSet<String>,
    anchors: Vec<String>,
    toc: Vec<TocEntry>,
    sections: Vec<Section>,
    current: Section,
    /// The body rows of the current section's tables so far (each row's id is numbered by it).
    rows: usize,
    /// The open table's head and rows, as far as read.
    table: OpenTable,
    /// The document's 文号, which its parts' bars say.
    number: String,
    /// Past the first annex's heading: each part's heading has its bar.
    in_annexes: bool,
}

/// What the renderer keeps of the table being read: its columns' names, which every body cell carries
/// (`data-label`), so that a row opened by a link names its columns on a phone, where the head is screens
/// above (style.css); and each row's cells' texts, for the merged cells of the row below (see
/// [`Renderer::carry_down`]).
#[derive(Default)]
struct OpenTable {
    /// The column names (the head row's cells, whitespace dropped: `类      别` is 类别).
    columns: Vec<String>,
    /// Inside the head row.
    in_head: bool,
    /// Where the open cell's text begins in the section's search text.
    cell_from: Option<usize>,
    /// The open body row's cells' texts so far (at its end, with what its merged cells carry).
    row: Vec<String>,
    /// The row above's, as [`Self::row`].
    above: Vec<String>,
    /// The open row's empty cells under a cell with text: where each one's `<td>` is in the output, and
    /// its column.
    under_text: Vec<(usize, usize)>,
    /// Where the open row's first `<td>` is in the output.
    first_cell: Option<usize>,
}

impl<'l> Renderer<'l> {
    fn new(meta: &FrontMatter, links: &'l DocLinks) -> Self {
        Self {
            slug: meta.slug.clone(),
            links,
            out: Vec::new(),
            heading: None,
            paragraph_pending: false,
            clause: None,
            no_links_depth: 0,
            link_dest: None,
            ids: HashSet::new(),
            anchors: Vec::new(),
            toc: Vec::new(),
            sections: Vec::new(),
            rows: 0,
            table: OpenTable::default(),
            number: meta.doc_number.clone(),
            in_annexes: false,
            current: Section {
                id: "top".into(),
                title: meta.short_title.clone(),
                depth: 1,
                text: String::new(),
                clauses: Vec::new(),
            },
        }
    }

    /// Where events go: the open heading's buffer, or the document.
    fn sink(&mut self) -> &mut Vec<Event<'static>> {
        match &mut self.heading {
            Some(h) => &mut h.events,
            None => &mut self.out,
        }
    }

    fn emit(&mut self, event: Event<'static>) {
        self.open_pending_paragraph(None);
        self.sink().push(event);
    }

    fn emit_html(&mut self, html: impl Into<String>) {
        self.emit(Event::Html(CowStr::from(html.into())));
    }

    /// Writes the deferred `<p>` of the current paragraph, with a clause anchor's id if given.
    fn open_pending_paragraph(&mut self, id: Option<&str>) {
        if std::mem::take(&mut self.paragraph_pending) {
            let tag = id.map_or("<p>".to_string(), |id| format!("<p id=\"{id}\">"));
            self.sink().push(Event::Html(CowStr::from(tag)));
        }
    }

    /// Plain text for the open heading's title or the current section's search text.
    fn plain(&mut self, text: &str) {
        match &mut self.heading {
            Some(h) => h.title.push_str(text),
            None => self.current.text.push_str(text),
        }
    }

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

    fn event(&mut self, event: Event<'_>) -> Result<(), ContentError> {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some(OpenHeading {
                    level,
                    id: id.map(|id| id.to_string()),
                    events: Vec::new(),
                    title: String::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading()?,
            Event::Start(Tag::Paragraph) => self.paragraph_pending = true,
            Event::End(TagEnd::Paragraph) => {
                // An empty paragraph never wrote its `<p>`.
                if !std::mem::take(&mut self.paragraph_pending) {
                    match self.clause.take() {
                        Some(id) => self.emit_html(format!(
                            " <a class=\"sec-link\" href=\"#{id}\" aria-label=\"分享：复制这一条的链接\"></a></p>\n"
                        )),
                        None => self.emit_html("</p>\n"),
                    }
                }
                self.clause = None;
                self.plain("\n");
            }
            Event::Text(text) => {
                let mut text: &str = &text;
                if self.paragraph_pending && self.heading.is_none() {
                    if let Some((id, rest)) = clause_anchor(text) {
                        self.claim_id(id)?;
                        let at = self.current.text.len();
                        self.current.clauses.push((at, id.to_string()));
                        self.open_pending_paragraph(Some(id));
                        self.clause = Some(id.to_string());
                        text = rest;
                    }
                }
                match self.bare_link(text) {
                    // Its name is known once every heading is (a note may point ahead); the search text
                    // holds the link until then (see `name_bare_texts`).
                    Some(marked) => {
                        self.plain(&marked);
                        self.emit(Event::Text(CowStr::from(text.to_string())));
                    }
                    None => self.text(text),
                }
            }
            // Raw HTML is shown as the text it is, never passed through.
            Event::Html(html) | Event::InlineHtml(html) => {
                self.plain(&html);
                self.emit(Event::Text(CowStr::from(html.into_string())));
            }
            Event::Start(Tag::HtmlBlock) => self.emit_html("<p>"),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(Event::Text(t)) = self.sink().last_mut() {
                    *t = CowStr::from(t.trim_end().to_string());
                }
                self.emit_html("</p>\n");
                self.plain("\n");
            }
            Event::Code(code) => {
                self.plain(&code);
                self.emit(Event::Code(CowStr::from(code.into_string())));
            }
            Event::Start(Tag::Table(align)) => {
                // Column alignment would be an inline `style`, which the site's CSP forbids.
                let align = vec![Alignment::None; align.len()];
                let part = std::iter::once(&self.current)
                    .chain(self.sections.iter().rev())
                    .find(|s| s.depth == 2)
                    .map(|s| s.title.as_str());
                let title = &self.current.title;
                let open = table_open(
                    crate::citation::table_title(title, part).as_deref(),
                    crate::citation::table_name(title, part).as_deref(),
                );
                self.emit_html(open);
                self.emit(Event::Start(Tag::Table(align)));
            }
            Event::End(TagEnd::Table) => {
                self.emit(Event::End(TagEnd::Table));
                self.emit_html("</div></div>\n");
                // The text after the table is the clause's (or the heading's) the table is in again.
                if self.rows > 0 {
                    let at = self.current.text.len();
                    let outer = self.clause_before_table();
                    self.current.clauses.push((at, outer));
                }
            }
            // The head's cells are the columns' names; a body cell is written with its column's.
            Event::Start(Tag::TableHead) => {
                self.table = OpenTable {
                    in_head: true,
                    ..OpenTable::default()
                };
                self.emit(Event::Start(Tag::TableHead));
            }
            Event::End(TagEnd::TableHead) => {
                self.table.in_head = false;
                self.emit(Event::End(TagEnd::TableHead));
            }
            Event::Start(Tag::TableCell) => {
                if self.table.in_head {
                    self.emit(Event::Start(Tag::TableCell));
                } else {
                    let column = self.table.row.len();
                    let open = match self.table.columns.get(column).filter(|n| !n.is_empty()) {
                        Some(name) => format!("<td data-label=\"{}\">", crate::html::esc(name)),
                        None => "<td>".to_string(),
                    };
                    self.emit_html(open);
                    if column == 0 {
                        self.table.first_cell = Some(self.out.len() - 1);
                    }
                }
                self.table.cell_from = Some(self.current.text.len());
            }
            // A body row has an id ([`row_id`], numbered through the section's tables), so that a search
            // hit in it opens the row.
            Event::Start(Tag::TableRow) => {
                self.table.above = std::mem::take(&mut self.table.row);
                self.rows += 1;
                let id = row_id(&self.current.id, self.rows);
                self.claim_id(&id)?;
                self.emit_html(format!("<tr id=\"{id}\">"));
                let at = self.current.text.len();
                self.current.clauses.push((at, id));
            }
            Event::End(TagEnd::TableRow) => {
                self.carry_down();
                self.emit(Event::End(TagEnd::TableRow));
            }
            Event::End(end @ (TagEnd::TableCell | TagEnd::Item)) => {
                if let Some(from) = self.table.cell_from.take() {
                    self.end_cell(from);
                }
                self.plain("\n");
                self.emit(Event::End(end));
            }
            Event::SoftBreak => {
                self.plain("\n");
                self.emit(Event::SoftBreak);
            }
            Event::HardBreak => {
                self.plain("\n");
                self.emit(Event::HardBreak);
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_))) => {
                if let Tag::Link { dest_url, .. } = &tag {
                    self.link_dest = Some(dest_url.to_string());
                }
                self.no_links_depth += 1;
                self.emit(Event::Start(tag.into_static()));
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock)) => {
                if end == TagEnd::Link {
                    self.link_dest = None;
                }
                self.no_links_depth = self.no_links_depth.saturating_sub(1);
                self.emit(Event::End(end));
            }
            other => self.emit(other.into_static()),
        }
        Ok(())
    }

    /// At the end of a table cell whose text began at `from`: a head cell's text is its column's name; a
    /// body cell's is kept for the row's end ([`Self::carry_down`]), with where its `<td>` is if it is
    /// empty under a cell with text.
    fn end_cell(&mut self, from: usize) {
        let text = self.current.text[from..].trim();
        let t = &mut self.table;
        if t.in_head {
            t.columns.push(text.split_whitespace().collect());
            return;
        }
        let column = t.row.len();
        if text.is_empty() && t.above.get(column).is_some_and(|a| !a.is_empty()) {
            t.under_text.push((self.out.len() - 1, column));
        }
        t.row.push(text.to_string());
    }

    /// At the end of a body row: an empty cell under a cell with text, before the row's last text, is a
    /// cell merged with the one above in the printed table (the extracted text keeps a merged cell's text
    /// in its first row only: 附表 3-2's 翟家所镇 row stands under 吕彦琪 and 吴宗智), so it carries the
    /// text above it, marked as the row above's ([`carried`]), written as `data-carried` on its `<td>`
    /// (shown in the row a link opens and in a phone's cards, read aloud and put on the row's poster; the
    /// cell stays empty, as written). An empty cell after the row's last text is blank (a form's 得分),
    /// but in the table's last column, which holds who answers for a row or a remark, not a figure to fill
    /// in (附件4 附表's 问责主体: 受援医院及负责人。 stands for rows 5 to 9, as the 五督 form's data reads it),
    /// unless the row is a summary line ([`crate::model::is_summary_row`]: its 总分： row), whose first cell
    /// is then written without its column's name.
    fn carry_down(&mut self) {
        let t = &mut self.table;
        let last = t.row.iter().rposition(|c| !c.is_empty());
        // The last column carries in a row of the table's own, not a summary row (总分：, which had been
        // given the 问责主体 above it), whose text is not its first column's either.
        let summary = crate::model::is_summary_row(&t.row);
        let last_column = (last.is_some() && !summary).then(|| t.columns.len().saturating_sub(1));
        if let Some(Event::Html(open)) = t
            .first_cell
            .take()
            .filter(|_| summary)
            .and_then(|at| self.out.get_mut(at))
        {
            *open = CowStr::from("<td>");
        }
        for (at, column) in std::mem::take(&mut t.under_text) {
            if last.is_none_or(|last| column > last) && Some(column) != last_column {
                continue;
            }
            let above = t.above[column].clone();
            if let Some(Event::Html(open)) = self.out.get_mut(at) {
                let attr = format!(" data-carried=\"{}\">", crate::html::esc(&carried(&above)));
                *open = CowStr::from(open.replacen('>', &attr, 1));
            }
            t.row[column] = above;
        }
    }

    /// `text`, if it is the whole text of a bare link (`[#s3-2](#s3-2)`), marked for the search text:
    /// [`BARE_LINK`], the link's page (empty: this document), [`BARE_LINK`], the id, [`BARE_END`].
    fn bare_link(&self, text: &str) -> Option<String> {
        let (page, id) = self.link_dest.as_deref()?.split_once('#')?;
        (text.strip_prefix('#') == Some(id))
            .then(|| format!("{BARE_LINK}{page}{BARE_LINK}{id}{BARE_END}"))
    }

    /// The id the text around the current section's table belongs to: the last clause anchor before
    /// the table's rows (a table's rows follow the text it is in), else the section's heading.
    fn clause_before_table(&self) -> String {
        self.current
            .clauses
            .iter()
            .rev()
            .find(|(_, id)| !is_row_of(id, &self.current.id))
            .map_or_else(|| self.current.id.clone(), |(_, id)| id.clone())
    }

    /// Text, with every 文号 of another library document turned into a link (outside links and code).
    fn text(&mut self, text: &str) {
        self.plain(text);
        if text.is_empty() {
            self.open_pending_paragraph(None);
            return;
        }
        let mut at = 0;
        if self.no_links_depth == 0 {
            for (range, number) in docnum::find_all(text) {
                let Some((skip, slug)) = self.links.resolve(&number) else {
                    continue;
                };
                if slug == self.slug {
                    continue;
                }
                let start = range.start + skip;
                if start > at {
                    self.emit(Event::Text(CowStr::from(text[at..start].to_string())));
                }
                self.emit_html(format!(
                    "<a class=\"docref\" href=\"/docs/{slug}/\">{}</a>",
                    crate::html::esc(&text[start..range.end])
                ));
                at = range.end;
            }
        }
        if at < text.len() {
            self.emit(Event::Text(CowStr::from(text[at..].to_string())));
        }
    }

    fn end_heading(&mut self) -> Result<(), ContentError> {
        let h = self.heading.take().expect("a heading ends after it starts");
        let title = h.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if h.level == HeadingLevel::H1 {
            return Err(ContentError::TopLevelHeading {
                slug: self.slug.clone(),
                heading: title,
            });
        }
        let Some(id) = h.id else {
            return Err(ContentError::HeadingWithoutId {
                slug: self.slug.clone(),
                heading: title,
            });
        };
        self.claim_id(&id)?;
        let depth = h.level as u8;
        let mut inner = String::new();
        pulldown_cmark::html::push_html(&mut inner, h.events.into_iter());
        // From the first annex on, each part says which it is at the top of the screen (the bar of the part
        // last scrolled past covers the one before, and the document's: style.css `.part-where`): a clause
        // of 附件5 opened from a link had been shown under the document's title alone, as if in its text.
        self.in_annexes |= depth == 2 && crate::citation::annex_number(&id).is_some();
        if depth == 2 && self.in_annexes {
            // The part first, the 文号 after it: at the largest text size the 文号 had filled the bar.
            self.emit_html(format!(
                "<div class=\"part-where\" aria-hidden=\"true\"><span>{}（{}）</span></div>\n",
                crate::html::esc(&title),
                crate::html::esc(&self.number)
            ));
        }
        self.emit_html(format!(
            "<h{depth} id=\"{id}\">{} <a class=\"sec-link\" href=\"#{id}\" aria-label=\"分享：复制本节链接\"></a></h{depth}>\n",
            inner.trim_end()
        ));
        self.toc.push(TocEntry {
            id: id.clone(),
            title: title.clone(),
            depth,
        });
        let next = Section {
            id,
            title,
            depth,
            text: String::new(),
            clauses: Vec::new(),
        };
        let done = std::mem::replace(&mut self.current, next);
        self.rows = 0;
        self.finish_section(done);
        Ok(())
    }

    /// Keeps a finished section, its text whitespace-normalized; the `top` section only if it has text.
    fn finish_section(&mut self, mut s: Section) {
        let mut marks: Vec<usize> = s.clauses.iter().map(|(at, _)| *at).collect();
        s.text = collapse_whitespace(&s.text, &mut marks);
        for ((at, _), mark) in s.clauses.iter_mut().zip(marks) {
            *at = mark;
        }
        if !(s.id == "top" && s.text.is_empty()) {
            self.sections.push(s);
        }
    }

    fn finish(mut self, meta: FrontMatter) -> RenderedDoc {
        let last = std::mem::replace(
            &mut self.current,
            Section {
                id: String::new(),
                title: String::new(),
                depth: 0,
                text: String::new(),
                clauses: Vec::new(),
            },
        );
        self.finish_section(last);
        for s in &mut self.sections {
            let mut marks: Vec<usize> = s.clauses.iter().map(|(at, _)| *at).collect();
            s.text = name_bare_texts(&s.text, &mut marks, &self.toc);
            for ((at, _), mark) in s.clauses.iter_mut().zip(marks) {
                *at = mark;
            }
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, self.out.into_iter());
        let html = name_bare_links(&html, &self.toc);
        RenderedDoc {
            meta,
            toc: self.toc,
            html,
            anchors: self.anchors,
            sections: self.sections,
        }
    }
}

/// A link written as its own clause's id, `[#s3-2](#s3-2)` or `[#s3-2](/docs/<slug>/#s3-2)` (the editors'
/// notes point at clauses so), shown as what it goes to: a heading of this document by its [`crate::citation::short_name`]
/// (附表 3-2, 附件1, 通知), else the clause's number (三（二）, 附件5 三（一）6). On the
/// screen and read aloud, `#s3-2` means nothing.
fn name_bare_links(html: &str, toc: &[TocEntry]) -> String {
    const OPEN: &str = "<a href=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let link = &rest[at + OPEN.len()..];
        let bare = link.split_once("\">").and_then(|(href, after)| {
            let (page, id) = href.split_once('#')?;
            let text = after.strip_prefix('#')?.strip_prefix(id)?;
            text.starts_with("</a>").then_some((href, page, id))
        });
        out.push_str(OPEN);
        match bare {
            Some((href, page, id)) => {
                let name = bare_name(toc, page, id);
                out.push_str(&format!("{href}\">{}", crate::html::esc(&name)));
                rest = &link[href.len() + "\">#".len() + id.len()..];
            }
            None => rest = link,
        }
    }
    out.push_str(rest);
    out
}

/// What a bare link to `id` on `page` (empty: this document, whose headings are `toc`) is shown as.
fn bare_name(toc: &[TocEntry], page: &str, id: &str) -> String {
    let heading = toc.iter().find(|t| page.is_empty() && t.id == id);
    heading.map_or_else(
        || crate::citation::clause_label(id),
        |t| crate::citation::short_name(&t.title).to_string(),
    )
}

/// Starts a bare link's mark in the search text (a private-use character: never in a document).
const BARE_LINK: char = '\u{E000}';
/// Ends a bare link's mark.
const BARE_END: char = '\u{E001}';

/// A section's search `text` with each bare link's mark ([`Renderer::bare_link`]) replaced by the name the
/// page shows ([`bare_name`]), so a search snippet reads 附件5 三（一）6, not #a5-s3-1-6; `marks` (byte
/// offsets into `text`) are moved with what they point at.
fn name_bare_texts(text: &str, marks: &mut [usize], toc: &[TocEntry]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut next = 0;
    let mut rest = text;
    let mut at = 0;
    while let Some(start) = rest.find(BARE_LINK) {
        let inner = &rest[start + BARE_LINK.len_utf8()..];
        let Some((page, after)) = inner.split_once(BARE_LINK) else {
            break;
        };
        let Some((id, after)) = after.split_once(BARE_END) else {
            break;
        };
        let before = out.len();
        out.push_str(&rest[..start]);
        let end = at + (rest.len() - after.len());
        // A mark before the link keeps its place in the text; one inside it (never written) goes to the
        // name's start.
        while marks.get(next).is_some_and(|&m| m < end) {
            let m = marks[next];
            marks[next] = if m < at + start {
                before + m - at
            } else {
                out.len()
            };
            next += 1;
        }
        out.push_str(&bare_name(toc, page, id));
        at = end;
        rest = after;
    }
    for m in &mut marks[next..] {
        *m = *m - at + out.len();
    }
    out.push_str(rest);
    out
}

/// Renders `body` (the Markdown after the front matter) of the document `meta`; `links` are the
/// 文号 of the whole library.
pub fn render(
    meta: FrontMatter,
    body: &str,
    links: &DocLinks,
) -> Result<RenderedDoc, ContentError> {
    let mut r = Renderer::new(&meta, links);
    for event in TextMergeStream::new(Parser::new_ext(body, markdown_options())) {
        r.event(event)?;
    }
    Ok(r.finish(meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bare link's mark in the search text becomes the name the page shows, and the clause marks after
    /// it still point at their clauses.
    #[test]
    fn bare_links_are_named_in_the_search_text() {
        let toc = vec![TocEntry {
            id: "t3-2".into(),
            title: "附表 3-2 卫计部门考核表".into(),
            depth: 2,
        }];
        let text = format!(
            "见{BARE_LINK}{BARE_LINK}t3-2{BARE_END}和{BARE_LINK}/docs/huining-83/{BARE_LINK}a5-s3-1-6{BARE_END}。下一条"
        );
        let next = text.find("下一条").unwrap();
        let mut marks = [0, text.find('和').unwrap(), next, text.len()];
        let named = name_bare_texts(&text, &mut marks, &toc);
        assert_eq!(named, "见附表 3-2和附件5 三（一）6。下一条");
        assert_eq!(
            marks.map(|m| &named[m..]),
            [
                "见附表 3-2和附件5 三（一）6。下一条",
                "和附件5 三（一）6。下一条",
                "下一条",
                ""
            ]
        );
        let mut none = [1];
        assert_eq!(name_bare_texts("没有链接", &mut none, &toc), "没有链接");
        assert_eq!(none, [1]);
    }
}
