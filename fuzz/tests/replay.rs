//! Replays the seed corpora (`seeds/<target>/`) and the saved crash inputs
//! (`regressions/<target>/`) through the same checks as the fuzz targets, without libFuzzer:
//!
//! ```sh
//! cargo test --manifest-path fuzz/Cargo.toml
//! ```
//!
//! A file in `regressions/` is a (minimised) input that once broke a check; keep it here once
//! the bug is fixed so that it stays fixed. Inputs whose bug is still open are listed in
//! `regressions/OPEN` (one `target/file` per line) and are expected to fail.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 6] = [
    ("segment", sitrep_fuzz::segment::check),
    ("ingest_jsonl", sitrep_fuzz::ingest_jsonl::check),
    ("ingest_text", sitrep_fuzz::ingest_text::check),
    ("ingest_html", sitrep_fuzz::ingest_html::check),
    ("langid", sitrep_fuzz::langid::check),
    ("pipeline", sitrep_fuzz::pipeline::check),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

fn open_findings() -> Vec<String> {
    fs::read_to_string(root().join("regressions/OPEN"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

fn replay(sub: &str) {
    let open = open_findings();
    let mut failures = Vec::new();
    let mut count = 0;
    for (target, check) in TARGETS {
        for path in files(&root().join(sub).join(target)) {
            let name = format!("{target}/{}", path.file_name().unwrap().to_string_lossy());
            let data = fs::read(&path).unwrap();
            count += 1;
            let failed = catch_unwind(AssertUnwindSafe(|| check(&data))).is_err();
            let expected = sub == "regressions" && open.contains(&name);
            if failed != expected {
                failures.push(if failed {
                    format!("{sub}/{name}: check failed")
                } else {
                    format!("{sub}/{name}: listed in regressions/OPEN but passes now; remove it from OPEN")
                });
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} inputs:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seeds_pass() {
    replay("seeds");
}

#[test]
fn regressions_stay_fixed() {
    replay("regressions");
}
