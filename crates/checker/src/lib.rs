//! policy-checker: what a person can get (eligibility rules), the official self-check scoring forms of
//! 县委办发〔2018〕83号, the policy-awareness quiz and the 包抓到村 village lookup. Pure functions over data
//! files in `content/` that are validated at build time and kept in a compact binary form (built in, or
//! installed at run time: see `store`); no web dependency.

pub mod data;
pub mod eligibility;
pub mod forms;
pub mod points;
pub mod quiz;
pub mod store;
pub mod villages;

pub use data::Citation;
pub use eligibility::{
    asks, calc_link, check, topic_answers, Asks, BenefitResult, CalcLink, CheckError, Person,
    TopicAnswer, Verdict,
};
pub use forms::{score, Answer, FormResult, LostItem, ScoreError};
pub use points::Points;
pub use quiz::{score_quiz, QuizError, QuizResult};
pub use villages::{also_written, find, search, spellings, towns, Found, TownHit, VillageHit};
