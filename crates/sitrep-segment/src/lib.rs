//! Sentence and token segmentation for German and English, following the conventions of
//! UD German GSD and UD English EWT (see `tokenize` for the token rules and `sentence` for
//! the boundary rules).
//!
//! Language facts live in `data/segment/<lang>/*.txt` (reviewable word lists with a
//! header), embedded at compile time and parsed once by [`Segmenter::new`]; the English
//! sentence-boundary model, derived from share-alike data, lives apart in
//! `data/segment/en/cc-by-sa/` with its NOTICE. Segmentation is one pass over the bytes
//! with no allocation per token (the English model allocates one scratch buffer per
//! document); a [`Segmenter`] is immutable and shared across threads.

mod data;
mod model;
mod sentence;
mod tokenize;

pub use data::{DataError, SegmentData};
#[doc(hidden)]
pub use model::{TrainOptions, TrainingDoc};

use data::{FastMap, WordSet};
use sitrep_core::{Language, Segmentation};

/// Segments text of one language into sentences and tokens.
#[derive(Debug, Clone)]
pub struct Segmenter {
    language: Language,
    /// Kept whole with their final period, case-sensitive.
    abbreviations: WordSet,
    /// Abbreviations that may end a sentence.
    sentence_final_abbreviations: WordSet,
    /// Capitalised words that usually start a sentence (German).
    sentence_starters: WordSet,
    months: WordSet,
    /// Lower-case prefixes kept before a hyphen (English).
    hyphen_prefixes: WordSet,
    /// Lower-case word → byte lengths of its parts (English `cannot`).
    contractions: FastMap<Box<str>, Box<[u8]>>,
    model: Option<model::Model>,
    style: SentenceStyle,
}

/// What kind of text the sentence model expects.
///
/// Web text and mail often end sentences without punctuation (`Thanks John Great
/// service`); news almost never does, and there a boundary after a word most often cuts a
/// name in two (`Mark ⟂ Rutte`, `Human Rights ⟂ Watch`). So the learned model may cut after
/// a word only in [`SentenceStyle::Web`]; in [`SentenceStyle::News`] it decides only the
/// gaps after punctuation, and line breaks are left to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SentenceStyle {
    /// Edited prose: the default, and what the pipeline uses.
    #[default]
    News,
    /// Web text, forums, mail (UD English EWT).
    Web,
}

impl std::str::FromStr for SentenceStyle {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "news" => Ok(SentenceStyle::News),
            "web" => Ok(SentenceStyle::Web),
            _ => Err(format!(
                "unknown sentence style {s:?} (expected news or web)"
            )),
        }
    }
}

impl Segmenter {
    /// The segmenter for `language`, with the rules and word lists shipped in `data/`.
    pub fn new(language: Language) -> Self {
        // The shipped data is checked by the test suite (tests/data.rs); failing here is a
        // build defect, not an input error.
        Self::from_data(language, SegmentData::builtin(language))
            .expect("built-in segmentation data is valid")
    }

    /// A segmenter with custom data (tests, experiments); refuses malformed files.
    pub fn from_data(language: Language, d: SegmentData) -> Result<Self, DataError> {
        let mut abbreviations = data::word_set("abbreviations.txt", d.abbreviations)?;
        let sentence_final_abbreviations = data::word_set(
            "sentence-final-abbreviations.txt",
            d.sentence_final_abbreviations,
        )?;
        abbreviations.extend(sentence_final_abbreviations.iter().cloned());
        Ok(Segmenter {
            language,
            abbreviations,
            sentence_final_abbreviations,
            sentence_starters: data::word_set("sentence-starters.txt", d.sentence_starters)?,
            months: data::word_set("months.txt", d.months)?,
            hyphen_prefixes: data::word_set("hyphen-prefixes.txt", d.hyphen_prefixes)?,
            contractions: data::splits("contractions.txt", d.contractions)?,
            model: model::Model::parse("boundary-model.txt", d.boundary_model)?,
            style: SentenceStyle::default(),
        })
    }

    /// The same segmenter for another kind of text (see [`SentenceStyle`]).
    pub fn with_style(mut self, style: SentenceStyle) -> Self {
        self.style = style;
        self
    }

    pub fn style(&self) -> SentenceStyle {
        self.style
    }

    /// The same segmenter without its learned boundary model (rules only).
    pub fn without_model(mut self) -> Self {
        self.model = None;
        self
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// Segments `text`, replacing the contents of `out` (reuse `out` across documents to
    /// avoid allocation).
    pub fn segment_into(&self, text: &str, out: &mut Segmentation) {
        out.clear();
        // Spans are u32; ingest caps documents far below this, but never panic on input.
        if text.len() > u32::MAX as usize {
            return;
        }
        self.tokenize(text, &mut out.tokens);
        self.split_sentences(text, &out.tokens, &mut out.sentences);
    }

    pub fn segment(&self, text: &str) -> Segmentation {
        let mut out = Segmentation::default();
        self.segment_into(text, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segmenter_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Segmenter>();
    }
}
