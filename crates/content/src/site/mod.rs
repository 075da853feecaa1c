//! The site's shape: the route table (`routes`), from which the app's pages, its header, the build's
//! static pages, the bundle of every route and the build's bundle list are derived; the bundles; and the
//! texts every page shares (name, footer, 404, the tool bar's labels in `tools`).

mod routes;
pub mod tools;

pub use routes::{Card, CheckerPage, Page, PageKind, ReaderPage, PAGES};

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

/// [`MAIN_ID`] as a literal, for [`MAIN_HREF`]'s `concat!`.
macro_rules! main_id {
    () => {
        "main_content"
    };
}

/// The id of every page's `<main>`, which 跳到正文 goes to. It has a `_`, which no id of a document may have
/// (`[a-z0-9][a-z0-9-]*`): a clause's address never lands on the page's frame instead (a document's
/// heading `{#main}` did, while the page's `<main>` was `id="main"`).
pub const MAIN_ID: &str = main_id!();
/// The skip link's address: `#` and [`MAIN_ID`].
pub const MAIN_HREF: &str = concat!("#", main_id!());

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
/// The register of readings on the about page (the id of `crates/sitegen/templates/ambiguities.html`'s
/// heading) and the words the checker's notes name it by, which the app makes a link to it.
pub const REGISTER: (&str, &str) = ("readings", "“关于本站”的政策不明确之处");

/// The address of `entry` in the register of readings (an entry's id in `content/ambiguities.toml`, or
/// [`REGISTER`]'s for the whole list).
pub fn register_href(entry: &str) -> String {
    format!("{}#{entry}", FOOTER_ABOUT.0)
}

/// The footer's second line: where the texts come from, as of when (a date as people read it, e.g.
/// `2018年6月29日`, where known), and what the results are worth.
pub fn footer_line(as_of: Option<&str>) -> String {
    let as_of = as_of.map(|d| format!("，资料截至{d}")).unwrap_or_default();
    format!("{FOOTER_SOURCES}{as_of}。{FOOTER_CAVEAT}")
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

/// The first line of every page body the build publishes under `/_frag/`: the app shows a fetched body
/// only if it starts so (a host that answers unknown paths with its home page must not have that page
/// shown inside a document's frame).
pub const FRAGMENT_MARK: &str = "<!--zct-frag-->";

/// The id of the empty element near the top of `/about/` and `/docs/` (under the title and its lead)
/// where the app puts the 保存全部内容 control, so that a trainer finds it without scrolling the library.
pub const SAVE_OFFLINE_SLOT: &str = "save-offline-slot";
/// The id of the app's 保存全部内容 control (the element moved into [`SAVE_OFFLINE_SLOT`]).
pub const SAVE_OFFLINE: &str = "save-offline";
/// The 保存全部内容 control's words that do not depend on its state: the build's placeholder in the slot
/// (holding the control's place while the app starts) and the app's control show the same.
pub const SAVE_OFFLINE_TEXT: SaveOfflineText = SaveOfflineText {
    title: "离线使用",
    lead: "打开过的页面，没有网络时也能看。要去没有信号的地方（比如下乡培训），可以先把全部内容存到本机。",
    preparing: "保存全部内容，离线使用（正在准备）",
    unsupported: "这个浏览器不能离线保存。",
};

/// See [`SAVE_OFFLINE_TEXT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveOfflineText {
    /// The control's heading.
    pub title: &'static str,
    /// What saving is for.
    pub lead: &'static str,
    /// The button's label until the service worker has said the size (the same length as the label it
    /// then shows, so the button keeps its size).
    pub preparing: &'static str,
    /// Where the browser has no service worker.
    pub unsupported: &'static str,
}

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
    fn build_bundles_are_the_cargo_binaries() {
        // scripts/build.sh and scripts/dev.sh take the bundle list from Cargo.toml's `zct-*` binaries.
        let manifest = include_str!("../../../../Cargo.toml");
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
}
