//! HTML templates kept as files (`crates/sitegen/templates/*.html`): each file holds named blocks
//! (`<!-- block NAME -->…<!-- end -->`) with `{{slot}}` places. A block is filled with markup the caller has
//! already made safe (text through [`crate::html::esc`], the one escaper); a slot left unfilled or a
//! value for a slot the block does not have is an error, so a template and its caller cannot drift apart.

use std::collections::BTreeMap;

/// The blocks of one template file.
#[derive(Debug)]
pub struct Blocks {
    file: &'static str,
    blocks: BTreeMap<&'static str, &'static str>,
}

/// A template or its use that does not fit.
#[derive(Debug, PartialEq, Eq)]
pub enum BlockError {
    /// A `<!-- block … -->` without its `<!-- end -->`.
    Unclosed {
        /// The template file.
        file: &'static str,
        /// The block.
        block: String,
    },
    /// No block of this name.
    Missing {
        /// The template file.
        file: &'static str,
        /// The block asked for.
        block: String,
    },
    /// A slot the caller did not fill, or a value for a slot the block does not have.
    Slot {
        /// The template file.
        file: &'static str,
        /// The block.
        block: String,
        /// The slot.
        slot: String,
    },
}

impl std::fmt::Display for BlockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unclosed { file, block } => {
                write!(f, "{file}: block {block} has no <!-- end -->")
            }
            Self::Missing { file, block } => write!(f, "{file}: no block {block}"),
            Self::Slot { file, block, slot } => {
                write!(f, "{file}: block {block}: slot {{{{{slot}}}}} not matched")
            }
        }
    }
}

impl std::error::Error for BlockError {}

const OPEN: &str = "<!-- block ";
const END: &str = "<!-- end -->";

impl Blocks {
    /// Parses the blocks of `src` (text outside blocks is the file's comments and ignored).
    pub fn parse(file: &'static str, src: &'static str) -> Result<Self, BlockError> {
        let mut blocks = BTreeMap::new();
        let mut rest = src;
        while let Some(at) = rest.find(OPEN) {
            let after = &rest[at + OPEN.len()..];
            let (name, body) = after.split_once(" -->").ok_or(BlockError::Unclosed {
                file,
                block: after.chars().take(20).collect(),
            })?;
            let end = body.find(END).ok_or(BlockError::Unclosed {
                file,
                block: name.to_string(),
            })?;
            blocks.insert(name.trim(), body[..end].trim());
            rest = &body[end + END.len()..];
        }
        Ok(Self { file, blocks })
    }

    /// Block `name` with every `{{slot}}` replaced by its value.
    pub fn fill(&self, name: &str, slots: &[(&str, &str)]) -> Result<String, BlockError> {
        let body = self.blocks.get(name).ok_or(BlockError::Missing {
            file: self.file,
            block: name.to_string(),
        })?;
        let slot_error = |slot: &str| BlockError::Slot {
            file: self.file,
            block: name.to_string(),
            slot: slot.to_string(),
        };
        let mut out = String::with_capacity(body.len());
        let mut used = vec![false; slots.len()];
        let mut rest = *body;
        while let Some(at) = rest.find("{{") {
            out.push_str(&rest[..at]);
            let (slot, after) = rest[at + 2..]
                .split_once("}}")
                .ok_or_else(|| slot_error(&rest[at..]))?;
            let i = slots
                .iter()
                .position(|(k, _)| *k == slot)
                .ok_or_else(|| slot_error(slot))?;
            used[i] = true;
            out.push_str(slots[i].1);
            rest = after;
        }
        out.push_str(rest);
        match used.iter().position(|u| !u) {
            Some(i) => Err(slot_error(slots[i].0)),
            None => Ok(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "comment\n<!-- block row -->\n<tr><td>{{a}}</td><td>{{b}}{{a}}</td></tr>\n<!-- end -->\n<!-- block empty --><!-- end -->";

    #[test]
    fn fills_blocks_and_refuses_what_does_not_match() {
        let b = Blocks::parse("t.html", SRC).unwrap();
        for (block, slots, want) in [
            (
                "row",
                vec![("a", "1"), ("b", "&lt;")],
                Ok("<tr><td>1</td><td>&lt;1</td></tr>".to_string()),
            ),
            ("empty", vec![], Ok(String::new())),
            (
                "row",
                vec![("a", "1")],
                Err(BlockError::Slot {
                    file: "t.html",
                    block: "row".into(),
                    slot: "b".into(),
                }),
            ),
            (
                "row",
                vec![("a", "1"), ("b", "2"), ("c", "3")],
                Err(BlockError::Slot {
                    file: "t.html",
                    block: "row".into(),
                    slot: "c".into(),
                }),
            ),
            (
                "nope",
                vec![],
                Err(BlockError::Missing {
                    file: "t.html",
                    block: "nope".into(),
                }),
            ),
        ] {
            assert_eq!(b.fill(block, &slots), want, "{block} {slots:?}");
        }
        assert!(matches!(
            Blocks::parse("u.html", "<!-- block x -->no end"),
            Err(BlockError::Unclosed { .. })
        ));
    }
}
