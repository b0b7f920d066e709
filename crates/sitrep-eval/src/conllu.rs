//! CoNLL-U reader. PLACEHOLDER: filled in with the segmentation scorer.
