//! The visits deleted from the calculator's form, each put back where it was by 撤销删除, and what was
//! done last, to say it, while the form is as the last deletion or undo left it (any other change ends
//! it). A second tap on 删除 right after one is not another deletion: the next visit's 删除 has moved
//! up under the finger.

use std::fmt;

use crate::form::{CalcForm, VisitForm};

/// How soon after a deletion a tap on 删除 is taken as the same tap again (a double tap), in ms; an undo in
/// between makes the next tap a new one.
pub const TAP_AGAIN_MS: f64 = 700.0;

/// What was done last, as the page says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Done {
    /// Visit `number` (1-based) was deleted; `total` is its 医疗总费用 as typed.
    Deleted { number: usize, total: String },
    /// A deleted visit was put back as visit `number`.
    PutBack { number: usize },
}

impl fmt::Display for Done {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Deleted { number, total } if crate::amount::blank(total) => {
                write!(f, "已删除第 {number} 次就诊（没填金额）。")
            }
            Self::Deleted { number, total } => {
                write!(
                    f,
                    "已删除第 {number} 次就诊（医疗总费用 {}）。",
                    total.trim()
                )
            }
            Self::PutBack { number } => write!(f, "已放回第 {number} 次就诊。"),
        }
    }
}

/// The visits deleted so far, the last last, with the place each had.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deletions {
    deleted: Vec<(usize, VisitForm)>,
    last_ms: Option<f64>,
    done: Option<Done>,
    /// The form as the last deletion or undo left it.
    left: Option<CalcForm>,
}

impl Deletions {
    /// Deletes visit `index` of `form` at the time `now_ms`, unless it is the only visit, there is no
    /// such visit, or a deletion came less than [`TAP_AGAIN_MS`] before. Whether it deleted.
    pub fn delete(&mut self, form: &mut CalcForm, index: usize, now_ms: f64) -> bool {
        let again = self.last_ms.is_some_and(|t| now_ms - t < TAP_AGAIN_MS);
        if again || form.visits.len() < 2 || index >= form.visits.len() {
            return false;
        }
        if !self.current(form) {
            self.deleted.clear();
        }
        let visit = form.visits.remove(index);
        self.done = Some(Done::Deleted {
            number: index + 1,
            total: visit.total.clone(),
        });
        self.deleted.push((index, visit));
        self.last_ms = Some(now_ms);
        self.left = Some(form.clone());
        true
    }

    /// Whether `form` is as the last deletion or undo left it.
    fn current(&self, form: &CalcForm) -> bool {
        self.left.as_ref() == Some(form)
    }

    /// Puts the last deleted visit back where it was (at the end if the form has fewer visits now), if
    /// the form is as the last deletion or undo left it. The index it went to.
    pub fn undo(&mut self, form: &mut CalcForm) -> Option<usize> {
        self.next_back(form)?;
        let (at, visit) = self.deleted.pop()?;
        let at = at.min(form.visits.len());
        form.visits.insert(at, visit);
        // The next tap on 删除 is not the same tap again.
        self.last_ms = None;
        self.done = Some(Done::PutBack { number: at + 1 });
        self.left = Some(form.clone());
        Some(at)
    }

    /// The visit (1-based) 撤销删除 would put back into `form`, if it can.
    pub fn next_back(&self, form: &CalcForm) -> Option<usize> {
        // (A form as the last deletion or undo left it has room for every visit deleted.)
        let (at, _) = self.deleted.last().filter(|_| self.current(form))?;
        Some(*at.min(&form.visits.len()) + 1)
    }

    /// What was done last to `form`, if it is still as that left it.
    pub fn done(&self, form: &CalcForm) -> Option<&Done> {
        self.done.as_ref().filter(|_| self.current(form))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(totals: &[&str]) -> CalcForm {
        CalcForm {
            visits: totals
                .iter()
                .map(|t| VisitForm {
                    total: t.to_string(),
                    ..VisitForm::default()
                })
                .collect(),
            ..CalcForm::default()
        }
    }

    fn totals(f: &CalcForm) -> Vec<&str> {
        f.visits.iter().map(|v| v.total.as_str()).collect()
    }

    /// An action on the form: delete visit `index` at a time, undo, or type into the first visit.
    enum Act {
        Delete(usize, f64),
        Undo,
        Edit,
    }
    use Act::*;

    /// name, the form's totals, the actions, the totals after, what is said, the next to put back.
    type Case<'a> = (
        &'a str,
        &'a [&'a str],
        &'a [Act],
        &'a [&'a str],
        Option<&'a str>,
        Option<usize>,
    );

    #[test]
    fn deletions_and_undos() {
        #[rustfmt::skip]
        let cases: &[Case] = &[
            ("middle deleted", &["1", "2", "3"], &[Delete(1, 0.0)], &["1", "3"], Some("已删除第 2 次就诊（医疗总费用 2）。"), Some(2)),
            ("and put back", &["1", "2", "3"], &[Delete(1, 0.0), Undo], &["1", "2", "3"], Some("已放回第 2 次就诊。"), None),
            ("a double tap deletes one", &["1", "2", "3"], &[Delete(1, 0.0), Delete(1, 300.0)], &["1", "3"], Some("已删除第 2 次就诊（医疗总费用 2）。"), Some(2)),
            ("a tap after an undo deletes", &["1", "2", "3"], &[Delete(1, 0.0), Undo, Delete(1, 300.0)], &["1", "3"], Some("已删除第 2 次就诊（医疗总费用 2）。"), Some(2)),
            ("two taps apart delete two", &["1", "2", "3"], &[Delete(1, 0.0), Delete(1, 800.0)], &["1"], Some("已删除第 2 次就诊（医疗总费用 3）。"), Some(2)),
            ("undone last first", &["1", "2", "3"], &[Delete(0, 0.0), Delete(1, 800.0), Undo, Undo], &["1", "2", "3"], Some("已放回第 1 次就诊。"), None),
            ("the last visit stays", &["1"], &[Delete(0, 0.0)], &["1"], None, None),
            ("a blank visit", &["1", ""], &[Delete(1, 0.0)], &["1"], Some("已删除第 2 次就诊（没填金额）。"), Some(2)),
            ("put back at the end when fewer", &["1", "2", "3"], &[Delete(2, 0.0), Delete(1, 800.0), Undo], &["1", "2"], Some("已放回第 2 次就诊。"), Some(3)),
            ("nothing to undo", &["1", "2"], &[Undo], &["1", "2"], None, None),
            ("an edit after it ends it", &["1", "2"], &[Delete(1, 0.0), Edit, Undo], &["10"], None, None),
            ("a deletion after an edit starts anew", &["1", "2", "3"], &[Delete(2, 0.0), Edit, Delete(1, 800.0), Undo, Undo], &["10", "2"], Some("已放回第 2 次就诊。"), None),
        ];
        for (name, start, acts, want, said, next) in cases {
            let mut f = form(start);
            let mut d = Deletions::default();
            for act in *acts {
                match act {
                    Delete(i, t) => {
                        d.delete(&mut f, *i, *t);
                    }
                    Undo => {
                        d.undo(&mut f);
                    }
                    Edit => f.visits[0].total.push('0'),
                }
            }
            assert_eq!(totals(&f), *want, "{name}");
            assert_eq!(
                d.done(&f).map(ToString::to_string).as_deref(),
                *said,
                "{name}"
            );
            assert_eq!(d.next_back(&f), *next, "{name}");
        }
    }
}
