//! `sitrep`: news articles in, structured events out.
//!
//! Exit status: 0 when every document was processed, 1 when some were skipped (each named
//! on standard error, with a summary line), 2 for usage errors.

/// `print!` for a command's report: a closed pipe (`sitrep eval … | head`) ends the
/// command quietly, as SIGPIPE ends a C tool, where `print!` would panic. Only for
/// commands that store nothing: exiting skips destructors.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::write_out(format_args!($($arg)*))
    };
}

/// `println!` with [`out!`]'s handling of a closed pipe.
macro_rules! outln {
    () => {
        $crate::write_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

mod bench;
mod debug;
mod eval_agreement;
mod eval_attrs;
mod eval_events;
mod eval_langid;
mod eval_linking;
mod eval_morph;
mod eval_ner;
mod eval_tag;
mod eval_ud;
mod extract;
mod ingest;
mod kb_cmd;
mod paths;
mod query;
#[cfg(feature = "server")]
mod serve;
mod store_bench;

use clap::{Args, Parser, Subcommand};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: sitrep_alloc::MiMalloc = sitrep_alloc::MiMalloc;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sitrep",
    version,
    about = "Turns news articles into structured, auditable event data."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse documents and write one sitrep/1 JSON object per document (JSON Lines).
    Extract(extract::ExtractArgs),
    /// Analyse documents and keep them in a store (SQLite): events, entities, quotes,
    /// duplicates as further reports, cross-article event clusters. Safe to re-run.
    Ingest(ingest::IngestArgs),
    /// Re-run the analysis of stored documents made by an older analysis version.
    Reanalyze(ingest::ReanalyzeArgs),
    /// Events (or their clusters) from a store, filtered by actor, type, place, date, text.
    Query(query::QueryArgs),
    /// Write a store's events to a file: JSON Lines (sitrep/1 events) or CSV.
    Export(query::ExportArgs),
    /// Counts of a store's events by day, type and actor pair.
    Stats(query::StatsArgs),
    /// Serve the HTTP API over a store (see /openapi.json); `--demo` first stores the
    /// example articles.
    #[cfg(feature = "server")]
    Serve(serve::ServeArgs),
    /// Load the HTTP API on 127.0.0.1: mixed requests from many connections; prints
    /// throughput, latency, errors and memory as one JSON line (not run in CI).
    #[cfg(feature = "server")]
    BenchServe(serve::BenchServeArgs),
    /// Time the store: writing synthetic events and querying them (not run in CI).
    BenchStore(store_bench::BenchStoreArgs),
    /// Score event extraction against gold files (../shared/eval/GOLD_FORMAT.md): precision,
    /// recall and F1 overall and per type, misses and false alarms.
    Eval(eval_events::EvalArgs),
    /// Score one gold coding against another of the same documents (inter-coder agreement)
    /// with the matcher of `eval`, in both directions, with disagreements by cause.
    EvalAgreement(eval_agreement::EvalAgreementArgs),
    /// Score segmentation against a Universal Dependencies CoNLL-U file.
    EvalUd(eval_ud::EvalUdArgs),
    /// Measure language identification on German and English texts (documents, sentences
    /// and headlines) from the data folder.
    EvalLangid(eval_langid::EvalLangidArgs),
    /// Score tagging, lemmas and features against a CoNLL-U file, with gold tokens.
    EvalTag(eval_tag::EvalTagArgs),
    /// Score German morphology (case of noun-phrase heads, joined verb lemmas) on the
    /// hand-written test set.
    EvalMorph(eval_morph::EvalMorphArgs),
    /// Score named-entity recognition against GermEval 2014 (PER, LOC, ORG).
    EvalNer(eval_ner::EvalNerArgs),
    /// Score entity linking (actor code and sector of each mention) against hand-annotated
    /// mentions (evaluation/gold/linking/*.jsonl).
    EvalLinking(eval_linking::EvalLinkingArgs),
    /// Score the attribute test sets (evaluation/gold/attrs/: dates, quotes with speakers).
    EvalAttrs(eval_attrs::EvalAttrsArgs),
    /// Time the whole pipeline on a news corpus; prints one JSON line.
    Bench(bench::BenchArgs),
    /// Knowledge-base commands (`sitrep kb stats`: coverage per table and language).
    Kb(kb_cmd::KbArgs),
    /// Show what the stages see for one text: tokens with tags, lemmas and features, and
    /// clauses with their verb complex.
    Debug(debug::DebugArgs),
}

/// Input limits shared by every command that reads documents.
#[derive(Args, Debug, Clone)]
pub struct LimitArgs {
    /// Largest document, in bytes.
    #[arg(long, default_value_t = sitrep_core::Limits::default().max_document_bytes, value_name = "BYTES")]
    pub max_document_bytes: usize,
    /// Longest JSON Lines line, in bytes.
    #[arg(long, default_value_t = sitrep_core::Limits::default().max_line_bytes, value_name = "BYTES")]
    pub max_line_bytes: usize,
    /// Deepest HTML element nesting kept (deeper tags are dropped, their text kept).
    #[arg(long, default_value_t = sitrep_core::Limits::default().max_html_depth, value_name = "N")]
    pub max_html_depth: usize,
}

impl LimitArgs {
    pub fn limits(&self) -> sitrep_core::Limits {
        sitrep_core::Limits {
            max_document_bytes: self.max_document_bytes,
            max_line_bytes: self.max_line_bytes,
            max_html_depth: self.max_html_depth,
        }
    }
}

fn main() -> ExitCode {
    #[cfg(feature = "mimalloc")]
    sitrep_alloc::configure();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Reanalyze(a) => ingest::reanalyze(a),
        Command::Query(a) => query::query(a),
        Command::Export(a) => query::export(a),
        Command::Stats(a) => query::stats(a),
        Command::BenchStore(a) => store_bench::run(a),
        #[cfg(feature = "server")]
        Command::Serve(a) => serve::serve(a),
        #[cfg(feature = "server")]
        Command::BenchServe(a) => serve::bench(a),
        Command::Eval(a) => eval_events::run(a),
        Command::EvalAgreement(a) => eval_agreement::run(a),
        Command::EvalUd(a) => eval_ud::run(a),
        Command::EvalLangid(a) => eval_langid::run(a),
        Command::EvalTag(a) => eval_tag::run(a),
        Command::EvalMorph(a) => eval_morph::run(a),
        Command::EvalNer(a) => eval_ner::run(a),
        Command::EvalLinking(a) => eval_linking::run(a),
        Command::EvalAttrs(a) => eval_attrs::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Debug(a) => debug::run(a),
        Command::Kb(a) => kb_cmd::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Writes a report to standard output for [`out!`] and [`outln!`]: exit status 0 on a
/// closed pipe, 1 (with the reason on standard error) on any other write error.
fn write_out(args: std::fmt::Arguments) {
    use std::io::Write;
    if let Err(e) = std::io::stdout().lock().write_fmt(args) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("sitrep: error: cannot write to standard output: {e}");
        std::process::exit(1);
    }
}
