//! `sitrep query`, `sitrep export` and `sitrep stats`: reading the store.

use crate::ingest::DbArgs;
use anyhow::Context;
use clap::{Args, ValueEnum};
use sitrep_store::{csv_header, csv_row, write_csv_field, ClusterRecord, EventRecord, Filter};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// Which events to read. Actor and place codes match by prefix (`USA` matches `USAGOV`).
#[derive(Args, Debug, Clone)]
pub struct FilterArgs {
    /// Events with this actor as source or target.
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Events with this source actor.
    #[arg(long, value_name = "CODE")]
    pub source: Option<String>,
    /// Events with this target actor.
    #[arg(long, value_name = "CODE")]
    pub target: Option<String>,
    /// PLOVER event type (AGREE, PROTEST, …).
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,
    /// asserted, planned, intended, conditional, negated, denied, hypothetical.
    #[arg(long, value_name = "M")]
    pub modality: Option<String>,
    /// Events with this place code (origin, destination or location).
    #[arg(long, value_name = "CODE")]
    pub place: Option<String>,
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Words that must all occur in the event's evidence.
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
}

impl FilterArgs {
    pub fn filter(&self, limit: Option<usize>) -> anyhow::Result<Filter> {
        let value = |name: &str| {
            match name {
                "actor" => &self.actor,
                "source" => &self.source,
                "target" => &self.target,
                "type" => &self.event_type,
                "modality" => &self.modality,
                "place" => &self.place,
                "since" => &self.since,
                "until" => &self.until,
                "text" => &self.text,
                _ => &None,
            }
            .as_deref()
        };
        let filter = Filter::parse(value).map_err(|e| anyhow::anyhow!("--{e}"))?;
        Ok(Filter { limit, ..filter })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Args, Debug)]
pub struct QueryArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show the cross-article clusters of the matching events instead of the events.
    #[arg(long)]
    pub clusters: bool,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
    /// At most this many rows.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: usize,
}

pub fn query(args: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open(true)?;
    let filter = args.filter.filter(Some(args.limit))?;
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        QueryFormat::Table
    } else {
        QueryFormat::Jsonl
    });
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if args.clusters {
        let clusters = store.clusters(&filter)?;
        write_clusters(&mut out, &clusters, format)
    } else {
        let events = store.events(&filter)?;
        write_events(&mut out, &events, format)
    };
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        r => r
            .map(|()| ExitCode::SUCCESS)
            .context("cannot write to standard output"),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    /// Needs a sitrep built with `--features parquet`.
    Parquet,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// jsonl: one sitrep/1 event per line with its document's metadata; csv: one row per
    /// event, the columns listed in docs/store.md; parquet: the same columns, typed (needs
    /// the `parquet` feature).
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The file to write (replaced).
    #[arg(long, value_name = "FILE")]
    pub output: std::path::PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many events (default: all).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open(true)?;
    let filter = args.filter.filter(args.limit)?;
    if args.format == ExportFormat::Parquet && !cfg!(feature = "parquet") {
        anyhow::bail!(
            "--format parquet: this sitrep was built without Parquet support \
             (cargo build --release -p sitrep-cli --features parquet)"
        );
    }
    let file = std::fs::File::create(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    let mut out = io::BufWriter::with_capacity(1 << 20, file);
    let what = || format!("cannot write {}", args.output.display());
    // Events go out as they are read: memory stays flat on millions of events.
    let n = match args.format {
        ExportFormat::Jsonl => store.each_event(&filter, &mut |r| {
            serde_json::to_writer(&mut out, &r)?;
            out.write_all(b"\n")
        }),
        ExportFormat::Csv => {
            writeln!(out, "{}", csv_line(&csv_header())).with_context(what)?;
            store.each_event(&filter, &mut |r| {
                writeln!(out, "{}", csv_line(&csv_row(&r)))
            })
        }
        #[cfg(feature = "parquet")]
        ExportFormat::Parquet => {
            let mut w = sitrep_store::ParquetWriter::new(&mut out).with_context(what)?;
            let n = store.each_event(&filter, &mut |r| w.push(&r).map_err(io::Error::other));
            if n.is_ok() {
                w.finish().with_context(what)?;
            }
            n
        }
        #[cfg(not(feature = "parquet"))]
        ExportFormat::Parquet => unreachable!("refused above"),
    }
    .with_context(what)?;
    out.flush().with_context(what)?;
    eprintln!("sitrep: exported {n} events to {}", args.output.display());
    Ok(ExitCode::SUCCESS)
}

fn csv_line(fields: &[String]) -> String {
    let mut line = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        write_csv_field(&mut line, f);
    }
    line
}

