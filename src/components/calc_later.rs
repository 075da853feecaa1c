//! The part of the calculator's result computed once typing pauses ([`Later`], [`CalcLater`]): the same
//! visits compared across categories and the curve of personal payment against the
//! bill for each category (6 + 505 settlements, memoized for the visit: the curve does not depend on the
//! visits typed, only on the profile, options and changed numbers), and the handout's QR code.
//!
//! Its code (the comparison, the curve, the QR encoder and the drawing of all of it) is a
//! chunk of the calc bundle of its own ([`LaterCode`]), loaded when the page is idle or on first use: the
//! first result never waits for it (README, "Lazily loaded code").

use std::sync::Arc;

use leptos::prelude::*;
use policy_engine::summary::sweep_basis;
use policy_engine::{sweep, Category, Options, Scenario};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::calc_adapter::{changed_line, other_reading, CHANGED, SAME_AS_DEFAULT};
use crate::charts::{line_chart, Series};
use crate::compare::Comparison;
use crate::components::CategoryCompare;

use crate::calc_adapter::visits_in_words;

/// The value of parameter `key` in the scenario's profile, if the profile has it.
fn param(scenario: &Scenario, key: &str) -> Option<Decimal> {
    policy_engine::summary::param_value(&scenario.profile, key)
}

/// What the result shows once typing pauses: the same visits for every category, the curve, and the
/// handout's QR code of the address (where the documents disagree is said with the amount:
/// `crate::calc_adapter::contested`).
#[derive(Clone, Debug)]
pub struct Later {
    /// The scenario it was computed for.
    pub scenario: Scenario,
    /// Each payer's share of the same visits for every category (`crate::compare::compare`).
    compare: Comparison,
    /// The curve (SVG), shared by every scenario with the same profile, options and changed numbers.
    curve: Arc<str>,
    /// With another reading than the site's, whether the comparison is the default reading's all the same.
    same_table: bool,
    /// With another reading than the site's, whether the curve is the default reading's all the same.
    same_curve: bool,
    /// Where the 建档立卡 curve flattens, if the profile has that threshold.
    flattens: Option<String>,
    /// The handout's QR code (SVG) of the address as it was then.
    pub qr: String,
    /// For each visit, whether its compliant cost was left to the estimate (an address with it typed, the
    /// same scenario, is another address).
    pub guessed: Vec<bool>,
}

impl Later {
    /// Whether it was computed for `scenario` with these visits' compliant costs left to the estimate.
    pub fn is_for(&self, scenario: &Scenario, guessed: &[bool]) -> bool {
        self.scenario == *scenario && self.guessed == guessed
    }
}

/// The later part's functions, in a chunk of the calc bundle of their own (its split point is in
/// `src/bin/calc.rs`, see [`crate::lazy`]).
#[derive(Clone, Copy)]
pub struct LaterCode {
    /// [`LaterMemo::later`].
    pub later: fn(&mut LaterMemo, &Scenario, &str) -> Later,
    /// [`example_handout`].
    pub example_handout: fn(web_sys::Element),
    /// [`show`].
    pub show: fn(&web_sys::Element, Option<&Later>, bool),
    /// The page tools (`crate::app::calc_tools`).
    pub tools: fn(crate::lazy::Load<super::ToolsCode>),
}

impl Default for LaterCode {
    fn default() -> Self {
        Self {
            later: LaterMemo::later,
            example_handout,
            show,
            tools: crate::app::calc_tools,
        }
    }
}

/// The work done after a pause, kept for the visit: typing back and forth, or switching category and
/// back, costs nothing the second time.
#[derive(Default)]
pub struct LaterMemo {
    /// By scenario: the comparison.
    settled: Vec<(Scenario, Comparison)>,
    /// By the scenario without its visits and category (all the curve depends on).
    curves: Vec<(Scenario, Arc<str>)>,
}

/// How many scenarios the memo keeps (the oldest go first).
const MEMO_SIZE: usize = 64;

impl LaterMemo {
    /// The comparison of `scenario`'s visits across categories.
    fn compared(&mut self, scenario: &Scenario) -> Comparison {
        if let Some((_, done)) = self.settled.iter().find(|(s, _)| s == scenario) {
            return done.clone();
        }
        let done = crate::compare::compare(scenario);
        if self.settled.len() >= MEMO_SIZE {
            self.settled.remove(0);
        }
        self.settled.push((scenario.clone(), done.clone()));
        done
    }

