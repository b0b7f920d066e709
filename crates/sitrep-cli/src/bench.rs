//! `sitrep bench`: whole-pipeline throughput on a news corpus, with its output checked.
//!
//! Prints one JSON line (whole pipeline, segmentation alone, word analysis alone). Reading the corpus is not timed; building the pipeline is
//! reported as `startup_ms` (both languages, loaded up front). Every analysis is checked while timing (segmentation
//! invariants, equal token counts across repeats), so a fast wrong answer fails.

use crate::paths;
use anyhow::{bail, Context};
use clap::Args;
use rayon::prelude::*;
use serde_json::json;
use sitrep_core::{Document, Segmentation};
use sitrep_ingest::{IngestOptions, Input, InputFormat, Reader};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// JSON Lines corpus (default: $SITREP_DATA/news/gnad-de-dev.jsonl).
    #[arg(long, value_name = "FILE")]
    pub corpus: Option<PathBuf>,
    /// Passes over the corpus; the fastest pass is reported.
    #[arg(long, default_value_t = 5)]
    pub repeat: usize,
    /// Threads for the parallel pass (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Fail unless the corpus yields exactly this many tokens.
    #[arg(long)]
    pub expect_tokens: Option<usize>,
    /// Fail unless the corpus yields exactly this many events (every pass must agree).
    #[arg(long)]
    pub expect_events: Option<usize>,
}

