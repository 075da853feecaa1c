//! No rule number as a literal: every number the documents fix (a parameter without `assumption` in
//! `content/params/*.toml`) reaches code and UI strings from the parameter files only. This test reads
//! the parameters and searches the site's source (outside test modules and comments) for the ways such a
//! number is written in a label: `3000元`, `3,000 元`, `85%`, `"0.85"`.

use std::path::{Path, PathBuf};

/// Literals that look like a rule number but are not one, with the reason.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "crates/content/src/search.rs",
        "\"3000元\"",
        "a search example: words the documents contain (the search tests check it finds them)",
    ),
    (
        "crates/content/src/search.rs",
        "\"85%\"",
        "a search example: words the documents contain (the search tests check it finds them)",
    ),
    (
        "crates/content/src/site/routes.rs",
        "例如“3000元”",
        "the search page's example queries (the same search examples)",
    ),
    (
        "src/pages/search.rs",
        "例如：3000元",
        "the search box's placeholder: an example query",
    ),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The ways each fixed number is written in a label.
fn forbidden() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dir = root().join("content/params");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let doc: toml::Table = std::fs::read_to_string(&file).unwrap().parse().unwrap();
        for p in doc["param"].as_array().unwrap() {
            let p = p.as_table().unwrap();
            if p.contains_key("assumption") {
                continue;
            }
            let key = p["key"].as_str().unwrap().to_string();
            let value = p["value"].as_str().unwrap();
            match p["unit"].as_str().unwrap() {
                "yuan" => {
                    let n: u64 = value.parse().unwrap();
                    let commas = with_commas(n);
                    for v in [n.to_string(), commas] {
                        for form in [format!("{v}元"), format!("{v} 元")] {
                            out.push((key.clone(), form));
                        }
                    }
                }
                "ratio" => {
                    let r: f64 = value.parse().unwrap();
                    if r < 1.0 {
                        let pct = (r * 100.0).round() as u64;
                        out.push((key.clone(), format!("{pct}%")));
                        out.push((key.clone(), format!("{pct}％")));
                        out.push((key.clone(), format!("\"{value}\"")));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn with_commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.file_name().is_some_and(|n| n == "tests.rs") {
                // A module's tests in a file of their own (`#[cfg(test)] mod tests;`): test data, as the
                // part of a file after `#[cfg(test)]` is.
            } else if p
                .extension()
                .is_some_and(|e| e == "rs" || e == "js" || e == "html")
            {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for dir in [
        "src",
        "public",
        "web",
        "crates/engine/src",
        "crates/checker/src",
        "crates/content/src",
        "crates/sitegen/src",
        "crates/sitegen/templates",
    ] {
        walk(&root().join(dir), &mut out);
    }
    out.sort();
    out
}

/// A line with its comment removed (`//` outside a string literal).
fn code_of(line: &str) -> &str {
    let mut in_str = false;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '"' if prev != '\\' => in_str = !in_str,
            '/' if !in_str && prev == '/' => return &line[..i - 1],
            _ => {}
        }
        prev = c;
    }
    line
}

#[test]
fn fixed_numbers_come_from_the_parameter_files() {
    let forbidden = forbidden();
    assert!(forbidden.iter().any(|(_, f)| f == "3000元"));
    let mut found = Vec::new();
    let mut allowed_used = vec![false; ALLOWED.len()];
    for file in sources() {
        let rel = file
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        let text = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            for (key, form) in &forbidden {
                if !code.contains(form.as_str()) {
                    continue;
                }
                match ALLOWED
                    .iter()
                    .position(|(f, snippet, _)| *f == rel && code.contains(snippet))
                {
                    Some(i) => allowed_used[i] = true,
                    None => found.push(format!("{rel}:{}: {form} ({key}): {}", n + 1, line.trim())),
                }
            }
        }
    }
    for (used, (file, snippet, _)) in allowed_used.iter().zip(ALLOWED) {
        assert!(
            used,
            "ALLOWED lists {snippet} in {file}, which is no longer there"
        );
    }
    assert!(
        found.is_empty(),
        "rule numbers written as literals (build them from the parameters):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_search_catches_what_it_should() {
    for (line, caught) in [
        ("let s = \"超过3000元的部分\";", true),
        ("let s = \"超过3,000 元\";", true),
        ("format!(\"补足到85%\")", true),
        ("// 85% in a comment", false),
        ("let x = y; // 3000元", false),
        ("timeout(2000)", false),
    ] {
        let code = code_of(line);
        let hit = forbidden().iter().any(|(_, f)| code.contains(f.as_str()));
        assert_eq!(hit, caught, "{line}");
    }
}
