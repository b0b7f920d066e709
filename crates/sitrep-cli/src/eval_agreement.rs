//! `sitrep eval-agreement`: how well two codings of the same documents agree, scored with
//! the matcher of `sitrep eval` (see `sitrep_eval::agreement`).

use clap::Args;
use sitrep_eval::agreement::{self, Agreement, Cause, OptionalEvents, Segmenters};
use sitrep_eval::events::{self, GoldDoc};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalAgreementArgs {
    /// Pairs of gold files coding the same documents: FIRST SECOND [FIRST SECOND ...].
    /// Each direction is scored (first as gold, then second as gold); with several pairs,
    /// also all pairs pooled.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print one JSON object per pair and direction instead of the report.
    #[arg(long)]
    pub json: bool,
    /// Treat every event of both codings as required (ignore the `optional` flags): do
    /// the coders find the same events at all?
    #[arg(long)]
    pub all_required: bool,
    /// Quote at most N disagreements per cause (0: none).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub examples: usize,
}

struct Pair {
    name: String,
    first: Vec<GoldDoc>,
    second: Vec<GoldDoc>,
}

pub fn run(args: EvalAgreementArgs) -> anyhow::Result<ExitCode> {
    if !args.files.len().is_multiple_of(2) {
        anyhow::bail!(
            "eval-agreement takes pairs of files (FIRST SECOND ...); got {} files",
            args.files.len()
        );
    }
    let data = crate::paths::data_dir();
    let mut pairs = Vec::new();
    for p in args.files.chunks(2) {
        pairs.push(Pair {
            name: format!("{} ~ {}", file_name(&p[0]), file_name(&p[1])),
            first: events::load(&p[0], &data)?,
            second: events::load(&p[1], &data)?,
        });
    }
    if args.all_required {
        for p in &mut pairs {
            for d in p.first.iter_mut().chain(p.second.iter_mut()) {
                for e in d.events.iter_mut().flatten() {
                    e.optional = false;
                }
            }
        }
    }
    if pairs.len() > 1 {
        let pooled = Pair {
            name: "pooled".into(),
            first: pairs.iter().flat_map(|p| p.first.clone()).collect(),
            second: pairs.iter().flat_map(|p| p.second.clone()).collect(),
        };
        pairs.push(pooled);
    }
    let segmenters = Segmenters::new();
    let mut rows = Vec::new();
    for p in &pairs {
        for (direction, gold, pred) in [
            ("first as gold", &p.first, &p.second),
            ("second as gold", &p.second, &p.first),
        ] {
            for opt in [OptionalEvents::Exclude, OptionalEvents::Include] {
                let a = agreement::score(gold, pred, opt, &segmenters)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", p.name))?;
                rows.push((p.name.as_str(), direction, a));
            }
        }
    }
    if args.json {
        for (name, direction, a) in &rows {
            let o = &a.report.overall;
            let mut v = serde_json::to_value(a)?;
            v["pair"] = (*name).into();
            v["direction"] = (*direction).into();
            v["precision"] = o.precision().into();
            v["recall"] = o.recall().into();
            v["f1"] = o.f1().into();
            outln!("{v}");
        }
    } else {
        out!("{}", render(&args, &rows));
    }
    Ok(ExitCode::SUCCESS)
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn optional_label(o: OptionalEvents) -> &'static str {
    match o {
        OptionalEvents::Exclude => "required",
        OptionalEvents::Include => "required + optional",
    }
}

fn render(args: &EvalAgreementArgs, rows: &[(&str, &str, Agreement)]) -> String {
    let files: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    let flag = if args.all_required {
        " --all-required"
    } else {
        ""
    };
    let mut s = format!("## `sitrep eval-agreement{flag} {}`\n\n", files.join(" "));
    s += "One coding's events are scored as predictions against the other's with the matcher \
          of `sitrep eval` (evidence: the sentence around the coded `sentence`). \
          *Predicted*: which of the predicting coder's events are predictions; `required` is \
          the analogue of a system.\n\n";
    s += "| pair | gold | predicted | gold events | predictions | matched | false alarms | misses | matched only optional | P | R | F1 | modality |\n\
          |---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (name, direction, a) in rows {
        let r = &a.report;
        let o = &r.overall;
        s += &format!(
            "| {name} | {direction} | {} | {} | {} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {}/{} |\n",
            optional_label(a.optional),
            r.gold_required,
            r.predictions,
            o.tp,
            o.fp,
            o.fn_,
            o.optional,
            o.precision(),
            o.recall(),
            o.f1(),
            r.modality.hits,
            r.modality.total,
        );
    }
    s += "\n### Attributes over matched events (GOLD_FORMAT rules)\n\n";
    for (name, direction, a) in rows {
        if a.report.attributes.is_empty() {
            continue;
        }
        let parts: Vec<String> = a
            .report
            .attributes
            .iter()
            .map(|(n, x)| format!("{n} {}/{} = {:.2}", x.hits, x.total, x.accuracy()))
            .collect();
        s += &format!(
            "- {name}, {direction}, {}: {}\n",
            optional_label(a.optional),
            parts.join("; ")
        );
    }
    s += "\n### Disagreements by cause\n\n\
          A miss and a false alarm read from the same sentence count once, as one pair.\n\n| pair | gold | predicted |";
    for c in Cause::ALL {
        s += &format!(" {} |", c.as_str());
    }
    s += " matched only optional gold |\n|---|---|---|";
    for _ in Cause::ALL {
        s += "---|";
    }
    s += "---|\n";
    for (name, direction, a) in rows {
        s += &format!("| {name} | {direction} | {} |", optional_label(a.optional));
        for (_, n) in &a.causes {
            s += &format!(" {n} |");
        }
        s += &format!(" {} |\n", a.report.overall.optional);
    }
    s.push('\n');
    if args.examples > 0 {
        // examples from the last row set scored with required predictions, first as gold
        // (the pooled figures when there are several pairs)
        let Some((name, direction, a)) = rows
            .iter()
            .rev()
            .find(|(_, d, a)| *d == "first as gold" && a.optional == OptionalEvents::Exclude)
        else {
            return s;
        };
        s += &format!("### Examples ({name}, {direction}, required predictions)\n\n");
        let side = |m: &Option<events::Miss>| {
            m.as_ref()
                .map(|m| {
                    format!(
                        "{}{} {:?}→{:?} «{}»",
                        m.event,
                        if m.rule.as_deref() == Some("optional") {
                            " (optional)"
                        } else {
                            ""
                        },
                        m.source,
                        m.target,
                        m.sentence.replace('\n', " ")
                    )
                })
                .unwrap_or_else(|| "—".into())
        };
        if a.disagreements.is_empty() {
            s += "none\n\n";
        }
        for c in Cause::ALL {
            let ds: Vec<_> = a.disagreements.iter().filter(|d| d.cause == c).collect();
            if ds.is_empty() {
                continue;
            }
            s += &format!("**{}** ({})\n\n", c.as_str(), ds.len());
            for d in ds.iter().take(args.examples) {
                s += &format!(
                    "- `{}` gold: {}; predicted: {}\n",
                    d.doc,
                    side(&d.gold),
                    side(&d.predicted)
                );
            }
            s.push('\n');
        }
    }
    s
}
