//! `sitrep extract`: documents in, `sitrep/1` JSON Lines out, in input order.

use crate::LimitArgs;
use anyhow::Context;
use clap::Args;
use rayon::prelude::*;
use sitrep_core::DocError;
use sitrep_core::{Date, Language};
use sitrep_ingest::{IngestOptions, Input, InputFormat, Reader};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};
use std::io::{self, Write};
use std::process::ExitCode;

/// The documents a command reads (`extract`, `ingest`) and the defaults they take.
#[derive(Args, Debug)]
pub struct ReaderArgs {
    /// Files, directories (walked recursively for *.txt, *.html, *.htm, *.jsonl) or `-` for
    /// standard input (the default).
    #[arg(value_name = "FILE|DIR|-")]
    pub inputs: Vec<String>,
    /// Input format; by default from the file extension (standard input is sniffed).
    #[arg(long, value_name = "text|jsonl|html")]
    pub input_format: Option<InputFormat>,
    /// Language of documents that declare none: de, en, or auto (identify).
    #[arg(long, default_value = "auto", value_name = "de|en|auto")]
    pub language: String,
    /// Publication date of documents that have none (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub published: Option<String>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub reader: ReaderArgs,
    /// Include the tokens of each document, with tags, lemmas and features.
    #[arg(long)]
    pub tokens: bool,
    /// Recognise and link entities (first version: see evaluation/reports/ner-de.md).
    #[arg(long)]
    pub entities: bool,
    /// Extract events (implies --entities; first version: see evaluation/reports/events-*.md).
    #[arg(long)]
    pub events: bool,
    /// Events as CAMEO-style dyads: one record per directed (source, target) pair, as
    /// PETRARCH and GDELT count them (`USA und NATO lehnen ab` gives two records; a
    /// meeting of three, six).
    #[arg(long, requires = "events")]
    pub dyads: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// Documents analysed together; their output is written in order before the next batch is
/// read. Bounded by count and by bytes so memory stays flat on huge inputs.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 64 << 20;

impl ReaderArgs {
    /// The inputs (`-` or nothing is standard input) and the reader's settings
    /// (`--language auto` identifies).
    pub fn setup(&self) -> anyhow::Result<(Vec<Input>, IngestOptions)> {
        let default_language = match self.language.as_str() {
            "auto" => None,
            s => Some(
                s.parse::<Language>()
                    .map_err(|e| anyhow::anyhow!("--language: {e}"))?,
            ),
        };
        let default_published = match &self.published {
            None => None,
            Some(s) => {
                Some(Date::parse_published(s).map_err(|e| anyhow::anyhow!("--published: {e}"))?)
            }
        };
        let inputs = if self.inputs.is_empty() {
            vec![Input::Stdin]
        } else {
            self.inputs.iter().map(|a| Input::parse(a)).collect()
        };
        let opts = IngestOptions {
            format: self.input_format,
            limits: self.limits.limits(),
            default_language,
            default_published,
        };
        Ok((inputs, opts))
    }
}

/// A pool of `threads` analysis threads (default: one per core).
pub(crate) fn thread_pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(n.max(1));
    }
    builder.build().context("cannot start worker threads")
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let (inputs, opts) = args.reader.setup()?;
    let pool = thread_pool(args.threads)?;
    let pipeline = Pipeline::new();
    let analyze = AnalyzeOptions {
        tokens: args.tokens,
        entities: args.entities,
        events: args.events,
    };

    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut reader = Reader::new(inputs, opts);
    let (mut total, mut failed) = (0usize, 0usize);
    let mut batch = Vec::with_capacity(BATCH_DOCS);
    loop {
        batch.clear();
        let mut bytes = 0;
        for item in reader.by_ref() {
            if let Ok(ing) = &item {
                bytes += ing.doc.text.len();
            }
            batch.push(item);
            if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<(Vec<String>, Result<String, DocError>)> = pool.install(|| {
            batch
                .par_drain(..)
                .map(|item| {
                    let ing = match item {
                        Ok(ing) => ing,
                        Err(e) => return (Vec::new(), Err(e)),
                    };
                    let warnings = ing
                        .warnings
                        .iter()
                        .map(|w| format!("{}: {w}", ing.doc.id))
                        .collect();
                    let id = ing.doc.id.clone();
                    let line = pipeline
                        .analyze(ing.doc, &analyze)
                        .map(|mut a| {
                            if args.dyads {
                                a.events = sitrep_events::dyadic(&a.events);
                            }
                            serde_json::to_string(&a).expect("an analysis always serialises")
                        })
                        .map_err(|p| DocError::new(id, p));
                    (warnings, line)
                })
                .collect()
        });
        for (warnings, r) in results {
            total += 1;
            for w in warnings {
                eprintln!("sitrep: warning: {w}");
            }
            match r {
                Ok(line) => {
                    if let Err(e) = writeln!(out, "{line}") {
                        return stdout_error(e);
                    }
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("sitrep: {e}");
                }
            }
        }
    }
    if let Err(e) = out.flush() {
        return stdout_error(e);
    }
    if failed > 0 {
        eprintln!("sitrep: {failed} of {total} documents skipped");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// A closed pipe (`sitrep extract | head`) ends the run quietly; other write errors are
/// reported.
fn stdout_error(e: io::Error) -> anyhow::Result<ExitCode> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(anyhow::Error::new(e).context("cannot write to standard output"))
    }
}
