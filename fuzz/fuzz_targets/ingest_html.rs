//! Fuzz target `ingest_html`: the checks are in `sitrep_fuzz::ingest_html` (fuzz/src/ingest_html.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sitrep_fuzz::ingest_html::check(data));
