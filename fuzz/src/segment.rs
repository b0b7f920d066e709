//! Segmentation of arbitrary text, German and English: never panics and always keeps the
//! invariants of `Segmentation::check` (tokens non-empty, in order, on char boundaries, no
//! visible character outside a token; sentences partition the tokens). Segmenting into a
//! reused buffer gives the same result as into a fresh one.

use sitrep_core::{Language, Segmentation};
use sitrep_segment::Segmenter;
use std::cell::RefCell;
use std::sync::OnceLock;

static SEGMENTERS: OnceLock<[Segmenter; 2]> = OnceLock::new();

thread_local! {
    static SCRATCH: RefCell<Segmentation> = RefCell::new(Segmentation::default());
}

/// Checks one fuzz input.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let segmenters = SEGMENTERS.get_or_init(|| Language::ALL.map(Segmenter::new));
    for seg in segmenters {
        let fresh = seg.segment(&text);
        if let Err(e) = fresh.check(&text) {
            panic!(
                "{:?}: invariant broken: {e}\ntext: {text:?}\n{fresh:#?}",
                seg.language()
            );
        }
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            seg.segment_into(&text, &mut s);
            assert_eq!(
                *s,
                fresh,
                "{:?}: segment_into into a used buffer differs",
                seg.language()
            );
        });
    }
}
