//! Where the checker's data lives at run time. With the feature `embed` (the default: tests and native
//! tools) each part is built into the program; without it (the web app) the site generator publishes each
//! part as `/data/<file>` and the app installs it before first use, so the pages that never need it do not
//! carry it, and the wasm stays small.

use std::sync::OnceLock;

use policy_content::site::CheckerPage;
use serde::de::DeserializeOwned;

/// One part of the checker's data, validated at build time (see `build.rs`) and kept in postcard's compact
/// binary form (its decoder is much smaller in the wasm than a JSON parser).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// `content/eligibility.toml`: the rules of the eligibility checker.
    Eligibility,
    /// `content/forms/*.toml`: the official self-check forms.
    Forms,
    /// `content/quiz.toml`: the policy-awareness quiz.
    Quiz,
    /// `content/villages.toml`: the 包抓到村 village index.
    Villages,
}

/// The published file names, in the order of [`Part::ALL`] (`{stem}-{content hash}.bin`).
const PUBLISHED: [&str; 4] = include!(concat!(env!("OUT_DIR"), "/published.rs"));

impl Part {
    /// Every part.
    pub const ALL: [Part; 4] = [Part::Eligibility, Part::Forms, Part::Quiz, Part::Villages];

    /// The parts each checker page uses: what its app installs before it shows the page, and what the
    /// page's HTML preloads.
    pub fn for_page(page: CheckerPage) -> &'static [Part] {
        match page {
            CheckerPage::Check => &[Part::Eligibility],
            CheckerPage::SelfCheck => &[Part::Forms, Part::Quiz],
            CheckerPage::Villages => &[Part::Villages],
        }
    }

    /// The file name it is published under in the site's `/data/` directory. It carries a hash of the
    /// contents, so a browser never mixes a new app with an old cached file.
    pub fn file(self) -> &'static str {
        PUBLISHED[self as usize]
    }

    /// Where the site publishes it: `/data/` and [`Part::file`].
    pub fn url(self) -> String {
        format!("/data/{}", self.file())
    }

    /// The data built into the program.
    #[cfg(feature = "embed")]
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Part::Eligibility => include_bytes!(concat!(env!("OUT_DIR"), "/eligibility.bin")),
            Part::Forms => include_bytes!(concat!(env!("OUT_DIR"), "/forms.bin")),
            Part::Quiz => include_bytes!(concat!(env!("OUT_DIR"), "/quiz.bin")),
            Part::Villages => include_bytes!(concat!(env!("OUT_DIR"), "/villages.bin")),
        }
    }

    /// Whether this part is ready to use (always, with `embed`).
    pub fn installed(self) -> bool {
        cfg!(feature = "embed")
            || match self {
                Part::Eligibility => crate::eligibility::DATA.get().is_some(),
                Part::Forms => crate::forms::FORMS.get().is_some(),
                Part::Quiz => crate::quiz::QUIZ.get().is_some(),
                Part::Villages => crate::villages::INDEX.get().is_some(),
            }
    }

    /// Installs this part from the bytes published as [`Part::file`]. Installing twice keeps the first.
    pub fn install(self, bytes: &[u8]) -> Result<(), postcard::Error> {
        match self {
            Part::Eligibility => set(&crate::eligibility::DATA, bytes),
            Part::Forms => set(&crate::forms::FORMS, bytes),
            Part::Quiz => set(&crate::quiz::QUIZ, bytes),
            Part::Villages => set(&crate::villages::INDEX, bytes),
        }
    }
}

fn set<T: DeserializeOwned>(cell: &OnceLock<T>, bytes: &[u8]) -> Result<(), postcard::Error> {
    if cell.get().is_none() {
        let _ = cell.set(postcard::from_bytes(bytes)?);
    }
    Ok(())
}

/// The part held in `cell`: installed, or else built in.
///
/// # Panics
/// Without `embed`, if the part was not installed: the app installs every part a page needs before it
/// shows the page.
pub(crate) fn get<T: DeserializeOwned>(cell: &'static OnceLock<T>, part: Part) -> &'static T {
    cell.get_or_init(|| {
        #[cfg(feature = "embed")]
        {
            postcard::from_bytes(part.bytes()).expect("built-in data decodes")
        }
        #[cfg(not(feature = "embed"))]
        {
            panic!("checker data {part:?} used before it was installed")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_names_are_distinct_and_hashed() {
        let names: Vec<&str> = Part::ALL.iter().map(|p| p.file()).collect();
        for (part, name) in Part::ALL.iter().zip(&names) {
            let stem = format!("{part:?}").to_lowercase();
            assert!(
                name.starts_with(&format!("{stem}-")) && name.ends_with(".bin"),
                "{name}"
            );
            assert_eq!(name.len(), stem.len() + 1 + 16 + 4, "{name}");
        }
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
    }

    #[cfg(feature = "embed")]
    #[test]
    fn installing_keeps_the_data_usable() {
        for part in Part::ALL {
            part.install(part.bytes()).unwrap();
            assert!(part.installed());
        }
        assert!(
            Part::Quiz.install(b"\xff").is_ok(),
            "already installed: kept"
        );
    }
}
