//! Every parameter and every ambiguity-register passage must cite a clause that exists: the document
//! file, the `{#id}` in it, and the quoted words in its text. A value with no source must say why it is
//! assumed.

use std::path::{Path, PathBuf};

use policy_engine::profiles;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Fails unless `doc`'s Markdown has `{#section}` and contains `quote` (whitespace ignored).
fn check_citation(what: &str, doc: &str, section: &str, quote: &str) {
    let path = root().join("content/docs").join(format!("{doc}.md"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{what}: no document {}", path.display()));
    assert!(
        text.contains(&format!("{{#{section}}}")),
        "{what}: {doc} has no section #{section}"
    );
    assert!(
        squash(&text).contains(&squash(quote)),
        "{what}: {doc} does not say “{quote}”"
    );
}

#[test]
fn every_parameter_cites_a_clause_or_is_an_assumption() {
    let all = profiles();
    assert_eq!(
        all.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["huining-2018", "meishan-2016"]
    );
    for p in all {
        for param in &p.params {
            let what = format!("{}/{}", p.id, param.key);
            match (&param.source, &param.assumption) {
                (Some(s), None) => check_citation(&what, &s.doc, &s.section, &s.quote),
                (None, Some(note)) => assert!(
                    note.chars().count() >= 10,
                    "{what}: the assumption needs a reason"
                ),
                _ => panic!("{what}: needs exactly one of source or assumption"),
            }
            if let Some(c) = &param.clause {
                check_citation(&what, &c.doc, &c.section, &c.quote);
            }
        }
    }
}

#[test]
fn every_ambiguity_passage_exists() {
    let text = std::fs::read_to_string(root().join("content/ambiguities.toml"))
        .expect("content/ambiguities.toml");
    let reg: toml::Table = toml::from_str(&text).unwrap();
    let entries = reg["ambiguities"].as_array().unwrap();
    assert!(entries.len() >= 6);
    for e in entries {
        let id = e["id"].as_str().unwrap();
        for key in ["title", "question", "reading"] {
            assert!(!e[key].as_str().unwrap().trim().is_empty(), "{id}: {key}");
        }
        let passages = e["passages"].as_array().unwrap();
        assert!(!passages.is_empty(), "{id}: no passages");
        for p in passages {
            check_citation(
                id,
                p["doc"].as_str().unwrap(),
                p["section"].as_str().unwrap(),
                p["quote"].as_str().unwrap(),
            );
        }
    }
}
