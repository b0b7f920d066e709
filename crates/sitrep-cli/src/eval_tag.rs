//! `sitrep eval-tag`: tags, lemmas and features against a CoNLL-U file, with gold tokens.
//!
//! Without `--folds` the shipped model is scored. With `--folds K` the file itself is split
//! into K folds (sentence i in fold i mod K) and each is scored by a model trained on the
//! others: that is how German is reported, since GSD dev is the only German treebank.

use anyhow::Context;
use clap::Args;
use sitrep_core::Language;
use sitrep_eval::tagging::{self, TagScores};
use sitrep_tag::{corpus, Tagger};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args, Debug)]
pub struct EvalTagArgs {
    /// A CoNLL-U file (e.g. ../shared/data/ud/en_ewt-ud-test.conllu).
    pub file: PathBuf,
    /// Language of the file: de or en (default: from a `de_`/`en_` file name prefix).
    #[arg(long)]
    pub language: Option<String>,
    /// Train and test by K-fold cross-validation on the file instead of scoring the
    /// shipped model.
    #[arg(long, value_name = "K")]
    pub folds: Option<usize>,
    /// With --folds: train and test without the German lexicon (treebank only).
    #[arg(long)]
    pub no_lexicon: bool,
    /// Print one JSON line instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Also list the N most frequent lemma errors of the shipped model (form, gold and
    /// predicted lemma and UPOS, count).
    #[arg(long, value_name = "N")]
    pub lemma_errors: Option<usize>,
}

pub fn run(args: EvalTagArgs) -> anyhow::Result<ExitCode> {
    let language = crate::paths::treebank_language(args.language.as_deref(), &args.file)?;
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let gold = corpus::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let t = Instant::now();
    let (scores, mode, load_ms) = match args.folds {
        Some(k) => {
            let (total, _) = tagging::cross_validate(language, &gold, k, !args.no_lexicon)
                .map_err(|e| anyhow::anyhow!(e))?;
            let lex = if args.no_lexicon { ", no lexicon" } else { "" };
            (total, format!("{k}-fold cross-validation{lex}"), None)
        }
        None => {
            let t0 = Instant::now();
            let tagger = Tagger::new(language)?;
            let load = t0.elapsed().as_secs_f64() * 1e3;
            (
                tagging::score(&tagger, &gold),
                "shipped model".to_string(),
                Some(load),
            )
        }
    };
    let elapsed = t.elapsed().as_secs_f64();
    if args.json {
        let mut v = serde_json::to_value(&scores)?;
        v["file"] = args.file.display().to_string().into();
        v["language"] = language.code().into();
        v["mode"] = mode.into();
        v["model_load_ms"] = load_ms.into();
        v["seconds"] = elapsed.into();
        outln!("{v}");
    } else {
        print_table(&args, language, &mode, &scores, load_ms);
    }
    if let Some(n) = args.lemma_errors {
        let tagger = Tagger::new(language)?;
        let errors = tagging::lemma_errors(&tagger, &gold);
        let total: usize = errors.iter().map(|e| e.count).sum();
        let case_only: usize = errors
            .iter()
            .filter(|e| e.lemma.to_lowercase() == e.gold_lemma.to_lowercase())
            .map(|e| e.count)
            .sum();
        outln!("lemma errors {total} (case only {case_only}); most frequent:");
        outln!("count\tform\tgold lemma\tlemma\tgold UPOS\tUPOS");
        for e in errors.iter().take(n) {
            outln!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                e.count,
                e.form,
                e.gold_lemma,
                e.lemma,
                e.gold_upos,
                e.upos
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(
    args: &EvalTagArgs,
    language: Language,
    mode: &str,
    s: &TagScores,
    load_ms: Option<f64>,
) {
    outln!("{} ({}, {mode})", args.file.display(), language.code());
    outln!("  sentences {}  tokens {}", s.sentences, s.tokens);
    outln!("  UPOS       {:.4}", s.upos);
    outln!("  XPOS       {:.4}", s.xpos);
    outln!("  UPOS+XPOS  {:.4}", s.upos_xpos);
    outln!(
        "  lemma      {:.4}  (case-insensitive {:.4})",
        s.lemma,
        s.lemma_ci
    );
    outln!("  feats      {:.4}  (exact bundle)", s.feats);
    for f in &s.per_feature {
        outln!(
            "    {:<9}{:.4}  ({} tokens)",
            f.feature,
            f.accuracy,
            f.tokens
        );
    }
    outln!(
        "  speed      {:.0} tokens/s (analysis, one thread)",
        s.tokens_per_s
    );
    if let Some(ms) = load_ms {
        outln!("  model load {ms:.1} ms");
    }
}
