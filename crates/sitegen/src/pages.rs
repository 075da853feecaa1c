//! The static body of every route: documents, library, home and about are complete here; the
//! interactive pages get their heading and an explanation, which the app replaces when it starts.

use std::path::Path;

use policy_content::model::{Level, RenderedDoc};
use policy_content::site::SITE_NAME;

use crate::html::{chinese_date, esc};

/// One route's page: where it goes and what it shows before the app starts.
#[derive(Clone, Debug)]
pub struct PageSpec {
    /// The route, e.g. `/docs/huining-83/`.
    pub path: String,
    /// The fragment key (see the app's `prerender::fragment_key`).
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
            self_check: crate::checker_pages::self_check().map_err(|e| e.to_string())?,
            villages: crate::checker_pages::villages().map_err(|e| e.to_string())?,
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

    /// All routes of the site, in sitemap order.
    pub fn pages(&self) -> Vec<PageSpec> {
        let mut out = vec![self.home(), self.library()];
        out.extend(self.docs.iter().map(doc_page));
        out.push(interactive(
            "/search/",
            "搜索政策文件",
            "输入关键词，在全部政策文件中查找，例如“3000元”“大病保险”“先诊疗”。",
        ));
        out.push(interactive("/calc/", "看病花多少钱", "输入住院或门诊慢特病的花费，按“一站式结算”的顺序算出基本医保、大病保险、兜底保障和医疗救助各报多少，个人还要付多少。每一步都注明政策出处。"));
        out.push(interactive("/check/", "我能享受哪些政策", "回答几个简单问题，看看您能享受哪些健康扶贫政策、到哪里去办，以及哪些政策为什么不适用。"));
        out.push(interactive_with(
            "/self-check/",
            "自查自评与政策知识问答",
            "会宁县健康扶贫先锋行动的官方考核表，逐项自查打分；以及政策知识问答。",
            &self.self_check,
        ));
        out.push(interactive_with(
            "/villages/",
            "包抓干部查询",
            "输入村名或乡镇名，查看卫计、民政、人社部门包抓到村的干部。",
            &self.villages,
        ));
        out.push(self.about());
        out
    }

    /// The 404 page.
    pub fn not_found(&self) -> PageSpec {
        PageSpec {
            path: "/404/".into(),
            key: "404".into(),
            title: "没有找到这个页面".into(),
            description: "没有找到这个页面。".into(),
            body: "<div class=\"page\"><h1>没有找到这个页面</h1><p>您打开的地址可能输错了，或者页面已经移动。</p><ul class=\"big-links\"><li><a href=\"/\">回到首页</a></li><li><a href=\"/docs/\">查看政策文件</a></li><li><a href=\"/search/\">搜索政策</a></li></ul></div>".into(),
        }
    }

    fn home(&self) -> PageSpec {
        let mut body = String::new();
        body.push_str(&format!("<h1>{}</h1>", esc(SITE_NAME)));
        body.push_str("<p class=\"lead\">把健康扶贫的医保政策讲明白：看病能报多少、自己付多少、能享受哪些照顾、到哪里去办。</p>");
        body.push_str("<ul class=\"big-links\">");
        for (href, title, text) in [
            (
                "/calc/",
                "算一算：看病花多少钱",
                "住院、门诊慢特病，报销后自己付多少",
            ),
            (
                "/check/",
                "查一查：我能享受哪些政策",
                "回答几个问题，列出适合您的政策",
            ),
            ("/docs/", "政策文件原文", "五份官方文件，可按章节查看和分享"),
            ("/search/", "搜索政策", "按关键词查找，如“先诊疗后付费”"),
            (
                "/self-check/",
                "自查自评与知识问答",
                "考核表逐项打分，政策知识问答",
            ),
            ("/villages/", "包抓干部查询", "查本村的包抓干部"),
        ] {
            body.push_str(&format!(
                "<li><a href=\"{href}\"><strong>{title}</strong><span>{text}</span></a></li>"
            ));
        }
        body.push_str("</ul>");
        body.push_str(&format!(
            "<p class=\"asof\">本站收录 {} 份政策文件，最新一份发布于 {}。政策以当地医保部门现行规定为准。</p>",
            self.docs.len(),
            esc(&chinese_date(self.policy_date()))
        ));
        PageSpec {
            path: "/".into(),
            key: "home".into(),
            title: SITE_NAME.into(),
            description: "健康扶贫医保政策：看病报销计算、政策查询、政策文件原文。".into(),
            body,
        }
    }

