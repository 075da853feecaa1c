//! Errors of the content pipeline, each carrying the data needed to find and fix the problem.

use std::fmt;

/// What can be wrong with a document in `content/docs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    /// The file does not start with a `+++` front matter block.
    FrontMatterMissing { file: String },
    /// The front matter is not valid TOML for the model, or a field is empty or malformed.
    FrontMatterInvalid { file: String, message: String },
    /// A heading has no explicit `{#id}`.
    HeadingWithoutId { slug: String, heading: String },
    /// An id is used twice in one document.
    DuplicateId { slug: String, id: String },
    /// An id is not short lowercase ASCII (`[a-z0-9][a-z0-9-]*`).
    BadId { slug: String, id: String },
    /// The body has a level-1 heading (the title comes from the front matter).
    TopLevelHeading { slug: String, heading: String },
    /// Two documents share a slug, or a slug differs from its file name.
    SlugMismatch { file: String, slug: String },
    /// Reading a file or directory failed.
    Io { path: String, message: String },
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::FrontMatterMissing { file } => {
                write!(f, "{file}: no +++ front matter at the top")
            }
            Self::FrontMatterInvalid { file, message } => {
                write!(f, "{file}: front matter: {message}")
            }
            Self::HeadingWithoutId { slug, heading } => {
                write!(f, "{slug}: heading \"{heading}\" has no {{#id}}")
            }
            Self::DuplicateId { slug, id } => {
                write!(f, "{slug}: id \"{id}\" is used more than once")
            }
            Self::BadId { slug, id } => write!(
                f,
                "{slug}: id \"{id}\" must be lowercase ASCII letters, digits and -"
            ),
            Self::TopLevelHeading { slug, heading } => {
                write!(
                    f,
                    "{slug}: level-1 heading \"{heading}\" (the title comes from the front matter)"
                )
            }
            Self::SlugMismatch { file, slug } => write!(
                f,
                "{file}: slug \"{slug}\" is duplicated or differs from the file name"
            ),
            Self::Io { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for ContentError {}
