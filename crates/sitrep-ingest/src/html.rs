//! HTML → main text and metadata.
//!
//! PLACEHOLDER: strips tags; replaced by main-text extraction with an HTML5 parser.

use sitrep_core::{Limits, Problem};
use sitrep_core::Date;

/// What an HTML page yields: the article's main text and the metadata found in the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDocument {
    /// Main text; paragraphs (and headings, list items, ...) as blank-line-separated blocks.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<Date>,
    /// The `lang` attribute of `<html>` or a `content-language` meta tag, as written.
    pub language: Option<String>,
    /// Canonical URL (`<link rel=canonical>`, `og:url`).
    pub url: Option<String>,
    /// Site name (`og:site_name`, `application-name`).
    pub outlet: Option<String>,
}

/// Extracts the main text and metadata from an HTML page given as raw bytes; the charset
/// comes from a BOM, a `<meta charset>` declaration, or defaults to UTF-8.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<HtmlDocument, Problem> {
    let _ = limits;
    let s = String::from_utf8_lossy(bytes);
    let mut text = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Ok(HtmlDocument { text, ..Default::default() })
}
