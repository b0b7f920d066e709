//! Fuzz target `pipeline`: the checks are in `sitrep_fuzz::pipeline` (fuzz/src/pipeline.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sitrep_fuzz::pipeline::check(data));
