//! Tests of the calculator's bridge to the engine: typed forms settle and errors name their field, the
//! reading options match the ambiguity register, clause numbers, and money and link labels.

use super::*;
use policy_engine::form::{CalcForm, VisitForm};

/// What `f` settles to (`what` names the case when it does not).
fn settled(f: &CalcForm, what: &str) -> Settled {
    let Outcome::Settled(b) = Outcome::of(f) else {
        panic!("{what}: not settled");
    };
    b
}

fn form(total: &str, compliant: &str) -> CalcForm {
    let mut f = CalcForm::default();
    f.visits[0].total = total.into();
    f.visits[0].compliant = compliant.into();
    f
}

#[test]
fn typed_form_settles_and_errors_name_the_field() {
    let s = scenario(&form("1.2万", "10,000")).unwrap();
    let r = policy_engine::settle(&s).unwrap();
    assert_eq!(yuan(r.year.personal), "1,500.00");
    // (total, compliant, basic paid, field with the error, its message)
    for (total, compliant, basic, field, message) in [
        ("abc", "12000", "", "total", "看不懂"),
        (
            "10000",
            "12000",
            "",
            "compliant",
            "合规医疗费用不能大于医疗总费用（10,000.00 元）",
        ),
        (
            "10000",
            "8000",
            "9000",
            "basic_paid",
            "不能大于合规医疗费用（8,000.00 元）",
        ),
    ] {
        let mut f = form(total, compliant);
        f.visits[0].basic_paid = basic.into();
        let errs = scenario(&f).unwrap_err();
        assert_eq!((errs[0].visit, errs[0].field.as_str()), (Some(0), field));
        assert!(errs[0].message.contains(message), "{}", errs[0].message);
    }
}

/// Issue 13 (3): an option's label and help are shown as `label（help）`: neither may hold brackets
/// of its own inside that.
#[test]
fn option_texts_never_nest_brackets() {
    for (_, label, help, _) in OPTIONS {
        let shown = format!("{label}（{help}）");
        let mut depth = 0;
        for c in shown.chars() {
            match c {
                '（' => depth += 1,
                '）' => depth -= 1,
                _ => {}
            }
            assert!(depth <= 1, "{shown}");
        }
    }
}

/// Each reading option names its entry of the ambiguity register, which names the option back and
/// quotes its label (so the about page tells a trainer which switch shows the other reading).
#[test]
fn every_option_is_the_register_entry_it_names() {
    let text = include_str!("../../content/ambiguities.toml");
    let register: toml::Table = text.parse().unwrap();
    let entries = register["ambiguities"].as_array().unwrap();
    let with_option: Vec<&toml::Table> = entries
        .iter()
        .map(|e| e.as_table().unwrap())
        .filter(|e| e.contains_key("option"))
        .collect();
    assert_eq!(with_option.len(), OPTIONS.len());
    for (key, label, _, anchor) in OPTIONS {
        let entry = entries
            .iter()
            .map(|e| e.as_table().unwrap())
            .find(|e| e["id"].as_str() == Some(anchor))
            .unwrap_or_else(|| panic!("no ambiguity {anchor}"));
        assert_eq!(entry["option"].as_str(), Some(*key), "{anchor}");
        let alternatives: Vec<&str> = entry["alternatives"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a.as_str())
            .collect();
        let alternatives = alternatives.join("\n");
        assert!(
            alternatives.contains(&format!("“{label}”")),
            "{anchor}: {alternatives}"
        );
    }
}

#[test]
fn every_option_key_is_an_engine_option() {
    for (key, ..) in OPTIONS {
        assert!(Options::KEYS.contains(key), "{key}");
        assert_eq!(options(&[key.to_string()]).get(key), Some(true));
    }
    assert_eq!(OPTIONS.len(), Options::KEYS.len());
    // Default: 门诊慢特病 counts toward 医疗救助; an old link's key changes nothing.
    assert_eq!(options(&[]), Options::default());
    assert_eq!(options(&["chronic_assistance".into()]), Options::default());
}

