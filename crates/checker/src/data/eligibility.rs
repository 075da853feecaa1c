//! The shape of `content/eligibility.toml`: areas, person categories, the diseases the documents name, the
//! facts a rule can ask about, and the rules themselves (conditions as data, each with its clause).

use serde::{Deserialize, Serialize};

use super::citation::{unique_ids, Citation, Cited, DataError, Library};

/// The whole file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityData {
    /// Whose policy: 会宁县, 眉山市, 德州市.
    #[serde(rename = "area")]
    pub areas: Vec<Area>,
    /// Who the person is (the engine's categories plus `unstable_exited`).
    #[serde(rename = "category")]
    pub categories: Vec<CategoryDef>,
    /// The yes/no facts a rule can require (`insured`, `disability`, …); `disease:<id>` is implied.
    #[serde(rename = "fact")]
    pub facts: Vec<Fact>,
    /// The diseases the documents name.
    #[serde(rename = "disease")]
    pub diseases: Vec<Disease>,
    /// The benefits, in display order.
    #[serde(rename = "rule")]
    pub rules: Vec<Rule>,
    /// Questions people ask directly (免费体检？家庭医生？), answered at the top of the result from the rules
    /// tagged with the topic, or by what the area's documents (do not) say.
    #[serde(rename = "topic", default)]
    pub topics: Vec<Topic>,
}

/// A question answered directly at the top of the result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Id, named by the rules that answer it (`topic = "checkup"`).
    pub id: String,
    /// Short name, e.g. 免费体检.
    pub name: String,
    /// The question as a person asks it, e.g. 我能免费体检吗？
    pub question: String,
    /// What an area's documents say when none of its rules with this topic applies to the person (or it
    /// has none: then this entry is required).
    #[serde(default)]
    pub otherwise: Vec<TopicNote>,
}

/// What one area's documents say about a topic beyond (or instead of) its rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicNote {
    /// The area.
    pub area: String,
    /// One plain sentence (e.g. that the documents do not provide it, and what they do say).
    pub text: String,
    /// The clause the sentence leans on, if any.
    #[serde(default)]
    pub source: Option<Citation>,
}

/// One area whose documents the checker reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// `huining`, `meishan` or `dezhou`.
    pub id: String,
    /// Plain name, e.g. 会宁县（甘肃省白银市）.
    pub name: String,
    /// The documents (slugs) the area's rules come from.
    pub docs: Vec<String>,
    /// The settlement calculator's profile for this area, if it has one.
    #[serde(default)]
    pub calc_profile: Option<String>,
}

/// One category of person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    /// The engine's id (`poverty_registered`, `dibao`, `tekun`, `safety_net`, `ordinary`) or `unstable_exited`.
    pub id: String,
    /// Plain name.
    pub name: String,
    /// One line to help the person choose.
    pub hint: String,
    /// Whether the settlement calculator knows this category.
    pub in_engine: bool,
    /// Added to "why not" when a rule leaves this category out (e.g. the documents are silent on it)…
    #[serde(default)]
    pub caveat: Option<String>,
    /// …but only if the rule grants one of these categories (empty: whenever it leaves this one out).
    #[serde(default)]
    pub caveat_when_rule_has: Vec<String>,
    /// Where the documents name this group, if they do.
    #[serde(default)]
    pub source: Option<Citation>,
    /// The person does not know their category (不清楚): a benefit left out for want of another
    /// category is not "not for you" but depends on it, and is said apart.
    #[serde(default)]
    pub undecided: bool,
}

/// A yes/no fact about the person that a rule may require.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// `insured`, `disability`, `pregnant`, `long_term_illness` or `sick`.
    pub id: String,
    /// Plain label, e.g. 参加了城乡居民医保.
    pub label: String,
    /// Why-not sentence when a rule needs the fact and the person does not have it.
    pub missing: String,
    /// Why-not sentence when a rule excludes the fact and the person has it.
    pub present: String,
    /// The ages (周岁, both ends included) the question is put to, when it is not for everyone: a person
    /// whose age is given and outside them is not asked, and does not have the fact (no one asks a
    /// 70-year-old whether she is pregnant). Not a number from the documents.
    #[serde(default)]
    pub ages: Option<[u32; 2]>,
}