    /// The curve for `scenario`'s profile, options and changed numbers.
    fn curve(&mut self, scenario: &Scenario) -> Arc<str> {
        let key = Scenario {
            category: Category::PovertyRegistered,
            episodes: Vec::new(),
            ..scenario.clone()
        };
        if let Some((_, c)) = self.curves.iter().find(|(k, _)| *k == key) {
            return c.clone();
        }
        let c: Arc<str> = curve(scenario).into();
        if self.curves.len() >= MEMO_SIZE {
            self.curves.remove(0);
        }
        self.curves.push((key, c.clone()));
        c
    }

    /// The later part for `scenario`, with the QR code of `url`.
    fn later(&mut self, scenario: &Scenario, url: &str) -> Later {
        let compare = self.compared(scenario);
        let curve = self.curve(scenario);
        // With another reading than the site's, whether the table and the curve are the default reading's
        // all the same (then they say so: they had said 按另一种理解计算 over the same numbers).
        let default = Scenario {
            options: Options::default(),
            ..scenario.clone()
        };
        let (same_table, same_curve) =
            if other_reading(&scenario.profile, &scenario.options).is_some() {
                (
                    self.compared(&default) == compare,
                    self.curve(&default) == curve,
                )
            } else {
                (false, false)
            };
        let flattens = param(scenario, "assistance_threshold").map(|t| {
            format!(
                "建档立卡贫困人口的曲线在 {} 元处变平，就是医疗救助兜底的作用。",
                policy_engine::money::plain(t)
            )
        });
        let qr = handout_qr(url);
        Later {
            scenario: scenario.clone(),
            compare,
            curve,
            same_table,
            same_curve,
            flattens,
            qr,
            guessed: Vec::new(),
        }
    }
}

/// Makes the build's worked example (`calc-example`, shown while the form is empty) print as a handout: its
/// QR code and address, those of its `.example-link` (which opens the example), drawn into it under its
/// amount (the page calls this once).
pub fn example_handout(example: web_sys::Element) {
    let href = example
        .query_selector(".example-link")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"));
    let origin = web_sys::window().and_then(|w| w.location().origin().ok());
    let (Some(href), Some(origin)) = (href, origin) else {
        return;
    };
    let url = format!("{origin}{href}");
    let print = crate::calc_page::handout_link(&url, &handout_qr(&url));
    // Under the amount, as in the calculation's handout (style.css floats it beside who pays what).
    let placed = example.query_selector(".result-head").ok().flatten();
    let _ = example.insert_before(&print, placed.and_then(|h| h.next_sibling()).as_ref());
}

/// The handout's QR code of `url` (SVG; empty if the address cannot be encoded).
fn handout_qr(url: &str) -> String {
    crate::qr::printed(url, "扫码打开这个计算")
}

/// The share of the bill the curve takes to be compliant (`policy_engine::sweep_visit`).
const CURVE_COMPLIANT_SHARE: Decimal = Decimal::from_parts(9, 0, 0, false, 1);

/// The curve of personal payment against the bill, one line per category (5 × 101 settlements).
fn curve(scenario: &Scenario) -> String {
    let bills: Vec<Decimal> = (0..=100).map(|i| Decimal::from(i * 3000)).collect();
    let styles = [
        ("s0", ""),
        ("s1", "6 3"),
        ("s2", "2 3"),
        ("s3", "10 4 2 4"),
        ("s4", "1 6"),
    ];
    let series: Vec<Series> = crate::dom::timed("zct-sweep", || {
        Category::ALL
            .into_iter()
            .zip(styles)
            .map(|(c, (class, dash))| Series {
                name: c.label().into(),
                points: bills
                    .iter()
                    .zip(sweep(scenario, c, &bills, CURVE_COMPLIANT_SHARE))
                    .map(|(b, p)| (b.to_f64().unwrap_or(0.0), p.to_f64().unwrap_or(0.0)))
                    .collect(),
                class,
                dash,
            })
            .collect()
    });
    let y_max = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .fold(1000.0_f64, f64::max);
    line_chart(
        &format!(
            "个人自付随医疗费用的变化：{}",
            sweep_basis(&scenario.profile, CURVE_COMPLIANT_SHARE)
        ),
        &series,
        300000.0,
        y_max,
    )
}

/// The later part shown, and whether it is the current outcome's: the view's signals.
type Shown = (RwSignal<Option<Later>>, RwSignal<bool>);

