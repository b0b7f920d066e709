//! The global allocator of the sitrep binaries: mimalloc (its v2 library), with the options
//! that matter for batch analysis set in code.
//!
//! The analysis allocates and frees millions of small strings and vectors per batch. With
//! mimalloc's default purge delay (10 ms) the pages a document's analysis freed are handed
//! back to the kernel (`madvise`) almost at once, and the next document faults them in
//! again, zeroed: on `sitrep ingest` of GNAD dev that was ~18,000 page faults, up to a
//! third of all CPU time in the kernel and more in user time (evaluation/reports/speed.md).
//! So small-object pages wait one second (the default of mimalloc's v3 library) before
//! they are returned: long enough for the next documents to reuse them, short enough that
//! an idle server gives them back. Whole segments (model files read at start-up, large
//! buffers) and the pages of threads that ended (the loaders) are returned at once, as
//! they are rarely reused: that keeps the peak memory within 10–15 MiB of the old one.
//!
//! ```no_run
//! #[global_allocator]
//! static ALLOCATOR: sitrep_alloc::MiMalloc = sitrep_alloc::MiMalloc;
//! fn main() {
//!     sitrep_alloc::configure();
//!     // the program
//! }
//! ```

pub use mimalloc::MiMalloc;

use std::os::raw::{c_int, c_long};

/// One of mimalloc's options: its index in the v2 library's `mi_option_e` (`mimalloc.h`;
/// the Rust bindings name only some), the environment variable through which mimalloc
/// reads it at start-up, and the value sitrep sets.
struct Setting {
    option: c_int,
    env: &'static str,
    value: c_long,
}

/// `mi_option_purge_delay`: milliseconds before freed pages go back to the kernel.
const PURGE_DELAY: Setting = Setting {
    option: 15,
    env: "MIMALLOC_PURGE_DELAY",
    value: 1000,
};
/// `mi_option_arena_purge_mult`: the purge delay's multiplier for whole segments (default
/// 10); 0 returns them at once.
const ARENA_PURGE_MULT: Setting = Setting {
    option: 24,
    env: "MIMALLOC_ARENA_PURGE_MULT",
    value: 0,
};
/// `mi_option_abandoned_page_purge`: purge the pages of a thread when it ends (default 0).
const ABANDONED_PAGE_PURGE: Setting = Setting {
    option: 12,
    env: "MIMALLOC_ABANDONED_PAGE_PURGE",
    value: 1,
};

const SETTINGS: [Setting; 3] = [PURGE_DELAY, ARENA_PURGE_MULT, ABANDONED_PAGE_PURGE];

/// The purge delay sitrep runs with, in milliseconds.
#[allow(clippy::unnecessary_cast)] // `c_long` is `i32` on Windows
pub const PURGE_DELAY_MS: i64 = PURGE_DELAY.value as i64;

/// Sets mimalloc's options for sitrep (see the crate's documentation). An option given in
/// the environment (`MIMALLOC_…`, read by mimalloc at start-up) is left as it is. Call it
/// first thing in `main`.
pub fn configure() {
    for s in &SETTINGS {
        if std::env::var_os(s.env).is_none() {
            set(s.option, s.value);
        }
    }
}

/// mimalloc's current purge delay in milliseconds (`-1`: never purge).
pub fn purge_delay() -> i64 {
    get(PURGE_DELAY.option)
}

/// Returns this thread's freed memory to the kernel now instead of after the purge delay:
/// for a thread that has just dropped a large cache and will allocate little for a while.
#[allow(unsafe_code)]
pub fn release_freed() {
    // SAFETY: `mi_collect` walks mimalloc's own heap of the calling thread; it takes no
    // pointer of ours.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

#[allow(unsafe_code)]
fn set(option: c_int, value: c_long) {
    // SAFETY: `mi_option_set` stores a number in mimalloc's static option table (one
    // entry per option, bounds-checked by mimalloc against `_mi_option_last`) and reads
    // no memory of ours; each value set here is valid for its option.
    unsafe { libmimalloc_sys::mi_option_set(option, value) }
}

#[allow(unsafe_code)]
#[allow(clippy::useless_conversion)] // `c_long` is `i32` on Windows
fn get(option: c_int) -> i64 {
    // SAFETY: `mi_option_get` reads (initialising from the environment on first use) one
    // entry of the same table; no pointers are involved.
    i64::from(unsafe { libmimalloc_sys::mi_option_get(option) })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The indices are those of the options meant in the linked library: each holds
    /// mimalloc v2's documented default (10 ms, ×10, off) until `configure` sets it.
    #[test]
    #[allow(clippy::useless_conversion)] // `c_long` is `i32` on Windows
    fn the_options_set_are_the_ones_meant() {
        if SETTINGS.iter().any(|s| std::env::var_os(s.env).is_some()) {
            return; // the environment decides; nothing of ours to check
        }
        let defaults = [10, 10, 0];
        for (s, d) in SETTINGS.iter().zip(defaults) {
            assert_eq!(get(s.option), d, "default of {}", s.env);
        }
        // Neighbours with other defaults: eager_commit_delay (1), use_numa_nodes (0),
        // arena_reserve (1 GiB, in KiB).
        assert_eq!(get(PURGE_DELAY.option - 1), 1);
        assert_eq!(get(PURGE_DELAY.option + 1), 0);
        assert_eq!(get(ARENA_PURGE_MULT.option - 1), 1024 * 1024);
        configure();
        for s in &SETTINGS {
            assert_eq!(get(s.option), i64::from(s.value), "{}", s.env);
        }
        assert_eq!(purge_delay(), PURGE_DELAY_MS);
    }
}
