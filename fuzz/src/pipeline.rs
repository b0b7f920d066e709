//! The whole pipeline on arbitrary text: byte 0 picks the language (German, English, or
//! none: identify it), the rest is the text. Never panics; every sentence and token span
//! lies inside the text on char boundaries, in order, and every token inside a sentence.

use sitrep_core::{Document, Language, Span};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};
use std::sync::OnceLock;

static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

/// Checks one fuzz input.
pub fn check(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let language = match first % 3 {
        0 => Some(Language::De),
        1 => Some(Language::En),
        _ => None,
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let doc = Document {
        language,
        ..Document::new("fuzz", text.clone())
    };
    let p = PIPELINE.get_or_init(Pipeline::new);
    let Ok(a) = p.analyze(doc, &AnalyzeOptions { tokens: true, entities: true, events: true }) else {
        return;
    };
    assert_eq!(a.text, text, "the text is never changed");
    let mut prev = 0;
    for s in &a.sentences {
        assert!(
            s.start < s.end && s.start >= prev,
            "sentence {s:?} empty or out of order"
        );
        assert!(
            s.get(&text).is_some(),
            "sentence {s:?} off the text or a char boundary"
        );
        prev = s.end;
    }
    let tokens = a.tokens.expect("tokens were asked for");
    let mut prev = 0;
    let mut sentence = 0;
    for t in &tokens {
        let span = Span {
            start: t.start,
            end: t.end,
        };
        assert!(
            span.start < span.end && span.start >= prev,
            "token {span:?} empty or out of order"
        );
        assert!(
            span.get(&text).is_some(),
            "token {span:?} off the text or a char boundary"
        );
        while a
            .sentences
            .get(sentence)
            .is_some_and(|s| s.end <= span.start)
        {
            sentence += 1;
        }
        let inside = a.sentences.get(sentence).is_some_and(|s| s.contains(span));
        assert!(inside, "token {span:?} in no sentence");
        prev = span.end;
    }
}