impl Fact {
    /// Whether a person of `age` (`None`: not given) is asked about this fact.
    pub fn asked_at(&self, age: Option<u32>) -> bool {
        match (self.ages, age) {
            (Some([from, to]), Some(a)) => (from..=to).contains(&a),
            _ => true,
        }
    }
}

/// Whether a person of `age` is asked about `fact` among `facts` (anything that is not a fact is).
pub fn asked_at(facts: &[Fact], fact: &str, age: Option<u32>) -> bool {
    facts
        .iter()
        .find(|f| f.id == fact)
        .is_none_or(|f| f.asked_at(age))
}

/// A disease a document names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disease {
    /// Id, used as the fact `disease:<id>`.
    pub id: String,
    /// The name as the documents write it.
    pub name: String,
    /// One line for the person (e.g. that the document does not list the 50 diseases).
    #[serde(default)]
    pub hint: Option<String>,
    /// Areas whose documents name it (the question shows only these).
    pub areas: Vec<String>,
    /// Whether the documents call it a 慢性病 (会卫计发〔2018〕203号 三（三）: 高血压、糖尿病、结核病、严重精神障碍
    /// 等慢性病): a person who has it has an illness needing long-term treatment, whatever they answered
    /// to that question.
    #[serde(default)]
    pub chronic: bool,
    /// Where it is named.
    pub source: Citation,
}

/// An inclusive age range in 周岁.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    /// Lowest age that qualifies.
    pub min: u32,
    /// Highest age that qualifies.
    pub max: u32,
}

/// A sentence added to "why not" (or to the benefit) for some categories.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caveat {
    /// The categories it is said to.
    pub categories: Vec<String>,
    /// Facts it is said to those without (`insured`: to a person who has not joined 城乡居民医保, of a
    /// rule whose clause presupposes it); none: said to the categories alone.
    #[serde(default)]
    pub lacking: Vec<String>,
    /// The sentence.
    pub text: String,
    /// The clause the sentence rests on, when it is not the rule's own: listed with the rule's clauses
    /// for those categories.
    #[serde(default)]
    pub source: Option<Citation>,
    /// The register's entry the sentence sends the person to (an id in `content/ambiguities.toml`), when
    /// it names the register.
    #[serde(default)]
    pub reading: Option<String>,
}

/// Another rule that gives the same benefit on better terms to the categories it covers (大病保险's 起付线
/// lowered for 建档立卡, 低保 and 特困): to them, this one's "why not" is only that, not who this one is
/// for, nor a category they could choose to get it (a 特困 reader had been told to choose 农村兜底保障户
/// to get the higher 起付线).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Superseded {
    /// The better rule's id (of the same area).
    pub by: String,
    /// What it says, in place of the reason.
    pub text: String,
}

/// One benefit and who gets it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id, e.g. `hn_floor_85`.
    pub id: String,
    /// Short name, e.g. 实际补偿比不低于85%.
    pub name: String,
    /// The area whose documents grant it.
    pub area: String,
    /// Categories that qualify; empty means every category.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Where the clause does not name these categories: whom it says it is for, in its own words
    /// (`农村贫困人口`, found in its quote), or empty when it names no one. The other categories are then
    /// told what the clause says and that [`Rule::categories`] is the site's reading, not "only for …"
    /// (德州's clauses say 贫困人口 or no one, and had been read to a 特困 person as 只给建档立卡贫困人口).
    #[serde(default)]
    pub written_for: Option<String>,
    /// The register's entry its sentence or its [`Rule::written_for`] reason sends the person to (an id in
    /// `content/ambiguities.toml`).
    #[serde(default)]
    pub reading: Option<String>,
    /// Age range, if the document gives one.
    #[serde(default)]
    pub age: Option<AgeRange>,
    /// Facts the person must all have.
    #[serde(default)]
    pub all: Vec<String>,
    /// Facts of which the person must have at least one (if not empty).
    #[serde(default)]
    pub any: Vec<String>,
    /// Facts the person must not have.
    #[serde(default)]
    pub not: Vec<String>,
    /// One plain sentence: what it means for this person.
    pub sentence: String,
    /// The document names the benefit but gives no details (the sentence says so).
    #[serde(default)]
    pub named_only: bool,
    /// Where to go.
    pub where_to_go: String,
    /// The clause it comes from.
    pub source: Citation,
    /// The direct question this rule answers (a [`Topic`] id), if any.
    #[serde(default)]
    pub topic: Option<String>,
    /// Further clauses that say the same or add to it.
    #[serde(default)]
    pub also: Vec<Citation>,
    /// Sentences for particular categories (shown with "why not").
    #[serde(default)]
    pub caveats: Vec<Caveat>,
    /// The rule that gives the same benefit on better terms to the categories it covers, if any.
    #[serde(default)]
    pub superseded: Option<Superseded>,
}

