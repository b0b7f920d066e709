//! Fuzz target `ingest_jsonl`: the checks are in `sitrep_fuzz::ingest_jsonl` (fuzz/src/ingest_jsonl.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sitrep_fuzz::ingest_jsonl::check(data));
