//! Lemma errors of the shipped model on a CoNLL-U file, grouped: case only, with the
//! tag right, tag wrong (a development aid):
//! `cargo run --release -p sitrep-tag --example lemma_errors -- en FILE [N]`.

use sitrep_core::Language;
use sitrep_tag::{corpus, Tagger};
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let language: Language = args[0].parse().expect("language");
    let text = std::fs::read_to_string(&args[1]).expect("read");
    let top: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(60);
    let gold = corpus::parse(&text).expect("parse");
    let tagger = Tagger::new(language).expect("model");
    let mut groups: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut out = Vec::new();
    let mut total = 0;
    for s in &gold {
        let words: Vec<&str> = s.iter().map(|t| t.form.as_str()).collect();
        let joined: Vec<bool> = s.iter().map(|t| t.joined).collect();
        tagger.tag_words(&words, &joined, &mut out);
        for (i, (g, p)) in s.iter().zip(&out).enumerate() {
            total += 1;
            if p.lemma == g.lemma {
                continue;
            }
            let group = if p.lemma.to_lowercase() == g.lemma.to_lowercase() {
                if i == 0 {
                    "case, sentence-initial"
                } else {
                    "case, inside"
                }
            } else if p.upos.as_str() == g.upos {
                "other, tag right"
            } else {
                "other, tag wrong"
            };
            *groups
                .entry(group)
                .or_default()
                .entry(format!(
                    "{} {}/{} gold {} got {} ({})",
                    g.form, g.upos, g.xpos, g.lemma, p.lemma, p.upos
                ))
                .or_default() += 1;
        }
    }
    println!("tokens {total}");
    for (name, m) in groups {
        let n: usize = m.values().sum();
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("== {name}: {n}");
        for (k, n) in v.iter().take(top) {
            println!("{n:5} {k}");
        }
    }
}
