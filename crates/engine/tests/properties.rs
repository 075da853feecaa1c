//! Property tests over thousands of random years (a small deterministic PRNG, no extra crates): the
//! parts always add up, nothing is negative, a 建档立卡 inpatient year in 会宁 never costs more than
//! 3000元 (nor, under the default reading, a year that mixes 住院 and 门诊慢特病: the compliant part),
//! the personal amount never falls when the compliant cost rises (default reading), and the
//! amount parser never panics on any string.

use policy_engine::amount;
use policy_engine::{
    patient_share_capped, profile, reads_in_county, settle, AtTotal, Category, Episode,
    EpisodeKind, Level, Options, Scenario, SettleError, Unit,
};
use rust_decimal::Decimal;

/// xorshift64*: deterministic, so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn money(&mut self, max: u64) -> Decimal {
        Decimal::new(self.below(max * 100) as i64, 2)
    }
}

fn episode(rng: &mut Rng, inpatient_only: bool) -> Episode {
    let total = rng.money(300_000);
    let compliant = (total * Decimal::new(rng.below(101) as i64, 2)).round_dp(2);
    let level =
        [Level::Township, Level::County, Level::City, Level::Province][rng.below(4) as usize];
    Episode {
        kind: if inpatient_only || rng.below(3) > 0 {
            EpisodeKind::Inpatient
        } else {
            EpisodeKind::ChronicOutpatient
        },
        level,
        // As the form holds it: a 市级 or 省级 hospital is never 县域内 (`form::county_level`).
        in_county: matches!(level, Level::Township | Level::County) && rng.below(2) == 0,
        total,
        compliant,
        basic_paid: None,
        critical_paid: None,
    }
}

/// Either profile, as likely.
fn any_profile(rng: &mut Rng) -> &'static str {
    ["huining-2018", "meishan-2016"][rng.below(2) as usize]
}

fn scenario(rng: &mut Rng, profile: &str, category: Category, inpatient_only: bool) -> Scenario {
    let n = 1 + rng.below(12) as usize;
    Scenario {
        profile: profile.into(),
        category,
        options: Options {
            assistance_inpatient_only: rng.below(2) == 0,
            safety_net_covered: rng.below(2) == 0,
            literal_floor: rng.below(4) == 0,
            floor_inpatient_only: rng.below(4) == 0,
            meishan_compliant_cap: rng.below(2) == 0,
        },
        episodes: (0..n).map(|_| episode(rng, inpatient_only)).collect(),
        overrides: Default::default(),
    }
}

#[test]
fn parts_add_up_and_nothing_is_negative() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let profile = any_profile(&mut rng);
        let category = Category::ALL[rng.below(5) as usize];
        let mut s = scenario(&mut rng, profile, category, false);
        s.overrides = random_overrides(&mut rng, profile);
        let r = settle(&s).unwrap();
        for e in r.episodes.iter().chain(std::iter::once(&r.year)) {
            let parts = [
                e.basic,
                e.critical,
                e.floor_top_up,
                e.assistance,
                e.target_backstop,
                e.hospital_absorbed,
                e.personal,
            ];
            assert_eq!(parts.iter().copied().sum::<Decimal>(), e.total, "{s:?}");
            assert!(
                parts.iter().all(|p| !p.is_sign_negative() || p.is_zero()),
                "negative part in {e:?} for {s:?}"
            );
        }
    }
}

/// Any value within its unit's range for some of the parameters a person may change.
fn random_overrides(
    rng: &mut Rng,
    profile_id: &str,
) -> std::collections::BTreeMap<String, Decimal> {
    let p = profile(profile_id).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for param in p.editable() {
        if rng.below(3) > 0 {
            continue;
        }
        let v = match param.unit {
            Unit::Ratio => Decimal::new(rng.below(101) as i64, 2),
            Unit::Flag => Decimal::from(rng.below(2)),
            Unit::Yuan => rng.money(200_000),
        };
        out.insert(param.key.clone(), v);
    }
    out
}

