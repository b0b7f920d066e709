//! `sitrep eval`: event extraction against gold files in the format of
//! `../shared/eval/GOLD_FORMAT.md` (scoring in `sitrep_eval::events`).

use clap::Args;
use rayon::prelude::*;
use sitrep_core::{Analysis, Date, Document};
use sitrep_eval::events::{self, Counts, GoldDoc, Report};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold files (JSON Lines); texts given by `text_from` are read from $SITREP_DATA.
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    /// Print one JSON object per gold file instead of the report.
    #[arg(long)]
    pub json: bool,
    /// List at most N misses and N false alarms (0: none).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub errors: usize,
    /// Score events as CAMEO-style dyads (one record per directed source-target pair; see
    /// `extract --dyads`), for gold files coded that way such as the PETRARCH-2 records.
    #[arg(long)]
    pub dyads: bool,
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let data = crate::paths::data_dir();
    let pipeline = Pipeline::new();
    for path in &args.gold {
        let gold = events::load(path, &data)?;
        let mut analyses = analyze(&pipeline, &gold)?;
        if args.dyads {
            for a in &mut analyses {
                a.events = sitrep_events::dyadic(&a.events);
            }
        }
        let report = events::score(&gold, &analyses);
        let o = &report.overall;
        let extra = [
            ("precision", o.precision()),
            ("recall", o.recall()),
            ("f1", o.f1()),
        ];
        crate::paths::print_report(args.json, path, &report, &extra, |f| {
            render(f, &report, args.errors)
        })?;
    }
    Ok(ExitCode::SUCCESS)
}

fn analyze(pipeline: &Pipeline, gold: &[GoldDoc]) -> anyhow::Result<Vec<Analysis>> {
    let opts = AnalyzeOptions {
        events: true,
        ..Default::default()
    };
    let docs = gold
        .iter()
        .map(|g| {
            let mut d = Document::new(g.id.clone(), g.text().to_string());
            d.language = g.language();
            d.title = g.title.clone();
            d.published = match &g.published {
                Some(p) => Some(
                    Date::parse_published(p)
                        .map_err(|e| anyhow::anyhow!("{}: published: {e}", g.id))?,
                ),
                None => None,
            };
            Ok(d)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    analyze_documents(pipeline, docs, &opts)
}

/// Analyses gold documents in parallel, in order; an error names the document.
pub(crate) fn analyze_documents(
    pipeline: &Pipeline,
    docs: Vec<Document>,
    opts: &AnalyzeOptions,
) -> anyhow::Result<Vec<Analysis>> {
    docs.into_par_iter()
        .map(|d| {
            let id = d.id.clone();
            pipeline
                .analyze(d, opts)
                .map_err(|p| anyhow::anyhow!("{id}: {p}"))
        })
        .collect()
}

fn row(name: &str, c: &Counts) -> String {
    format!(
        "| {name} | {} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |\n",
        c.tp + c.fn_,
        c.tp + c.fp,
        c.tp,
        c.fp,
        c.fn_,
        c.precision(),
        c.recall(),
        c.f1()
    )
}

/// The report as Markdown.
pub fn render(file: &str, r: &Report, errors: usize) -> String {
    let mut s = format!("## `sitrep eval {file}`\n\n");
    if r.gold_required + r.gold_optional + r.predictions > 0 || r.doc_level.is_none() {
        s += &format!(
            "{} documents; gold events {} required + {} optional; {} predicted ({} matched only optional events)\n\n",
            r.documents, r.gold_required, r.gold_optional, r.predictions, r.overall.optional
        );
        s += &format!(
            "**precision {:.3}, recall {:.3}, F1 {:.3}**; modality right in {}/{} matched events\n\n",
            r.overall.precision(),
            r.overall.recall(),
            r.overall.f1(),
            r.modality.hits,
            r.modality.total
        );
        if !r.attributes.is_empty() {
            s += "Attributes over matched events (GOLD_FORMAT rules): ";
            let parts: Vec<String> = r
                .attributes
                .iter()
                .map(|(n, a)| format!("{n} {}/{} = {:.2}", a.hits, a.total, a.accuracy()))
                .collect();
            s += &parts.join("; ");
            s += "\n\n";
        }
        s += "| type | gold | predicted | matched | false alarms | misses | P | R | F1 |\n|---|---|---|---|---|---|---|---|---|\n";
        for (t, c) in &r.per_type {
            s += &row(t, c);
        }
        s += &row("all", &r.overall);
        s.push('\n');
        if errors > 0 {
            let line = |m: &events::Miss| {
                format!(
                    "- `{}` {} {:?}→{:?}{}: {}\n",
                    m.doc,
                    m.event,
                    m.source,
                    m.target,
                    m.rule
                        .as_ref()
                        .map(|r| format!(" ({r})"))
                        .unwrap_or_default(),
                    m.sentence.replace('\n', " ")
                )
            };
            s += &format!("### Misses ({})\n\n", r.misses.len());
            for m in r.misses.iter().take(errors) {
                s += &line(m);
            }
            s += &format!("\n### False alarms ({})\n\n", r.false_alarms.len());
            for m in r.false_alarms.iter().take(errors) {
                s += &line(m);
            }
            s.push('\n');
        }
    }
    if let Some(d) = &r.doc_level {
        s += &format!(
            "Document labels: the labelled type is found in **{}/{} = {:.3}** of the documents; mean {:.2} distinct predicted types per document\n\n",
            d.hits,
            d.documents,
            if d.documents == 0 { 0.0 } else { d.hits as f64 / d.documents as f64 },
            d.mean_types
        );
        s += "| type | documents | found | share |\n|---|---|---|---|\n";
        for (t, (n, h)) in &d.per_type {
            s += &format!(
                "| {t} | {n} | {h} | {:.3} |\n",
                *h as f64 / (*n).max(1) as f64
            );
        }
        s.push('\n');
        if errors > 0 && !d.misses.is_empty() {
            s += &format!(
                "### Documents whose labelled type was not found ({}; predicted types after the arrow)\n\n",
                d.misses.len()
            );
            for m in d.misses.iter().take(errors) {
                s += &format!(
                    "- `{}` {} → {:?}: {}\n",
                    m.doc, m.event, m.target, m.sentence
                );
            }
            s.push('\n');
        }
    }
    s
}
