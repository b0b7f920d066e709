//! Fetching a pinned npm package: `npm pack` into a folder, unpacked with `tar`. The only
//! network access any sitrep command makes, and only in these developer commands.

use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// An unpacked package.
pub struct Packed {
    /// The unpacked `package/` folder.
    pub dir: PathBuf,
    /// npm's integrity hash of the tarball, for the NOTICE.
    pub integrity: String,
}

/// Runs `npm pack name@version` in `tmp` and unpacks the tarball into `tmp/name/`.
pub fn pack(tmp: &Path, name: &str, version: &str) -> Result<Packed> {
    let spec = format!("{name}@{version}");
    eprintln!("npm pack {spec}");
    let out = Command::new("npm")
        .args(["pack", &spec, "--json", "--pack-destination"])
        .arg(tmp)
        .output()
        .context("running npm (is it installed?)")?;
    if !out.status.success() {
        bail!(
            "npm pack {spec} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let meta: Value = serde_json::from_slice(&out.stdout).context("npm pack --json output")?;
    let meta = meta.get(0).context("npm pack printed no package")?;
    let integrity = meta["integrity"]
        .as_str()
        .context("no integrity")?
        .to_string();
    let tgz = tmp.join(meta["filename"].as_str().context("no filename")?);
    let dir = tmp.join(name);
    std::fs::create_dir_all(&dir)?;
    let status = Command::new("tar")
        .arg("xzf")
        .arg(&tgz)
        .arg("-C")
        .arg(&dir)
        .status()?;
    if !status.success() {
        bail!("tar failed on {}", tgz.display());
    }
    Ok(Packed {
        dir: dir.join("package"),
        integrity,
    })
}
