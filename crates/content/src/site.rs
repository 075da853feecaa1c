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

/// The site's name.
pub const SITE_NAME: &str = "健康扶贫政策通";
