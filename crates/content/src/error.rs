//! Errors of the content pipeline, each carrying the data needed to find and fix the problem.

use std::fmt;

/// What can be wrong with a document in `content/docs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    /// The front matter is missing, unclosed, not valid TOML for the model, or a field is empty or
    /// malformed. `line` is 1-based in the document file, when known.
    FrontMatter {
        line: Option<usize>,
        message: String,
    },
    /// A heading has no explicit `{#id}`.
    HeadingWithoutId { slug: String, heading: String },
    /// An id is used twice in one document.
    DuplicateId { slug: String, id: String },
    /// An id is not short lowercase ASCII (`[a-z0-9][a-z0-9-]*`).
    BadId { slug: String, id: String },
    /// The body has a level-1 heading (the title comes from the front matter).
    TopLevelHeading { slug: String, heading: String },
    /// A document's slug differs from its file name (`<slug>.md`).
    SlugMismatch { path: String, slug: String },
    /// Two documents claim the same 文号, so citations of it could not be linked.
    DuplicateDocNumber {
        doc_number: String,
        first: String,
        second: String,
    },
    /// An error inside one file of the library (front matter errors carry no path of their own).
    InFile {
        path: String,
        error: Box<ContentError>,
    },
    /// Reading a file or directory failed.
    Io { path: String, message: String },
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::FrontMatter {
                line: Some(line),
                message,
            } => write!(f, "front matter, line {line}: {message}"),
            Self::FrontMatter {
                line: None,
                message,
            } => write!(f, "front matter: {message}"),
            Self::HeadingWithoutId { slug, heading } => write!(
                f,
                "{slug}: heading \"{heading}\" has no {{#id}} (write `## {heading} {{#some-id}}`)"
            ),
            Self::DuplicateId { slug, id } => {
                write!(f, "{slug}: id \"{id}\" is used more than once")
            }
            Self::BadId { slug, id } => write!(
                f,
                "{slug}: id \"{id}\" must match [a-z0-9][a-z0-9-]* (short lowercase ASCII)"
            ),
            Self::TopLevelHeading { slug, heading } => write!(
                f,
                "{slug}: level-1 heading \"{heading}\" (the title comes from the front matter; start at ##)"
            ),
            Self::SlugMismatch { path, slug } => write!(
                f,
                "{path}: slug \"{slug}\" differs from the file name (it must be {slug}.md)"
            ),
            Self::DuplicateDocNumber {
                doc_number,
                first,
                second,
            } => write!(
                f,
                "documents \"{first}\" and \"{second}\" both have the 文号 {doc_number}"
            ),
            Self::InFile { path, error } => write!(f, "{path}: {error}"),
            Self::Io { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

/// `InFile` shows its inner error in its message, so no `source()` chain (it would print twice).
impl std::error::Error for ContentError {}
