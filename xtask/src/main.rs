//! `cargo xtask <command>`: developer commands that regenerate committed data.
//! PLACEHOLDER: commands are added with the data they generate.

fn main() -> anyhow::Result<()> {
    let cmd = std::env::args().nth(1).unwrap_or_default();
    anyhow::bail!("unknown xtask command {cmd:?}")
}
