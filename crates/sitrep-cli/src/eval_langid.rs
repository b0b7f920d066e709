//! `sitrep eval-langid`: language identification accuracy on the German and English texts of
//! the data folder, plus hand-written sentences in other languages. The scoring lives in
//! `sitrep_eval::langid`.

use crate::paths::data_file;
use clap::Args;
use sitrep_core::Language;
use sitrep_eval::langid::{self as li, Expect, Set};
use sitrep_langid::LanguageIdentifier;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args, Debug)]
pub struct EvalLangidArgs {
    /// Print the results as a Markdown table (for evaluation/reports/langid.md).
    #[arg(long)]
    pub markdown: bool,
    /// Print up to N wrongly identified texts per set to standard error (for development;
    /// the texts are third-party data: keep them out of the repository).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show_errors: usize,
    /// Score the broad detector alone (whatlang on the same sample, no cues, no thresholds)
    /// instead of the identifier: the baseline the report compares with.
    #[arg(long)]
    pub baseline: bool,
    /// Passes over each set; the fastest pass gives the time per text.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub passes: usize,
}

/// Sentences shorter than this many characters form the "short" sets.
const SHORT_CHARS: usize = 60;

fn read(rel: &str) -> anyhow::Result<String> {
    let p = data_file(rel)?;
    std::fs::read_to_string(&p).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))
}

fn short(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .filter(|t| t.chars().count() < SHORT_CHARS)
        .cloned()
        .collect()
}

/// Consecutive sentences joined into pseudo-documents (there is no English news corpus in
/// the data folder; EWT's documents are web, e-mail, review and news-group text).
fn chunks(texts: &[String], n: usize) -> Vec<String> {
    texts.chunks(n).map(|c| c.join(" ")).collect()
}

fn set(name: &str, lang: Language, texts: Vec<String>) -> Set {
    Set {
        name: name.to_string(),
        expect: Expect::Lang(lang),
        texts,
    }
}

pub fn run(args: EvalLangidArgs) -> anyhow::Result<ExitCode> {
    let (gnad, skipped) = li::jsonl_texts(&read("news/gnad-de-dev.jsonl")?);
    if skipped > 0 {
        eprintln!(
            "sitrep: warning: {skipped} lines of gnad-de-dev.jsonl without a text field skipped"
        );
    }
    let gnad_first: Vec<String> = gnad
        .iter()
        .map(|t| li::first_sentence(t).to_string())
        .collect();
    let gsd = li::conllu_texts(&read("ud/de_gsd-ud-dev.conllu")?);
    let germeval = li::germeval_sentences(&read("ner/germeval2014-de-dev.tsv")?);
    let ewt = li::conllu_texts(&read("ud/en_ewt-ud-test.conllu")?);
    // A second English set, not looked at while the cue list and thresholds were tuned.
    let ewt_dev = li::conllu_texts(&read("ud/en_ewt-ud-dev.conllu")?);

    let mut sets = vec![
        set("de: news articles (gnad dev)", Language::De, gnad.clone()),
        set(
            "de: article first sentences (gnad dev)",
            Language::De,
            gnad_first,
        ),
        set("de: sentences (GSD dev)", Language::De, gsd.clone()),
        set(
            "de: sentences < 60 chars (GSD dev)",
            Language::De,
            short(&gsd),
        ),
        set("de: sentences (GermEval 2014 dev)", Language::De, germeval),
        set(
            "en: 8-sentence chunks (EWT test)",
            Language::En,
            chunks(&ewt, 8),
        ),
        set("en: sentences (EWT test)", Language::En, ewt.clone()),
        set(
            "en: sentences < 60 chars (EWT test)",
            Language::En,
            short(&ewt),
        ),
        set(
            "en: sentences (EWT dev, held out)",
            Language::En,
            ewt_dev.clone(),
        ),
        set(
            "en: sentences < 60 chars (EWT dev, held out)",
            Language::En,
            short(&ewt_dev),
        ),
    ];
    sets.push(li::foreign_set());
    sets.extend(li::foreign_sets_by_language().into_iter().map(|(_, s)| s));

    let build = Instant::now();
    let id = LanguageIdentifier::new();
    let build = build.elapsed();
    let _ = id.identify("Warm-up: die erste Anfrage zählt nicht."); // lazily built tables

    let mut scores = Vec::new();
    for s in &sets {
        let mut shown = 0;
        let identify = |t: &str| {
            if args.baseline {
                id.explain_detector_only(t)
            } else {
                id.explain(t)
            }
        };
        let sc = li::score(identify, s, args.passes, |text, got| {
            if shown < args.show_errors {
                shown += 1;
                eprintln!("[{}] {got}\t{text}", s.name);
            }
        });
        scores.push(sc);
    }

    // Cost is bounded by the sample size: one document made of the whole corpus.
    let all: String = gnad.join("\n");
    let t = Instant::now();
    let big = id.identify(&all);
    let big_micros = t.elapsed().as_secs_f64() * 1e6;

    if args.markdown {
        out!("{}", li::markdown_table(&scores));
    } else {
        for s in &scores {
            outln!(
                "{:<42} n={:<5} correct={:>5.1}%  other-de/en={:<4} unsupported={:<4} undetermined={:<4} correct(≥{} words)={:>6} of {:<5} {:>6.1} µs/text  confusions: [{}]  rules: [{}]",
                s.name,
                s.n,
                100.0 * s.accuracy(),
                s.other_lang,
                s.unsupported,
                s.undetermined,
                li::MIN_WORDS,
                li::pct_or_na(s.correct_min_words, s.n_min_words),
                s.n_min_words,
                s.micros_per_text(),
                s.confusions_summary(),
                s.rules_summary(),
            );
        }
    }
    outln!();
    outln!(
        "identifier built in {:.1} ms; one {:.1} MB document (all articles joined) → {:?} in {:.1} µs (reads only the first {} bytes)",
        build.as_secs_f64() * 1e3,
        all.len() as f64 / 1e6,
        big.map(|l| l.code()),
        big_micros,
        sitrep_langid::SAMPLE_BYTES,
    );
    Ok(ExitCode::SUCCESS)
}
