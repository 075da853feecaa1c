//! Table-driven settlement tests: every case in `tests/cases/*.toml` (name / input / expected output)
//! goes through the same JSON input path as the CLI, and must match to the fen.

use std::collections::BTreeMap;
use std::path::Path;

use policy_engine::cli::parse_input;
use policy_engine::money::fmt;
use policy_engine::settle;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    profile: String,
    category: String,
    #[serde(default)]
    options: toml::Table,
    #[serde(default)]
    overrides: toml::Table,
    episodes: Vec<toml::Table>,
    expect: BTreeMap<String, toml::Value>,
    #[serde(default)]
    expect_personal: Vec<String>,
    /// Steps that must be there, with their clause and words.
    #[serde(default)]
    step: Vec<StepCheck>,
}

/// One step of one visit: found by the start of its rule name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepCheck {
    /// 1-based visit number (default 1).
    #[serde(default = "first")]
    visit: usize,
    /// The rule name starts with this.
    rule: String,
    /// The exact `<doc>#<section>` (empty = no clause).
    #[serde(default)]
    source: Option<String>,
    /// Whether the step is marked as using an assumption.
    #[serde(default)]
    assumption: Option<bool>,
    /// Words the detail must contain.
    #[serde(default)]
    detail_has: Vec<String>,
    /// Words neither the rule name nor the detail may contain.
    #[serde(default)]
    never: Vec<String>,
    /// The step must not be there at all.
    #[serde(default)]
    absent: bool,
}

fn first() -> usize {
    1
}

/// Every document's text, whitespace removed.
fn library() -> String {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/docs");
    let mut all = String::new();
    for e in std::fs::read_dir(docs).unwrap() {
        all.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    all.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What a step says a document says (“文件写“…””, “写了“…””, “写“…””) must be the document's words.
fn check_quotes(case: &str, detail: &str, lib: &str) {
    for part in detail.split("写“").skip(1) {
        let quoted: String = part
            .split('”')
            .next()
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            lib.contains(&quoted),
            "{case}: a step says the documents say “{quoted}”; they do not"
        );
    }
}

#[test]
fn every_case_matches_to_the_fen() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let lib = library();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let file: File = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for c in file.case {
            let input = serde_json::json!({
                "profile": c.profile, "category": c.category, "options": c.options,
                "overrides": c.overrides, "episodes": c.episodes,
            });
            let scenario =
                parse_input(&input.to_string()).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            let r = settle(&scenario).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            let y = &r.year;
            for (field, want) in &c.expect {
                let got = match field.as_str() {
                    "basic" => fmt(y.basic),
                    "critical" => fmt(y.critical),
                    "floor_top_up" => fmt(y.floor_top_up),
                    "assistance" => fmt(y.assistance),
                    "target_backstop" => fmt(y.target_backstop),
                    "hospital_absorbed" => fmt(y.hospital_absorbed),
                    "personal" => fmt(y.personal),
                    "estimated" => y.estimated.to_string(),
                    other => panic!("{}: unknown field {other}", c.name),
                };
                let want = match want {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Boolean(b) => b.to_string(),
                    other => panic!("{}: expected a string for {field}, got {other:?}", c.name),
                };
                assert_eq!(got, want, "{} ({}): {field}", c.name, path.display());
            }
            let personal: Vec<String> = r.episodes.iter().map(|e| fmt(e.personal)).collect();
            if !c.expect_personal.is_empty() {
                assert_eq!(
                    personal, c.expect_personal,
                    "{}: per-visit personal",
                    c.name
                );
            }
            for e in &r.episodes {
                for st in &e.steps {
                    check_quotes(&c.name, &st.detail, &lib);
                }
            }
            for st in &c.step {
                let visit = &r.episodes[st.visit - 1];
                let found = visit.steps.iter().find(|s| s.rule.starts_with(&st.rule));
                if st.absent {
                    assert!(
                        found.is_none(),
                        "{}: step {} should be absent",
                        c.name,
                        st.rule
                    );
                    continue;
                }
                let got = found.unwrap_or_else(|| {
                    let rules: Vec<&str> = visit.steps.iter().map(|s| s.rule.as_str()).collect();
                    panic!("{}: no step {} in {rules:?}", c.name, st.rule)
                });
                if let Some(src) = &st.source {
                    let key = got.source.as_ref().map(|c| c.key()).unwrap_or_default();
                    assert_eq!(&key, src, "{}: {} source", c.name, st.rule);
                }
                if let Some(a) = st.assumption {
                    assert_eq!(got.assumption, a, "{}: {} assumption", c.name, st.rule);
                }
                for w in &st.detail_has {
                    assert!(
                        got.detail.contains(w.as_str()),
                        "{}: {} detail {:?} lacks {w:?}",
                        c.name,
                        st.rule,
                        got.detail
                    );
                }
                for w in &st.never {
                    assert!(
                        !got.detail.contains(w.as_str()) && !got.rule.contains(w.as_str()),
                        "{}: {} says {w:?}: {} / {}",
                        c.name,
                        st.rule,
                        got.rule,
                        got.detail
                    );
                }
            }
            n += 1;
        }
    }
    assert!(n >= 20, "only {n} cases");
}