/// Issue 13 (1): only the total typed; the headline says what the number is.
#[test]
fn a_blank_compliant_cost_is_the_total_and_the_reading_says_what_that_means() {
    for (profile, category, kind, level, in_county, want) in [
        (
            "huining-2018",
            "poverty_registered",
            "inpatient",
            "county",
            true,
            Reading::Ceiling,
        ),
        (
            "huining-2018",
            "poverty_registered",
            "inpatient",
            "province",
            false,
            Reading::Ceiling,
        ),
        (
            "huining-2018",
            "poverty_registered",
            "chronic_outpatient",
            "county",
            true,
            Reading::Floor,
        ),
        (
            "huining-2018",
            "dibao",
            "inpatient",
            "county",
            true,
            Reading::Floor,
        ),
        (
            "huining-2018",
            "ordinary",
            "inpatient",
            "county",
            true,
            Reading::Floor,
        ),
        (
            "meishan-2016",
            "poverty_registered",
            "inpatient",
            "county",
            true,
            Reading::Ceiling,
        ),
        (
            "meishan-2016",
            "poverty_registered",
            "inpatient",
            "county",
            false,
            Reading::Ceiling,
        ),
        (
            "meishan-2016",
            "poverty_registered",
            "inpatient",
            "city",
            true,
            Reading::Ceiling,
        ),
        (
            "meishan-2016",
            "tekun",
            "inpatient",
            "county",
            true,
            Reading::Floor,
        ),
    ] {
        let mut f = form("12000", "");
        f.profile = profile.into();
        f.category = category.into();
        f.visits[0].kind = kind.into();
        f.visits[0].level = level.into();
        f.visits[0].in_county = in_county;
        assert!(blank_visits(&f).is_empty());
        let s = scenario(&f).unwrap();
        assert_eq!(s.episodes[0].compliant, s.episodes[0].total);
        assert_eq!(
            reading(&s, &compliant_guessed(&f)),
            want,
            "{profile} {category} {kind} {level} {in_county}"
        );
        f.visits[0].compliant = "10000".into();
        assert_eq!(
            reading(&scenario(&f).unwrap(), &compliant_guessed(&f)),
            Reading::AsTyped
        );
    }
    assert_eq!(blank_visits(&form("", "100")), [1]);
    let mut two = form("12000", "");
    two.visits.push(VisitForm::default());
    assert_eq!(blank_visits(&two), [2]);
}

#[test]
fn clause_numbers_in_the_documents_own_numbering() {
    for (id, label) in [
        ("s2", "二"),
        ("s3-2", "三（二）"),
        ("s3-1-2-6", "三（一）2（6）"),
        ("a5-s3-2-1", "附件5 三（二）1"),
        ("a5-s3-1-11", "附件5 三（一）11"),
        ("s1-5-1", "一（五）1"),
        ("odd", "odd"),
    ] {
        assert_eq!(clause_label(id), label);
    }
    // Every cited clause's own line in the document carries the number's last level.
    for p in policy_engine::profiles() {
        for src in p
            .params
            .iter()
            .flat_map(|x| x.source.iter().chain(x.clause.iter()))
        {
            let md = std::fs::read_to_string(format!(
                "{}/content/docs/{}.md",
                env!("CARGO_MANIFEST_DIR"),
                src.doc
            ))
            .unwrap();
            let line = md
                .lines()
                .find(|l| l.contains(&format!("{{#{}}}", src.section)))
                .unwrap();
            // The clause's own number as the document writes it: 三、 （二） 1. （6）.
            let levels = src
                .section
                .split('-')
                .filter(|p| !p.starts_with('a'))
                .count();
            let n = src
                .section
                .rsplit('-')
                .next()
                .unwrap()
                .trim_start_matches('s');
            let cn = clause_label(&format!("s{n}"));
            let variants = match levels {
                1 => vec![format!("{cn}、")],
                2 => vec![format!("（{cn}）"), format!("({cn})")],
                3 => vec![format!("{n}."), format!("{n}．")],
                _ => vec![format!("（{n}）"), format!("({n})")],
            };
            assert!(
                variants.iter().any(|v| line.contains(v.as_str())),
                "{}#{}: {variants:?} not in {line}",
                src.doc,
                src.section
            );
        }
    }
}

