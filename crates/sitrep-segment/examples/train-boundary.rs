//! Trains the English sentence-boundary model on UD English EWT train and writes
//! `data/segment/en/cc-by-sa/boundary-model.txt`. Deterministic: the same treebank gives
//! the same bytes.
//!
//! ```text
//! CARGO_TARGET_DIR=/work/targets/segment cargo run --release -p sitrep-segment \
//!     --example train-boundary -- ../shared/data/ud/en_ewt-ud-train.conllu \
//!     data/segment/en/cc-by-sa/boundary-model.txt
//! ```
//!
//! Training documents are built like the evaluation's (`sitrep eval-ud`): each 8
//! consecutive sentences joined with one space. Options: `--epochs N`, `--min-count N`,
//! `--min-weight X`, and `--dev DEV.conllu` to print the scores of the new model on a
//! development file (for tuning; never pass the test file), with `--errors N` to list up
//! to N mismatches, and `--cv K` for K-fold cross-validation on the training file. With `--` as OUT, TRAIN is instead a model file to score on `--dev`.

use sitrep_core::Language;
use sitrep_eval::{conllu, ud};
use sitrep_segment::{SegmentData, Segmenter, TrainOptions, TrainingDoc};
use std::process::ExitCode;

const HEADER: &str = "\
# English sentence-boundary model: averaged perceptron weights over features of the tokens
# around each candidate whitespace gap (see crates/sitrep-segment/src/model.rs).
# Source: trained for sitrep on UD English EWT train (en_ewt-ud-train.conllu, documents of
# 8 sentences joined by a space) with
#   cargo run --release -p sitrep-segment --example train-boundary -- \\
#       ../shared/data/ud/en_ewt-ud-train.conllu data/segment/en/cc-by-sa/boundary-model.txt
# Licence: derived from UD English EWT, CC BY-SA 4.0 (https://universaldependencies.org/);
# see NOTICE in this folder.
# Format: the magic line `sitrep-boundary-model<TAB>2` (format version 2), then lines sorted
# in byte order: `feature<TAB>weight` (`template=value|value`, weight in thousandths) and the
# case lexicon, `@lc=word<TAB>1` (usually lower case inside a sentence) and `@uc=word<TAB>1`
# (usually capitalised there).
";

const USAGE: &str = "usage: train-boundary TRAIN.conllu OUT.txt [--epochs N] [--runs N] \
    [--min-count N] [--min-weight X] [--bias-shift X] [--cv K] [--dev DEV.conllu] [--errors N]\n\
    or: train-boundary MODEL.txt -- --dev DEV.conllu [--errors N]";

fn read_docs(path: &str) -> Result<Vec<ud::GoldDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let sentences = conllu::parse(&text).map_err(|e| format!("{path}: {e}"))?;
    Ok(ud::documents(&sentences, 8).0)
}

