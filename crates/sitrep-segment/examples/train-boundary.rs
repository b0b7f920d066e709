//! Trains the English sentence-boundary model on UD English EWT train and writes
//! `data/segment/en/boundary-model.txt`. Deterministic: the same treebank gives the same
//! bytes.
//!
//! ```text
//! CARGO_TARGET_DIR=/work/targets/segment cargo run --release -p sitrep-segment \
//!     --example train-boundary -- ../shared/data/ud/en_ewt-ud-train.conllu \
//!     data/segment/en/boundary-model.txt
//! ```
//!
//! Training documents are built like the evaluation's (`sitrep eval-ud`): each 8
//! consecutive sentences joined with one space.

use sitrep_core::Language;
use sitrep_eval::{conllu, ud};
use sitrep_segment::{SegmentData, Segmenter, TrainOptions, TrainingDoc};
use std::process::ExitCode;

const HEADER: &str = "\
# English sentence-boundary model: averaged perceptron weights over features of the tokens
# around each whitespace gap (see crates/sitrep-segment/src/model.rs).
# Source: trained for sitrep on UD English EWT train (en_ewt-ud-train.conllu, documents of
# 8 sentences joined by a space) with
#   cargo run --release -p sitrep-segment --example train-boundary -- \\
#       ../shared/data/ud/en_ewt-ud-train.conllu data/segment/en/boundary-model.txt
# Licence: derived from UD English EWT, CC BY-SA 4.0 (https://universaldependencies.org/).
# Format: the magic line `sitrep-boundary-model<TAB>1` (format version 1), then
# `feature<TAB>weight` lines sorted by feature (byte order), weights in thousandths.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: train-boundary TRAIN.conllu OUT.txt");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::from(2);
        }
    };
    let sentences = match conllu::parse(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::from(2);
        }
    };
    let (docs, _) = ud::documents(&sentences, 8);
    let docs: Vec<TrainingDoc> = docs
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
    let seg = match Segmenter::from_data(Language::En, data) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let body = seg.train_boundary_model(&docs, TrainOptions::default());
    let lines = body.lines().count() - 1;
    if let Err(e) = std::fs::write(output, format!("{HEADER}{body}")) {
        eprintln!("{output}: {e}");
        return ExitCode::from(2);
    }
    eprintln!(
        "wrote {output}: {lines} weights from {} documents",
        docs.len()
    );
    ExitCode::SUCCESS
}
