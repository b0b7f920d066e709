//! `sitrep eval-tag`. PLACEHOLDER until the word analysis lands.

use clap::Args;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalTagArgs {}

pub fn run(_args: EvalTagArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("eval-tag is not implemented yet")
}
