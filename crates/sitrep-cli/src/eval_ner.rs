//! `sitrep eval-ner`: named-entity recognition against GermEval 2014 (PER, LOC, ORG on
//! outer spans; see `sitrep_eval::ner` for the mapping of `deriv` and `part` classes).

use anyhow::Context;
use clap::Args;
use sitrep_eval::ner::{self, Mapping};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalNerArgs {
    /// A GermEval 2014 TSV file (default: $SITREP_DATA/ner/germeval2014-de-dev.tsv).
    pub file: Option<PathBuf>,
    /// Print the N most frequent errors per class (missed, spurious, typed, boundary).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
    /// Print one JSON line instead of the table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: EvalNerArgs) -> anyhow::Result<ExitCode> {
    let path = match args.file {
        Some(p) => p,
        None => crate::paths::data_file("ner/germeval2014-de-dev.tsv")?,
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let gold = ner::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let scores = ner::evaluate_german(&gold).map_err(|e| anyhow::anyhow!(e))?;
    let load_ms = scores.kb_load_ms.unwrap_or(0.0);
    if args.json {
        let mut v = serde_json::to_value(&scores)?;
        v["file"] = serde_json::Value::String(path.display().to_string());
        outln!("{v}");
        return Ok(ExitCode::SUCCESS);
    }
    outln!("file: {}", path.display());
    outln!(
        "{} sentences, {} tokens; knowledge base compiled in {load_ms:.1} ms",
        scores.sentences,
        scores.tokens
    );
    print_mapping("deriv and part excluded", &scores.excluded);
    print_mapping("deriv and part counted as their type", &scores.merged);
    outln!(
        "speed: {:.0} tokens/s segment+tag+recognise, {:.0} tokens/s recognition alone (one thread)",
        scores.tokens_per_s, scores.recognize_tokens_per_s
    );
    if args.errors > 0 {
        let mut by: HashMap<(String, String, String), usize> = HashMap::new();
        for e in &scores.errors {
            *by.entry(e.clone()).or_default() += 1;
        }
        let mut classes: HashMap<(String, String), usize> = HashMap::new();
        for ((k, ty, _), n) in &by {
            *classes.entry((k.clone(), ty.clone())).or_default() += n;
        }
        let mut cl: Vec<_> = classes.into_iter().collect();
        cl.sort_by_key(|c| std::cmp::Reverse(c.1));
        outln!("\nerrors (deriv and part excluded):");
        for ((k, ty), n) in &cl {
            outln!("  {k:<14} {ty}  {n}");
        }
        let mut v: Vec<_> = by.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for kind in [
            "missed",
            "spurious",
            "boundary",
            "typed PER",
            "typed LOC",
            "typed ORG",
        ] {
            let list: Vec<String> = v
                .iter()
                .filter(|((k, _, _), _)| k == kind)
                .take(args.errors)
                .map(|((_, ty, txt), n)| format!("{txt} [{ty}]×{n}"))
                .collect();
            if !list.is_empty() {
                outln!("  {kind}: {}", list.join("; "));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_mapping(title: &str, m: &Mapping) {
    outln!("\n{title}:");
    outln!("  type   gold  pred  correct  precision  recall     F1");
    for (ty, p) in m
        .per_type
        .iter()
        .map(|(t, p)| (t.as_str(), p))
        .chain([("micro", &m.micro)])
    {
        outln!(
            "  {ty:<5} {:>5} {:>5} {:>8}  {:>9.3} {:>7.3} {:>6.3}",
            p.gold,
            p.predicted,
            p.correct,
            p.precision,
            p.recall,
            p.f1
        );
    }
}
