//! What the calculator says above its form and under it about the numbers used: what in the link it was
//! opened with was not taken as it stood, and every assumed number the person (or the link) changed.

use policy_engine::form::{CalcForm, KeptChanges, LinkNotice};
use policy_engine::profile;

use super::el::{el, El};
use crate::calc_adapter::{changed_number, CHANGED};

/// The notices about the link the page was opened with, with 知道了 to put them away (printed without
/// it), or none: the box `components::LinkNotices` draws on the other pages.
pub fn link_notices(notices: &[LinkNotice]) -> Option<El> {
    (!notices.is_empty()).then(|| {
        el("div")
            .class("notice link-notices")
            .attr("role", "status")
            .attr("data-testid", "link-notices")
            .child(el("p").text("请核对这个链接："))
            .child(el("ul").children(notices.iter().map(|n| el("li").text(&n.to_string()))))
            .child(
                el("button")
                    .attr("type", "button")
                    .class("secondary small no-print")
                    .attr("data-action", "notices-seen")
                    .text("知道了"),
            )
    })
}

/// Every assumed number changed in `f`, each with a button back to the site's value, and which other
/// regions' changed numbers are kept for when they are chosen again (`kept`).
pub fn changed_numbers(f: &CalcForm, kept: &KeptChanges) -> Vec<El> {
    let elsewhere: Vec<String> = kept
        .iter()
        .filter(|(_, c)| !c.is_empty())
        .filter_map(|(id, c)| Some(format!("“{}”改过的 {} 个数字", profile(id)?.name, c.len())))
        .collect();
    let mut parts = Vec::new();
    if !elsewhere.is_empty() {
        // Kept on this page only: not in the address (a reload or a link has the region shown).
        parts.push(
            el("p")
                .class("hint no-print")
                .attr("data-testid", "changed-elsewhere")
                .text(&format!(
                    "在{}还留着：不刷新页面，换回去时还在。",
                    elsewhere.join("、")
                )),
        );
    }
    let Some(p) = profile(&f.profile) else {
        return parts;
    };
    let changed: Vec<(String, String)> = f
        .overrides
        .iter()
        .filter_map(|(k, v)| {
            let param = p.editable_param(k).ok()?;
            // As the poster and the handout say it (０.６ typed is 60%).
            let shown = p
                .read_override(k, v)
                .map_or_else(|_| v.clone(), |d| param.unit.shown(d));
            Some((k.clone(), changed_number(param, &shown)))
        })
        .collect();
    if changed.is_empty() {
        return parts;
    }
    let restore = |key: Option<&str>, text: &str| {
        let b = el("button")
            .attr("type", "button")
            .class("secondary small no-print")
            .text(text);
        match key {
            Some(k) => b.attr("data-restore", k),
            None => b.attr("data-restore-all", ""),
        }
    };
    parts.push(
        el("div")
            .class("changed-numbers notice")
            .attr("data-testid", "changed-numbers")
            .child(
                // Whoever changed them: the person, or the link they opened.
                el("p")
                    .child(el("strong").text(&format!("这次计算{CHANGED}")))
                    .text("（文件没有写明，本站原用假设值）："),
            )
            .child(el("ul").children(changed.iter().map(|(key, said)| {
                // The site's assumption (the documents give none), not the policy's.
                el("li")
                    .text(said)
                    .child(restore(Some(key), "恢复本站假设值"))
            })))
            .child(restore(None, "全部恢复")),
    );
    parts
}
