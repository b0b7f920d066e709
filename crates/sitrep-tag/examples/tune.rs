//! Tuning harness: UPOS accuracy of a model trained on one CoNLL-U file and scored on
//! another (English: EWT train → dev), or by k-fold cross-validation over one file
//! (German: GSD dev), with lemma accuracy (exact and case-insensitive). Epochs from
//! `EPOCHS`, ensemble members from `MEMBERS`, the pruning threshold from `PRUNE` (else the
//! language defaults), the lower-case ambiguity class's folds from `LAF`
//! (`TrainConfig::lower_amb_folds`); `OUT=FILE` keeps the trained model (train/test split
//! only).
//!
//! ```text
//! cargo run --release -p sitrep-tag --example tune -- en \
//!     ../shared/data/ud/en_ewt-ud-train.conllu ../shared/data/ud/en_ewt-ud-dev.conllu
//! cargo run --release -p sitrep-tag --example tune -- de \
//!     ../shared/data/ud/de_gsd-ud-dev.conllu 10
//! ```

use sitrep_core::Language;
use sitrep_tag::corpus::{self, GoldSentence};
use sitrep_tag::train::{train, TrainConfig};
use sitrep_tag::{Resources, Tagger};

/// Tokens with the right UPOS, the right lemma, the right lemma ignoring case, of `n`.
#[derive(Default)]
struct Counts {
    upos: usize,
    lemma: usize,
    lemma_ci: usize,
    n: usize,
}

fn score(t: &Tagger, gold: &[GoldSentence], c: &mut Counts) {
    let mut out = Vec::new();
    for s in gold {
        let words: Vec<&str> = s.iter().map(|t| t.form.as_str()).collect();
        let joined: Vec<bool> = s.iter().map(|t| t.joined).collect();
        t.tag_words(&words, &joined, &mut out);
        for (p, g) in out.iter().zip(s) {
            c.n += 1;
            c.upos += (p.upos.as_str() == g.upos) as usize;
            c.lemma += (p.lemma == g.lemma) as usize;
            c.lemma_ci += (p.lemma.to_lowercase() == g.lemma.to_lowercase()) as usize;
            if std::env::var_os("CONF").is_some() && p.upos.as_str() != g.upos {
                eprintln!("CONF\t{}\t{}\t{}", g.upos, p.upos.as_str(), g.form);
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let language: Language = args[0].parse().expect("language");
    let read = |p: &str| corpus::parse(&std::fs::read_to_string(p).expect("read")).expect("parse");
    let mut cfg = TrainConfig::for_language(language);
    if let Ok(e) = std::env::var("EPOCHS") {
        cfg.iterations = e.parse().expect("EPOCHS");
    }
    if let Ok(e) = std::env::var("MEMBERS") {
        cfg.tag_members = e.parse().expect("MEMBERS");
    }
    if let Ok(e) = std::env::var("PRUNE") {
        cfg.tag_prune = e.parse().expect("PRUNE");
    }
    if let Ok(e) = std::env::var("TD_RATIO") {
        cfg.tagdict_ratio = e.parse().expect("TD_RATIO");
    }
    if let Ok(e) = std::env::var("TD_MIN") {
        cfg.tagdict_min = e.parse().expect("TD_MIN");
    }
    if let Ok(e) = std::env::var("LAF") {
        cfg.lower_amb_folds = e.parse().expect("LAF");
    }
    let a = read(&args[1]);
    let mut c = Counts::default();
    let t0 = std::time::Instant::now();
    match args[2].parse::<usize>() {
        Ok(k) => {
            for fold in 0..k {
                let (mut tr, mut te) = (Vec::new(), Vec::new());
                for (i, s) in a.iter().enumerate() {
                    if i % k == fold {
                        te.push(s.clone())
                    } else {
                        tr.push(s.clone())
                    }
                }
                let res = Resources::new(language);
                let bytes = train(language, &tr, &cfg, &res, "tune").expect("train");
                let t = Tagger::from_bytes(&bytes, res).expect("load");
                score(&t, &te, &mut c);
            }
        }
        Err(_) => {
            let b = read(&args[2]);
            let res = Resources::new(language);
            let bytes = train(language, &a, &cfg, &res, "tune").expect("train");
            println!("model {} bytes", bytes.len());
            if let Some(out) = std::env::var_os("OUT") {
                std::fs::write(out, &bytes).expect("write OUT");
            }
            let t = Tagger::from_bytes(&bytes, res).expect("load");
            score(&t, &b, &mut c);
        }
    }
    let share = |k: usize| k as f64 / c.n as f64;
    println!(
        "{language} epochs {} UPOS {:.4} ({}/{}) lemma {:.4} ({} errors) case-insensitive {:.4} {:.0} s",
        cfg.iterations,
        share(c.upos),
        c.upos,
        c.n,
        share(c.lemma),
        c.n - c.lemma,
        share(c.lemma_ci),
        t0.elapsed().as_secs_f64()
    );
}
