//! Every parameter and every ambiguity-register passage must cite a clause that exists: the document
//! file, the `{#id}` in it, and the quoted words in that section's own text (not just somewhere in the
//! document). A value with no source must say why it is assumed. Words the register puts in “quotes” in
//! its questions are the documents' words.

use std::path::{Path, PathBuf};

use policy_content::quote::{squash, verify};
use policy_engine::profiles;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Fails unless `doc`'s Markdown has `{#section}` and that section's own text contains `quote`
/// (whitespace ignored): a quote under a parent heading whose words are in a sub-clause fails.
fn check_citation(what: &str, doc: &str, section: &str, quote: &str) {
    let path = root().join("content/docs").join(format!("{doc}.md"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{what}: no document {}", path.display()));
    if let Err(e) = verify(&text, section, quote, true) {
        panic!("{what}: {doc}{e}");
    }
}

fn library() -> String {
    let mut all = String::new();
    for e in std::fs::read_dir(root().join("content/docs")).unwrap() {
        all.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    squash(&all)
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

/// The register's questions say what the documents say: every “…” in a question is the documents' words
/// (so no “提高10个百分点” where the document says “提高10%”).
#[test]
fn words_the_register_quotes_are_in_the_documents() {
    let lib = library();
    let text = std::fs::read_to_string(root().join("content/ambiguities.toml")).unwrap();
    let reg: toml::Table = toml::from_str(&text).unwrap();
    for e in reg["ambiguities"].as_array().unwrap() {
        let q = e["question"].as_str().unwrap();
        for part in q.split('“').skip(1) {
            let quoted = part.split('”').next().unwrap();
            assert!(
                lib.contains(&squash(quoted)),
                "{}: the documents do not say “{quoted}”",
                e["id"].as_str().unwrap()
            );
        }
    }
}
