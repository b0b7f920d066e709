//! Prints the segmentation of text from standard input, one sentence per line with tokens
//! separated by ` | ` (`+` marks a token joined to the next).
//!
//! `echo 'Am 21. August kam Dr. Müller.' | cargo run -p sitrep-segment --example segment -- de`

use sitrep_core::Language;
use sitrep_segment::Segmenter;
use std::io::Read;

fn main() {
    let lang = match std::env::args().nth(1).as_deref() {
        Some("en") => Language::En,
        _ => Language::De,
    };
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("cannot read standard input");
        return;
    }
    let seg = Segmenter::new(lang).segment(&text);
    for s in &seg.sentences {
        let toks: Vec<String> = seg
            .sentence_tokens(s)
            .iter()
            .map(|t| {
                format!(
                    "{}{}",
                    &text[t.span.range()],
                    if t.joined { "+" } else { "" }
                )
            })
            .collect();
        println!("{}", toks.join(" | "));
    }
}
