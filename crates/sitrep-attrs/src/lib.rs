//! Event attributes: quantities, dates, direct quotes with their speakers, and cited
//! sources (`reported_by`), read from one sentence's tokens and word analyses.
//!
//! * [`Attrs`]: the extractor, built once from the word lists in `data/attrs/*.tsv`
//!   (compiled into hash maps; a malformed row fails at construction, naming file and
//!   line). Share it across threads.
//! * [`Sent`]: the view of one sentence (or any run of tokens, such as a paragraph for
//!   quotes over several sentences) that every extractor reads: document text, the
//!   document's tokens and analyses, and the token range. Token indices in every result
//!   are the document's, the same as [`sitrep_entities::Found::tokens`], so a result can
//!   be tied to the event argument whose phrase contains it.
//! * [`Attrs::quantities`] → [`Quantity`] (module [`quantity`]),
//!   [`Attrs::dates`] → [`TimeExpr`] (module [`time`]),
//!   [`Attrs::quotes`] → [`QuoteFound`] with [`Speaker`] (module [`quote`]),
//!   [`Attrs::sources`] → [`Source`] (module [`source`]).
//!
//! All functions are pure: no I/O, no global state, no panics on any input (tokens that do
//! not fit the text, analyses of the wrong length, and ranges past the end are tolerated:
//! such tokens read as empty words without analysis). Every span is a UTF-8 byte range
//! into the document text. The rules and their known limits are written in each module's
//! documentation.

pub mod quantity;
pub mod quote;
pub mod source;
pub mod time;

mod lexicon;
mod number;

pub use lexicon::Part;
pub use quantity::{Bound, Quantity};
pub use quote::{QuoteFound, QuoteKind, Speaker, SpeakerRule};
pub use source::{Source, SourceRule};
pub use time::{Granularity, TenseHint, TimeExpr};

use lexicon::{LangLex, Lexicon};
use sitrep_core::{Language, Span, Token, TokenKind, Upos};
use sitrep_tag::WordAnalysis;
use std::borrow::Cow;
use std::ops::Range;

/// A malformed row in one of the word lists.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("data/attrs/{file}:{line}: {message}")]
pub struct DataError {
    file: &'static str,
    line: usize,
    message: String,
}

impl DataError {
    pub(crate) fn new(file: &'static str, line: usize, message: String) -> DataError {
        DataError {
            file,
            line,
            message,
        }
    }
    /// The file name under `data/attrs/`.
    pub fn file(&self) -> &str {
        self.file
    }
    /// The 1-based line number.
    pub fn line(&self) -> usize {
        self.line
    }
}

/// The attribute extractor for both languages. Build once (well under a millisecond),
/// share across threads.
#[derive(Debug, Clone)]
pub struct Attrs {
    lex: Lexicon,
}

impl Attrs {
    /// The extractor with the shipped word lists (`data/attrs/*.tsv`).
    pub fn new() -> Result<Attrs, DataError> {
        Ok(Attrs {
            lex: Lexicon::shipped()?,
        })
    }

    /// The extractor with other word lists, in the format of the shipped files (for tests
    /// and list development): numbers, modifiers, time, speech, sources.
    pub fn from_tsv(
        numbers: &str,
        modifiers: &str,
        time: &str,
        speech: &str,
        sources: &str,
    ) -> Result<Attrs, DataError> {
        Ok(Attrs {
            lex: Lexicon::parse(numbers, modifiers, time, speech, sources)?,
        })
    }

    /// Whether `word` is a role noun that names one person (`Bundeskanzler`, `Chef`,
    /// `president`): it ends in a `role` row of `speech.tsv` (compared in lower case).
    pub fn is_role(&self, lang: Language, word: &str) -> bool {
        let w = word.to_lowercase();
        self.lex(lang).roles.iter().any(|r| w.ends_with(r.as_str()))
    }

    /// Whether `word` names a weekday (`Wednesday`, `Mittwoch`): a `weekday` row of
    /// `time.tsv` (compared in lower case).
    pub fn is_weekday(&self, lang: Language, word: &str) -> bool {
        self.time_word(lang, word, |t| matches!(t, lexicon::TimeWord::Weekday(_)))
    }