/// A link may change only what the documents leave open, and only within range: anything else is refused
/// by the engine itself, never settled.
#[test]
fn fixed_or_out_of_range_overrides_are_refused() {
    let mut rng = Rng(5);
    for profile_id in ["huining-2018", "meishan-2016"] {
        let p = profile(profile_id).unwrap();
        for param in &p.params {
            let mut s = scenario(&mut rng, profile_id, Category::PovertyRegistered, false);
            let bad = match (param.assumption.is_some(), param.unit) {
                (false, _) => param.value, // even the documents' own value: it is not theirs to set
                (true, Unit::Ratio | Unit::Flag) => Decimal::from(75),
                (true, Unit::Yuan) => Decimal::from(-1),
            };
            s.overrides.insert(param.key.clone(), bad);
            assert!(
                matches!(settle(&s), Err(SettleError::Override(_))),
                "{profile_id}: {} = {bad} was accepted",
                param.key
            );
        }
    }
}

#[test]
fn a_poverty_registered_inpatient_year_in_huining_costs_at_most_3000() {
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let mut s = scenario(&mut rng, "huining-2018", Category::PovertyRegistered, true);
        s.options.literal_floor = rng.below(2) == 0;
        let r = settle(&s).unwrap();
        assert!(
            r.year.personal <= Decimal::from(3000),
            "{} for {s:?}",
            r.year.personal
        );
    }
}

/// Default reading (`chronic-assistance`): 门诊慢特病 counts toward the year's 3000元 too, so the
/// personal compliant cost of a 建档立卡 year in 会宁 never passes it, whatever the mix of visits.
#[test]
fn under_the_default_reading_chronic_outpatient_years_cost_at_most_3000_compliant() {
    let mut rng = Rng(2018);
    for _ in 0..3000 {
        let mut s = scenario(&mut rng, "huining-2018", Category::PovertyRegistered, false);
        s.options = Options::default();
        let r = settle(&s).unwrap();
        let noncompliant_outpatient: Decimal = s
            .episodes
            .iter()
            .filter(|e| e.kind == EpisodeKind::ChronicOutpatient)
            .map(|e| e.total - e.compliant)
            .sum();
        assert!(
            r.year.personal - noncompliant_outpatient <= Decimal::from(3000),
            "{} for {s:?}",
            r.year.personal
        );
    }
}

/// A bigger bill for the year's latest visit never lowers what the patient pays (default reading).
/// (Raising an *earlier* visit can legitimately lower the year's total: it moves the year into a higher
/// 大病保险 band, so a later visit that 医疗救助 does not cover, e.g. 门诊慢特病, is reimbursed more.)
#[test]
fn more_compliant_cost_never_lowers_the_personal_amount() {
    let mut rng = Rng(7);
    for _ in 0..2000 {
        let category = Category::ALL[rng.below(5) as usize];
        let profile = any_profile(&mut rng);
        let mut s = scenario(&mut rng, profile, category, false);
        s.options.literal_floor = false;
        let i = s.episodes.len() - 1;
        let before = settle(&s).unwrap().year.personal;
        let extra = rng.money(5000);
        s.episodes[i].total += extra;
        s.episodes[i].compliant += extra;
        let after = settle(&s).unwrap().year.personal;
        assert!(
            after >= before,
            "{before} -> {after} after +{extra} compliant in visit {i}: {s:?}"
        );
    }
}

#[test]
fn the_amount_parser_never_panics() {
    let alphabet: Vec<char> = "0123456789０１２３４５６７８９.．,，万元¥-－ e+abc亿\u{0}\u{FEFF}💊"
        .chars()
        .collect();
    let mut rng = Rng(99);
    for _ in 0..50_000 {
        let len = rng.below(24) as usize;
        let s: String = (0..len)
            .map(|_| {
                if rng.below(10) == 0 {
                    char::from_u32(rng.below(0x2FFFF) as u32).unwrap_or('x')
                } else {
                    alphabet[rng.below(alphabet.len() as u64) as usize]
                }
            })
            .collect();
        if let Ok(v) = amount::parse(&s) {
            assert!(
                v >= Decimal::ZERO && v <= Decimal::from(amount::MAX),
                "{s:?} -> {v}"
            );
        }
    }
}

