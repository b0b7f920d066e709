//! `sitrep kb stats`: knowledge-base coverage (states, organisations, people with dates,
//! media, places, given names, sector words, per language) and the time to compile each
//! language's matcher. The report is Markdown (`evaluation/reports/kb-coverage.md` holds
//! its output).

use clap::{Args, Subcommand};
use sitrep_core::Language;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args, Debug)]
pub struct KbArgs {
    #[command(subcommand)]
    pub command: KbCommand,
}

#[derive(Subcommand, Debug)]
pub enum KbCommand {
    /// Print knowledge-base coverage per table and language, and the matcher build time.
    Stats,
}

pub fn run(args: KbArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        KbCommand::Stats => stats(),
    }
}

fn stats() -> anyhow::Result<ExitCode> {
    let report = sitrep_kb::stats::report()?;
    outln!("{report}");
    outln!("## Compiled matcher\n");
    outln!("| language | build ms | trie tokens | entries |\n|---|---:|---:|---:|");
    for lang in Language::ALL {
        let t = Instant::now();
        let m = sitrep_kb::matcher::Matcher::new(lang)?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let (tokens, entries) = m.size();
        outln!("| {lang} | {ms:.1} | {tokens} | {entries} |");
    }
    Ok(ExitCode::SUCCESS)
}