#[test]
fn poster_amounts() {
    for (v, s) in [
        ("12000", "1.2 万元"),
        ("3000", "3,000 元"),
        ("1800.5", "1,800.50 元"),
        ("300000", "30 万元"),
        // Rounded half away from zero, as every amount (not to even), and said to be rounded.
        ("11450", "约 1.15 万元"),
        ("30250", "约 3.03 万元"),
        ("19608", "约 1.96 万元"),
        ("99999999.99", "约 10000 万元"),
    ] {
        assert_eq!(wan(v.parse().unwrap()), s);
    }
}

#[test]
fn money() {
    for (v, s) in [
        ("0", "0.00"),
        ("1234567.891", "1,234,567.89"),
        ("999", "999.00"),
        ("-1740000", "-1,740,000.00"),
        ("-740000", "-740,000.00"),
    ] {
        assert_eq!(yuan(v.parse().unwrap()), s);
    }
}

/// What a form gives, and what the result says in place of an amount. (visits as (total, compliant), the outcome's kind, its notice,
/// whether the notice is announced at once)
#[test]
fn what_a_form_gives_and_what_the_result_says() {
    /// Each visit's total and compliant cost as typed.
    type Visits<'a> = &'a [(&'a str, &'a str)];
    let cases: [(Visits, &str, Option<&str>, bool); 7] = [
        (&[("", "")], "empty", None, false),
        (&[("", "9000")], "empty", None, false),
        (
            &[("12000", ""), ("", "")],
            "unfilled",
            Some("第 2 次就诊还没填“医疗总费用”。填上后，全年的结果会马上显示在这里。"),
            false,
        ),
        // On the way to 12,000: nothing wrong yet, said and not announced.
        (&[("12,00", "")], "errors", Some(STILL_TYPING), false),
        (&[("12.000,50", "")], "errors", Some(FIX_FIELDS), true),
        // One field on its way and another wrong: the wrong one is to fix.
        (&[("12,", "abc")], "errors", Some(FIX_FIELDS), true),
        (&[("12000", "10000")], "settled", None, false),
    ];
    for (visits, kind, notice, alerts) in cases {
        let f = CalcForm {
            visits: visits
                .iter()
                .map(|(t, c)| VisitForm {
                    total: (*t).into(),
                    compliant: (*c).into(),
                    ..VisitForm::default()
                })
                .collect(),
            ..CalcForm::default()
        };
        let o = Outcome::of(&f);
        let got = match &o {
            Outcome::Empty => "empty",
            Outcome::Unfilled(_) => "unfilled",
            Outcome::Errors(_) => "errors",
            Outcome::Settled(_) => "settled",
            Outcome::Failed(_) => "failed",
        };
        assert_eq!(
            (got, o.notice().as_deref(), o.alerts()),
            (kind, notice, alerts),
            "{visits:?}"
        );
    }
}

