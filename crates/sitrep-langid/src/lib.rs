//! Language identification.
//!
//! PLACEHOLDER: a function-word count between German and English; replaced by the real
//! identifier that also recognises (and names) unsupported languages.

use sitrep_core::Problem;
use sitrep_core::Language;

/// Identifies the language of a document.
#[derive(Debug, Clone, Default)]
pub struct LanguageIdentifier {}

impl LanguageIdentifier {
    pub fn new() -> Self {
        LanguageIdentifier {}
    }

    /// The document's language, or why it cannot be analysed
    /// (`Problem::Language(LanguageError::Unsupported{..})` for e.g. Finnish,
    /// `Problem::LanguageUndetermined` for text without enough letters).
    pub fn identify(&self, text: &str) -> Result<Language, Problem> {
        let (mut de, mut en) = (0, 0);
        for w in text.split(|c: char| !c.is_alphabetic()) {
            match w.to_lowercase().as_str() {
                "der" | "die" | "das" | "und" | "ist" | "nicht" | "mit" => de += 1,
                "the" | "and" | "is" | "of" | "not" | "with" | "to" => en += 1,
                _ => {}
            }
        }
        match de.cmp(&en) {
            std::cmp::Ordering::Greater => Ok(Language::De),
            std::cmp::Ordering::Less => Ok(Language::En),
            std::cmp::Ordering::Equal => Err(Problem::LanguageUndetermined("no evidence".into())),
        }
    }
}
