//! Tests of the calculator's form state: every form round-trips through the fragment as a browser returns
//! it, links cannot change what the documents fix, and crafted or foreign fragments never panic.

use super::*;
use policy_content::fragment::testing::{as_browser_returns, Rng};

fn visit(
    kind: &str,
    level: &str,
    in_county: bool,
    total: &str,
    compliant: &str,
    basic: &str,
) -> VisitForm {
    VisitForm {
        kind: kind.into(),
        level: level.into(),
        in_county,
        total: total.into(),
        compliant: compliant.into(),
        basic_paid: basic.into(),
        critical_paid: String::new(),
    }
}

/// `body` as the site writes it: sealed, with `#`.
fn sealed(body: &str) -> String {
    format!("#{}", fragment::seal(body))
}

/// What the page reads back after writing `form` into the address bar.
fn reopened(form: &CalcForm) -> FromLink {
    let hash = format!("#{}", as_browser_returns(&form.to_fragment()));
    CalcForm::from_fragment(&hash).expect("a scenario")
}

#[test]
fn round_trips_through_the_browser() {
    let mut form = CalcForm {
        profile: "meishan-2016".into(),
        category: "dibao".into(),
        options: vec!["meishan_compliant_cap".into()],
        visits: vec![
            visit("inpatient", "city", false, "1.2万", "12,000.50", "6500"),
            visit(
                "chronic_outpatient",
                "township",
                true,
                "３０００元",
                "１２，０００",
                "",
            ),
            visit(
                "inpatient",
                "county",
                true,
                "20,000.50",
                "9000元",
                "a;b&c=d#e%f:g",
            ),
        ],
        overrides: BTreeMap::new(),
    };
    form.overrides
        .insert("basic_ratio_county".into(), "78%".into());
    let frag = form.to_fragment();
    assert_eq!(
        fragment::check(&frag, READ),
        fragment::Check::Intact,
        "{frag}"
    );
    assert!(
        frag[7..].starts_with(
            "p=m&c=db&o=meishan_compliant_cap&v=i,s,0,1.2%E4%B8%87,12%2C000.50,6500,;"
        ),
        "{frag}"
    );
    assert_eq!(
        reopened(&form),
        FromLink {
            form,
            notices: vec![]
        }
    );
}

/// Any form a person can type (fields of up to 32 characters, any Unicode) comes back the same.
#[test]
fn any_typed_form_round_trips() {
    let mut rng = Rng(11);
    let pick =
        |rng: &mut Rng, xs: &[(&str, &str)]| xs[rng.below(xs.len() as u64) as usize].1.to_string();
    for _ in 0..5_000 {
        let n = 1 + rng.below(4) as usize;
        let mut form = CalcForm {
            profile: ["huining-2018", "meishan-2016"][rng.below(2) as usize].into(),
            category: pick(&mut rng, CATEGORIES),
            options: if rng.below(2) == 0 {
                vec!["literal_floor".into()]
            } else {
                vec![]
            },
            visits: (0..n)
                .map(|_| VisitForm {
                    kind: EpisodeKind::ALL[rng.below(2) as usize].id().into(),
                    level: Level::ALL[rng.below(4) as usize].key().into(),
                    in_county: rng.below(2) == 0,
                    total: rng.text(32),
                    compliant: rng.text(32),
                    basic_paid: rng.text(32),
                    critical_paid: rng.text(32),
                })
                .collect(),
            overrides: BTreeMap::new(),
        };
        for v in &mut form.visits {
            v.in_county &= county_level(&v.level);
        }
        let back = reopened(&form);
        assert_eq!(back.form, form);
        assert_eq!(back.notices, vec![]);
    }
}