/// Issue 13 (1): a resident often knows only the total. The calculator then settles with 合规 = 总费用 and
/// calls the result "最多自付" exactly when `at_total` says `Ceiling`: every visit's non-compliant cost is
/// borne by the hospital and its compliant share capped (`patient_share_capped`; every visit, not just the
/// unknown ones: a larger compliant cost in one visit raises the year's 大病保险 for another whose share is
/// not capped, so the year's amount can fall), or the year is one visit whose non-compliant cost the
/// hospital bears (眉山's 建档立卡 outside the county had been called an estimate, though its step says the
/// hospital bears that cost). This proves that reading is a ceiling: over random years (any
/// profile, category, reading, changed numbers) and random splits of each unknown visit's total, the year's
/// personal amount is never above the one settled with 合规 = 总费用. Where the hospital does not bear the
/// non-compliant cost, a counter-example is found, so the calculator must not call it a ceiling there.
#[test]
fn compliant_equal_to_total_is_a_ceiling_where_the_hospital_bears_the_rest() {
    let (mut proved, mut counter_examples, mut one_visit_years) = (0, 0, 0);
    for (at_total, ceiling, splits) in years_with_unknown_compliant(0x1357_9BDF_2468_ACE0, 4000) {
        let claims = policy_engine::at_total(&at_total) == AtTotal::Ceiling;
        let one_visit = claims && at_total.episodes.len() == 1;
        one_visit_years +=
            usize::from(one_visit && !patient_share_capped(&at_total, &at_total.episodes[0]));
        for (split, personal) in splits {
            if claims {
                assert!(
                    personal <= ceiling,
                    "{personal} > {ceiling} with 合规 = 总费用: {split:?}"
                );
                proved += 1;
            } else if personal > ceiling {
                counter_examples += 1;
            }
        }
    }
    assert!(
        proved > 1000 && counter_examples > 100 && one_visit_years > 50,
        "{proved} {counter_examples} {one_visit_years}"
    );
}

/// Random years (any profile, category, reading, changed numbers) with some visits' compliant cost
/// unknown (at least one), each with: the year settled with 合规 = 总费用 for those visits, its personal
/// amount, and 8 random splits of each unknown visit's total with theirs.
fn years_with_unknown_compliant(
    seed: u64,
    years: usize,
) -> impl Iterator<Item = (Scenario, Decimal, Vec<(Scenario, Decimal)>)> {
    let mut rng = Rng(seed);
    (0..years).map(move |_| {
        let profile = any_profile(&mut rng);
        let category = Category::ALL[rng.below(5) as usize];
        let mut s = scenario(&mut rng, profile, category, false);
        s.episodes.truncate(1 + rng.below(4) as usize);
        if rng.below(2) == 0 {
            s.overrides = random_overrides(&mut rng, profile);
        }
        // Which visits' compliant cost is unknown (at least one); the others keep their random split.
        let unknown: Vec<bool> = s.episodes.iter().map(|_| rng.below(2) == 0).collect();
        let unknown: Vec<bool> = if unknown.iter().any(|u| *u) {
            unknown
        } else {
            s.episodes.iter().enumerate().map(|(i, _)| i == 0).collect()
        };
        let mut at_total = s.clone();
        for (e, u) in at_total.episodes.iter_mut().zip(&unknown) {
            if *u {
                e.compliant = e.total;
            }
        }
        let personal = settle(&at_total).unwrap().year.personal;
        let splits = (0..8)
            .map(|_| {
                let mut split = at_total.clone();
                for (e, u) in split.episodes.iter_mut().zip(&unknown) {
                    if *u {
                        e.compliant =
                            (e.total * Decimal::new(rng.below(101) as i64, 2)).round_dp(2);
                    }
                }
                let p = settle(&split).unwrap().year.personal;
                (split, p)
            })
            .collect();
        (at_total, personal, splits)
    })
}

/// Issue 13 (2): the calculator asks "县域内?" only for a profile whose rules read it. For the others
/// flipping it never changes a result; for those that read it, it does for some year.
#[test]
fn in_county_matters_exactly_where_the_rules_read_it() {
    let mut rng = Rng(77);
    for p in policy_engine::profiles() {
        let mut differs = false;
        for _ in 0..500 {
            let category = Category::ALL[rng.below(5) as usize];
            let s = scenario(&mut rng, &p.id, category, false);
            let mut flipped = s.clone();
            for e in &mut flipped.episodes {
                e.in_county = !e.in_county;
            }
            differs |= settle(&s).unwrap() != settle(&flipped).unwrap();
        }
        assert_eq!(differs, reads_in_county(&p.id), "{}", p.id);
    }
}

