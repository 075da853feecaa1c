//! Benchmark (not a test): settling a 12-visit year, and the 200-point chart sweep.
//! Run with `cargo bench -p policy-engine`.

use std::hint::black_box;
use std::time::Instant;

use policy_engine::{settle, sweep, Category, Episode, EpisodeKind, Level, Options, Scenario};
use rust_decimal::Decimal;

fn year() -> Scenario {
    let episodes = (0..12)
        .map(|i| Episode {
            kind: if i % 3 == 0 {
                EpisodeKind::ChronicOutpatient
            } else {
                EpisodeKind::Inpatient
            },
            level: [Level::Township, Level::County, Level::City, Level::Province][i % 4],
            in_county: i % 2 == 0,
            total: Decimal::from(3000 + 1500 * i as i64),
            compliant: Decimal::from(2500 + 1200 * i as i64),
            basic_paid: None,
            critical_paid: None,
        })
        .collect();
    Scenario {
        profile: "huining-2018".into(),
        category: Category::PovertyRegistered,
        options: Options::default(),
        episodes,
        overrides: Default::default(),
    }
}

fn time<T>(name: &str, iters: u32, mut f: impl FnMut() -> T) {
    for _ in 0..iters / 10 {
        black_box(f());
    }
    let start = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    let per = start.elapsed() / iters;
    println!("{name}: {per:?} per run ({iters} runs)");
}

fn main() {
    let s = year();
    time("settle a 12-visit year", 2000, || settle(&s).unwrap());
    let bills: Vec<Decimal> = (0..200).map(|i| Decimal::from(i * 1500)).collect();
    time("200-point chart sweep", 200, || {
        sweep(&s, Category::PovertyRegistered, &bills, Decimal::new(85, 2))
    });
}