#[test]
fn links_cannot_change_what_the_documents_fix() {
    let body = "p=h&c=pr&a=floor_ratio:0.5,basic_ratio_county:175,basic_ratio_city:78%25&v=i,c,1,4000,4000,2000,0";
    // As the site wrote it: the assumed ratio the sender's page refused (175) is kept as typed, so the
    // same refusal stands beside its field; the number the documents fix is dropped and said.
    let back = CalcForm::from_fragment(&sealed(body)).unwrap();
    assert_eq!(
        back.form.overrides,
        BTreeMap::from([
            ("basic_ratio_city".to_string(), "78%".to_string()),
            ("basic_ratio_county".to_string(), "175".to_string()),
        ])
    );
    let said: Vec<String> = back.notices.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("是政策规定的数值，不能修改，已按原文计算"),
        "{said:?}"
    );
    // Not vouched for by its check part (edited, or written by hand): the refused number is dropped
    // and said, with the assumed value used.
    let back = CalcForm::from_fragment(&format!("#{body}")).unwrap();
    assert_eq!(
        back.form.overrides,
        BTreeMap::from([("basic_ratio_city".to_string(), "78%".to_string())])
    );
    let said: Vec<String> = back.notices.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(said[2].contains("不能是 175"), "{said:?}");
}

/// A number the sender's page refused travels as typed, and opens refused the same way.
#[test]
fn a_refused_assumption_opens_as_the_sender_saw_it() {
    for typed in ["abc", "175", "1.5"] {
        let mut form = CalcForm::default();
        form.visits[0].total = "12000".into();
        form.overrides
            .insert("basic_ratio_county".into(), typed.into());
        let back = reopened(&form);
        assert_eq!(back.form, form, "{typed}");
        assert!(back.notices.is_empty(), "{typed}: {:?}", back.notices);
    }
}

/// What the check part vouches for is what is read: a key or code written escaped (`%70`, `p=%6D`) or
/// full-width (`ｐ`, as an input method types it; the browser gives its UTF-8 escaped), which the check
/// digits read as ASCII, is read as ASCII too. Read as written, `ｐ=m` had been no region (会宁 by default)
/// and `o` with a full-width key no reading option, with the check part saying the link was intact.
#[test]
fn a_key_or_code_escaped_or_full_width_is_read_as_the_check_part_reads_it() {
    let body = "p=m&c=tk&o=literal_floor&v=i,c,1,50000,45000,,&a=basic_ratio_county:80%25";
    let plain = CalcForm::from_fragment(&sealed(body)).unwrap();
    assert_eq!(plain.notices, vec![]);
    assert_eq!(
        (plain.form.profile.as_str(), plain.form.category.as_str()),
        ("meishan-2016", "tekun")
    );
    let k = &fragment::seal(body)[..7];
    for (written, as_written) in [
        ("ｐ=m", "p=m"),
        ("%70=m", "p=m"),
        ("p=%6D", "p=m"),
        ("p=ｍ", "p=m"),
        ("ｃ=tk", "c=tk"),
        ("c=ｔｋ", "c=tk"),
        ("ｏ=literal_floor", "o=literal_floor"),
        ("o=literal%5Ffloor", "o=literal_floor"),
        ("v=%69,c,1", "v=i,c,1"),
        ("v=i,ｃ,１", "v=i,c,1"),
        ("ｖ=i", "v=i"),
        ("ａ=basic", "a=basic"),
        ("a=ｂasic", "a=basic"),
    ] {
        let edited = body.replacen(as_written, written, 1);
        assert_ne!(edited, body, "{written}");
        let hash = format!("#{k}{}", as_browser_returns(&edited));
        assert_eq!(
            fragment::check(&hash[1..], READ),
            fragment::Check::Intact,
            "{written}"
        );
        let read = CalcForm::from_fragment(&hash).unwrap();
        assert_eq!(read, plain, "{written}");
    }
}

/// Issue 13 (2): a 市级 or 省级 hospital is never 县域内, whatever the form or a link says.
#[test]
fn city_and_province_hospitals_are_never_in_the_county() {
    for (from, to, before, after) in [
        ("county", "city", true, false),
        ("county", "province", true, false),
        ("city", "county", false, true),
        ("province", "township", false, true),
        ("county", "township", false, false),
        ("township", "county", true, true),
    ] {
        let mut v = visit("inpatient", from, before, "1", "1", "");
        v.set_level(to.into());
        assert_eq!(
            (v.level.as_str(), v.in_county),
            (to, after),
            "{from} → {to}"
        );
    }
    let back = CalcForm::from_fragment("#v=i,s,1,5000,,,;i,p,1,5000,,,;i,c,1,5000,,,").unwrap();
    let in_county: Vec<bool> = back.form.visits.iter().map(|v| v.in_county).collect();
    assert_eq!(in_county, [false, false, true]);
    assert!(back
        .form
        .to_fragment()
        .contains("v=i,s,0,5000,,,;i,p,0,5000,,,;i,c,1,5000,,,"));
}