impl EligibilityData {
    /// Checks ids are unique and every reference (area, category, fact, disease, document) resolves.
    pub fn validate(&self, lib: &Library) -> Result<(), DataError> {
        unique_ids("area", self.areas.iter().map(|a| a.id.as_str()))?;
        unique_ids("category", self.categories.iter().map(|c| c.id.as_str()))?;
        unique_ids("fact", self.facts.iter().map(|f| f.id.as_str()))?;
        unique_ids("disease", self.diseases.iter().map(|d| d.id.as_str()))?;
        unique_ids("rule", self.rules.iter().map(|r| r.id.as_str()))?;
        for a in &self.areas {
            let what = format!("area {}", a.id);
            if a.docs.is_empty() || a.docs.iter().any(|d| !lib.has(d)) {
                return Err(DataError::new(&what, "docs must name known documents"));
            }
            if !self.rules.iter().any(|r| r.area == a.id) {
                return Err(DataError::new(&what, "has no rule"));
            }
        }
        for c in &self.categories {
            self.known_categories(&format!("category {}", c.id), &c.caveat_when_rule_has)?;
            if let Some(s) = &c.source {
                s.validate(lib, &format!("category {}", c.id))?;
            }
        }
        for d in &self.diseases {
            let what = format!("disease {}", d.id);
            d.source.validate(lib, &what)?;
            self.known_areas(&what, &d.areas)?;
        }
        for r in &self.rules {
            self.validate_rule(r, lib)?;
        }
        self.validate_topics(lib)
    }

    /// Every rule's topic exists; every topic has, for every area, a rule or a note saying what the
    /// documents (do not) give, so the result never invents an answer nor stays silent.
    fn validate_topics(&self, lib: &Library) -> Result<(), DataError> {
        unique_ids("topic", self.topics.iter().map(|t| t.id.as_str()))?;
        for r in &self.rules {
            if let Some(t) = &r.topic {
                if !self.topics.iter().any(|x| &x.id == t) {
                    return Err(DataError::new(
                        &format!("rule {}", r.id),
                        format!("unknown topic {t:?}"),
                    ));
                }
            }
        }
        for t in &self.topics {
            let what = format!("topic {}", t.id);
            if t.name.trim().is_empty() || t.question.trim().is_empty() {
                return Err(DataError::new(&what, "needs a name and a question"));
            }
            for n in &t.otherwise {
                self.known_areas(&what, std::slice::from_ref(&n.area))?;
                if n.text.trim().is_empty() {
                    return Err(DataError::new(&what, "a note needs a text"));
                }
                if let Some(s) = &n.source {
                    s.validate(lib, &what)?;
                }
            }
            for a in &self.areas {
                let has_rule = self
                    .rules
                    .iter()
                    .any(|r| r.area == a.id && r.topic.as_deref() == Some(t.id.as_str()));
                let notes = t.otherwise.iter().filter(|n| n.area == a.id).count();
                if notes > 1 {
                    return Err(DataError::new(&what, format!("two notes for {}", a.id)));
                }
                if !has_rule && notes == 0 {
                    return Err(DataError::new(
                        &what,
                        format!("area {} has no rule with this topic and no note saying what its documents say", a.id),
                    ));
                }
            }
        }
        Ok(())
    }

