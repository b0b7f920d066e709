use crate::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What kind of string a token is, as the segmenter sees it (before any tagging).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, periods of abbreviations or digits.
    Word,
    /// Digits with separators: `2.000`, `1,5`, `21.` (German ordinal), `3/4`.
    Number,
    /// Clock time: `10:30`, `9.30` where written as a time.
    Time,
    Punct,
    Symbol,
    Url,
    Email,
    /// `#hashtag` or `@handle`.
    Tag,
    /// Emoji, emoticons and the like.
    Emoji,
    Other,
}

/// A token: a byte span into the text plus what the segmenter knows about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// True when the next token follows immediately, with no whitespace between
    /// (`US` `-` `Soldaten`; `do` `n't`). Later stages use this adjacency to see hyphenated
    /// compounds as one word.
    pub joined: bool,
}

/// A sentence: its byte span and the range of its tokens in [`Segmentation::tokens`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<u32>,
}

impl Sentence {
    /// The sentence of `tokens[first..end]` (`first < end`), spanning its first to its last
    /// token.
    pub fn covering(tokens: &[Token], first: usize, end: usize) -> Sentence {
        Sentence {
            span: Span {
                start: tokens[first].span.start,
                end: tokens[end - 1].span.end,
            },
            tokens: first as u32..end as u32,
        }
    }
}

/// Text between tokens may only be whitespace or invisible characters: a segmenter never
/// drops visible text.
fn check_gap(text: &str, start: usize, end: usize) -> Result<(), String> {
    let gap = text
        .get(start..end)
        .ok_or_else(|| format!("gap {start}..{end} off a char boundary"))?;
    match gap.char_indices().find(|&(_, c)| !is_ignorable(c)) {
        None => Ok(()),
        Some((i, c)) => Err(format!(
            "visible character {c:?} at byte {} is in no token",
            start + i
        )),
    }
}

/// Whitespace, control and zero-width format characters, which carry no token.
pub fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{FFFC}'
        )
}

/// The output of segmentation: tokens in text order and the sentences that partition them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Segmentation {
    pub fn clear(&mut self) {
        self.tokens.clear();
        self.sentences.clear();
    }

    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.start as usize..s.tokens.end as usize]
    }

    /// Checks the invariants every segmenter must keep, returning a description of the first
    /// violation: spans inside `text` on char boundaries, non-empty, in order, not
    /// overlapping; no token contains whitespace-only text; sentences partition the tokens
    /// in order and their spans run from their first token's start to their last token's end.
    pub fn check(&self, text: &str) -> Result<(), String> {
        let mut prev_end = 0u32;
        for (i, t) in self.tokens.iter().enumerate() {
            let s = t.span;
            if s.is_empty() || s.start < prev_end {
                return Err(format!(
                    "token {i} {s:?} empty or overlaps the previous one"
                ));
            }
            let Some(w) = s.get(text) else {
                return Err(format!(
                    "token {i} {s:?} outside the text or off a char boundary"
                ));
            };
            if w.trim().is_empty() {
                return Err(format!("token {i} {s:?} is whitespace"));
            }
            check_gap(text, prev_end as usize, s.start as usize)?;
            prev_end = s.end;
        }
        check_gap(text, prev_end as usize, text.len())?;
        let mut next = 0u32;
        for (i, s) in self.sentences.iter().enumerate() {
            if s.tokens.start != next || s.tokens.end <= s.tokens.start {
                return Err(format!(
                    "sentence {i} token range {:?} does not follow {next}",
                    s.tokens
                ));
            }
            next = s.tokens.end;
            let first = self.tokens.get(s.tokens.start as usize);
            let last = self.tokens.get(s.tokens.end as usize - 1);
            match (first, last) {
                (Some(f), Some(l)) if f.span.start == s.span.start && l.span.end == s.span.end => {}
                _ => {
                    return Err(format!(
                        "sentence {i} span {:?} does not match its tokens",
                        s.span
                    ))
                }
            }
        }
        if next as usize != self.tokens.len() {
            return Err(format!(
                "sentences cover {next} of {} tokens",
                self.tokens.len()
            ));
        }
        Ok(())
    }
}
