//! Every citation in every data file of the checker points at a real clause, by the library's one check
//! ([`Library::verify`]): `content/docs/<doc>.md` exists, its 文号 is the one cited, it has the
//! `{#section}`, and the quote (whitespace removed) is in that section's text, not just somewhere in the
//! document. The walk is over the raw TOML, so no citation can be skipped by the typed model.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use policy_checker::data::quiz::squash;
use policy_checker::data::Library;
use policy_checker::forms::forms;
use policy_checker::quiz::quiz;
use policy_checker::Citation;
use policy_content::citation::Scope;
use policy_content::quote::section;

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn doc(slug: &str) -> String {
    let path = content().join("docs").join(format!("{slug}.md"));
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no document {}", path.display()))
}

fn lib() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| Library::of_repository(env!("CARGO_MANIFEST_DIR")))
}

fn check(what: &str, c: &Citation) {
    if let Err(e) = lib().verify(c, Scope::Section) {
        panic!("{what}: {e}");
    }
}

/// Every table in `value` with a `doc` (each must be a whole citation), with a path for messages.
fn citations(value: &toml::Value, path: &str, out: &mut Vec<(String, Citation)>) {
    match value {
        toml::Value::Table(t) => {
            if t.contains_key("doc") {
                let c: Citation = value
                    .clone()
                    .try_into()
                    .unwrap_or_else(|e| panic!("{path}: not a citation: {e}"));
                out.push((path.to_string(), c));
            }
            for (k, v) in t {
                let id = t
                    .get("id")
                    .and_then(|i| i.as_str())
                    .map(|i| format!("[{i}]"))
                    .unwrap_or_default();
                citations(v, &format!("{path}{id}.{k}"), out);
            }
        }
        toml::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                citations(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn data_files() -> Vec<PathBuf> {
    let mut files = vec![
        content().join("eligibility.toml"),
        content().join("quiz.toml"),
        content().join("villages.toml"),
    ];
    let mut forms: Vec<PathBuf> = std::fs::read_dir(content().join("forms"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    forms.sort();
    files.extend(forms);
    files
}

#[test]
fn every_citation_in_every_data_file_exists() {
    let mut total = 0;
    for file in data_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let value: toml::Value = toml::from_str(&text).unwrap();
        let mut found = Vec::new();
        citations(
            &value,
            &file.file_name().unwrap().to_string_lossy(),
            &mut found,
        );
        assert!(!found.is_empty(), "{}: no citations", file.display());
        for (what, c) in &found {
            check(what, c);
        }
        total += found.len();
    }
    assert!(
        total > 150,
        "only {total} citations found: is the walk broken?"
    );
}

#[test]
fn form_rows_are_verbatim() {
    for form in forms() {
        for ind in form.indicators() {
            let what = format!("form {} / {}", form.id, ind.id);
            check(&what, &form.source.with_quote(&ind.text));
            if let Some(rule) = &ind.rule {
                check(&what, &form.source.with_quote(rule));
            }
            if let Some(e) = &ind.exempt {
                check(&what, &form.source.with_quote(e));
            }
            if let Some(a) = ind
                .accountable
                .as_deref()
                .filter(|_| !ind.accountable_inherited)
            {
                check(&what, &form.source.with_quote(a));
            }
        }
        for item in &form.items {
            check(
                &format!("form {} / {}", form.id, item.name),
                &form.source.with_quote(&item.name),
            );
        }
    }
}

#[test]
fn every_quiz_answer_is_in_its_clause() {
    for q in &quiz().questions {
        let what = format!("question {}", q.id);
        check(&what, &q.source);
        check(&what, &q.source.with_quote(q.answer_words()));
    }
}

#[test]
fn village_tables_are_verbatim() {
    let text = std::fs::read_to_string(content().join("villages.toml")).unwrap();
    let data: policy_checker::data::villages::VillageData = toml::from_str(&text).unwrap();
    for t in &data.tables {
        let body = squash(&section(&doc(&t.source.doc), &t.source.section).expect("table section"));
        for r in &t.rows {
            let cells = [
                r.section_cadre.as_deref(),
                r.lead.as_deref(),
                Some(r.township.as_str()),
                Some(r.villages.as_str()),
            ];
            for cell in cells
                .into_iter()
                .flatten()
                .chain(r.cadres.iter().map(String::as_str))
            {
                assert!(
                    body.contains(&squash(cell)),
                    "table {}: {cell} is not in {}",
                    t.id,
                    t.source.section
                );
            }
        }
    }
}