    /// Whether `word` names a day counted from the publication date (`yesterday`,
    /// `tonight`, `heute`): a `day` row of `time.tsv` (compared in lower case).
    pub fn is_relative_day(&self, lang: Language, word: &str) -> bool {
        self.time_word(lang, word, |t| matches!(t, lexicon::TimeWord::Day(_)))
    }

    fn time_word(
        &self,
        lang: Language,
        word: &str,
        kind: impl Fn(&lexicon::TimeWord) -> bool,
    ) -> bool {
        self.lex(lang)
            .time
            .get(&word.to_lowercase())
            .is_some_and(|ts| ts.iter().any(kind))
    }

    /// Whether `word` is a noun of a text or medium (`Zeitung`, `Schriftstücken`,
    /// `report`) with which a definite citation points back at the source named before:
    /// the `backnoun` rows of `sources.tsv` (compared in lower case).
    pub fn refers_back(&self, lang: Language, word: &str) -> bool {
        self.lex(lang).back_nouns.contains(&word.to_lowercase())
    }

    pub(crate) fn lex(&self, lang: Language) -> &LangLex {
        &self.lex.langs[lang as usize]
    }
}

/// One sentence (or a longer run of tokens) as the extractors see it.
///
/// Build it once per sentence and pass it to each extractor: it lower-cases the words
/// once.
#[derive(Debug, Clone)]
pub struct Sent<'a> {
    pub lang: Language,
    pub text: &'a str,
    /// The document's tokens.
    pub tokens: &'a [Token],
    /// The document's word analyses, one per token (may be empty: then the extractors use
    /// the word forms alone and find less).
    pub words: &'a [WordAnalysis],
    /// The token range of the sentence, clamped to `tokens`.
    pub range: Range<usize>,
    lower: Vec<Cow<'a, str>>,
}

impl<'a> Sent<'a> {
    /// The view of `tokens[range]`. Out-of-range or reversed ranges are clamped.
    pub fn new(
        lang: Language,
        text: &'a str,
        tokens: &'a [Token],
        words: &'a [WordAnalysis],
        range: Range<usize>,
    ) -> Sent<'a> {
        let end = range.end.min(tokens.len());
        let start = range.start.min(end);
        let lower = tokens[start..end]
            .iter()
            .map(|t| {
                let w = t.span.get(text).unwrap_or("");
                if w.chars().any(char::is_uppercase) {
                    sitrep_core::lower::lower(w)
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect();
        Sent {
            lang,
            text,
            tokens,
            words,
            range: start..end,
            lower,
        }
    }

    /// The view of all `tokens`.
    pub fn whole(
        lang: Language,
        text: &'a str,
        tokens: &'a [Token],
        words: &'a [WordAnalysis],
    ) -> Sent<'a> {
        Sent::new(lang, text, tokens, words, 0..tokens.len())
    }

    #[inline]
    pub(crate) fn start(&self) -> usize {
        self.range.start
    }
    #[inline]
    pub(crate) fn end(&self) -> usize {
        self.range.end
    }
    #[inline]
    pub(crate) fn has(&self, i: usize) -> bool {
        self.range.contains(&i)
    }

    /// The word as written ("" outside the range or the text).
    #[inline]
    pub(crate) fn form(&self, i: usize) -> &'a str {
        if !self.has(i) {
            return "";
        }
        self.tokens[i].span.get(self.text).unwrap_or("")
    }

    /// The word in lower case ("" outside the range).
    #[inline]
    pub(crate) fn lc(&self, i: usize) -> &str {
        if !self.has(i) {
            return "";
        }
        &self.lower[i - self.range.start]
    }

