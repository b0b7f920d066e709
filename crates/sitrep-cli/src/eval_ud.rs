//! `sitrep eval-ud`. PLACEHOLDER until the segmentation scorer lands.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalUdArgs {
    /// A CoNLL-U file (e.g. ../shared/data/ud/de_gsd-ud-dev.conllu).
    pub file: PathBuf,
}

pub fn run(args: EvalUdArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("eval-ud is not implemented yet ({})", args.file.display())
}
