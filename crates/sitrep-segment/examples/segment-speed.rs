//! Segmentation throughput on one thread over the text of a UD CoNLL-U file, with documents
//! built as in `sitrep eval-ud` (each 8 consecutive sentences joined with one space).
//!
//! ```text
//! CARGO_TARGET_DIR=/work/targets/segment cargo run --release -p sitrep-segment \
//!     --example segment-speed -- ../shared/data/ud/en_ewt-ud-train.conllu [en|de] [--rules-only]
//! ```
//!
//! Runs the whole corpus repeatedly for at least 3 seconds (after one warm-up pass) and
//! prints one JSON line: tokens, sentences, seconds, tokens/s and MB/s per thread.

use sitrep_core::{Language, Segmentation};
use sitrep_eval::{conllu, ud};
use sitrep_segment::Segmenter;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(input) = args.first() else {
        eprintln!("usage: speed FILE.conllu [en|de] [--rules-only]");
        return ExitCode::from(2);
    };
    let language = match args.get(1).map(String::as_str) {
        Some("de") => Language::De,
        Some("en") | None => Language::En,
        Some(x) if x.starts_with("--") => Language::En,
        Some(other) => {
            eprintln!("unknown language {other:?} (expected en or de)");
            return ExitCode::from(2);
        }
    };
    let rules_only = args.iter().any(|a| a == "--rules-only");
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
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut seg = Segmenter::new(language);
    if rules_only {
        seg = seg.without_model();
    }
    let mut out = Segmentation::default();
    let pass = |out: &mut Segmentation| -> (usize, usize) {
        let (mut toks, mut sents) = (0, 0);
        for t in &texts {
            seg.segment_into(t, out);
            toks += out.tokens.len();
            sents += out.sentences.len();
        }
        (toks, sents)
    };
    let (tokens, sents) = pass(&mut out);
    let start = Instant::now();
    let mut passes = 0u32;
    while passes == 0 || start.elapsed().as_secs_f64() < 3.0 {
        let (t, s) = pass(&mut out);
        if (t, s) != (tokens, sents) {
            eprintln!("check failed: a pass gave different counts");
            return ExitCode::FAILURE;
        }
        passes += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let per_pass = secs / f64::from(passes);
    println!(
        "{{\"file\":{:?},\"language\":\"{}\",\"rules_only\":{},\"documents\":{},\"tokens\":{},\"sentences\":{},\"passes\":{},\"seconds\":{:.3},\"tokens_per_s_per_thread\":{:.0},\"mb_per_s\":{:.1}}}",
        input,
        language.code(),
        rules_only,
        texts.len(),
        tokens,
        sents,
        passes,
        secs,
        tokens as f64 / per_pass,
        bytes as f64 / per_pass / 1e6,
    );
    ExitCode::SUCCESS
}
