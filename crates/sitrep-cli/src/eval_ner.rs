//! `sitrep eval-ner`. PLACEHOLDER until entity recognition lands.

use clap::Args;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalNerArgs {}

pub fn run(_args: EvalNerArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("eval-ner is not implemented yet")
}