    #[inline]
    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.has(i).then(|| self.tokens[i].kind)
    }

    /// The next token follows with no space.
    #[inline]
    pub(crate) fn joined(&self, i: usize) -> bool {
        self.has(i) && self.tokens[i].joined
    }

    #[inline]
    pub(crate) fn word(&self, i: usize) -> Option<&'a WordAnalysis> {
        if self.has(i) && self.words.len() == self.tokens.len() {
            self.words.get(i)
        } else {
            None
        }
    }

    #[inline]
    pub(crate) fn upos(&self, i: usize) -> Option<Upos> {
        self.word(i).map(|w| w.upos)
    }

    /// The lemma in lower case when the tagger gave one, else the lower-cased form.
    pub(crate) fn lemma_lc(&self, i: usize) -> Cow<'_, str> {
        match self.word(i) {
            Some(w) if !w.lemma.is_empty() && w.lemma != "_" => {
                if w.lemma.chars().any(char::is_uppercase) {
                    sitrep_core::lower::lower(&w.lemma)
                } else {
                    Cow::Borrowed(w.lemma.as_str())
                }
            }
            _ => Cow::Borrowed(self.lc(i)),
        }
    }

    /// The lemma as the tagger gave it, else the form.
    pub(crate) fn lemma(&self, i: usize) -> &'a str {
        match self.word(i) {
            Some(w) if !w.lemma.is_empty() && w.lemma != "_" => &w.lemma,
            _ => self.form(i),
        }
    }

    /// Byte span of tokens `r` (empty span at the text's end for an empty range).
    pub(crate) fn span(&self, r: Range<usize>) -> Span {
        if r.start >= r.end || r.end > self.tokens.len() {
            let at = self
                .tokens
                .get(r.start)
                .map_or(0, |t| t.span.start as usize);
            return Span::new(at, at);
        }
        let (a, b) = (
            self.tokens[r.start].span.start,
            self.tokens[r.end - 1].span.end,
        );
        Span {
            start: a,
            end: b.max(a),
        }
    }

    pub(crate) fn is_punct(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Punct))
    }

    /// A quotation mark token.
    pub(crate) fn is_quote(&self, i: usize) -> bool {
        let f = self.form(i);
        f.chars().count() == 1 && f.chars().next().is_some_and(quote::is_quote_char)
    }

    /// Sentence-final punctuation.
    pub(crate) fn is_final(&self, i: usize) -> bool {
        matches!(self.form(i), "." | "!" | "?" | "…")
    }

    /// A determiner, or a word the tagger leaves out but that is one.
    pub(crate) fn is_det(&self, i: usize) -> bool {
        matches!(self.upos(i), Some(Upos::Det))
            || matches!(
                self.lc(i),
                "der" | "die" | "das" | "dem" | "den" | "des" | "the" | "a" | "an"
            )
    }

    /// The last token of a hyphen compound that starts at `i` (`US` `-` `Soldaten`), or
    /// `i` itself.
    pub(crate) fn compound_end(&self, i: usize) -> usize {
        let mut j = i;
        while self.joined(j) && self.form(j + 1) == "-" && self.joined(j + 1) && self.has(j + 2) {
            j += 2;
        }
        j
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lists_load() {
        let a = Attrs::new().unwrap();
        for l in Language::ALL {
            let x = a.lex(l);
            assert!(x.numbers.len() > 30, "{l}");
            assert!(x.time.len() > 40, "{l}");
            assert!(x.speech.len() > 20, "{l}");
            assert!(!x.modifiers.is_empty() && !x.sources.is_empty(), "{l}");
        }
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let ok = "lang\tword\tkind\n";
        let e = Attrs::from_tsv(
            "# c\nlang\tword\tkind\tvalue\nde\tzwei\tcard\n",
            ok,
            "lang\tw\tk\tv\n",
            ok,
            ok,
        )
        .unwrap_err();
        assert_eq!((e.file(), e.line()), ("numbers.tsv", 3));
        let e = Attrs::from_tsv(
            "lang\tword\tkind\tvalue\nde\tZwei\tcard\t2\n",
            ok,
            "lang\tw\tk\tv\n",
            ok,
            ok,
        )
        .unwrap_err();
        assert!(e.to_string().contains("lower case"), "{e}");
        let e = Attrs::from_tsv(
            "lang\tword\tkind\tvalue\n",
            "lang\tphrase\tkind\nde\tetwa\tapprox\nde\tetwa\tmin\n",
            "lang\tw\tk\tv\n",
            ok,
            ok,
        )
        .unwrap_err();
        assert!(e.to_string().contains("twice"), "{e}");
        let e = Attrs::from_tsv(
            "lang\tword\tkind\tvalue\n",
            ok,
            "lang\tw\tk\tv\nfr\tlundi\tweekday\t1\n",
            ok,
            ok,
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown language"), "{e}");
    }
}
