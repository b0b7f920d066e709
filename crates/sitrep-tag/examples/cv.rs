//! Development aid: K-fold cross-validation UPOS / lemma / feats on a CoNLL-U file without
//! the CLI (the reported figures come from `sitrep eval-tag --folds K`).
//! `cargo run --release -p sitrep-tag --example cv -- de FILE [K] [nolex]`

use sitrep_core::{Feats, Language};
use sitrep_tag::train::{train, TrainConfig};
use sitrep_tag::{corpus, Resources, Tagger};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let language: Language = args[0].parse().expect("language");
    let gold = corpus::parse(&std::fs::read_to_string(&args[1]).expect("read")).expect("parse");
    let k: usize = args.get(2).map_or(10, |a| a.parse().expect("K"));
    let lex = args.get(3).map(String::as_str) != Some("nolex");
    let (mut n, mut upos, mut lemma, mut feats) = (0, 0, 0, 0);
    let mut out = Vec::new();
    for fold in 0..k {
        let tr: Vec<_> = gold
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let res = if lex {
            Resources::new(language)
        } else {
            Resources::without_lexicon(language)
        };
        let bytes = train(
            language,
            &tr,
            &TrainConfig::for_language(language),
            &res,
            "cv",
        )
        .expect("train");
        let t = Tagger::from_bytes(&bytes, res).expect("load");
        for s in gold
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k == fold)
            .map(|(_, s)| s)
        {
            let words: Vec<&str> = s.iter().map(|t| t.form.as_str()).collect();
            let joined: Vec<bool> = s.iter().map(|t| t.joined).collect();
            t.tag_words(&words, &joined, &mut out);
            for (g, p) in s.iter().zip(&out) {
                n += 1;
                upos += (p.upos.as_str() == g.upos) as usize;
                lemma += (p.lemma.to_lowercase() == g.lemma.to_lowercase()) as usize;
                feats += (Feats::parse_ud(&g.feats) == p.feats) as usize;
                if std::env::var_os("SHOW").is_some()
                    && p.lemma.to_lowercase() != g.lemma.to_lowercase()
                {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        g.form, g.xpos, p.xpos, g.lemma, p.lemma
                    );
                }
            }
        }
    }
    let r = |x: usize| x as f64 / n as f64;
    println!(
        "tokens {n} UPOS {:.4} lemma(ci) {:.4} feats {:.4}",
        r(upos),
        r(lemma),
        r(feats)
    );
}
