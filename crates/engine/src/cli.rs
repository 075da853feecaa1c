//! The `settle` command's JSON: scenario in (amounts as typed strings), result out (amounts as strings
//! with two decimals), and one clear Chinese message naming the field and value for bad input.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::amount;
use crate::model::{
    Category, Episode, EpisodeKind, EpisodeResult, Level, Options, Scenario, YearResult,
};
use crate::money::fmt;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InEpisode {
    kind: EpisodeKind,
    level: Level,
    in_county: bool,
    total: Value,
    compliant: Value,
    #[serde(default)]
    basic_paid: Option<Value>,
    #[serde(default)]
    critical_paid: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    profile: String,
    category: String,
    #[serde(default)]
    options: Options,
    episodes: Vec<InEpisode>,
    #[serde(default)]
    overrides: BTreeMap<String, Value>,
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn amount_of(episode: usize, field: &str, v: &Value) -> Result<rust_decimal::Decimal, String> {
    amount::parse(&text(v)).map_err(|e| format!("第{episode}次就诊的 {field}：{e}"))
}

/// Ids as a list to choose from: `a、b、c`.
fn ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    ids.into_iter().collect::<Vec<_>>().join("、")
}

/// The built-in profiles' ids: `huining-2018、meishan-2016`.
fn profile_ids() -> String {
    ids(crate::params::profiles().iter().map(|p| p.id.as_str()))
}

/// What `settle --help` prints: how to call it, an input that settles, and the ids it takes.
pub fn usage() -> String {
    format!(
        "用法：settle FILE（- 表示从标准输入读取）。输入是 JSON，例如：\n\
         {{\"profile\":\"huining-2018\",\"category\":\"poverty_registered\",\"episodes\":[{{\"kind\":\"inpatient\",\"level\":\"county\",\"in_county\":true,\"total\":\"12000\",\"compliant\":\"10000\"}}]}}\n\
         可选字段：options（解读选项）、overrides（修改的数字）、每次就诊的 basic_paid、critical_paid（结算单上的报销金额）。\n\
         地区（profile）：{}\n人员类别（category）：{}\n就诊类型（kind）：{}\n医院级别（level）：{}",
        profile_ids(),
        ids(Category::ALL.map(Category::id)),
        ids(EpisodeKind::ALL.map(EpisodeKind::id)),
        ids(Level::ALL.map(Level::key)),
    )
}

/// Reads the CLI's JSON input into a scenario.
pub fn parse_input(json: &str) -> Result<Scenario, String> {
    let input: Input =
        serde_json::from_str(json).map_err(|e| format!("输入不是正确的 JSON：{e}"))?;
    let category = Category::from_id(&input.category).ok_or_else(|| {
        format!(
            "“人员类别”(category)不认识：{}（可选 {}）",
            input.category,
            ids(Category::ALL.map(Category::id))
        )
    })?;
    let mut episodes = Vec::new();
    for (i, e) in input.episodes.iter().enumerate() {
        let n = i + 1;
        let opt =
            |field: &str, v: &Option<Value>| -> Result<Option<rust_decimal::Decimal>, String> {
                match v {
                    None | Some(Value::Null) => Ok(None),
                    Some(v) if text(v).trim().is_empty() => Ok(None),
                    Some(v) => amount_of(n, field, v).map(Some),
                }
            };
        episodes.push(Episode {
            kind: e.kind,
            level: e.level,
            in_county: e.in_county,
            total: amount_of(n, "total", &e.total)?,
            compliant: amount_of(n, "compliant", &e.compliant)?,
            basic_paid: opt("basic_paid", &e.basic_paid)?,
            critical_paid: opt("critical_paid", &e.critical_paid)?,
        });
    }
    // Each changed number read as the page reads it (a ratio as 0.785 or 78.5%), and refused as the page
    // refuses it; nothing is calculated with a refused one.
    let params = crate::params::profile(&input.profile).ok_or_else(|| {
        format!(
            "“地区”(profile)不认识：{}（可选 {}）",
            input.profile,
            profile_ids()
        )
    })?;
    let mut overrides = BTreeMap::new();
    for (k, v) in &input.overrides {
        let value = params
            .read_override(k, &text(v))
            .map_err(|e| format!("参数 {k}：{e}"))?;
        overrides.insert(k.clone(), value);
    }
    Ok(Scenario {
        profile: input.profile,
        category,
        options: input.options,
        episodes,
        overrides,
    })
}

#[derive(Serialize)]
struct OutStep {
    rule: String,
    amount: String,
    source: String,
    assumption: bool,
}

/// Every payer's share, as strings with two decimals.
#[derive(Serialize)]
struct OutAmounts {
    basic: String,
    critical: String,
    floor_top_up: String,
    assistance: String,
    target_backstop: String,
    hospital_absorbed: String,
    personal: String,
}

impl OutAmounts {
    fn of(e: &EpisodeResult) -> Self {
        Self {
            basic: fmt(e.basic),
            critical: fmt(e.critical),
            floor_top_up: fmt(e.floor_top_up),
            assistance: fmt(e.assistance),
            target_backstop: fmt(e.target_backstop),
            hospital_absorbed: fmt(e.hospital_absorbed),
            personal: fmt(e.personal),
        }
    }
}

#[derive(Serialize)]
struct OutEpisode {
    #[serde(flatten)]
    amounts: OutAmounts,
    estimated: bool,
    steps: Vec<OutStep>,
}

#[derive(Serialize)]
struct OutYear {
    total: String,
    #[serde(flatten)]
    amounts: OutAmounts,
}

#[derive(Serialize)]
struct Output {
    episodes: Vec<OutEpisode>,
    year: OutYear,
}

fn out_episode(e: &EpisodeResult) -> OutEpisode {
    OutEpisode {
        amounts: OutAmounts::of(e),
        estimated: e.estimated,
        steps: e
            .steps
            .iter()
            .map(|s| OutStep {
                rule: s.rule.clone(),
                amount: fmt(s.amount),
                source: s.source.as_ref().map(|c| c.key()).unwrap_or_default(),
                assumption: s.assumption,
            })
            .collect(),
    }
}

/// The CLI's JSON output for a settled year.
pub fn render_output(r: &YearResult) -> String {
    let out = Output {
        episodes: r.episodes.iter().map(out_episode).collect(),
        year: OutYear {
            total: fmt(r.year.total),
            amounts: OutAmounts::of(&r.year),
        },
    };
    serde_json::to_string_pretty(&out).expect("serializing plain data cannot fail")
}

/// Input JSON → output JSON, or the one error message.
pub fn run(json: &str) -> Result<String, String> {
    let scenario = parse_input(json)?;
    let result = crate::settle::settle(&scenario).map_err(|e| e.to_string())?;
    Ok(render_output(&result))
}
