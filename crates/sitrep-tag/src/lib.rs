//! Tagging, lemmatisation and morphology. PLACEHOLDER: filled in by the word-analysis work.
