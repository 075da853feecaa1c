//! The site's routes: one table from which the app's pages, its header, the build's static pages, the
//! bundle of every route and the build's bundle list are derived.

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
        intro: "填上住院或门诊慢特病的花费，按“一站式结算”的顺序算出各项报销和个人要付的钱。每一步都注明政策出处。",
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
        intro: "按会宁县健康扶贫先锋行动的官方考核表逐项自查，当场算出得分；或做一做政策知识问答。填写的内容只在网址里（可以复制链接或扫二维码打开），不会保存在设备上。",
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

/// The page shown where no route matches.
pub const NOT_FOUND: Notice = Notice {
    title: "没有找到这个页面",
    text: "您打开的地址可能输错了，或者页面已经移动。",
    links: &[
        ("/", "回到首页"),
        ("/docs/", "查看政策文件"),
        ("/search/", "搜索政策"),
    ],
};

/// A page of fixed text with links onward (the 404 page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Its heading (and `<title>`).
    pub title: &'static str,
    /// One paragraph.
    pub text: &'static str,
    /// Links onward: (href, label).
    pub links: &'static [(&'static str, &'static str)],
}

/// The footer's lines: the privacy promise, then the sources line (followed by the policy date where it
/// is known), then the caveat.
pub const FOOTER_PRIVACY: &str =
    "本站所有计算都在您的手机上完成，您填写的内容不会上传，也不会保存。";
/// See [`FOOTER_PRIVACY`].
pub const FOOTER_SOURCES: &str = "政策原文来自各级政府公开发布的文件";
/// See [`FOOTER_PRIVACY`].
pub const FOOTER_CAVEAT: &str = "计算结果仅供参考，以医保经办机构结算为准。";
/// The footer's link to the about page.
pub const FOOTER_ABOUT: (&str, &str) = ("/about/", "关于本站与隐私说明");

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

/// The address of the document `slug` (the document route with its slug).
pub fn doc_path(slug: &str) -> String {
    Page::of(PageKind::Reader(ReaderPage::Doc))
        .path
        .replace(":slug", slug)
}

/// The key under which the build publishes a route's body (`/_frag/<key>.html`) and marks its
/// build-time `<main>`: `/` is `home`, `/docs/huining-83/` is `docs-huining-83`.
pub fn fragment_key(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "home".to_string()
    } else {
        trimmed.replace('/', "-")
    }
}

/// A date `2018-06-29` as `2018年6月29日` (the one Chinese date format of the site); anything else unchanged.
pub fn chinese_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(y), Ok(m), Ok(d)) => ymd(y, m, d),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// Year, month and day as `2018年6月29日`.
pub fn ymd(y: u32, m: u32, d: u32) -> String {
    format!("{y}年{m}月{d}日")
}

/// The first line of every page body the build publishes under `/_frag/`: the app shows a fetched body
/// only if it starts so (a host that answers unknown paths with its home page must not have that page
/// shown inside a document's frame).
pub const FRAGMENT_MARK: &str = "<!--zct-frag-->";

/// The site's name.
pub const SITE_NAME: &str = "健康扶贫政策通";

/// Which of the app's wasm bundles serves a route. The site is split so that a page loads only the code
/// it needs: a document page does not download the calculator's engine or the checker's rules. Moving
/// between bundles is an ordinary page load (every route is a real HTML page); moving within one is
/// client-side navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bundle {
    /// Home, the library, documents, search and the about page (and the 404 page).
    Reader,
    /// The settlement calculator.
    Calc,
    /// The eligibility checker, the self-check forms and quiz, and the village lookup.
    Checker,
}

impl Bundle {
    /// Every bundle, in build order.
    pub const ALL: [Bundle; 3] = [Bundle::Reader, Bundle::Calc, Bundle::Checker];

    /// The bundle's name: the cargo binary is `zct-{name}` (scripts/build.sh builds one Trunk bundle per
    /// `zct-*` binary in Cargo.toml; a test checks they are these).
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Reader => "reader",
            Bundle::Calc => "calc",
            Bundle::Checker => "checker",
        }
    }

    /// The bundle that serves `path` (an absolute path; query and fragment are ignored). Unknown paths
    /// belong to the reader, which shows the 404 page.
    pub fn for_path(path: &str) -> Bundle {
        Page::resolve(path)
            .map(|(p, _)| p.kind.bundle())
            .unwrap_or(Bundle::Reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(path: &str, bundle: Bundle) {
        assert_eq!(Bundle::for_path(path), bundle, "{path}");
    }

    #[test]
    fn every_route_has_one_bundle() {
        case("/", Bundle::Reader);
        case("/docs/", Bundle::Reader);
        case("/docs/huining-83/#s1", Bundle::Reader);
        case("/search/?q=3000", Bundle::Reader);
        case("/about/", Bundle::Reader);
        case("/no-such-page/", Bundle::Reader);
        case("/calc/", Bundle::Calc);
        case("/calc/#p=h&c=pr", Bundle::Calc);
        case("/calc", Bundle::Calc);
        case("/check/", Bundle::Checker);
        case("/self-check/", Bundle::Checker);
        case("/villages/?q=x", Bundle::Checker);
        case("/calculator/", Bundle::Reader);
    }

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

    #[test]
    fn build_bundles_are_the_cargo_binaries() {
        // scripts/build.sh and scripts/dev.sh take the bundle list from Cargo.toml's `zct-*` binaries.
        let manifest = include_str!("../../../Cargo.toml");
        let bins: Vec<&str> = manifest
            .lines()
            .filter_map(|l| l.strip_prefix("name = \"zct-")?.strip_suffix('"'))
            .collect();
        let names: Vec<&str> = Bundle::ALL.iter().map(|b| b.name()).collect();
        assert_eq!(bins, names);
    }

    #[test]
    fn fragment_keys() {
        for (path, key) in [
            ("/", "home"),
            ("/docs/", "docs"),
            ("/docs/huining-83/", "docs-huining-83"),
            ("/about", "about"),
            ("/search/?q=x", "search"),
        ] {
            assert_eq!(fragment_key(path), key, "{path}");
        }
    }

    #[test]
    fn chinese_dates() {
        for (iso, zh) in [
            ("2018-06-29", "2018年6月29日"),
            ("2016-10-21", "2016年10月21日"),
            ("2018", "2018"),
            ("2018-xx-01", "2018-xx-01"),
        ] {
            assert_eq!(chinese_date(iso), zh);
        }
    }
}