/// The headline in words, for each reading: what a blank compliant cost makes of the amount, and the
/// scenario as typed for the printout. (category, reading options, total, compliant, label, prefix,
/// personal, guess note, the clause it links)
#[test]
fn the_headline_says_how_to_read_the_amount() {
    for (category, options, total, compliant, label, prefix, personal, guess, source) in [
        (
            "poverty_registered",
            &[][..],
            "12000",
            "10000",
            "全年个人自付",
            "",
            "1,500.00",
            None,
            None,
        ),
        (
            "poverty_registered",
            &[][..],
            "12000",
            "",
            "全年个人自付",
            "最多自付 ",
            "1,800.00",
            Some("目录外（不合规）费用由定点医院承担"),
            Some("a5-s3-1-11"),
        ),
        // The non-compliant cost is the patient's own: the least they pay (a resident had budgeted by
        // the estimate).
        (
            "ordinary",
            &[][..],
            "12000",
            "",
            "全年个人自付",
            "至少自付 ",
            "",
            Some("目录外（不合规）费用要自己付，所以实际合规费用少一些时，个人自付会比这更多"),
            None,
        ),
        // The literal reading of the 85% floor changes nothing for a person the floor does not reach: still
        // the least (an audit: ticked, it had made 低保's amount an estimate). For one it reaches, a smaller
        // compliant cost can be lifted to the floor: an estimate only (engine: `at_total`).
        (
            "dibao",
            &["literal_floor"][..],
            "12000",
            "",
            "全年个人自付",
            "至少自付 ",
            "",
            Some("目录外（不合规）费用要自己付，所以实际合规费用少一些时，个人自付会比这更多"),
            None,
        ),
    ] {
        let mut f = form(total, compliant);
        f.category = category.into();
        f.options = options.iter().map(|o| o.to_string()).collect();
        let b = settled(&f, &format!("{category} {total} {compliant}"));
        let (s, r, g) = &*b;
        let h = head(s, r, g);
        assert_eq!(
            (h.label, h.prefix),
            (label, prefix),
            "{category} {compliant}"
        );
        if !personal.is_empty() {
            assert_eq!(h.personal, personal);
        }
        assert_eq!(h.personal, yuan(r.year.personal));
        assert_eq!(h.total, "医疗总费用 12,000.00\u{a0}元");
        assert_eq!(h.guess.is_some(), guess.is_some());
        if let (Some(text), Some(want)) = (h.guess.as_deref(), guess) {
            assert!(text.contains(want), "{text}");
        }
        // The clause that the hospital bears the non-compliant cost, linked beside the note that says so.
        assert_eq!(
            h.guess_source.as_ref().map(|c| c.section.as_str()),
            source,
            "{category}"
        );
        assert!(
            h.title.contains("县级医院住院 1.2\u{a0}万元"),
            "{}",
            h.title
        );
        assert_eq!(h.visits.len(), 1);
        assert!(h.visits[0].starts_with("第 1 次："), "{}", h.visits[0]);
    }
}

#[test]
fn which_visits_were_estimated_is_said_when_not_all_were() {
    for (guessed, want) in [
        (&[true][..], ""),
        (&[true, true][..], ""),
        (&[false, true][..], "第 2 次就诊的"),
        (&[true, false, true][..], "第 1、3 次就诊的"),
    ] {
        assert_eq!(super::guessed_visits(guessed), want, "{guessed:?}");
    }
}

#[test]
fn an_amount_resting_on_a_target_says_so() {
    // 眉山, 建档立卡, 县级 in the county, 20000 with 18000 compliant: 1,600.00 lies above the 10% target,
    // taken as met; 会宁's same bill has no such part.
    for (profile, target) in [
        ("meishan-2016", Some("另有 1,600.00 元")),
        ("huining-2018", None),
    ] {
        let mut f = form("20000", "18000");
        f.profile = profile.into();
        let b = settled(&f, profile);
        let (s, r, g) = &*b;
        let h = head(s, r, g);
        assert_eq!(h.target.is_some(), target.is_some(), "{profile}");
        if let (Some(text), Some(want)) = (h.target.as_deref(), target) {
            assert!(
                text.starts_with(want) && text.contains("文件没有写"),
                "{text}"
            );
        }
    }
}

/// A ceiling that leaves part of the bill to 眉山's target is one only as far as the target is met: its
/// note says so (the headline's 最多 had been contradicted by the target's note below it); 会宁's is not.
#[test]
fn a_ceiling_resting_on_a_target_says_so() {
    for (profile, on_target) in [("meishan-2016", true), ("huining-2018", false)] {
        let mut f = form("12000", "");
        f.profile = profile.into();
        let b = settled(&f, profile);
        let (s, r, g) = &*b;
        let h = head(s, r, g);
        assert_eq!(h.how, Reading::Ceiling, "{profile}");
        let guess = h.guess.unwrap();
        assert_eq!(
            guess.contains("按文件的目标算，个人自付不会比这更多"),
            on_target,
            "{guess}"
        );
        assert_eq!(h.target.is_some(), on_target, "{profile}");
    }
}

