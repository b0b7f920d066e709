//! The properties the fuzz targets check, one function per target taking the raw fuzz
//! input. The libFuzzer binaries in `fuzz_targets/` call these; `tests/replay.rs` runs them
//! over `seeds/` and `regressions/` with plain `cargo test`, no libFuzzer needed.
//!
//! Every function panics when a property is broken, which libFuzzer reports as a crash.

pub mod ingest_html;
pub mod ingest_jsonl;
pub mod ingest_text;
pub mod langid;
pub mod pipeline;
pub mod segment;
