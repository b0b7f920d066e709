//! Fuzz target `ingest_text`: the checks are in `sitrep_fuzz::ingest_text` (fuzz/src/ingest_text.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sitrep_fuzz::ingest_text::check(data));