/// The comparison's note, with a compliant cost left blank: which categories' 个人自付 is the most one
/// pays and which the least, every category named once; none when every compliant cost was typed.
#[test]
fn the_comparison_says_how_each_row_reads() {
    for (profile, category, ceiling) in [
        (
            "huining-2018",
            "poverty_registered",
            "建档立卡贫困人口是最多会付的",
        ),
        // As far as the 10% target is met, as the headline's note says.
        (
            "meishan-2016",
            "dibao",
            "建档立卡贫困人口按文件的目标算是最多会付的",
        ),
    ] {
        let mut f = form("12000", "");
        f.profile = profile.into();
        f.category = category.into();
        let b = settled(&f, profile);
        let (s, _, g) = &*b;
        let table = crate::compare::compare(s);
        let note = table.reading(s, g).unwrap();
        assert!(
            note.starts_with("合规费用按总费用估算，所以个人自付一栏："),
            "{note}"
        );
        assert!(
            note.contains(&format!("{ceiling}（目录外（不合规）费用由定点医院承担）")),
            "{note}"
        );
        assert!(
            note.contains("普通城乡居民是至少要付的（目录外（不合规）费用要自己付）"),
            "{note}"
        );
        for c in policy_engine::Category::ALL {
            assert_eq!(
                note.matches(c.label()).count(),
                1,
                "{} in {note}",
                c.label()
            );
        }
        assert_eq!(table.reading(s, &[false]), None);
    }
}