fn write_events(
    out: &mut impl Write,
    events: &[EventRecord],
    format: QueryFormat,
) -> io::Result<()> {
    match format {
        QueryFormat::Jsonl => {
            for e in events {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(e).expect("a record always serialises")
                )?;
            }
        }
        QueryFormat::Csv => {
            writeln!(out, "{}", csv_line(&csv_header()))?;
            for e in events {
                writeln!(out, "{}", csv_line(&csv_row(e)))?;
            }
        }
        QueryFormat::Table => {
            let rows: Vec<Vec<String>> = events
                .iter()
                .map(|r| {
                    let e = &r.event;
                    let codes = |v: &[sitrep_core::EventActor]| {
                        v.iter()
                            .map(|a| a.code.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    };
                    let mut places: Vec<&str> = e
                        .origin
                        .iter()
                        .chain(&e.destination)
                        .chain(&e.location)
                        .map(|p| p.code.as_deref().unwrap_or(&p.name))
                        .collect();
                    places.dedup();
                    vec![
                        r.day.clone().unwrap_or_else(|| "-".into()),
                        e.event_type.to_string(),
                        e.modality.to_string(),
                        codes(&e.source),
                        codes(&e.target),
                        places.join(","),
                        r.cluster.map(|c| c.to_string()).unwrap_or_default(),
                        r.document.clone(),
                        clip(&r.evidence_text, 70),
                    ]
                })
                .collect();
            table(
                out,
                &[
                    "day", "type", "modality", "source", "target", "place", "cluster", "document",
                    "evidence",
                ],
                &rows,
            )?;
            writeln!(out, "{} events", events.len())?;
        }
    }
    Ok(())
}

fn write_clusters(
    out: &mut impl Write,
    clusters: &[ClusterRecord],
    format: QueryFormat,
) -> io::Result<()> {
    match format {
        QueryFormat::Jsonl => {
            for c in clusters {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(c).expect("a record always serialises")
                )?;
            }
        }
        QueryFormat::Csv | QueryFormat::Table => {
            let head = [
                "cluster",
                "type",
                "source",
                "target",
                "place",
                "first_day",
                "last_day",
                "events",
                "documents",
                "outlets",
            ];
            let rows: Vec<Vec<String>> = clusters
                .iter()
                .map(|c| {
                    vec![
                        c.id.to_string(),
                        c.event_type.clone(),
                        c.sources.join("|"),
                        c.targets.join("|"),
                        c.places.join("|"),
                        c.first_day.clone(),
                        c.last_day.clone(),
                        c.events.to_string(),
                        c.documents.to_string(),
                        c.outlets.to_string(),
                    ]
                })
                .collect();
            if format == QueryFormat::Csv {
                writeln!(out, "{}", csv_line(&head.map(String::from)))?;
                for r in &rows {
                    writeln!(out, "{}", csv_line(r))?;
                }
            } else {
                table(out, &head, &rows)?;
                writeln!(out, "{} clusters", clusters.len())?;
            }
        }
    }
    Ok(())
}

fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

/// A plain table with columns padded to their widest cell.
fn table(out: &mut impl Write, head: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>| -> io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.enumerate() {
            if i + 1 < width.len() {
                s.push_str(&format!("{c:<w$}  ", w = width[i]));
            } else {
                s.push_str(c);
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, &mut head.iter().copied())?;
    for r in rows {
        line(out, &mut r.iter().map(String::as_str))?;
    }
    Ok(())
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// How many actor pairs to list.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,
    /// text or json.
    #[arg(long, default_value = "text", value_name = "text|json")]
    pub format: String,
}

pub fn stats(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open(true)?;
    let s = store.stats(args.top)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format.as_str() {
        "json" => writeln!(
            out,
            "{}",
            serde_json::to_string(&s).expect("stats always serialise")
        )?,
        "text" => {
            let c = s.counts;
            writeln!(
                out,
                "{}: {} documents, {} further reports, {} events, {} clusters",
                store.location(),
                c.documents,
                c.reports,
                c.events,
                c.clusters
            )?;
            writeln!(out, "\nevents by type")?;
            table(
                &mut out,
                &["type", "events"],
                &s.by_type
                    .iter()
                    .map(|(t, n)| vec![t.clone(), n.to_string()])
                    .collect::<Vec<_>>(),
            )?;
            writeln!(out, "\nevents by day")?;
            table(
                &mut out,
                &["day", "events"],
                &s.by_day
                    .iter()
                    .map(|(t, n)| vec![t.clone(), n.to_string()])
                    .collect::<Vec<_>>(),
            )?;
            writeln!(out, "\nactor pairs (source → target)")?;
            table(
                &mut out,
                &["source", "target", "events"],
                &s.by_actor_pair
                    .iter()
                    .map(|(a, b, n)| vec![a.clone(), b.clone(), n.to_string()])
                    .collect::<Vec<_>>(),
            )?;
        }
        other => anyhow::bail!("--format: {other:?} is not text or json"),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
