//! `sitemap.xml`: every route of the site, absolute.

use policy_content::html::esc;

/// The sitemap for `paths` under `origin` (e.g. `https://example.gov.cn`).
pub fn render<'a>(origin: &str, paths: impl Iterator<Item = &'a str>) -> String {
    let origin = origin.trim_end_matches('/');
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in paths {
        out.push_str(&format!(
            "  <url><loc>{}{}</loc></url>\n",
            esc(origin),
            esc(p)
        ));
    }
    out.push_str("</urlset>\n");
    out
}