    fn library(&self) -> PageSpec {
        let mut body = String::from("<h1>政策文件库</h1><p>以下是本站收录的健康扶贫政策文件原文，按省、市、县分组，新的在前。点开可以按章节阅读，每一节都有可以分享的链接。</p>");
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
                    "<li><a class=\"doc-title\" href=\"/docs/{}/\">{}</a><div class=\"doc-meta\"><span class=\"tag\">{}</span>{} · {} · {}</div><p>{}</p></li>",
                    esc(&m.slug),
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
        PageSpec {
            path: "/docs/".into(),
            key: "docs".into(),
            title: "政策文件库".into(),
            description: "健康扶贫政策文件原文，按省、市、县分组。".into(),
            body,
        }
    }

    fn about(&self) -> PageSpec {
        let mut body = String::from("<h1>关于本站</h1>");
        body.push_str("<h2 id=\"privacy\">隐私说明</h2><p>本站没有服务器程序，也没有数据库和账号。您在计算器、政策查询和自查表里填写的内容只在您自己的手机或电脑上计算，不会发送到任何地方，也不会保存；关掉页面就没有了。为了方便分享，算式和答案可以放在网址“#”后面的部分里，这部分不会发送给网站。唯一会记在您设备上的是字体大小的选择。</p>");
        body.push_str("<h2 id=\"sources\">文件来源</h2><ul>");
        for d in self.docs {
            body.push_str(&format!(
                "<li><a href=\"/docs/{}/\">{}</a>（{}，{}）</li>",
                esc(&d.meta.slug),
                esc(&d.meta.title),
                esc(&d.meta.doc_number),
                esc(&chinese_date(&d.meta.date))
            ));
        }
        body.push_str("</ul><p>这些文件是各级党委、政府及其部门公开发布的公文，依照《中华人民共和国著作权法》第五条，不适用著作权保护。本站只修正了文字提取时产生的错误（如页码、断行），每份文件末尾的“编者注”列出了全部修正。</p>");
        body.push_str(&crate::ambiguity::render(&self.ambiguities));
        PageSpec {
            path: "/about/".into(),
            key: "about".into(),
            title: "关于本站".into(),
            description: "本站的隐私说明、文件来源和对政策中不明确之处的解读。".into(),
            body,
        }
    }
}

/// A page the app draws: its heading and explanation, the <noscript> note, and a loading line that is
/// hidden until public/loader.js (the page shell's watch over the app's loading) shows it, so with
/// JavaScript off no page says "正在加载" forever.
fn interactive(path: &str, title: &str, intro: &str) -> PageSpec {
    interactive_with(path, title, intro, "")
}

/// [`interactive`] with what can be shown without the app (`more`, markup) after the loading line.
fn interactive_with(path: &str, title: &str, intro: &str, more: &str) -> PageSpec {
    PageSpec {
        path: path.into(),
        key: path.trim_matches('/').replace('/', "-"),
        title: title.into(),
        description: intro.into(),
        body: format!(
            "<div class=\"page\"><h1>{}</h1><p>{}</p><noscript><p class=\"notice\">这个功能需要在浏览器中启用 JavaScript。您也可以直接阅读<a href=\"/docs/\">政策文件</a>。</p></noscript><p class=\"loading\" role=\"status\" hidden>正在加载……</p>{}</div>",
            esc(title),
            esc(intro),
            more
        ),
    }
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
        path: format!("/docs/{}/", m.slug),
        key: format!("docs-{}", m.slug),
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
        let spec = interactive("/calc/", "看病花多少钱", "说明");
        assert!(spec.body.contains("<noscript>"));
        assert!(spec
            .body
            .contains("<p class=\"loading\" role=\"status\" hidden>"));
    }
}
