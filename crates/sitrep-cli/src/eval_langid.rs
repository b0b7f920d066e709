//! `sitrep eval-langid`. PLACEHOLDER until the identifier lands.

use clap::Args;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalLangidArgs {}

pub fn run(_args: EvalLangidArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("eval-langid is not implemented yet")
}
