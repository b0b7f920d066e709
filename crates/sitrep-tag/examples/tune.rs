//! Tuning harness: UPOS accuracy of a model trained on one CoNLL-U file and scored on
//! another (English: EWT train → dev), or by k-fold cross-validation over one file
//! (German: GSD dev). Epochs from `EPOCHS`, ensemble members from `MEMBERS`, the pruning
//! threshold from `PRUNE` (else the language defaults).
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

fn score(t: &Tagger, gold: &[GoldSentence]) -> (usize, usize) {
    let (mut ok, mut n) = (0, 0);
    let mut out = Vec::new();
    for s in gold {
        let words: Vec<&str> = s.iter().map(|t| t.form.as_str()).collect();
        let joined: Vec<bool> = s.iter().map(|t| t.joined).collect();
        t.tag_words(&words, &joined, &mut out);
        for (p, g) in out.iter().zip(s) {
            n += 1;
            ok += (p.upos.as_str() == g.upos) as usize;
            if std::env::var_os("CONF").is_some() && p.upos.as_str() != g.upos {
                eprintln!("CONF\t{}\t{}\t{}", g.upos, p.upos.as_str(), g.form);
            }
        }
    }
    (ok, n)
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
    let a = read(&args[1]);
    let (mut ok, mut n) = (0, 0);
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
                let (o, m) = score(&t, &te);
                ok += o;
                n += m;
            }
        }
        Err(_) => {
            let b = read(&args[2]);
            let res = Resources::new(language);
            let bytes = train(language, &a, &cfg, &res, "tune").expect("train");
            println!("model {} bytes", bytes.len());
            let t = Tagger::from_bytes(&bytes, res).expect("load");
            (ok, n) = score(&t, &b);
        }
    }
    println!(
        "{language} epochs {} UPOS {:.4} ({ok}/{n}) {:.0} s",
        cfg.iterations,
        ok as f64 / n as f64,
        t0.elapsed().as_secs_f64()
    );
}
