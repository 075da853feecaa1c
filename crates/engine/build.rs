//! Reads the parameter files (`content/params/*.toml`) at build time, checks every value has a source
//! or an assumption note and parses as a number, and hands them to the library as JSON, so the
//! runtime (the browser) needs no TOML parser.

use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/params");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut profiles = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(f).unwrap();
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(
            value
                .get("code")
                .and_then(|c| c.as_str())
                .is_some_and(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_lowercase())),
            "{}: needs a short link code of lowercase letters",
            f.display()
        );
        let rules = value.get("rules").and_then(|r| r.as_str());
        assert!(
            matches!(rules, Some("huining" | "meishan")),
            "{}: rules = {rules:?} is not a rule set the engine has (huining, meishan)",
            f.display()
        );
        let params = value
            .get("param")
            .and_then(|p| p.as_array())
            .unwrap_or_else(|| panic!("{}: no [[param]]", f.display()));
        let mut keys = std::collections::HashSet::new();
        for p in params {
            let key = p
                .get("key")
                .and_then(|k| k.as_str())
                .unwrap_or_else(|| panic!("{}: a param has no key", f.display()));
            assert!(
                keys.insert(key.to_string()),
                "{}: key {key} twice",
                f.display()
            );
            let v = p
                .get("value")
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("{}: {key}: value must be a string", f.display()));
            assert!(
                v.parse::<f64>().is_ok(),
                "{}: {key}: value {v:?} is not a number",
                f.display()
            );
            let unit = p.get("unit").and_then(|u| u.as_str());
            let value: f64 = v.parse().unwrap();
            let in_range = match unit {
                Some("ratio") | Some("flag") => (0.0..=1.0).contains(&value),
                Some("yuan") => value >= 0.0,
                other => panic!(
                    "{}: {key}: unit {other:?} is not ratio, yuan or flag",
                    f.display()
                ),
            };
            assert!(
                in_range,
                "{}: {key}: {v} is outside its unit's range",
                f.display()
            );
            let has_source = p.get("source").is_some();
            let has_assumption = p
                .get("assumption")
                .and_then(|a| a.as_str())
                .is_some_and(|a| !a.trim().is_empty());
            assert!(
                has_source ^ has_assumption,
                "{}: {key}: needs exactly one of source or assumption",
                f.display()
            );
        }
        profiles.push(value);
    }
    let mut codes: Vec<&str> = profiles
        .iter()
        .filter_map(|p| p.get("code")?.as_str())
        .collect();
    codes.sort_unstable();
    let n = codes.len();
    codes.dedup();
    assert_eq!(n, codes.len(), "two profiles share a link code");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let codes: Vec<String> = profiles
        .iter()
        .map(|p| {
            format!(
                "({:?}, {:?})",
                p["id"].as_str().unwrap(),
                p["code"].as_str().unwrap()
            )
        })
        .collect();
    std::fs::write(
        out_dir.join("link_codes.rs"),
        format!("&[{}]", codes.join(", ")),
    )
    .unwrap();
    let out = out_dir.join("profiles.json");
    std::fs::write(out, serde_json::to_string(&profiles).unwrap()).unwrap();
}
