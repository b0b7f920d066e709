use crate::LanguageError;
use std::fmt;

/// What went wrong with one document. The batch goes on with the next one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    #[error("cannot read: {0}")]
    Io(String),
    #[error("document too large: {size} bytes (limit {limit}; see --max-document-bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("line too long: more than {limit} bytes (see --max-line-bytes)")]
    LineTooLong { limit: u64 },
    #[error("not text: {0}")]
    NotText(String),
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("invalid field {field:?}: {reason}")]
    Field { field: &'static str, reason: String },
    #[error("invalid HTML: {0}")]
    Html(String),
    #[error(transparent)]
    Language(#[from] LanguageError),
    #[error("cannot identify the language: {0} (give it with --language or a \"language\" field)")]
    LanguageUndetermined(String),
    /// A defect in sitrep met on this document (a panic caught by the pipeline): the
    /// document is reported and a batch goes on with the next one.
    #[error("internal error while analysing (a bug in sitrep; please report it with this document): {0}")]
    Internal(String),
}

/// A [`Problem`] with the document it concerns: a file name, `FILE:LINE` for JSON Lines,
/// or `-` (`-:LINE`) for standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocError {
    pub doc: String,
    pub problem: Problem,
}

impl DocError {
    pub fn new(doc: impl Into<String>, problem: Problem) -> Self {
        DocError {
            doc: doc.into(),
            problem,
        }
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.doc, self.problem)
    }
}

impl std::error::Error for DocError {}
