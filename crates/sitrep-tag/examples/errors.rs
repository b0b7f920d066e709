//! Prints the most frequent tagging and lemma errors of the shipped model on a CoNLL-U
//! file (a development aid): `cargo run --release -p sitrep-tag --example errors -- en FILE`.

use sitrep_core::Language;
use sitrep_tag::{corpus, Tagger};
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let language: Language = args[0].parse().expect("language");
    let text = std::fs::read_to_string(&args[1]).expect("read");
    let gold = corpus::parse(&text).expect("parse");
    let tagger = Tagger::new(language).expect("model");
    let mut tags: BTreeMap<String, usize> = BTreeMap::new();
    let mut lemmas: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for s in &gold {
        let words: Vec<&str> = s.iter().map(|t| t.form.as_str()).collect();
        let joined: Vec<bool> = s.iter().map(|t| t.joined).collect();
        tagger.tag_words(&words, &joined, &mut out);
        for (g, p) in s.iter().zip(&out) {
            if p.upos.as_str() != g.upos {
                *tags
                    .entry(format!("{} gold {} got {}", g.form, g.upos, p.upos))
                    .or_default() += 1;
            }
            if p.lemma != g.lemma {
                *lemmas
                    .entry(format!(
                        "{} {} gold {} got {}",
                        g.form, g.xpos, g.lemma, p.lemma
                    ))
                    .or_default() += 1;
            }
        }
    }
    for (name, m) in [("tags", tags), ("lemmas", lemmas)] {
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("== {name}");
        for (k, n) in v.iter().take(40) {
            println!("{n:5} {k}");
        }
    }
}