/// The options a profile's rules read (`Rules::options_read`, what the calculator offers and names beside
/// the amount) are the ones that can change its results: each of them changes some random year, and no
/// other option changes any.
#[test]
fn options_read_are_the_options_that_change_results() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for id in ["huining-2018", "meishan-2016"] {
        let read = profile(id).unwrap().rules.options_read();
        assert!(
            read.iter().all(|k| Options::KEYS.contains(k)),
            "{id}: {read:?}"
        );
        for key in Options::KEYS {
            let mut changed = false;
            for _ in 0..2000 {
                let category = Category::ALL[rng.below(5) as usize];
                let mut s = scenario(&mut rng, id, category, false);
                s.options = Options::default();
                let off = settle(&s).unwrap();
                s.options.set(key, true);
                changed |= settle(&s).unwrap() != off;
                if changed {
                    break;
                }
            }
            assert_eq!(
                changed,
                read.contains(&key),
                "{id}: {key} changes a result: {changed}"
            );
        }
    }
}

/// The other side of the ceiling (`at_total` says `Floor`): where no visit's non-compliant cost is borne by
/// the hospital (`hospital_bears_non_compliant`: 普通居民, 低保 and the other groups outside 建档立卡's cover), the
/// non-compliant cost is the patient's own, so under the default reading of the 85% floor the year settled
/// with 合规 = 总费用 is the least the patient pays: over random years (any profile, category, changed
/// numbers) and random splits of each unknown visit's total, the year's personal amount is never below
/// it. The calculator then says 至少自付 (a resident had read the estimate as what he would pay, and
/// budgeted too little); for a person the floor does not reach, under either reading. Under the literal
/// reading for a person it reaches (the floor only below 大病保险's threshold: a smaller compliant cost can
/// fall under it and be lifted to 85%) and where the hospital bears the rest,
/// counter-examples are found, so the calculator must not call it a floor there.
#[test]
fn compliant_equal_to_total_is_a_floor_where_the_patient_bears_the_rest() {
    let (mut proved, mut counter_examples) = (0, 0);
    for (at_total, floor, splits) in years_with_unknown_compliant(0x2468_ACE0_1357_9BDF, 6000) {
        let claims = policy_engine::at_total(&at_total) == AtTotal::Floor;
        for (split, personal) in splits {
            if claims {
                assert!(
                    personal >= floor,
                    "{personal} < {floor} with 合规 = 总费用: {split:?}"
                );
                proved += 1;
            } else if personal < floor {
                counter_examples += 1;
            }
        }
    }
    assert!(
        proved > 1000 && counter_examples > 100,
        "{proved} {counter_examples}"
    );
}

/// A step that used an assumed number names the ones it used (where its 看看或改假设的数字 leads: it had
/// opened the list at its top, 乡镇卫生院's 85%, for a 县级 step that used 75%), each an assumption of its
/// profile that the person has not changed; an estimated 基本医保 step of a stay names its own level's
/// ratio and no other level's.
#[test]
fn a_step_names_the_assumed_numbers_it_used() {
    let mut rng = Rng(0x5EED_0FA5_5ED5);
    for _ in 0..1000 {
        let profile_id = any_profile(&mut rng);
        let category = Category::ALL[rng.below(5) as usize];
        let mut s = scenario(&mut rng, profile_id, category, false);
        if rng.below(3) == 0 {
            s.overrides = random_overrides(&mut rng, profile_id);
        }
        let params = profile(profile_id).unwrap();
        let r = settle(&s).unwrap();
        for (e, visit) in r.episodes.iter().zip(&s.episodes) {
            for step in &e.steps {
                for key in &step.assumed {
                    assert!(params.is_assumption(key), "{key} in {step:?}");
                    assert!(
                        !s.overrides.contains_key(key),
                        "{key} was changed: {step:?}"
                    );
                }
                if step.rule.starts_with("基本医保报销（估算）")
                    && visit.kind == EpisodeKind::Inpatient
                {
                    for level in Level::ALL {
                        let key = format!("basic_ratio_{}", level.key());
                        let own = level == visit.level && !s.overrides.contains_key(&key);
                        assert_eq!(step.assumed.contains(&key), own, "{key}: {step:?}");
                    }
                }
            }
        }
    }
}
