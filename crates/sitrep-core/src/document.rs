use crate::{Date, Language};
use serde::{Deserialize, Serialize};

/// One input document as ingest delivers it: the text every span points into, plus metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: given by the input, else derived from its place (`FILE`, `FILE:LINE`).
    pub id: String,
    /// The document text. For HTML this is the extracted main text, not the markup.
    pub text: String,
    /// Declared or configured language; `None` means "identify it".
    pub language: Option<Language>,
    pub published: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }
}
