//! Charts drawn as SVG in Rust (no JavaScript chart library): a stacked bar of who pays what, and
//! curves of the personal payment against the bill. Pure functions returning SVG markup and its legend (a
//! list of the page's text), so they are tested natively; every chart carries a text equivalent and
//! direct labels (not colour alone).

use policy_content::html::esc;
use std::fmt::{self, Write};

/// One part of a stacked bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Who pays, e.g. "基本医保".
    pub label: String,
    /// The amount in yuan.
    pub value: f64,
    /// CSS class giving the fill (`c0`…`c6`); the label is drawn too, so colour is never the only cue.
    pub class: &'static str,
}

/// One curve of a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The curve's name, e.g. "建档立卡贫困人口".
    pub name: String,
    /// Points (x = bill in yuan, y = personal payment in yuan), x ascending.
    pub points: Vec<(f64, f64)>,
    /// CSS class for the stroke.
    pub class: &'static str,
    /// SVG dash pattern, so curves differ by more than colour.
    pub dash: &'static str,
}

/// A number in an SVG attribute or label, to one decimal place without a trailing `.0`. Written by hand:
/// Rust's float formatter would add about 10 KB to the wasm for this one use.
struct N(f64);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let (whole, frac) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{frac}")
        }
    }
}

/// Each of `values`' share of their sum in whole percent, adding up to exactly 100 (largest remainders
/// get the points that rounding each share down leaves over; ties to the earlier part); all 0 if the
/// sum is not positive.
pub fn whole_percents(values: &[f64]) -> Vec<u32> {
    let total: f64 = values.iter().map(|v| v.max(0.0)).sum();
    if total <= 0.0 {
        return vec![0; values.len()];
    }
    let exact: Vec<f64> = values.iter().map(|v| v.max(0.0) / total * 100.0).collect();
    let mut out: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    // Each point left over to the largest remainder not yet given one (a few parts: no sort's code).
    let mut rest: Vec<f64> = exact.iter().map(|e| e - e.floor()).collect();
    for _ in out.iter().sum::<u32>()..100 {
        let Some(i) = (0..rest.len()).reduce(|a, b| if rest[b] > rest[a] { b } else { a }) else {
            break;
        };
        out[i] += 1;
        rest[i] = f64::NEG_INFINITY;
    }
    out
}

/// A horizontal 100% stacked bar, then its legend listing each part and its share (whole percents that add
/// up to 100: [`whole_percents`]; a part paid under 1% as 不足1%). The legend is the page's text, not the
/// drawing's ([`LEGEND`]): it grows with the text size (at 特大 the drawing's had stayed 11 px beside 24 px
/// text) and wraps as the page does.
pub fn stacked_bar(title: &str, parts: &[Part]) -> String {
    let total: f64 = parts.iter().map(|p| p.value.max(0.0)).sum();
    let shown: Vec<&Part> = parts.iter().filter(|p| p.value > 0.0).collect();
    let percents = whole_percents(&shown.iter().map(|p| p.value).collect::<Vec<_>>());
    let (w, bar_h) = (320.0, 36.0);
    let mut svg = String::new();
    let _ = write!(svg, "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\"><title>{}</title>", N(w), N(bar_h), esc(title), esc(title));
    let mut legend = String::from(LEGEND);
    let mut x = 0.0;
    for (p, percent) in shown.into_iter().zip(percents) {
        let share = if total > 0.0 { p.value / total } else { 0.0 };
        let pw = share * w;
        let _ = write!(svg, "<rect class=\"{}\" x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\"><title>{}</title></rect>", p.class, N(x), N(pw), N(bar_h), esc(&p.label));
        x += pw;
        // A part paid that rounds to no whole percent is not said to be 0% (医疗救助 250 元 of 50,000
        // had read, on a projector, as paying nothing).
        let share = match percent {
            0 => "不足1%".to_string(),
            n => format!("{n}%"),
        };
        let _ = write!(
            legend,
            "<li><svg class=\"swatch\" viewBox=\"0 0 14 14\" aria-hidden=\"true\"><rect class=\"{}\" width=\"14\" height=\"14\"/></svg>{} {share}</li>",
            p.class,
            esc(&p.label),
        );
    }
    svg.push_str("</svg>");
    svg + &legend + "</ul>"
}

