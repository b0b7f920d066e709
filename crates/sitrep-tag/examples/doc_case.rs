//! Measures whether a document-level signal would decide the case of English lemmas of
//! capitalised nouns and names (issue 4): for each capitalised word after the first of its
//! sentence that the shipped model tags `NOUN` or `PROPN`, whether its lower-case spelling
//! is written in lower case elsewhere in the same document (`# newdoc`), split by the
//! predicted tag and by whether the lemma's case is right (EWT: a name keeps its capital,
//! a common noun is lower-cased). Then the gain and loss of two document rules: the
//! majority case of the form's lemmas in the document, and lower-casing names whose
//! lower-case spelling the document has.
//! `cargo run --release -p sitrep-tag --example doc_case -- ../shared/data/ud/en_ewt-ud-dev.conllu`

use sitrep_core::{Language, Upos};
use sitrep_tag::{corpus, Tagger};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The index of the first sentence of each document (`# newdoc` lines), in the sentence
/// numbering of [`corpus::parse`] (sentences are blocks of lines separated by blank lines).
fn document_starts(text: &str) -> Vec<usize> {
    let (mut starts, mut n, mut in_sentence) = (Vec::new(), 0usize, false);
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            n += in_sentence as usize;
            in_sentence = false;
        } else if line.starts_with("# newdoc") {
            starts.push(n + in_sentence as usize);
        } else if !line.starts_with('#') {
            in_sentence = true;
        }
    }
    starts
}

fn capitalised(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.any(char::is_lowercase)
}

fn main() {
    let path = std::env::args().nth(1).expect("a CoNLL-U file");
    let text = std::fs::read_to_string(&path).expect("read");
    let gold = corpus::parse(&text).expect("parse");
    let tagger = Tagger::new(Language::En).expect("model");
    let mut starts = document_starts(&text);
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    starts.push(gold.len());
    let mut out = Vec::new();
    // (lower-case elsewhere in the document, predicted UPOS, lemma case right) → tokens
    let mut table: BTreeMap<(bool, &str, bool), usize> = BTreeMap::new();
    let (mut vote, mut lower_rule) = ([0usize; 2], [0usize; 2]);
    for d in starts.windows(2) {
        let doc = &gold[d[0]..d[1].max(d[0])];
        let lower: HashSet<&str> = doc
            .iter()
            .flatten()
            .map(|t| t.form.as_str())
            .filter(|f| !f.chars().any(char::is_uppercase))
            .collect();
        // (token, predicted lemma, predicted UPOS) of the capitalised words in question
        let mut toks = Vec::new();
        for s in doc {
            let words: Vec<&str> = s.iter().map(|t| t.form.as_str()).collect();
            let joined: Vec<bool> = s.iter().map(|t| t.joined).collect();
            tagger.tag_words(&words, &joined, &mut out);
            for (i, (g, p)) in s.iter().zip(&out).enumerate() {
                if i > 0
                    && capitalised(&g.form)
                    && matches!(p.upos, Upos::Noun | Upos::Propn)
                    && p.lemma.to_lowercase() == g.lemma.to_lowercase()
                {
                    toks.push((g, p.lemma.clone(), p.upos));
                }
            }
        }
        let mut votes: HashMap<&str, [usize; 2]> = HashMap::new();
        for (g, l, _) in &toks {
            let up = l.chars().next().is_some_and(char::is_uppercase);
            votes.entry(g.form.as_str()).or_default()[up as usize] += 1;
        }
        for (g, l, upos) in &toks {
            let elsewhere = lower.contains(g.form.to_lowercase().as_str());
            let right = *l == g.lemma;
            *table.entry((elsewhere, upos.as_str(), right)).or_default() += 1;
            let v = votes[g.form.as_str()];
            let up = l.chars().next().is_some_and(char::is_uppercase);
            if v[!up as usize] > v[up as usize] {
                vote[right as usize] += 1;
            }
            if elsewhere && *upos == Upos::Propn && up {
                lower_rule[right as usize] += 1;
            }
        }
    }
    println!("lower-case elsewhere in document\tpredicted UPOS\tlemma case right\ttokens");
    for ((e, u, r), n) in &table {
        println!("{e}\t{u}\t{r}\t{n}");
    }
    println!(
        "majority case of the form in its document: {} lemmas fixed, {} broken",
        vote[0], vote[1]
    );
    println!(
        "names lower-cased when the document has the lower-case spelling: {} fixed, {} broken",
        lower_rule[0], lower_rule[1]
    );
}
