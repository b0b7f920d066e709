//! Sentence and token segmentation for German and English.
//!
//! PLACEHOLDER: splits at whitespace and ends sentences at `.!?`; replaced by the
//! UD-conformant segmenter.

use sitrep_core::{Language, Segmentation, Sentence, Span, Token, TokenKind};

/// Segments text of one language into sentences and tokens.
#[derive(Debug, Clone)]
pub struct Segmenter {
    language: Language,
}

impl Segmenter {
    /// The segmenter for `language`, with the rules and word lists shipped in `data/`.
    pub fn new(language: Language) -> Self {
        Segmenter { language }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// Segments `text`, replacing the contents of `out` (reuse `out` across documents to
    /// avoid allocation).
    pub fn segment_into(&self, text: &str, out: &mut Segmentation) {
        out.clear();
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    out.tokens.push(Token { span: Span::new(s, i), kind: TokenKind::Word, joined: false });
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        let mut first = 0usize;
        for (i, t) in out.tokens.iter().enumerate() {
            if t.span.text(text).ends_with(['.', '!', '?']) || i + 1 == out.tokens.len() {
                out.sentences.push(Sentence {
                    span: Span::new(out.tokens[first].span.start as usize, t.span.end as usize),
                    tokens: first as u32..i as u32 + 1,
                });
                first = i + 1;
            }
        }
    }

    pub fn segment(&self, text: &str) -> Segmentation {
        let mut out = Segmentation::default();
        self.segment_into(text, &mut out);
        out
    }
}