pub fn run(args: BenchArgs) -> anyhow::Result<ExitCode> {
    let corpus = match args.corpus {
        Some(p) => p,
        None => paths::data_file("news/gnad-de-dev.jsonl")?,
    };
    let opts = IngestOptions {
        format: Some(InputFormat::Jsonl),
        ..Default::default()
    };
    let mut docs: Vec<Document> = Vec::new();
    for item in Reader::new(vec![Input::Path(corpus.clone())], opts) {
        docs.push(item.map_err(|e| anyhow::anyhow!("{e}"))?.doc);
    }
    if docs.is_empty() {
        bail!("{}: no documents", corpus.display());
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let t0 = Instant::now();
    let pipeline = Pipeline::new();
    // both languages, as a server would: `startup_ms` stays comparable across corpora
    pipeline.preload(&sitrep_core::Language::ALL);
    let startup = t0.elapsed();

    let analyze = AnalyzeOptions {
        tokens: true,
        entities: true,
        events: true,
    };
    let repeat = args.repeat.max(1);

    // Whole pipeline, one thread.
    let mut best_pipeline = f64::INFINITY;
    let mut counts = None;
    for _ in 0..repeat {
        let t = Instant::now();
        let mut tokens = 0usize;
        let mut sentences = 0usize;
        let mut events = 0usize;
        for d in &docs {
            let a = pipeline
                .analyze(d.clone(), &analyze)
                .map_err(|p| anyhow::anyhow!("{}: {p}", d.id))?;
            tokens += a.tokens.as_ref().map_or(0, Vec::len);
            sentences += a.sentences.len();
            events += a.events.len();
        }
        best_pipeline = best_pipeline.min(t.elapsed().as_secs_f64());
        check_same(&mut counts, (tokens, sentences, events))?;
    }
    let (tokens, sentences, events) = counts.expect("at least one pass");

    // Segmentation alone, one thread, with its invariants checked after each pass.
    let languages: Vec<_> = docs
        .iter()
        .map(|d| {
            pipeline
                .language_of(d)
                .map_err(|p| anyhow::anyhow!("{}: {p}", d.id))
        })
        .collect::<anyhow::Result<_>>()?;
    let mut best_segment = f64::INFINITY;
    let mut seg = Segmentation::default();
    for _ in 0..repeat {
        let mut n = 0;
        let t = Instant::now();
        for (d, l) in docs.iter().zip(&languages) {
            if let Some(l) = l {
                pipeline.segmenter(*l).segment_into(&d.text, &mut seg);
                n += seg.tokens.len();
            }
        }
        best_segment = best_segment.min(t.elapsed().as_secs_f64());
        if n != tokens {
            bail!("segmentation alone gave {n} tokens, the pipeline {tokens}");
        }
    }
    for (d, l) in docs.iter().zip(&languages) {
        if let Some(l) = l {
            pipeline.segmenter(*l).segment_into(&d.text, &mut seg);
            seg.check(&d.text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", d.id))?;
        }
    }

    // Word analysis alone (tags, features, lemmas), one thread, on the segmentations.
    let segs: Vec<(usize, Segmentation)> = docs
        .iter()
        .zip(&languages)
        .enumerate()
        .filter_map(|(i, (d, l))| {
            l.map(|l| {
                let mut s = Segmentation::default();
                pipeline.segmenter(l).segment_into(&d.text, &mut s);
                (i, s)
            })
        })
        .collect();
    let mut best_tag = f64::INFINITY;
    let mut words = Vec::new();
    for _ in 0..repeat {
        let mut n = 0;
        let t = Instant::now();
        for (i, s) in &segs {
            let tagger = pipeline.tagger(languages[*i].expect("segmented"));
            for sent in &s.sentences {
                tagger.tag(&docs[*i].text, s.sentence_tokens(sent), &mut words);
                n += words.len();
            }
        }
        best_tag = best_tag.min(t.elapsed().as_secs_f64());
        if n != tokens {
            bail!("tagging alone gave {n} tokens, the pipeline {tokens}");
        }
    }
    drop(segs);
    // The one-thread passes above are over: their tagger memo (about 50 MB, kept per thread)
    // would otherwise stay beside the two workers' own and make the peak a three-thread figure.
    sitrep_tag::forget_thread_memos();
    #[cfg(feature = "mimalloc")]
    sitrep_alloc::release_freed();

    // Whole pipeline, all threads.
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = args.threads {
            b = b.num_threads(n.max(1));
        }
        b.build().context("cannot start worker threads")?
    };
    let threads = pool.current_num_threads();
    let t = Instant::now();
    let par_tokens: usize = pool.install(|| {
        docs.par_iter()
            .map(|d| {
                pipeline
                    .analyze(d.clone(), &analyze)
                    .map_or(0, |a| a.tokens.map_or(0, |t| t.len()))
            })
            .sum()
    });
    let parallel = t.elapsed().as_secs_f64();
    if par_tokens != tokens {
        bail!("parallel pass gave {par_tokens} tokens, sequential {tokens}");
    }
    if let Some(want) = args.expect_events {
        if want != events {
            bail!("expected {want} events, got {events}");
        }
    }
    if let Some(want) = args.expect_tokens {
        if want != tokens {
            bail!("expected {want} tokens, got {tokens}");
        }
    }

    let n = docs.len() as f64;
    let line = json!({
        "bench": "pipeline",
        "corpus": corpus.display().to_string(),
        "documents": docs.len(),
        "bytes": bytes,
        "tokens": tokens,
        "sentences": sentences,
        "events": events,
        "startup_ms": round(startup.as_secs_f64() * 1e3),
        "docs_per_s_per_thread": round(n / best_pipeline),
        "tokens_per_s_per_thread": round(tokens as f64 / best_pipeline),
        "segment_tokens_per_s_per_thread": round(tokens as f64 / best_segment),
        "segment_mb_per_s_per_thread": round(bytes as f64 / best_segment / 1e6),
        "tag_tokens_per_s_per_thread": round(tokens as f64 / best_tag),
        "threads": threads,
        "docs_per_s_all_threads": round(n / parallel),
        "peak_rss_mib": peak_rss_mib(),
        "check": "ok",
    });
    outln!("{line}");
    Ok(ExitCode::SUCCESS)
}

fn check_same<T: PartialEq + std::fmt::Debug>(seen: &mut Option<T>, now: T) -> anyhow::Result<()> {
    match seen {
        Some(prev) if *prev != now => bail!("passes disagree: {prev:?} vs {now:?}"),
        _ => {
            *seen = Some(now);
            Ok(())
        }
    }
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Peak resident memory (VmHWM) on Linux; null elsewhere.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(round(kb / 1024.0))
}
