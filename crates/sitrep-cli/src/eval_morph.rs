//! `sitrep eval-morph`: German morphology on the hand-written test set
//! (`testdata/morph/de.txt`): case of noun-phrase heads, joined verb lemmas, and the
//! clause labels (mood, tense, voice, modal, negation). Segmenter → tagger →
//! `sitrep-clause`, scored by `sitrep_eval::morph`.

use anyhow::Context;
use clap::Args;
use sitrep_core::Language;
use sitrep_eval::morph;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalMorphArgs {
    /// The test set (default: the embedded testdata/morph/de.txt).
    #[arg(long, value_name = "FILE")]
    pub set: Option<PathBuf>,
    /// How many errors to list.
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub errors: usize,
}

pub fn run(args: EvalMorphArgs) -> anyhow::Result<ExitCode> {
    let src = match &args.set {
        Some(p) => {
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?
        }
        None => morph::DE_SET.to_string(),
    };
    let items = morph::parse(&src).map_err(|e| {
        anyhow::anyhow!(
            "{}: {e}",
            args.set
                .as_ref()
                .map_or("testdata/morph/de.txt".into(), |p| p.display().to_string())
        )
    })?;
    let analyser = morph::Analyser::new(Language::De).map_err(|e| {
        anyhow::anyhow!(
            "the German tagger model cannot be loaded ({e}); train it first \
             (cargo run --release -p sitrep-tag --example train, see crates/sitrep-tag)"
        )
    })?;
    let score = morph::score(&items, |text| analyser.analyse(text));
    outln!("# German morphology ({} sentences)\n", items.len());
    outln!("{}", morph::stats_markdown(&morph::stats(&items)));
    outln!("{}", morph::score_markdown(&score, args.errors));
    Ok(ExitCode::SUCCESS)
}