    fn validate_rule(&self, r: &Rule, lib: &Library) -> Result<(), DataError> {
        let what = format!("rule {}", r.id);
        self.known_areas(&what, std::slice::from_ref(&r.area))?;
        self.known_categories(&what, &r.categories)?;
        for f in r.all.iter().chain(&r.any).chain(&r.not) {
            if !self.is_fact(f) {
                return Err(DataError::new(&what, format!("unknown fact {f:?}")));
            }
            if let Some(d) = f.strip_prefix("disease:") {
                let disease = self
                    .diseases
                    .iter()
                    .find(|x| x.id == d)
                    .expect("checked by is_fact");
                if !disease.areas.contains(&r.area) {
                    return Err(DataError::new(
                        &what,
                        format!("disease {d} is not asked in area {}", r.area),
                    ));
                }
            }
        }
        if let Some(age) = r.age {
            if age.min > age.max {
                return Err(DataError::new(&what, "age min > max"));
            }
        }
        if r.sentence.trim().is_empty()
            || r.where_to_go.trim().is_empty()
            || r.name.trim().is_empty()
        {
            return Err(DataError::new(
                &what,
                "name, sentence and where_to_go must not be empty",
            ));
        }
        if let Some(w) = r
            .written_for
            .as_deref()
            .filter(|w| !r.source.quote.contains(*w))
        {
            return Err(DataError::new(
                &what,
                format!("written_for {w:?} is not in its clause's quote"),
            ));
        }
        if r.named_only && !r.sentence.contains("没有写") {
            return Err(DataError::new(
                &what,
                "named_only: the sentence must say what the document does not give (没有写…)",
            ));
        }
        let area = self.areas.iter().find(|a| a.id == r.area).expect("checked");
        for c in std::iter::once(&r.source).chain(&r.also) {
            c.validate(lib, &what)?;
        }
        if !area.docs.contains(&r.source.doc) {
            return Err(DataError::new(
                &what,
                format!(
                    "source {} is not one of area {}'s documents",
                    r.source.doc, r.area
                ),
            ));
        }
        for c in &r.caveats {
            self.known_categories(&what, &c.categories)?;
            if let Some(f) = c.lacking.iter().find(|f| !self.is_fact(f)) {
                return Err(DataError::new(&what, format!("caveat: unknown fact {f:?}")));
            }
            if let Some(s) = &c.source {
                s.validate(lib, &what)?;
            }
        }
        if let Some(s) = &r.superseded {
            let by = self.rules.iter().find(|b| b.id == s.by);
            match by {
                None => {
                    return Err(DataError::new(
                        &what,
                        format!("superseded by unknown rule {:?}", s.by),
                    ))
                }
                Some(b) if b.area != r.area || b.superseded.is_some() => {
                    return Err(DataError::new(
                        &what,
                        format!(
                            "superseded by {}: of another area, or superseded itself",
                            s.by
                        ),
                    ))
                }
                Some(_) if s.text.trim().is_empty() => {
                    return Err(DataError::new(
                        &what,
                        "superseded: the text must not be empty",
                    ))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Whether `id` is a fact a rule may use: a declared fact or `disease:<known id>`.
    pub fn is_fact(&self, id: &str) -> bool {
        match id.strip_prefix("disease:") {
            Some(d) => self.diseases.iter().any(|x| x.id == d),
            None => self.facts.iter().any(|f| f.id == id),
        }
    }

    fn known_areas(&self, what: &str, ids: &[String]) -> Result<(), DataError> {
        match ids
            .iter()
            .find(|id| !self.areas.iter().any(|a| &a.id == *id))
        {
            Some(id) => Err(DataError::new(what, format!("unknown area {id:?}"))),
            None => Ok(()),
        }
    }

    fn known_categories(&self, what: &str, ids: &[String]) -> Result<(), DataError> {
        match ids
            .iter()
            .find(|id| !self.categories.iter().any(|c| &c.id == *id))
        {
            Some(id) => Err(DataError::new(what, format!("unknown category {id:?}"))),
            None => Ok(()),
        }
    }
}
