//! Every parameter and every ambiguity-register passage must cite a clause that exists, through the
//! library's one check ([`Library::verify`]): the document, its 文号, the `{#id}` in it, and the quoted
//! words in that section's own text (not just somewhere in the document). A value with no source must say
//! why it is assumed. Words the register puts in “quotes” in its questions are the documents' words.

use std::path::{Path, PathBuf};

use policy_content::citation::Library;
use policy_content::citation::{Citation, Scope};
use policy_content::quote::squash;
use policy_engine::profiles;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Fails unless `c` checks out against the library, its quote in the section's own text: a quote under a
/// parent heading whose words are in a sub-clause fails.
fn check_citation(lib: &Library, what: &str, c: &Citation) {
    if let Err(e) = lib.verify(c, Scope::Own) {
        panic!("{what}: {e}");
    }
}

/// A register passage: a citation, and which side of the question it is on.
#[derive(serde::Deserialize)]
struct Passage {
    #[serde(flatten)]
    cite: Citation,
    #[allow(dead_code)]
    #[serde(default)]
    says: Option<String>,
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
    let lib = Library::of_repository(env!("CARGO_MANIFEST_DIR"));
    let all = profiles();
    assert_eq!(
        all.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["huining-2018", "meishan-2016"]
    );
    for p in all {
        for param in &p.params {
            let what = format!("{}/{}", p.id, param.key);
            match (&param.source, &param.assumption) {
                (Some(s), None) => check_citation(&lib, &what, s),
                (None, Some(note)) => assert!(
                    note.chars().count() >= 10,
                    "{what}: the assumption needs a reason"
                ),
                _ => panic!("{what}: needs exactly one of source or assumption"),
            }
            if let Some(c) = &param.clause {
                check_citation(&lib, &what, c);
            }
        }
    }
}

#[test]
fn every_ambiguity_passage_exists() {
    let lib = Library::of_repository(env!("CARGO_MANIFEST_DIR"));
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
            let p: Passage = p
                .clone()
                .try_into()
                .unwrap_or_else(|e| panic!("{id}: a passage is not a citation: {e}"));
            check_citation(&lib, id, &p.cite);
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
