//! Gold readers and scorers. Every accuracy figure sitrep reports comes from here.
//!
//! * [`agreement`]: one gold coding scored against another with the event matcher
//!   (`sitrep eval-agreement`).
//! * [`attrs`]: the attribute test sets (dates, quotes with speakers; `sitrep eval-attrs`).
//! * [`conllu`]: Universal Dependencies CoNLL-U files.
//! * [`ud`]: segmentation (sentence and token F1) against UD treebanks.
//! * [`langid`]: language identification accuracy (`sitrep eval-langid`).
//! * [`morph`]: German case and verb-complex accuracy on `testdata/morph/de.txt`
//!   (`sitrep eval-morph`).
//! * [`ner`]: named entities against GermEval 2014 (`sitrep eval-ner`).
//! * [`tagging`]: tags, lemmas and features with gold tokens (`sitrep eval-tag`).

pub mod agreement;
pub mod attrs;
pub mod conllu;
pub mod events;
pub mod langid;
pub mod linking;
pub mod morph;
pub mod ner;
pub mod tagging;
pub mod ud;

use serde::Serialize;

/// Right answers out of a total (attribute and linking scores).
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Tally {
    pub right: usize,
    pub total: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
    }

    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}
