//! Gold readers and scorers. Every accuracy figure sitrep reports comes from here.
//!
//! * [`conllu`]: Universal Dependencies CoNLL-U files.
//! * [`ud`]: segmentation (sentence and token F1) against UD treebanks.

pub mod conllu;
pub mod ud;