fn run(args: &[String]) -> Result<(), String> {
    let mut o = TrainOptions::default();
    let mut dev = None;
    let mut show_errors = 0;
    let mut cv = 0usize;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--epochs" => o.epochs = value(a)?.parse().map_err(|e| format!("{a}: {e}"))?,
            "--min-count" => o.min_count = value(a)?.parse().map_err(|e| format!("{a}: {e}"))?,
            "--min-weight" => o.min_weight = value(a)?.parse().map_err(|e| format!("{a}: {e}"))?,
            "--dev" => dev = Some(value(a)?),
            "--runs" => o.runs = value(a)?.parse().map_err(|e| format!("{a}: {e}"))?,
            "--bias-shift" => o.bias_shift = value(a)?.parse().map_err(|e| format!("{a}: {e}"))?,
            "--cv" => cv = value(a)?.parse().map_err(|e| format!("{a}: {e}"))?,
            "--errors" => show_errors = value(a)?.parse().map_err(|e| format!("{a}: {e}"))?,
            _ => files.push(a.clone()),
        }
    }
    let [input, output] = files.as_slice() else {
        return Err(USAGE.into());
    };
    let docs: Vec<TrainingDoc> = if output == "--" {
        Vec::new()
    } else {
        read_docs(input)?
    }
    .into_iter()
    .map(|d| TrainingDoc {
        sentence_ends: d.sentences.iter().map(|s| s.end).collect(),
        text: d.text,
    })
    .collect();
    // Train with the rules only (an empty model file), so the result does not depend on
    // the model being replaced.
    let data = SegmentData {
        boundary_model: "",
        ..SegmentData::builtin(Language::En)
    };
    let seg = Segmenter::from_data(Language::En, data).map_err(|e| e.to_string())?;
    if cv > 1 {
        cross_validate(&seg, &read_docs(input)?, &docs, cv, o)?;
    }
    let (model, r) = if output == "--" {
        // Score an existing model file (given as TRAIN.conllu) on --dev without training.
        let m = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
        (m, Default::default())
    } else {
        let (body, r) = seg.train_boundary_model(&docs, o);
        (format!("{HEADER}{body}"), r)
    };
    if output != "--" {
        std::fs::write(output, &model).map_err(|e| format!("{output}: {e}"))?;
    }
    eprintln!(
        "wrote {output}: {} weights, {} lexicon entries ({} bytes) from {} documents; {} of {} gaps are candidates; \
         {} of {} gold boundaries are outside them",
        r.weights,
        r.lexicon,
        model.len(),
        docs.len(),
        r.candidates,
        r.gaps,
        r.gold_outside_candidates,
        r.gold_boundaries
    );
    if let Some(dev) = dev {
        let gold = read_docs(&dev)?;
        let data = SegmentData {
            boundary_model: Box::leak(model.into_boxed_str()),
            ..SegmentData::builtin(Language::En)
        };
        let seg = Segmenter::from_data(Language::En, data).map_err(|e| e.to_string())?;
        let (sc, errors) = ud::score(&seg, &gold, show_errors);
        for e in errors.iter().filter(|e| e.kind != "token") {
            println!("{:<16} {}", e.kind, e.context);
        }
        eprintln!(
            "{dev}: tokens F1 {:.4}, sentences P/R/F1 {:.4} / {:.4} / {:.4}, boundaries P/R/F1 \
             {:.4} / {:.4} / {:.4}",
            sc.tokens.f1(),
            sc.sentences.precision(),
            sc.sentences.recall(),
            sc.sentences.f1(),
            sc.boundaries.precision(),
            sc.boundaries.recall(),
            sc.boundaries.f1()
        );
    }
    Ok(())
}

/// Trains on all but one of `k` contiguous blocks of the training documents and scores on
/// that block, for each block; prints the summed scores (tuning without the dev file).
fn cross_validate(
    seg: &Segmenter,
    gold: &[ud::GoldDoc],
    docs: &[TrainingDoc],
    k: usize,
    o: TrainOptions,
) -> Result<(), String> {
    let (mut sents, mut bounds) = (ud::Prf::default(), ud::Prf::default());
    let n = docs.len();
    for fold in 0..k {
        let held = |i: usize| i * k / n == fold;
        let train: Vec<TrainingDoc> = (0..n)
            .filter(|&i| !held(i))
            .map(|i| TrainingDoc {
                text: docs[i].text.clone(),
                sentence_ends: docs[i].sentence_ends.clone(),
            })
            .collect();
        let test: Vec<ud::GoldDoc> = (0..n)
            .filter(|&i| held(i))
            .map(|i| gold[i].clone())
            .collect();
        let (body, _) = seg.train_boundary_model(&train, o);
        let data = SegmentData {
            boundary_model: Box::leak(format!("{HEADER}{body}").into_boxed_str()),
            ..SegmentData::builtin(Language::En)
        };
        let s = Segmenter::from_data(Language::En, data).map_err(|e| e.to_string())?;
        let (sc, _) = ud::score(&s, &test, 0);
        for (a, b) in [(&mut sents, sc.sentences), (&mut bounds, sc.boundaries)] {
            a.gold += b.gold;
            a.predicted += b.predicted;
            a.correct += b.correct;
        }
    }
    eprintln!(
        "{k}-fold cross-validation on train: sentences P/R/F1 {:.4} / {:.4} / {:.4}, \
         boundaries P/R/F1 {:.4} / {:.4} / {:.4}",
        sents.precision(),
        sents.recall(),
        sents.f1(),
        bounds.precision(),
        bounds.recall(),
        bounds.f1()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
