//! The settlement rules engine (一站式结算): what a year of hospital bills costs a patient after
//! 基本医保 → 大病保险 → 85% 兜底 → 医疗救助 → hospital-absorbed costs. Rules are pure functions;
//! parameters are data (`content/params/*.toml`), each value citing its clause or marked as an
//! assumption. Money is `rust_decimal`, rounded in one place (`money::round`).

pub mod amount;
pub mod cli;
pub mod data;
pub mod deletions;
pub mod form;
mod huining;
mod meishan;
pub mod model;
pub mod money;
pub mod overrides;
pub mod params;
mod rules;
pub mod settle;
pub mod summary;

pub use model::{
    Category, Episode, EpisodeKind, EpisodeResult, Level, Options, Scenario, Step, YearResult,
};
pub use overrides::{OverrideError, Unit};
pub use params::{profile, profiles, Citation, Param, ProfileParams};
pub use settle::{
    at_total, hospital_bears_clause, hospital_bears_non_compliant, hospital_bears_source,
    patient_share_capped, problems, reads_in_county, settle, sweep, sweep_visit, AtTotal, Field,
    SettleError,
};