/// Where the documents disagree and the other reading changes the year, the headline says both amounts
/// (a printed 750.00 元 had not said that 83号 附件5's words give 1,500.00 元), each as its own reading
/// reads it (`最多自付` for a blank compliant cost the hospital's bearing caps: the line had said 个人自付
/// beside a 最多 amount); an option that is on but changes nothing says the amount is the default
/// reading's too. (name, category, kind, level, in county, total, compliant, options on, the contested
/// options' labels with the default's and the option's amounts as said, what `other` ends with)
#[test]
fn where_the_documents_disagree_both_amounts_are_said() {
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        bool,
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static [(&'static str, &'static str, &'static str)],
        Option<&'static str>,
    );
    const POOR: &str = "poverty_registered";
    const CASES: &[Case] = &[
        (
            "门诊慢特病 5000元, compliant blank: 83号附件5's 住院 gives 1,500.00, both at least (the non-compliant cost is the patient's own)",
            POOR,
            "chronic_outpatient",
            "county",
            true,
            "5000",
            "",
            &[],
            &[(
                "兜底补足只算住院（门诊慢特病不补足）",
                "至少自付 750.00 元",
                "至少自付 1,500.00 元",
            )],
            None,
        ),
        (
            "the same with the compliant cost typed: amounts as typed",
            POOR,
            "chronic_outpatient",
            "county",
            true,
            "5000",
            "5000",
            &[],
            &[(
                "兜底补足只算住院（门诊慢特病不补足）",
                "个人自付 750.00 元",
                "个人自付 1,500.00 元",
            )],
            None,
        ),
        (
            "the same with the other reading ticked: said with the amount, with the default's",
            POOR,
            "chronic_outpatient",
            "county",
            true,
            "5000",
            "",
            &["floor_inpatient_only"],
            &[],
            Some("兜底补足只算住院（门诊慢特病不补足）。按本站默认的理解，全年至少自付 750.00 元"),
        ),
        (
            "the literal floor's cliff: 18,100 at a city hospital",
            POOR,
            "inpatient",
            "city",
            false,
            "18100",
            "",
            &[],
            &[("按字面理解兜底条款", "最多自付 2,715.00 元", "最多自付 3,000.00 元")],
            None,
        ),
        (
            "an audit's case: 门诊慢特病 30,000 with 医疗救助只算住院 ticked: each line measured from the default \
             (3,000.00), not from the ticked option (it had called 4,500.00 the default)",
            POOR,
            "chronic_outpatient",
            "county",
            true,
            "30000",
            "",
            &["assistance_inpatient_only"],
            &[],
            Some("医疗救助只算住院（门诊慢特病不算）。按本站默认的理解，全年至少自付 3,000.00 元"),
        ),
        (
            "门诊慢特病 5,000 with 医疗救助只算住院 ticked (changing nothing here): the line for the option not \
             ticked is measured from the default",
            POOR,
            "chronic_outpatient",
            "county",
            true,
            "5000",
            "",
            &["assistance_inpatient_only"],
            &[(
                "兜底补足只算住院（门诊慢特病不补足）",
                "至少自付 750.00 元",
                "至少自付 1,500.00 元",
            )],
            Some("。这次的钱数和按本站默认的理解算的一样"),
        ),
        (
            "both 门诊 options ticked on 20,000 (3,600.00, each alone 3,000.00): the default's amount said",
            POOR,
            "chronic_outpatient",
            "county",
            true,
            "20000",
            "",
            &["floor_inpatient_only", "assistance_inpatient_only"],
            &[],
            Some("医疗救助只算住院（门诊慢特病不算）。按本站默认的理解，全年至少自付 3,000.00 元"),
        ),
        (
            "a 住院 bill the 住院-only reading does not touch: nothing contested, and the option on says so",
            POOR,
            "inpatient",
            "county",
            true,
            "12000",
            "",
            &["floor_inpatient_only"],
            &[],
            Some("。这次的钱数和按本站默认的理解算的一样"),
        ),
    ];
    for &(name, category, kind, level, in_county, total, compliant, on, want, other) in CASES {
        let mut f = form(total, compliant);
        f.category = category.into();
        f.visits[0].kind = kind.into();
        f.visits[0].level = level.into();
        f.visits[0].in_county = in_county;
        f.options = on.iter().map(|o| o.to_string()).collect();
        let b = settled(&f, name);
        let (s, r, g) = &*b;
        let h = head(s, r, g);
        let got: Vec<(&str, String, String)> = h
            .contested
            .iter()
            .map(|c| {
                (
                    c.label,
                    c.default_how.pays(c.default),
                    c.alt_how.pays(c.alt),
                )
            })
            .collect();
        let want: Vec<(&str, String, String)> = want
            .iter()
            .map(|(l, d, a)| (*l, d.to_string(), a.to_string()))
            .collect();
        assert_eq!(got, want, "{name}");
        for (c, (label, d, a)) in h.contested.iter().zip(&want) {
            assert_eq!(
                c.said(),
                format!(
                    "文件说法不一：按本站默认的理解，全年{d}；另一种理解是“{label}”，那样全年{a}。"
                ),
                "{name}"
            );
            assert!(c.href().starts_with("/about/#"), "{name}");
        }
        match (&h.other, other) {
            (None, None) => {}
            (Some(o), Some(end)) => assert!(o.ends_with(end), "{name}: {o}"),
            (o, want) => panic!("{name}: other {o:?}, wanted it ending {want:?}"),
        }
    }
}

/// A longer amount is smaller, so that it fits the result's width on one line (see the stylesheet's
/// `.big-amount`): name / amount / class.
#[test]
fn amount_class_by_length() {
    for (name, personal, class) in [
        ("a usual year", "1,500.00", "big-amount"),
        ("the longest at full size", "999,999.99", "big-amount"),
        ("a million", "1,000,000.00", "big-amount long"),
        (
            "one visit at the most a field takes",
            "99,999,999.99",
            "big-amount long",
        ),
        ("twelve such visits", "108,021,640.00", "big-amount longer"),
        ("beyond any year", "1,199,999,999.88", "big-amount longer"),
    ] {
        assert_eq!(super::amount_class(personal), class, "{name}");
    }
}
