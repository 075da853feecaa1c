//! The site's routes and navigation labels: one table for the app's header and the build's static pages.

/// One top-level page of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// The route, with trailing slash (it is also the directory in `dist/`).
    pub path: &'static str,
    /// The label in the navigation bar.
    pub nav: &'static str,
    /// The page's `<title>` and main heading.
    pub title: &'static str,
}

/// The pages shown in the navigation bar, in order.
pub const NAV: &[Page] = &[
    Page {
        path: "/",
        nav: "首页",
        title: "健康扶贫政策通",
    },
    Page {
        path: "/calc/",
        nav: "算一算",
        title: "看病花多少钱：一站式结算计算器",
    },
    Page {
        path: "/check/",
        nav: "查政策",
        title: "我能享受哪些政策",
    },
    Page {
        path: "/docs/",
        nav: "政策文件",
        title: "政策文件库",
    },
    Page {
        path: "/search/",
        nav: "搜索",
        title: "搜索政策文件",
    },
    Page {
        path: "/self-check/",
        nav: "自查自评",
        title: "自查自评与政策知识问答",
    },
    Page {
        path: "/villages/",
        nav: "包抓查询",
        title: "包抓干部查询",
    },
    Page {
        path: "/about/",
        nav: "关于",
        title: "关于本站",
    },
];

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

    /// The bundle's name: the Trunk entry page is `web/{name}.html` and the cargo binary `zct-{name}`.
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
        let path = path.split(['?', '#']).next().unwrap_or("");
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        match first {
            "calc" => Bundle::Calc,
            "check" | "self-check" | "villages" => Bundle::Checker,
            _ => Bundle::Reader,
        }
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
            assert!(NAV.iter().any(|p| Bundle::for_path(p.path) == b), "{b:?}");
        }
    }
}
