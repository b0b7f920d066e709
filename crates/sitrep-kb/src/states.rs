//! PLACEHOLDER: filled in by the knowledge-base work.
