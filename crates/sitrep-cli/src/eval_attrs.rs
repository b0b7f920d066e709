//! `sitrep eval-attrs`: the attribute test sets of `evaluation/gold/attrs/` (dates with
//! publication dates; direct quotes with speakers). Format and scoring:
//! `sitrep_eval::attrs`.

use clap::Args;
use rayon::prelude::*;
use sitrep_core::Document;
use sitrep_eval::attrs::{self, AttrReport, AttrSet, SetKind};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalAttrsArgs {
    /// Test sets (`evaluation/gold/attrs/*.tsv`); corpus texts are read from $SITREP_DATA.
    #[arg(required = true)]
    pub sets: Vec<PathBuf>,
    /// Print one JSON object per set instead of the report.
    #[arg(long)]
    pub json: bool,
    /// List at most N wrong items and N false alarms (0: none).
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub errors: usize,
}

pub fn run(args: EvalAttrsArgs) -> anyhow::Result<ExitCode> {
    let data = crate::paths::data_dir();
    let pipeline = Pipeline::new();
    let extractor = sitrep_attrs::Attrs::new()?;
    for path in &args.sets {
        let set = attrs::load(path, &data).map_err(|e| anyhow::anyhow!(e))?;
        let report = match set.kind {
            SetKind::Dates => {
                let preds: Vec<_> = set
                    .items
                    .par_iter()
                    .map(|it| {
                        attrs::predict_dates(
                            pipeline.segmenter(it.lang),
                            pipeline.tagger(it.lang),
                            &extractor,
                            it,
                        )
                    })
                    .collect();
                attrs::score_dates(&set, &preds)
            }
            SetKind::Quotes => attrs::score_quotes(&set, &quotes(&pipeline, &set)?),
        };
        crate::paths::print_report(args.json, path, &report, &[], |f| {
            render(f, &report, args.errors)
        })?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The quotes of each item, from the whole pipeline (pronoun speakers are resolved by the
/// event stage).
fn quotes(pipeline: &Pipeline, set: &AttrSet) -> anyhow::Result<Vec<Vec<sitrep_core::Quote>>> {
    let opts = AnalyzeOptions {
        events: true,
        ..Default::default()
    };
    let docs = set
        .items
        .iter()
        .map(|it| {
            let mut d = Document::new(it.id.clone(), it.text.clone());
            d.language = Some(it.lang);
            d.published = it.published;
            d
        })
        .collect();
    Ok(
        crate::eval_events::analyze_documents(pipeline, docs, &opts)?
            .into_iter()
            .map(|a| a.quotes)
            .collect(),
    )
}

/// The report as Markdown.
pub fn render(file: &str, r: &AttrReport, errors: usize) -> String {
    let what = match r.kind {
        SetKind::Dates => "value",
        SetKind::Quotes => "speaker",
    };
    let mut s = format!("## `sitrep eval-attrs {file}`\n\n");
    s += &format!(
        "| language | texts | expected | found | **{what} right** | false alarms (written texts) |\n\
         |---|---|---|---|---|---|\n"
    );
    for (lang, x) in &r.per_language {
        s += &format!(
            "| {lang} | {} | {} | {} | **{:.3}** ({}/{}) | {} |\n",
            x.items,
            x.right.total,
            x.found.right,
            x.right.accuracy(),
            x.right.right,
            x.right.total,
            x.false_alarms
        );
    }
    s.push('\n');
    if errors > 0 && !r.errors.is_empty() {
        s += &format!("wrong ({} → system):\n\n", what);
        for e in r.errors.iter().take(errors) {
            s += &format!(
                "- `{}` {}: {} → {}\n",
                e.id, e.words, e.expected, e.predicted
            );
        }
        s.push('\n');
    }
    if errors > 0 && !r.false_alarms.is_empty() {
        s += "false alarms:\n\n";
        for e in r.false_alarms.iter().take(errors) {
            s += &format!("- `{}` {} → {}\n", e.id, e.words, e.predicted);
        }
        s.push('\n');
    }
    s
}
