//! `sitrep eval-ud`: segmentation scores against a UD CoNLL-U file.
//!
//! Documents are each `--sentences-per-doc` consecutive sentences joined with one space;
//! see `sitrep_eval::ud` for how gold spans are made and matched.

use anyhow::Context;
use clap::Args;
use serde_json::json;
use sitrep_eval::{conllu, ud};
use sitrep_segment::Segmenter;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args, Debug)]
pub struct EvalUdArgs {
    /// A CoNLL-U file (e.g. ../shared/data/ud/de_gsd-ud-dev.conllu).
    pub file: PathBuf,
    /// Language of the file: de or en (default: from a `de_`/`en_` file name prefix).
    #[arg(long)]
    pub language: Option<String>,
    /// Sentences joined (with one space) into each document.
    #[arg(long, default_value_t = 8)]
    pub sentences_per_doc: usize,
    /// Print one JSON line instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Use the boundary rules only, without the learned model (where there is one).
    #[arg(long)]
    pub rules_only: bool,
    /// Kind of text for the sentence model: news (the pipeline's default: no boundary after
    /// a word without punctuation, except at line breaks) or web (UD EWT's genre: the model
    /// may also end sentences after a word).
    #[arg(long, default_value = "news", value_name = "news|web")]
    pub style: sitrep_segment::SentenceStyle,
    /// Score a punctuation-only sentence cutter over the same tokens instead, to calibrate
    /// the sentence figures (what a sentencizer that splits at `.!?` gets on this file).
    #[arg(long)]
    pub punctuation_baseline: bool,
    /// Also print up to N token and sentence mismatches (on standard error).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub show_errors: usize,
}

pub fn run(args: EvalUdArgs) -> anyhow::Result<ExitCode> {
    let language = crate::paths::treebank_language(args.language.as_deref(), &args.file)?;
    let input = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let sentences = conllu::parse(&input).with_context(|| format!("{}", args.file.display()))?;
    let (docs, misaligned) = ud::documents(&sentences, args.sentences_per_doc);
    let mut segmenter = Segmenter::new(language).with_style(args.style);
    if args.rules_only {
        segmenter = segmenter.without_model();
    }
    let t = Instant::now();
    let sentencer = if args.punctuation_baseline {
        ud::Sentencer::PunctuationBaseline
    } else {
        ud::Sentencer::Segmenter
    };
    let tagger = sitrep_tag::Tagger::new(language).map_err(|e| anyhow::anyhow!("{e}"))?;
    let (sc, errors) = ud::score_full(
        &segmenter,
        Some(&tagger),
        sentencer,
        &docs,
        args.show_errors,
    );
    let secs = t.elapsed().as_secs_f64();
    for e in &errors {
        eprintln!("{:<16} {}", e.kind, e.context);
    }
    let r4 = |x: f64| (x * 1e4).round() / 1e4;
    if args.json {
        let prf = |p: &ud::Prf| {
            json!({"precision": r4(p.precision()), "recall": r4(p.recall()), "f1": r4(p.f1()),
                   "gold": p.gold, "predicted": p.predicted, "correct": p.correct})
        };
        let line = json!({
            "eval": "ud-segmentation",
            "file": args.file.display().to_string(),
            "language": language.code(),
            "sentences_per_doc": args.sentences_per_doc,
            "documents": sc.documents,
            "rules_only": args.rules_only,
            "punctuation_baseline": args.punctuation_baseline,
            "style": format!("{:?}", args.style).to_lowercase(),
            "tokens": prf(&sc.tokens),
            "sentences": prf(&sc.sentences),
            "boundaries": prf(&sc.boundaries),
            "upos": prf(&sc.upos),
            "lemma": prf(&sc.lemma),
            "misaligned_gold_tokens": misaligned,
            "seconds": r4(secs),
        });
        outln!("{line}");
    } else {
        outln!(
            "{} ({}, {} style, {} documents of {} sentences{})",
            args.file.display(),
            language.code(),
            format!("{:?}", args.style).to_lowercase(),
            sc.documents,
            args.sentences_per_doc,
            if args.punctuation_baseline {
                ", punctuation-only sentence baseline"
            } else if args.rules_only {
                ", rules only"
            } else {
                ""
            }
        );
        outln!(
            "{:<22} {:>9} {:>9} {:>9} {:>8} {:>8}",
            "",
            "precision",
            "recall",
            "F1",
            "gold",
            "ours"
        );
        for (name, p) in [
            ("tokens", &sc.tokens),
            ("sentences (spans)", &sc.sentences),
            ("sentence boundaries", &sc.boundaries),
            ("UPOS (end to end)", &sc.upos),
            ("lemma (end to end)", &sc.lemma),
        ] {
            outln!(
                "{:<22} {:>9.4} {:>9.4} {:>9.4} {:>8} {:>8}",
                name,
                p.precision(),
                p.recall(),
                p.f1(),
                p.gold,
                p.predicted
            );
        }
        if language == sitrep_core::Language::De {
            outln!(
                "(the shipped German tagger is trained on UD GSD dev: on that file the UPOS and \
                 lemma rows are training-set figures; `sitrep eval-tag --folds 10` gives held-out ones)"
            );
        }
        if misaligned > 0 {
            outln!("({misaligned} gold tokens did not match the sentence text and were aligned by length)");
        }
    }
    Ok(ExitCode::SUCCESS)
}