thread_local! {
    /// The view's signals, once it is drawn.
    static SHOWN: std::cell::Cell<Option<Shown>> = const { std::cell::Cell::new(None) };
}

/// Shows `later` at the end of the calculator's `page` (the stylesheet gives it its place), dimmed and
/// marked busy while it is not the current outcome's (`fresh`), so the page below the steps does not jump
/// while the person types; none for `None`.
pub fn show(page: &web_sys::Element, later: Option<&Later>, fresh: bool) {
    use wasm_bindgen::JsCast;
    let (shown, is_fresh) = SHOWN.get().unwrap_or_else(|| {
        // Kept for the page's life (the owner dropped, its signals would go with it).
        let owner = Owner::new();
        let signals = owner.with(|| (RwSignal::new(None::<Later>), RwSignal::new(true)));
        std::mem::forget(owner);
        let (l, f) = signals;
        leptos::mount::mount_to(page.clone().unchecked_into(), move || {
            move || l.get().map(|l| draw(l, f.into()))
        })
        .forget();
        SHOWN.set(Some(signals));
        signals
    });
    // Drawn again only when it is another (a key typed meanwhile only dims it): the table and the curve
    // had been drawn again, and the QR code's SVG copied, on every key.
    let same = shown.with_untracked(|s| match (s, later) {
        (Some(a), Some(b)) => a.is_for(&b.scenario, &b.guessed),
        (None, None) => true,
        _ => false,
    });
    if !same {
        shown.set(later.cloned());
    }
    is_fresh.set(fresh);
}

/// Draws `l` (see [`show`]).
fn draw(l: Later, fresh: Signal<bool>) -> AnyView {
    let region =
        policy_engine::profile(&l.scenario.profile).map_or(String::new(), |p| p.name.clone());
    let total = l.scenario.episodes.iter().map(|e| e.total).sum();
    // The visits, and what else the amounts rest on: another reading, changed assumed numbers.
    let mut what = visits_in_words(&l.scenario, total);
    if let Some(r) = other_reading(&l.scenario.profile, &l.scenario.options) {
        what = format!("{what} · {r}");
        if l.same_table {
            what = format!("{what}（表里的钱数{SAME_AS_DEFAULT}）");
        }
    }
    if !l.scenario.overrides.is_empty() {
        what = format!("{what} · {CHANGED}");
    }
    // A compliant cost left blank: the caption says so, and a note which rows are the most and which the
    // least one pays (a 低保 row's floor had been handed out as the cost).
    let reading = l.compare.reading(&l.scenario, &l.guessed);
    if reading.is_some() {
        what = format!("{what} · {}", crate::calc_adapter::GUESSED);
    }
    let curve = l.curve.to_string();
    let flattens = l.flattens;
    // What the curve rests on: its one assumed visit, and the reading and numbers the page uses.
    let mut basis = format!(
        "这张图都按{}来算，不是按上面填的情况，所以图上的钱数可能和上面的表不同。",
        sweep_basis(&l.scenario.profile, CURVE_COMPLIANT_SHARE)
    );
    if let Some(r) = other_reading(&l.scenario.profile, &l.scenario.options) {
        basis.push_str(&format!("图也{r}。"));
        if l.same_curve {
            basis.push_str(&format!("图上的线{SAME_AS_DEFAULT}。"));
        }
    }
    if !l.scenario.overrides.is_empty() {
        basis.push_str(&format!("图也{CHANGED}。"));
    }
    // A line resting on a document's target taken as met (眉山's 建档立卡) says so.
    if policy_engine::summary::has_target(&l.scenario.profile) {
        basis.push_str(&format!(
            "建档立卡贫困人口的线里，超过目标的部分{}",
            crate::calc_adapter::TARGET_MEANS
        ));
    }
    view! {
        <div
            class="calc-later"
            class:stale=move || !fresh.get()
            aria-busy=move || (!fresh.get()).to_string()
        >
            <CategoryCompare
                table=l.compare
                region=region
                what=what
                reading=reading
                changed=changed_line(&l.scenario)
                qr=l.qr
            />
            <div class="no-print">
                <h2>"费用越多，个人付多少？"</h2>
                <p class="chart-basis" data-testid="chart-basis">
                    {basis}
                </p>
                <div class="chart-box" inner_html=curve></div>
                <p class="hint">
                    "横轴是医疗总费用，0 到 30 万元；纵轴是个人自付。编号和线型见图下的说明，重合的线合在一起标出。"
                    {flattens}
                </p>
            </div>
        </div>
    }
    .into_any()
}
