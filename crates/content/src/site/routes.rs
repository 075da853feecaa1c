//! The route table: every page of the site, what it shows and which bundle serves it.

use super::{Bundle, SITE_NAME};

/// A page of the reader bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReaderPage {
    /// The home page.
    Home,
    /// The library's list of documents.
    Library,
    /// One document (the route has a slug).
    Doc,
    /// Full-text search.
    Search,
    /// About the site: privacy, sources, readings of ambiguous clauses.
    About,
}

/// A page of the checker bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckerPage {
    /// The eligibility checker.
    Check,
    /// The official scoring forms and the quiz.
    SelfCheck,
    /// The 包抓 village lookup.
    Villages,
}

/// What a route shows. Grouped by bundle, so each bundle's app matches its own pages exhaustively and the
/// bundle of a page is never stated twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// Served by the reader bundle.
    Reader(ReaderPage),
    /// The settlement calculator (its own bundle).
    Calc,
    /// Served by the checker bundle.
    Checker(CheckerPage),
}

impl PageKind {
    /// The wasm bundle that serves this page.
    pub fn bundle(self) -> Bundle {
        match self {
            PageKind::Reader(_) => Bundle::Reader,
            PageKind::Calc => Bundle::Calc,
            PageKind::Checker(_) => Bundle::Checker,
        }
    }
}

/// A link on the home page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Card {
    /// The link's bold line.
    pub title: &'static str,
    /// One line under it.
    pub text: &'static str,
}

/// One route of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// What it shows.
    pub kind: PageKind,
    /// The route, with trailing slash (it is also the directory in `dist/`); a segment `:slug` matches
    /// any one segment.
    pub path: &'static str,
    /// The label in the navigation bar, if the page is there.
    pub nav: Option<&'static str>,
    /// The page's `<title>` and main heading (a document's own title replaces it).
    pub title: &'static str,
    /// The lead paragraph under the heading, also the page's `<meta name="description">`.
    pub intro: &'static str,
    /// Its link on the home page, if it has one.
    pub card: Option<Card>,
}

/// Every route of the site, in navigation and sitemap order.
pub const PAGES: &[Page] = &[
    Page {
        kind: PageKind::Reader(ReaderPage::Home),
        path: "/",
        nav: Some("首页"),
        title: SITE_NAME,
        intro: "把健康扶贫的医保政策讲明白：看病能报多少、自己付多少、能享受哪些照顾、到哪里去办。",
        card: None,
    },
    Page {
        kind: PageKind::Calc,
        path: "/calc/",
        nav: Some("算一算"),
        title: "看病花多少钱",
        intro: "填上住院或门诊慢特病的花费，按“一站式结算”的顺序算出各项报销和个人要付的钱。每一步都注明出处或假设。",
        card: Some(Card {
            title: "算一算：看病花多少钱",
            text: "住院、门诊慢特病，报销后自己付多少",
        }),
    },
    Page {
        kind: PageKind::Checker(CheckerPage::Check),
        path: "/check/",
        nav: Some("查政策"),
        title: "我能享受哪些政策",
        intro: "回答几个简单问题，看看您能享受哪些健康扶贫政策、到哪里去办，以及哪些政策为什么不适用。",
        card: Some(Card {
            title: "查一查：我能享受哪些政策",
            text: "回答几个问题，列出适合您的政策",
        }),
    },
    Page {
        kind: PageKind::Reader(ReaderPage::Library),
        path: "/docs/",
        nav: Some("政策文件"),
        title: "政策文件库",
        intro: "以下是本站收录的健康扶贫政策文件原文，按省、市、县分组，新的在前。点开可以按章节阅读，每一节都有可以分享的链接。",
        card: Some(Card {
            title: "政策文件原文",
            text: "官方文件原文，可按章节查看和分享",
        }),
    },
    Page {
        kind: PageKind::Reader(ReaderPage::Doc),
        path: "/docs/:slug/",
        nav: None,
        title: "政策文件",
        intro: "政策文件原文。",
        card: None,
    },
    Page {
        kind: PageKind::Reader(ReaderPage::Search),
        path: "/search/",
        nav: Some("搜索"),
        title: "搜索政策文件",
        intro: "输入关键词，在全部政策文件中查找，例如“3000元”“大病保险”“先诊疗”。",
        card: Some(Card {
            title: "搜索政策",
            text: "按关键词查找，如“先诊疗后付费”",
        }),
    },
    Page {
        kind: PageKind::Checker(CheckerPage::SelfCheck),
        path: "/self-check/",
        nav: Some("自查自评"),
        title: "自查自评与政策知识问答",
        intro: "按会宁县健康扶贫先锋行动的官方考核表逐项自查，当场算出得分；或做一做政策知识问答。考核表填写的内容只在网址里（可以复制链接或扫二维码打开），不会保存在设备上；知识问答的回答不进网址，也不保存，换一部手机或重新打开就没有了。",
        card: Some(Card {
            title: "自查自评与知识问答",
            text: "考核表逐项打分，政策知识问答",
        }),
    },
    Page {
        kind: PageKind::Checker(CheckerPage::Villages),
        path: "/villages/",
        nav: Some("包抓查询"),
        title: "包抓干部查询",
        intro: "会宁县卫计、民政、人社部门包抓到村的干部名单（县委办发〔2018〕83号附表3-2、3-3、3-4）。输入村名或乡镇名的一部分，如“河畔”；乡镇写“乡”或“镇”都可以。",
        card: Some(Card {
            title: "包抓干部查询",
            text: "查本村的包抓干部",
        }),
    },
    Page {
        kind: PageKind::Reader(ReaderPage::About),
        path: "/about/",
        nav: Some("关于"),
        title: "关于本站",
        intro: "本站的隐私说明、文件来源和对政策中不明确之处的解读。",
        card: None,
    },
];