/// How a chart's legend begins: a list of the page's text after the drawing (closed with `</ul>`).
const LEGEND: &str = "<ul class=\"chart-legend\">";

/// The axis for values up to `max`: a round step (1, 2 or 5 × 10ⁿ) giving at most `most` intervals, and
/// the top tick (a multiple of the step, ≥ `max`).
pub fn nice_axis(max: f64, most: u32) -> (f64, f64) {
    let max = if max > 0.0 { max } else { 1.0 };
    let mut unit = 1.0;
    while unit * 10.0 <= max {
        unit *= 10.0;
    }
    while unit > max {
        unit /= 10.0;
    }
    let step = [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * unit)
        .find(|step| (max / step).ceil() <= f64::from(most))
        .unwrap_or(unit * 10.0);
    (step, (max / step).ceil() * step)
}

/// Marker shapes, one per curve, so curves differ in greyscale print and where they run together.
fn marker(i: usize, x: f64, y: f64) -> String {
    let (x, y) = (N(x), N(y));
    match i % 5 {
        0 => format!("<circle cx=\"{x}\" cy=\"{y}\" r=\"3.2\"/>"),
        1 => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"6\" height=\"6\"/>",
            N(x.0 - 3.0),
            N(y.0 - 3.0)
        ),
        2 => format!(
            "<path d=\"M{} {}L{} {}L{} {}Z\"/>",
            x,
            N(y.0 - 4.0),
            N(x.0 + 4.0),
            N(y.0 + 3.0),
            N(x.0 - 4.0),
            N(y.0 + 3.0)
        ),
        3 => format!(
            "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\"/>",
            x,
            N(y.0 - 4.0),
            N(x.0 + 4.0),
            y,
            x,
            N(y.0 + 4.0),
            N(x.0 - 4.0),
            y
        ),
        _ => format!(
            "<path class=\"cross\" d=\"M{} {}L{} {}M{} {}L{} {}\"/>",
            N(x.0 - 3.5),
            N(y.0 - 3.5),
            N(x.0 + 3.5),
            N(y.0 + 3.5),
            N(x.0 - 3.5),
            N(y.0 + 3.5),
            N(x.0 + 3.5),
            N(y.0 - 3.5)
        ),
    }
}

