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

/// The language of a treebank file: `--language` when given, else the file name's prefix
/// (`de_gsd-ud-dev.conllu` → German), as UD names its files.
pub fn treebank_language(
    given: Option<&str>,
    file: &std::path::Path,
) -> anyhow::Result<sitrep_core::Language> {
    let code = match given {
        Some(c) => c.to_string(),
        None => {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match name.split_once('_') {
                Some((code, _)) => code.to_string(),
                None => {
                    anyhow::bail!("cannot tell the language from {name:?}; pass --language de|en")
                }
            }
        }
    };
    code.parse().map_err(|e| anyhow::anyhow!("--language: {e}"))
}

/// Prints one gold file's report: a JSON object (the report, its file and `extra` figures)
/// with `--json`, else the Markdown `render` gives.
pub(crate) fn print_report<R: serde::Serialize>(
    json: bool,
    path: &std::path::Path,
    report: &R,
    extra: &[(&str, f64)],
    render: impl FnOnce(&str) -> String,
) -> anyhow::Result<()> {
    let file = path.display().to_string();
    if json {
        let mut v = serde_json::to_value(report)?;
        v["file"] = file.into();
        for (k, x) in extra {
            v[*k] = (*x).into();
        }
        outln!("{v}");
    } else {
        out!("{}", render(&file));
    }
    Ok(())
}
