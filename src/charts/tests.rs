//! Tests of the charts: axes, markers, stacked bars and lines as SVG.

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
    assert!(svg.contains("d=\"M54 210L314 14\""), "{svg}");
    assert!(svg.contains("甲&lt;"));
    assert!(svg.contains(">30万<") && svg.contains(">3000<"));
}

/// Issue 13 (3): round ticks, never 2万/3.9万/5.9万.
#[test]
fn ticks_are_round_numbers() {
    for (max, most, step, top) in [
        (300000.0, 6, 50000.0, 300000.0),
        (59000.0, 5, 20000.0, 60000.0),
        (3000.0, 5, 1000.0, 3000.0),
        (3120.0, 5, 1000.0, 4000.0),
        (17500.0, 5, 5000.0, 20000.0),
        (0.0, 5, 0.2, 1.0),
    ] {
        assert_eq!(nice_axis(max, most), (step, top), "{max}");
    }
    let s = |name: &str, end: f64, class| Series {
        name: name.into(),
        points: vec![(0.0, 0.0), (300000.0, end)],
        class,
        dash: "",
    };
    let svg = line_chart(
        "曲线",
        &[
            s("甲", 3000.0, "s0"),
            s("乙", 59000.0, "s1"),
            s("丙", 59000.0, "s2"),
        ],
        300000.0,
        59000.0,
    );
    for tick in [">5万<", ">10万<", ">2万<", ">4万<", ">6万<"] {
        assert!(svg.contains(tick), "{tick}");
    }
    assert!(!svg.contains("3.9万") && !svg.contains("5.9万"));
    // Six intervals: every other figure is minor (left out at 特大, where they would touch), the ends not.
    let minor: Vec<&str> = svg
        .split("<text class=\"tick minor\"")
        .skip(1)
        .map(|t| t.split('>').nth(1).unwrap().trim_end_matches("</text"))
        .collect();
    assert_eq!(minor, ["5万", "15万", "25万"], "{svg}");
    // 乙 and 丙 coincide: drawn once, named together, listed first (they end highest).
    assert!(svg.contains(">1 乙、丙（2条线重合）<"), "{svg}");
    assert!(svg.contains(">2 甲<"));
    // The legend is the page's text after the drawing (it wraps and grows as the page does), each entry
    // with the curve's dash; the drawing keeps only the curves' numbers.
    let (drawing, legend) = svg
        .split_once("</svg>")
        .expect("a drawing, then its legend");
    assert!(
        legend.starts_with("<ul class=\"chart-legend\"><li>") && legend.ends_with("</li></ul>"),
        "{legend}"
    );
    assert!(!drawing.contains(">1 乙"), "{drawing}");
    assert!(legend.contains(">1 乙、丙（2条线重合）</li>"), "{legend}");
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

/// The legend's percents add up to 100, where rounding each would give 101 or 99.
#[test]
fn whole_percents_add_up_to_a_hundred() {
    let cases: &[(&[f64], &[u32])] = &[
        // 67 + 7.5 + 5.5 + 13.5 + 6.5, each rounded: 67 + 8 + 6 + 14 + 7 = 102; ties go to the earlier.
        (
            &[33500.0, 3750.0, 2750.0, 6750.0, 3250.0],
            &[67, 8, 6, 13, 6],
        ),
        (&[1.0, 1.0, 1.0], &[34, 33, 33]),
        (&[0.5, 0.5, 99.0], &[1, 0, 99]),
        (&[69.5, 8.5, 2.5, 13.5, 6.0], &[70, 9, 2, 13, 6]),
        (&[100.0], &[100]),
        (&[0.0, 0.0], &[0, 0]),
        (&[], &[]),
    ];
    for (values, want) in cases {
        let got = whole_percents(values);
        assert_eq!(got, *want, "{values:?}");
        if values.iter().sum::<f64>() > 0.0 {
            assert_eq!(got.iter().sum::<u32>(), 100, "{values:?}");
        }
    }
}

/// A part paid that rounds to no whole percent says 不足1%, not 0% (a trainer's audit, 2026-12-06: 医疗救助's
/// 250 元 of 50,000 read as 医疗救助 0% on a projector); the parts that round to one say their percent.
#[test]
fn a_part_under_one_percent_is_not_said_to_be_nothing() {
    let svg = stacked_bar(
        "谁付了多少",
        &[
            part("基本医保", 40000.0),
            part("大病保险", 1250.0),
            part("医疗救助", 250.0),
            part("个人", 8500.0),
        ],
    );
    assert!(svg.contains(">医疗救助 不足1%</li>"), "{svg}");
    assert!(svg.contains(">大病保险 3%</li>"), "{svg}");
    assert!(!svg.contains(" 0%<"), "{svg}");
}
