//! Fuzz target `segment`: the checks are in `sitrep_fuzz::segment` (fuzz/src/segment.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sitrep_fuzz::segment::check(data));
