//! `sitrep eval-morph`. PLACEHOLDER until the word analysis lands.

use clap::Args;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalMorphArgs {}

pub fn run(_args: EvalMorphArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("eval-morph is not implemented yet")
}
