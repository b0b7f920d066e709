//! Sentence boundaries, decided at the gaps between tokens.
//!
//! Hard boundaries: a blank line, and a line break after a line that does not continue
//! (headlines, list items). Otherwise a boundary needs whitespace and follows terminal
//! punctuation (`.` `!` `?` `…` and runs of them, plus closing quotes and brackets) before
//! a word that does not start in lower case. Abbreviations, initials and ordinals (tokens
//! that kept their period) end a sentence only when listed as sentence-final and a typical
//! sentence start follows. For English a learned model (`model.rs`) decides the gaps with
//! whitespace inside a line instead.

use crate::tokenize::{char_at, is_quote};
use crate::Segmenter;
use sitrep_core::{Language, Sentence, Token, TokenKind};

/// What the gap after a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// No whitespace: never a boundary.
    Joined,
    Space,
    /// One line break.
    Newline,
    /// A blank line (two or more line breaks).
    Paragraph,
}

pub(crate) fn gap(text: &str, a: &Token, b: &Token) -> Gap {
    if a.joined {
        return Gap::Joined;
    }
    let g = &text.as_bytes()[a.span.end as usize..b.span.start as usize];
    match memchr_count(g) {
        0 => Gap::Space,
        1 => Gap::Newline,
        _ => Gap::Paragraph,
    }
}

fn memchr_count(g: &[u8]) -> usize {
    g.iter().filter(|&&b| b == b'\n').count()
        + usize::from(g.contains(&b'\r') && !g.contains(&b'\n'))
}

/// Only terminal punctuation: `.`, `!?`, `...`, `…`.
pub(crate) fn is_terminal(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// A token that may close a sentence after its terminal punctuation.
pub(crate) fn is_closer(w: &str) -> bool {
    let mut cs = w.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => is_quote(c) || matches!(c, ')' | ']' | '}'),
        (Some(c), Some(d)) => c == d && matches!(c, '\'' | '`') && w.len() == 2,
        _ => false,
    }
}

/// Index of the token that decides the gap after token `i`: `i`, or the terminal
/// punctuation before a run of closing quotes and brackets attached to it (`."`, `!)`).
pub(crate) fn decider(text: &str, tokens: &[Token], i: usize) -> usize {
    let mut j = i;
    while j > 0 && tokens[j - 1].joined && is_closer(tokens[j].span.text(text)) {
        j -= 1;
    }
    if j != i && is_terminal(tokens[j].span.text(text)) {
        j
    } else {
        i
    }
}

pub(crate) fn starts_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

impl Segmenter {
    /// Rule decision for the gap after token `i` (with `i + 1` existing).
    pub(crate) fn rule_boundary(&self, text: &str, tokens: &[Token], i: usize) -> bool {
        let next = tokens[i + 1].span.text(text);
        let here = tokens[i].span.text(text);
        match gap(text, &tokens[i], &tokens[i + 1]) {
            Gap::Joined => return false,
            Gap::Paragraph => return true,
            Gap::Newline => {
                // A line that continues: a hyphen, comma or open clause before a lower-case word.
                let continues = starts_lower(next) && !is_terminal(here);
                return !continues;
            }
            Gap::Space => {}
        }
        let j = decider(text, tokens, i);
        let w = tokens[j].span.text(text);
        if is_terminal(w) {
            return !starts_lower(next) && !matches!(next, "," | ";" | ":" | ")");
        }
        if w.len() > 1
            && w.ends_with('.')
            && tokens[j].kind == TokenKind::Word
            && self.sentence_final_abbreviations.contains(w)
        {
            let (c, _) = char_at(next, 0);
            return match self.language {
                Language::De => self.sentence_starters.contains(next),
                Language::En => c.is_uppercase(),
            };
        }
        false
    }

    /// Fills `sentences` for `tokens`.
    pub(crate) fn split_sentences(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &mut Vec<Sentence>,
    ) {
        if let Some(m) = &self.model {
            m.split(self, text, tokens, sentences);
            return;
        }
        let mut first = 0usize;
        for i in 0..tokens.len() {
            let end = i + 1 == tokens.len() || self.rule_boundary(text, tokens, i);
            if end {
                sentences.push(Sentence::covering(tokens, first, i + 1));
                first = i + 1;
            }
        }
    }
}