#[test]
fn bounded_and_never_panics() {
    let many = format!("#v={}", ";".repeat(200_000));
    let back = CalcForm::from_fragment(&many).unwrap();
    assert_eq!(back.form.visits.len(), MAX_VISITS);
    assert_eq!(
        back.notices,
        vec![
            LinkNotice::TooManyVisits { given: 200_001 },
            LinkNotice::Incomplete { visit: 1 }
        ]
    );
    let back = CalcForm::from_fragment("#v=i,c,1,%25%E4%B8%87").unwrap();
    assert_eq!(back.form.visits[0].total, "%万");
    let long = sealed(&format!("v=i,c,1,{},,,", "9".repeat(40)));
    let back = CalcForm::from_fragment(&long).unwrap();
    assert_eq!(back.form.visits[0].total.len(), 32);
    assert_eq!(back.notices, vec![LinkNotice::Cut { visit: 1 }]);
    let mut rng = Rng(3);
    for _ in 0..100_000 {
        let s = format!("#v={}&a={}", rng.text(24), rng.text(12));
        let _ = CalcForm::from_fragment(&s);
        let _ = CalcForm::from_fragment(&rng.text(24));
    }
}

#[test]
fn missing_or_foreign_fragments() {
    assert_eq!(CalcForm::from_fragment(""), None);
    assert_eq!(CalcForm::from_fragment("#s2"), None);
    let f = CalcForm::from_fragment("v=i,c,1,5000,4000,,&p=zz").unwrap();
    assert_eq!(
        f.form.profile, "huining-2018",
        "an unknown profile keeps the default"
    );
    assert_eq!(f.form.visits[0].total, "5000");
    assert_eq!(
        f.notices,
        vec![
            LinkNotice::Unchecked,
            LinkNotice::UnknownCode {
                what: "地区",
                code: "zz".into()
            }
        ]
    );
}

/// A link typed from a printed handout with a slip in a code is taken with the default for that part, and
/// the page says so: the person sees the link was not read as written (issue: mistyped links silently
/// changed the scenario).
#[test]
fn mistyped_codes_are_said() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "zero for o: the visit kind",
            "p=h&c=or&v=0,c,1,20000,,,",
            &["链接里第 1 次就诊的就诊类型代码“0”不认识，已按住院计算，请核对"],
        ),
        (
            "capital P: the hospital level",
            "p=h&c=pr&v=i,c,1,8000,,,;i,P,0,30000,,,",
            &["链接里第 2 次就诊的医院级别代码“P”不认识，已按县级医院计算，请核对"],
        ),
        (
            "the 县域内 flag",
            "p=h&c=pr&v=i,c,l,8000,,,",
            &["链接里第 1 次就诊的县域内代码“l”不认识，已按县域内计算，请核对"],
        ),
        (
            "a misspelt reading option",
            "p=h&c=sn&o=safety_net_coverd&v=i,c,1,8000,,,",
            &["链接里的解读选项代码“safety_net_coverd”不认识，已按默认的解读选项计算"],
        ),
        (
            "codes as written",
            "p=h&c=sn&o=safety_net_covered&v=o,p,0,8000,,,",
            &[],
        ),
        ("empty codes are the defaults", "v=,,,8000,,,", &[]),
    ];
    for (name, body, said) in cases {
        let back = CalcForm::from_fragment(&sealed(body)).expect(name);
        let got: Vec<String> = back.notices.iter().map(ToString::to_string).collect();
        assert_eq!(got, *said, "{name}");
        // What the page goes on with is a form any link writes: reopening it says nothing more.
        assert_eq!(reopened(&back.form).notices, vec![], "{name}");
    }
    let typo =
        CalcForm::from_fragment("#p=h&c=sn&o=safety_net_coverd,literal_floor&v=i,c,1,8000,,,");
    assert_eq!(
        typo.unwrap().form.options,
        vec!["literal_floor".to_string()]
    );
}

