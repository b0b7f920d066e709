//! Fuzz target `langid`: the checks are in `sitrep_fuzz::langid` (fuzz/src/langid.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sitrep_fuzz::langid::check(data));
