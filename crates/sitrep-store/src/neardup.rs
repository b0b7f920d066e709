//! The seam for near-duplicate detection (agency copies with another headline or a changed
//! paragraph).
//!
//! The store keeps, per document, an opaque signature and the candidate keys it is indexed
//! under (LSH bands); ingest compares a new document only with stored documents that share
//! a key. [`NearDuplicates`] is all the store needs from a detector; [`ExactOnly`] is the
//! detector in use until the `sitrep-dedup` crate is wired in: it gives no signature, so
//! only exact duplicates (same [`crate::TextHash`]) are found.

/// A document's near-duplicate signature and its candidate keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// Opaque bytes the detector compares (stored in `documents.signature`).
    pub bytes: Vec<u8>,
    /// Keys under which similar documents are likely to collide (stored in
    /// `signature_keys`).
    pub keys: Vec<i64>,
}

/// A near-duplicate detector.
pub trait NearDuplicates: Sync {
    /// The signature of a text, or `None` when the detector does not look at near
    /// duplicates (or the text is too short to tell).
    fn signature(&self, text: &str) -> Option<Signature>;
    /// How similar two signatures are, in 0..=1.
    fn similarity(&self, a: &[u8], b: &[u8]) -> f32;
    /// The similarity from which two documents are duplicates.
    fn threshold(&self) -> f32;
}

/// Exact duplicates only: no signatures, so nothing is a near duplicate.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExactOnly;

impl NearDuplicates for ExactOnly {
    fn signature(&self, _text: &str) -> Option<Signature> {
        None
    }
    fn similarity(&self, _a: &[u8], _b: &[u8]) -> f32 {
        0.0
    }
    fn threshold(&self) -> f32 {
        1.0
    }
}
