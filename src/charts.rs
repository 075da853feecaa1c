//! Charts drawn as SVG in Rust (no JavaScript chart library): a stacked bar of who pays what, and
//! curves of the personal payment against the bill. Pure functions returning SVG markup, so they are
//! tested natively; every chart carries a text equivalent and direct labels (not colour alone).

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

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal 100% stacked bar with a legend listing each part and its share.
pub fn stacked_bar(title: &str, parts: &[Part]) -> String {
    let total: f64 = parts.iter().map(|p| p.value.max(0.0)).sum();
    let (w, bar_h) = (320.0, 36.0);
    let rows = parts.iter().filter(|p| p.value > 0.0).count();
    let h = bar_h + 12.0 + rows as f64 * 24.0;
    let mut svg = String::new();
    let _ = write!(svg, "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\"><title>{}</title>", N(w), N(h), esc(title), esc(title));
    let mut x = 0.0;
    let mut y = bar_h + 20.0;
    for p in parts.iter().filter(|p| p.value > 0.0) {
        let share = if total > 0.0 { p.value / total } else { 0.0 };
        let pw = share * w;
        let _ = write!(svg, "<rect class=\"{}\" x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\"><title>{}</title></rect>", p.class, N(x), N(pw), N(bar_h), esc(&p.label));
        x += pw;
        let _ = write!(
            svg,
            "<rect class=\"{}\" x=\"0\" y=\"{}\" width=\"14\" height=\"14\"/><text x=\"20\" y=\"{}\">{} {}%</text>",
            p.class,
            N(y - 12.0),
            N(y),
            esc(&p.label),
            N((share * 100.0).round())
        );
        y += 24.0;
    }
    svg.push_str("</svg>");
    svg
}

/// A line chart of personal payment (y) against the bill (x), with axes in 万元/元 and a legend.
pub fn line_chart(title: &str, series: &[Series], x_max: f64, y_max: f64) -> String {
    let (w, h, left, bottom, top, right) = (340.0, 240.0, 48.0, 28.0, 8.0, 22.0);
    let pw = w - left - right;
    let ph = h - top - bottom;
    let y_max = if y_max > 0.0 { y_max } else { 1.0 };
    let x_max = if x_max > 0.0 { x_max } else { 1.0 };
    let sx = |x: f64| left + x / x_max * pw;
    let sy = |y: f64| top + ph - y / y_max * ph;
    let legend_h = series.len() as f64 * 22.0 + 8.0;
    let mut svg = String::new();
    let _ = write!(svg, "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\"><title>{}</title>", N(w), N(h + legend_h), esc(title), esc(title));
    let _ = write!(svg, "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", N(left), N(top + ph), N(left + pw), N(top + ph), N(left), N(top), N(left), N(top + ph));
    for i in 0..=3 {
        let xv = x_max * f64::from(i) / 3.0;
        let yv = y_max * f64::from(i) / 3.0;
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            N(sx(xv)),
            N(h - 8.0),
            money_short(xv)
        );
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            N(left - 4.0),
            N(sy(yv) + 4.0),
            money_short(yv)
        );
        if i > 0 {
            let _ = write!(
                svg,
                "<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                N(left),
                N(sy(yv)),
                N(left + pw),
                N(sy(yv))
            );
        }
    }
    for (i, s) in series.iter().enumerate() {
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
        let _ = write!(
            svg,
            "<path class=\"line {}\" stroke-dasharray=\"{}\" d=\"{d}\"><title>{}</title></path>",
            s.class,
            s.dash,
            esc(&s.name)
        );
        let ly = h + 14.0 + i as f64 * 22.0;
        let _ = write!(
            svg,
            "<line class=\"line {}\" stroke-dasharray=\"{}\" x1=\"4\" y1=\"{}\" x2=\"34\" y2=\"{}\"/><text x=\"40\" y=\"{}\">{}</text>",
            s.class,
            s.dash,
            N(ly),
            N(ly),
            N(ly + 5.0),
            esc(&s.name)
        );
    }
    svg.push_str("</svg>");
    svg
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
mod tests {
    use super::*;

    fn part(label: &str, value: f64) -> Part {
        Part {
            label: label.into(),
            value,
            class: "c0",
        }
    }

    #[test]
    fn bar_widths_are_shares_and_labels_are_text() {
        let svg = stacked_bar(
            "谁付了多少",
            &[
                part("基本医保", 750.0),
                part("个人自付", 250.0),
                part("大病保险", 0.0),
            ],
        );
        assert!(svg.contains("width=\"240\""), "{svg}");
        assert!(svg.contains("x=\"240\" y=\"0\" width=\"80\""));
        assert!(svg.contains("基本医保 75%") && svg.contains("个人自付 25%"));
        assert!(!svg.contains("大病保险"), "zero parts are left out");
    }

    #[test]
    fn line_chart_scales_points() {
        let s = Series {
            name: "甲<".into(),
            points: vec![(0.0, 0.0), (300000.0, 3000.0)],
            class: "s0",
            dash: "",
        };
        let svg = line_chart("曲线", &[s], 300000.0, 3000.0);
        assert!(svg.contains("d=\"M48 212L318 8\""), "{svg}");
        assert!(svg.contains("甲&lt;"));
        assert!(svg.contains(">30万<") && svg.contains(">3000<"));
    }

    #[test]
    fn numbers_have_one_decimal_and_no_trailing_zero() {
        for (v, s) in [
            (0.0, "0"),
            (12.0, "12"),
            (12.34, "12.3"),
            (12.36, "12.4"),
            (-0.5, "-0.5"),
            (-3.0, "-3"),
        ] {
            assert_eq!(N(v).to_string(), s);
        }
    }

    #[test]
    fn short_money() {
        for (v, s) in [
            (0.0, "0"),
            (1500.0, "1500"),
            (30000.0, "3万"),
            (100000.0, "10万"),
            (15000.0, "1.5万"),
        ] {
            assert_eq!(money_short(v), s);
        }
    }
}