/// A link edited by hand with two `a=` parts: both are read, as one list would be (before, the second
/// replaced the first without a word).
#[test]
fn every_a_part_counts() {
    let two = CalcForm::from_fragment(&sealed(
        "p=h&c=pr&v=i,s,1,100000,90000,,&a=basic_ratio_city:70%25&a=assistance_threshold:1000",
    ))
    .unwrap();
    let one = CalcForm::from_fragment(&sealed(
        "p=h&c=pr&v=i,s,1,100000,90000,,&a=basic_ratio_city:70%25,assistance_threshold:1000",
    ))
    .unwrap();
    assert_eq!(two, one);
    assert_eq!(
        two.form
            .overrides
            .get("basic_ratio_city")
            .map(String::as_str),
        Some("70%")
    );
    assert_eq!(two.notices.len(), 1, "the fixed number is refused and said");
}

/// A link cut off when it was copied, or edited by hand, never shows a number without a word: what was
/// read is said (before, `v=i,c,1,12000,1000` showed 150.00 as if it were the whole link, and the page then
/// wrote the address back complete).
#[test]
fn cut_or_edited_links_are_said() {
    // `true`: edited, so the check part is said too (a cut is said once, by what was cut).
    let cases: &[(&str, &str, bool, &[&str])] = &[
        (
            "a visit cut in its compliant amount",
            "#p=h&c=pr&v=i,c,1,12000,1000", false,
            &["链接里第 1 次就诊不完整或多了几项（链接可能没有复制全或被改动过），已按能读出的部分计算，请核对"],
        ),
        (
            "the second visit cut",
            "#p=h&c=pr&v=i,c,1,12000,10000,,;i,s,0,30", false,
            &["链接里第 2 次就诊不完整或多了几项（链接可能没有复制全或被改动过），已按能读出的部分计算，请核对"],
        ),
        (
            "a changed number cut before its value",
            "#p=h&c=or&v=i,c,1,12000,10000,,&a=basic_ratio_county", false,
            &["链接里的假设数字“basic_ratio_county”没有数值（链接可能没有复制全），没有采用，请核对"],
        ),
        (
            "a second v= after the first",
            "#p=h&c=pr&v=i,c,1,12000,10000,,&v=i,c,1,5000,5000,,", true,
            &["链接里的就诊写了不止一次，已按最后一次计算，请核对"],
        ),
        (
            "a second c=",
            "#p=h&c=pr&v=i,c,1,12000,10000,,&c=or", true,
            &["链接里的人员类别写了不止一次，已按最后一次计算，请核对"],
        ),
        (
            "cut before the visits",
            "#p=h&c=pr", false,
            &["链接不完整，没有就诊和金额（可能没有复制全），请核对"],
        ),
        (
            "a visit with an eighth part",
            "#p=h&c=pr&v=i,c,1,44500,,,,9", false,
            &["链接里第 1 次就诊不完整或多了几项（链接可能没有复制全或被改动过），已按能读出的部分计算，请核对"],
        ),
        (
            "a changed number given twice",
            "#p=h&c=or&v=i,c,1,12000,10000,,&a=basic_ratio_county:0.8&a=basic_ratio_county:0.5", true,
            &["链接里的假设的数字写了不止一次，已按最后一次计算，请核对"],
        ),
    ];
    // Said alike whether the link had a check part (which cannot match once cut) or not.
    for (name, hash, edited, said) in cases {
        for (hash, check) in [
            (hash.to_string(), LinkNotice::Unchecked),
            (format!("#k=0000&{}", &hash[1..]), LinkNotice::Altered),
        ] {
            let back = CalcForm::from_fragment(&hash).expect(name);
            let got: Vec<String> = back.notices.iter().map(ToString::to_string).collect();
            let check = check.to_string();
            let said: Vec<&str> = edited
                .then_some(check.as_str())
                .into_iter()
                .chain(said.iter().copied())
                .collect();
            assert_eq!(got, said, "{name}: {hash}");
        }
    }
    // A colon written as %3A is a colon: the number is taken, and the link is as sealed.
    let encoded = CalcForm::from_fragment(
        &sealed("p=h&c=or&v=i,c,1,12000,10000,,&a=basic_ratio_county:0.9").replace(':', "%3A"),
    )
    .unwrap();
    assert_eq!(encoded.notices, vec![]);
    assert_eq!(
        encoded
            .form
            .overrides
            .get("basic_ratio_county")
            .map(String::as_str),
        Some("0.9")
    );
}