impl Page {
    /// The route that serves `path` (an absolute path; query and fragment are ignored), with the value
    /// of its `:slug` segment if it has one.
    pub fn resolve(path: &str) -> Option<(&'static Page, Option<&str>)> {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        PAGES.iter().find_map(|page| {
            let pattern: Vec<&str> = page.path.split('/').filter(|s| !s.is_empty()).collect();
            if pattern.len() != segments.len() {
                return None;
            }
            let mut slug = None;
            for (p, s) in pattern.iter().zip(&segments) {
                if p.starts_with(':') {
                    slug = Some(*s);
                } else if p != s {
                    return None;
                }
            }
            Some((page, slug))
        })
    }

    /// The page of `kind` (every kind has one route).
    pub fn of(kind: PageKind) -> &'static Page {
        PAGES
            .iter()
            .find(|p| p.kind == kind)
            .expect("every page kind has a route in PAGES")
    }

    /// The pages in the navigation bar after the home page (the site name links home).
    pub fn nav_links() -> impl Iterator<Item = (&'static str, &'static str)> {
        PAGES
            .iter()
            .filter(|p| p.kind != PageKind::Reader(ReaderPage::Home))
            .filter_map(|p| p.nav.map(|label| (p.path, label)))
    }

    /// The home page's links, in order.
    pub fn cards() -> impl Iterator<Item = (&'static str, Card)> {
        PAGES.iter().filter_map(|p| p.card.map(|c| (p.path, c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nav_pages_are_split_across_all_bundles() {
        for b in Bundle::ALL {
            assert!(
                Page::nav_links().any(|(path, _)| Bundle::for_path(path) == b),
                "{b:?}"
            );
        }
    }

    #[test]
    fn routes_resolve_to_their_page() {
        for (path, kind, slug) in [
            ("/", Some(PageKind::Reader(ReaderPage::Home)), None),
            ("/docs/", Some(PageKind::Reader(ReaderPage::Library)), None),
            (
                "/docs/huining-83/#s1",
                Some(PageKind::Reader(ReaderPage::Doc)),
                Some("huining-83"),
            ),
            ("/docs/a/b/", None, None),
            ("/calc", Some(PageKind::Calc), None),
            (
                "/villages/?q=河畔",
                Some(PageKind::Checker(CheckerPage::Villages)),
                None,
            ),
            ("/calculator/", None, None),
        ] {
            let got = Page::resolve(path);
            assert_eq!(got.map(|(p, _)| p.kind), kind, "{path}");
            assert_eq!(got.and_then(|(_, s)| s), slug, "{path}");
        }
    }

    #[test]
    fn every_page_kind_has_exactly_one_route_that_resolves_to_it() {
        for page in PAGES {
            let n = PAGES.iter().filter(|p| p.kind == page.kind).count();
            assert_eq!(n, 1, "{:?}", page.kind);
            let example = page.path.replace(":slug", "x");
            assert_eq!(
                Page::resolve(&example).map(|(p, _)| p.kind),
                Some(page.kind)
            );
            assert_eq!(Page::of(page.kind), page);
        }
    }
}