/// A line chart of personal payment (y) against the bill (x), with round ticks in 万元/元. Curves with the
/// same points are drawn once and named together (they would hide each other); every curve has its own
/// dash pattern, marker shape and a number at its end, and the legend lists them top to bottom as they end.
pub fn line_chart(title: &str, series: &[Series], x_max: f64, y_max: f64) -> String {
    // Room for the figures at 特大 (style.css: 17 units): 1.5万 left of the axis, 30万 under it, the top one above it.
    let (w, h, left, bottom, top, right) = (340.0, 240.0, 54.0, 30.0, 14.0, 26.0);
    let pw = w - left - right;
    let ph = h - top - bottom;
    let (x_step, x_max) = nice_axis(x_max, 6);
    let (y_step, y_max) = nice_axis(y_max, 5);
    let sx = |x: f64| left + x / x_max * pw;
    let sy = |y: f64| top + ph - y / y_max * ph;
    // Curves that coincide become one, named "甲、乙（两条线重合）".
    let mut groups: Vec<(Vec<&str>, &Series)> = Vec::new();
    for s in series {
        match groups.iter_mut().find(|(_, g)| g.points == s.points) {
            Some((names, _)) => names.push(&s.name),
            None => groups.push((vec![&s.name], s)),
        }
    }
    // Legend order: by where the curve ends, highest first.
    let end = |s: &Series| s.points.last().map_or(0.0, |p| p.1);
    groups.sort_by(|a, b| end(b.1).total_cmp(&end(a.1)));
    let names: Vec<String> = groups
        .iter()
        .map(|(names, _)| {
            if names.len() > 1 {
                format!("{}（{}条线重合）", names.join("、"), names.len())
            } else {
                names[0].to_string()
            }
        })
        .collect();
    let mut svg = String::new();
    let _ = write!(svg, "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\"><title>{}</title>", N(w), N(h), esc(title), esc(title));
    let mut legend = String::from(LEGEND);
    let _ = write!(svg, "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", N(left), N(top + ph), N(left + pw), N(top + ph), N(left), N(top), N(left), N(top + ph));
    // Of six intervals' figures every other is minor: style.css leaves it out at 特大, where the figures
    // would touch (30万 is 36 units wide there, six intervals 43 apart).
    let minor = x_max / x_step > 5.5;
    let mut k = 0;
    while f64::from(k) * x_step <= x_max + x_step / 2.0 {
        let xv = f64::from(k) * x_step;
        let _ = write!(
            svg,
            "<text class=\"tick{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            if minor && k % 2 == 1 { " minor" } else { "" },
            N(sx(xv)),
            N(h - 8.0),
            money_short(xv)
        );
        k += 1;
    }
    // From the first step up: the 0 under the corner is both axes' (at 特大 a second one beside it touched it).
    let mut yv = y_step;
    while yv <= y_max + y_step / 2.0 {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            N(left - 4.0),
            N(sy(yv) + 4.0),
            money_short(yv),
            N(left),
            N(sy(yv)),
            N(left + pw),
            N(sy(yv))
        );
        yv += y_step;
    }
    let mut label_y: Vec<f64> = Vec::new();
    for (i, (_, s)) in groups.iter().enumerate() {
        let name = &names[i];
        let mut d = String::new();
        for (k, (x, y)) in s.points.iter().enumerate() {
            let _ = write!(
                d,
                "{}{} {}",
                if k == 0 { "M" } else { "L" },
                N(sx(*x)),
                N(sy(y.min(y_max)))
            );
        }
        let _ = write!(svg, "<g class=\"curve {}\"><path class=\"line\" stroke-dasharray=\"{}\" d=\"{d}\"><title>{}</title></path>", s.class, s.dash, esc(name));
        // Markers at a few points, staggered per curve so coinciding stretches still show each shape.
        let n = s.points.len();
        let every = (n / 5).max(1);
        for (k, (x, y)) in s.points.iter().enumerate() {
            if k % every == (i * every / groups.len().max(1)) % every {
                svg.push_str(&marker(i, sx(*x), sy(y.min(y_max))));
            }
        }
        // The curve's number at its end, moved down until it clears the numbers above (style.css: at most
        // 17 units, a line of them 20).
        let mut ly = sy(end(s).min(y_max)) + 4.0;
        for prev in &label_y {
            if (ly - prev).abs() < 21.0 {
                ly = prev + 21.0;
            }
        }
        label_y.push(ly);
        let _ = write!(
            svg,
            "<text class=\"end-label\" x=\"{}\" y=\"{}\">{}</text></g>",
            N(left + pw + 5.0),
            N(ly),
            i + 1
        );
        // Its line, marker and number in the legend, drawn as on the curve.
        let _ = write!(
            legend,
            "<li><svg class=\"swatch wide\" viewBox=\"0 0 44 16\" aria-hidden=\"true\"><g class=\"curve {}\"><line class=\"line\" stroke-dasharray=\"{}\" x1=\"4\" y1=\"8\" x2=\"40\" y2=\"8\"/>{}</g></svg>{} {}</li>",
            s.class,
            s.dash,
            marker(i, 22.0, 8.0),
            i + 1,
            esc(name),
        );
    }
    svg.push_str("</svg>");
    svg + &legend + "</ul>"
}

/// `30000` as `3万`, `1500` as `1500`.
pub fn money_short(v: f64) -> String {
    if v >= 10000.0 {
        let w = v / 10000.0;
        if (w - w.round()).abs() < 0.05 {
            format!("{}万", N(w.round()))
        } else {
            format!("{}万", N(w))
        }
    } else {
        N(v.round()).to_string()
    }
}

#[cfg(test)]
mod tests;
