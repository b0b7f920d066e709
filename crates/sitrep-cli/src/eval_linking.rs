//! `sitrep eval-linking`: actor code and sector of entity mentions against hand-annotated
//! gold mentions (format and scoring in `sitrep_eval::linking`).

use clap::Args;
use sitrep_core::{Analysis, Document};
use sitrep_eval::linking::{self, LinkDoc, LinkReport, LinkScores};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalLinkingArgs {
    /// Gold files (JSON Lines, `evaluation/gold/linking/*.jsonl`); texts are read from
    /// $SITREP_DATA by `text_from`.
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    /// Print one JSON object per file instead of the report.
    #[arg(long)]
    pub json: bool,
    /// List at most N wrong mentions (0: none).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
}

pub fn run(args: EvalLinkingArgs) -> anyhow::Result<ExitCode> {
    let data = crate::paths::data_dir();
    let pipeline = Pipeline::new();
    for path in &args.gold {
        let gold = linking::load(path, &data).map_err(|e| anyhow::anyhow!(e))?;
        let analyses = analyze(&pipeline, &gold)?;
        let report = linking::score(&gold, &analyses);
        let extra = [
            ("code_accuracy", report.overall.code.accuracy()),
            ("sector_accuracy", report.overall.sector.accuracy()),
        ];
        crate::paths::print_report(args.json, path, &report, &extra, |f| {
            render(f, &report, args.errors)
        })?;
    }
    Ok(ExitCode::SUCCESS)
}

fn analyze(pipeline: &Pipeline, gold: &[LinkDoc]) -> anyhow::Result<Vec<Analysis>> {
    let opts = AnalyzeOptions {
        entities: true,
        ..Default::default()
    };
    let docs = gold
        .iter()
        .map(|g| {
            let mut d = Document::new(g.id.clone(), g.text.clone());
            d.language = g.language;
            d
        })
        .collect();
    crate::eval_events::analyze_documents(pipeline, docs, &opts)
}

fn row(name: &str, s: &LinkScores) -> String {
    let f = |t: &linking::Tally| format!("{:.3} ({}/{})", t.accuracy(), t.right, t.total);
    format!(
        "| {name} | {} | {} | {} | {} | {} |\n",
        s.found.total,
        f(&s.found),
        f(&s.code),
        f(&s.sector),
        f(&s.code_found),
    )
}

/// The report as Markdown.
pub fn render(file: &str, r: &LinkReport, errors: usize) -> String {
    let mut s = format!("## `sitrep eval-linking {file}`\n\n");
    s += &format!(
        "{} documents, {} gold mentions: **code accuracy {:.3}, sector accuracy {:.3}** \
         (a mention not found counts as wrong); kind right in {}/{} found mentions\n\n",
        r.documents,
        r.overall.found.total,
        r.overall.code.accuracy(),
        r.overall.sector.accuracy(),
        r.overall.kind_found.right,
        r.overall.kind_found.total,
    );
    s += "| kind | gold | found | code | sector | code of found |\n|---|---|---|---|---|---|\n";
    for (k, v) in &r.per_kind {
        s += &row(k, v);
    }
    s += &row("all", &r.overall);
    s.push('\n');
    if errors > 0 && !r.errors.is_empty() {
        s += "wrong (gold → predicted):\n\n";
        for e in r.errors.iter().take(errors) {
            s += &format!("- `{}` {}: {} → {}\n", e.doc, e.text, e.gold, e.predicted);
        }
        s.push('\n');
    }
    s
}
