//! The `settle` binary: JSON in, JSON out; bad input exits 2 with one Chinese message naming the field
//! and value, never a panic.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(input: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_settle"))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const EXAMPLE: &str = r#"{"profile":"huining-2018","category":"poverty_registered","options":{},
 "episodes":[{"kind":"inpatient","level":"county","in_county":true,
              "total":"1.2万","compliant":"10000","basic_paid":"6500","critical_paid":"0"}]}"#;

#[test]
fn the_issue_example_settles() {
    let (code, out, err) = run(EXAMPLE);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["year"]["personal"], "1500.00");
    assert_eq!(v["year"]["total"], "12000.00");
    assert_eq!(v["episodes"][0]["estimated"], false);
    let steps = v["episodes"][0]["steps"].as_array().unwrap();
    assert!(steps
        .iter()
        .all(|s| s["amount"].as_str().unwrap().contains('.')));
    assert_eq!(steps[0]["source"], "huining-83#a5-s3-2-1");
}

fn case(input: &str, want_in_message: &str) {
    let (code, out, err) = run(input);
    assert_eq!(code, 2, "{input}: stdout {out}");
    assert!(err.contains(want_in_message), "{input}: {err}");
    assert!(!err.contains("panicked"), "{input}: {err}");
    assert_eq!(err.trim().lines().count(), 1, "one message: {err}");
}

#[test]
fn bad_input_is_one_clear_message() {
    let ep = |total: &str, compliant: &str| {
        format!(
            r#"{{"profile":"huining-2018","category":"dibao","episodes":[{{"kind":"inpatient","level":"county","in_county":true,"total":{total},"compliant":{compliant}}}]}}"#
        )
    };
    case(
        r#"{"profile":"nowhere","category":"dibao","episodes":[]}"#,
        "nowhere",
    );
    case(
        r#"{"profile":"huining-2018","category":"nobody","episodes":[]}"#,
        "nobody",
    );
    case(
        r#"{"profile":"huining-2018","category":"dibao","episodes":[]}"#,
        "episodes",
    );
    case(&ep("\"10000\"", "\"12000\""), "compliant");
    case(&ep("\"-5\"", "\"0\""), "负数：-5");
    case(&ep("\"\"", "\"0\""), "total");
    case(&ep("\"abc\"", "\"0\""), "abc");
    case(&ep("\"1e30\"", "\"0\""), "1e30");
    case(&ep("1e30", "\"0\""), "total");
    case("{ not json", "JSON");
}

/// A changed number is read as the page reads it: 0.785 and 78.5% are the same ratio, not rounded to
/// 0.79 as an amount would be; a refused one stops the run with why, and says nothing was calculated with it.
#[test]
fn changed_numbers_are_read_as_the_page_reads_them() {
    let with = |value: &str| {
        format!(
            r#"{{"profile":"huining-2018","category":"ordinary","overrides":{{"basic_ratio_county":{value}}},"episodes":[{{"kind":"inpatient","level":"county","in_county":true,"total":"100000","compliant":"100000"}}]}}"#
        )
    };
    for value in [r#""0.785""#, r#""78.5%""#, "0.785"] {
        let (code, out, err) = run(&with(value));
        assert_eq!(code, 0, "{value}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        // (100000 − 500) × 0.785 = 78,107.50 from 基本医保: the page's figure for the same link.
        assert_eq!(v["year"]["personal"], "11757.00", "{value}");
    }
    case(&with(r#""1.5""#), "应是 0 到 100% 之间的比例");
    case(&with(r#""abc""#), "看不懂");
    let fixed = r#"{"profile":"huining-2018","category":"poverty_registered","overrides":{"assistance_threshold":"5000"},"episodes":[{"kind":"inpatient","level":"county","in_county":true,"total":"1000","compliant":"1000"}]}"#;
    case(fixed, "不能修改");
    assert!(!run(fixed).2.contains("已按原文计算"));
    assert!(!run(fixed).2.contains("链接"), "the CLI reads no link");
}

/// `settle --help` says how to call it, with an input that settles and the ids it takes; an id it does not
/// take is refused with the ids it does (a village doctor had typed `meishan` for `meishan-2016`).
#[test]
fn help_gives_an_input_that_settles_and_a_wrong_id_the_right_ones() {
    let out = Command::new(env!("CARGO_BIN_EXE_settle"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    let example = help
        .lines()
        .find(|l| l.starts_with('{'))
        .expect("an example");
    let (code, _, err) = run(example);
    assert_eq!(code, 0, "{err}");
    assert!(
        help.contains("meishan-2016") && help.contains("chronic_outpatient"),
        "{help}"
    );
    let (code, _, err) = run(&example.replace("huining-2018", "meishan"));
    assert_eq!(code, 2);
    assert!(
        err.contains("不认识：meishan（可选 huining-2018、meishan-2016）"),
        "{err}"
    );
}
