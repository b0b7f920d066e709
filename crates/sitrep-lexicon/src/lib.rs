//! Compiled word lexicons. PLACEHOLDER: filled in by the German lexicon work.
