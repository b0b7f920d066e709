//! Where third-party data lives: `$SITREP_DATA`, else `../shared/data` beside the checkout.

use std::path::PathBuf;

/// The data folder (`../shared/data` by default, `$SITREP_DATA` when set).
pub fn data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("SITREP_DATA") {
        return PathBuf::from(d);
    }
    let beside_cwd = PathBuf::from("../shared/data");
    if beside_cwd.is_dir() {
        return beside_cwd;
    }
    // A binary built in this checkout: crates/sitrep-cli → ../../../shared/data.
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// A file under the data folder, or an error that says how to point sitrep at it.
pub fn data_file(rel: &str) -> anyhow::Result<PathBuf> {
    let p = data_dir().join(rel);
    if p.is_file() {
        Ok(p)
    } else {
        anyhow::bail!(
            "data file {} not found; set SITREP_DATA to the folder holding {rel} (default ../shared/data)",
            p.display()
        )
    }
}