/// A link cut exactly at a boundary reads as a complete, different scenario: only its check part shows
/// it (before, 4,631.47 元 was shown as 1,481.47 or 5,081.47 without a word). A link with no check part
/// (made before links were sealed, or typed) is read as before and said to be unchecked.
#[test]
fn a_link_cut_at_a_boundary_or_unsealed_is_said() {
    let whole = "p=h&c=pr&v=i,c,1,30000,25000,,;i,s,0,60000,50000,,&a=critical_band_1:60000";
    let link = sealed(whole);
    let altered = "链接和分享时不一样了（可能没有复制全或被改动过），下面按能读出的部分计算，请和发给您的人核对就诊次数和金额";
    let unchecked = "这个链接没有核对码（旧版网页生成的或手写的），看不出是否完整，请和海报或发给您的人核对就诊次数和金额";
    let cases: &[(&str, String, &[&str])] = &[
        ("the site's own link", link.clone(), &[]),
        ("cut between the visits", link[..link.find(";i,s").unwrap()].to_string(), &[altered]),
        ("cut before the changed number", link[..link.find("&a=").unwrap()].to_string(), &[altered]),
        ("a changed number cut short", link[..link.len() - 1].to_string(), &[altered]),
        ("an amount edited", link.replace("30000", "3000"), &[altered]),
        ("cut inside a visit: said once", link[..link.find("25000").unwrap()].to_string(), &["链接里第 1 次就诊不完整或多了几项（链接可能没有复制全或被改动过），已按能读出的部分计算，请核对"]),
        ("no check part", format!("#{whole}"), &[unchecked]),
        ("an app's pairs appended", format!("{link}&from=singlemessage&isappinstalled=0"), &[]),
        ("an app's query appended", format!("{link}?from=singlemessage"), &[]),
        ("escaped whole by an app", format!("#{}", fragment::encode(&link[1..])), &[]),
        ("a changed number appended", format!("{link}&a=basic_ratio_county:0.5"), &[altered]),
        ("the check part moved to the end", format!("#{whole}&{}", &link[1..7]), &[altered]),
        ("as the browser returns it", format!("#{}", as_browser_returns(&link[1..])), &[]),
    ];
    for (name, hash, said) in cases {
        let back = CalcForm::from_fragment(hash).expect(name);
        let got: Vec<String> = back.notices.iter().map(ToString::to_string).collect();
        assert_eq!(got, *said, "{name}: {hash}");
    }
    // Every cut of the site's link after its check part is said one way or another.
    for end in 3..link.len() {
        let back = CalcForm::from_fragment(&link[..end]).expect("a scenario");
        assert!(!back.notices.is_empty(), "{}", &link[..end]);
    }
}

/// A page can tell whether the app will open its address before reading it whole: `holds_scenario` is
/// true exactly when `from_fragment` gives a scenario.
#[test]
fn holds_scenario_is_whether_the_link_opens() {
    for hash in [
        "",
        "#",
        "#assumptions",
        "#a5-s3-2-1",
        "#x=1",
        "#p=m&c=tk",
        "#c=pr",
        "#k=2ezg",
        "#o=literal_floor",
        "#a=assistance_threshold:5000",
        "#v=i,c,1,12000,10000,,",
        "#k=2ezg&p=h&c=pr&v=i,c,1,12000,10000,,",
        "#p%3Dh%26c%3Dpr",
        "#p=h?from=groupmessage",
    ] {
        assert_eq!(
            CalcForm::holds_scenario(hash),
            CalcForm::from_fragment(hash).is_some(),
            "{hash}"
        );
    }
}
