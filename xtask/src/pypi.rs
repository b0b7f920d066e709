//! Fetching a pinned PyPI package: `pip download` of its wheel into a folder, unpacked with
//! Python's own `zipfile` (a wheel is a zip archive). Like [`crate::npm`], only developer
//! commands use it.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// An unpacked wheel.
pub struct Wheel {
    /// The folder the wheel was unpacked into (holds `<module>/` and `*.dist-info/`).
    pub dir: PathBuf,
    /// The wheel's file name, for the NOTICE.
    pub file: String,
    /// SHA-256 of the wheel, for the NOTICE.
    pub sha256: String,
}

/// Runs `pip download --no-deps --only-binary=:all: name==version` in `tmp` and unpacks
/// the wheel into `tmp/name/`.
pub fn wheel(tmp: &Path, name: &str, version: &str) -> Result<Wheel> {
    let spec = format!("{name}=={version}");
    eprintln!("pip download {spec}");
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "-q",
            "-d",
        ])
        .arg(tmp)
        .arg(&spec)
        .status()
        .context("running python3 -m pip (is pip installed?)")?;
    if !status.success() {
        bail!("pip download {spec} failed");
    }
    let prefix = format!("{}-{version}-", name.replace('-', "_"));
    let file = std::fs::read_dir(tmp)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|f| f.starts_with(&prefix) && f.ends_with(".whl"))
        .with_context(|| format!("no wheel {prefix}*.whl in {}", tmp.display()))?;
    let out = Command::new("sha256sum").arg(tmp.join(&file)).output()?;
    let sha256 = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .context("sha256sum printed nothing")?
        .to_string();
    let dir = tmp.join(name);
    let status = Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(tmp.join(&file))
        .arg(&dir)
        .status()?;
    if !status.success() {
        bail!("unpacking {file} failed");
    }
    Ok(Wheel { dir, file, sha256 })
}
