//! The seam for near-duplicate detection (agency copies with another headline or a changed
//! paragraph).
//!
//! The store keeps, per document, an opaque signature and the candidate keys it is indexed
//! under (LSH bands); ingest compares a new document only with stored documents that share
//! a key. [`NearDuplicates`] is all the store needs from a detector. [`MinHash`] is the one
//! in use (`sitrep-dedup`: word-shingle MinHash, Jaccard or containment, its evaluation in
//! `evaluation/reports/dedup.md`); [`ExactOnly`] gives no signature, so only exact
//! duplicates (same [`crate::TextHash`]) are found.

use sitrep_dedup::{DedupConfig, MatchKind};

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
    /// Whether a new text (signature `new`) is a copy of a stored one (`stored`): its
    /// similarity in 0..=1 when it is, `None` when it is not or a signature is unreadable.
    fn judge(&self, new: &[u8], stored: &[u8]) -> Option<f32>;
}

/// Exact duplicates only: no signatures, so nothing is a near duplicate.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExactOnly;

impl NearDuplicates for ExactOnly {
    fn signature(&self, _text: &str) -> Option<Signature> {
        None
    }
    fn judge(&self, _new: &[u8], _stored: &[u8]) -> Option<f32> {
        None
    }
}

/// Near duplicates by `sitrep-dedup`'s MinHash signatures and settings.
///
/// A new text that is a near copy of a stored one, or mostly contained in it (an agency
/// text cut short), is a report of the stored document; a new text that *extends* a stored
/// one has more to analyse and is stored as a document of its own.
#[derive(Debug, Clone)]
pub struct MinHash {
    config: DedupConfig,
    hasher: sitrep_dedup::MinHasher,
}

impl MinHash {
    /// A detector with these settings (checked).
    pub fn new(config: DedupConfig) -> Result<MinHash, sitrep_dedup::ConfigError> {
        config.validate()?;
        Ok(MinHash {
            hasher: config.hasher(),
            config,
        })
    }

    pub fn config(&self) -> &DedupConfig {
        &self.config
    }
}

impl NearDuplicates for MinHash {
    fn signature(&self, text: &str) -> Option<Signature> {
        let sig = self.hasher.signature(text);
        if sig.is_empty() {
            return None;
        }
        // the band number in the high half keeps equal values of two bands apart
        let keys = self
            .config
            .band_keys(&sig)
            .enumerate()
            .map(|(band, key)| ((band as i64) << 32) | i64::from(key))
            .collect();
        Some(Signature {
            bytes: sig.to_bytes(),
            keys,
        })
    }

    fn judge(&self, new: &[u8], stored: &[u8]) -> Option<f32> {
        // a signature written by other settings or a damaged one never matches: the
        // document is then analysed, nothing is lost
        // (read in place: ingest judges a new text against every candidate)
        let new = sitrep_dedup::SignatureRef::from_bytes(new).ok()?;
        let stored = sitrep_dedup::SignatureRef::from_bytes(stored).ok()?;
        let sim = new.similarity(&stored).ok()?;
        match self
            .config
            .judge_counts(&sim, new.shingles(), stored.shingles())?
        {
            MatchKind::NearDuplicate => Some(sim.jaccard as f32),
            MatchKind::ContainedInStored => Some(sim.first_in_second as f32),
            MatchKind::ContainsStored => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(seed: usize, words: usize) -> String {
        // distinct words per seed, so that two seeds share nothing
        (0..words)
            .map(|i| format!("w{seed}x{}", (i * 7919) % 1009))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_copy_with_a_new_headline_is_judged_a_duplicate_and_other_texts_are_not() {
        let d = MinHash::new(DedupConfig::default()).unwrap();
        let body = article(1, 300);
        let a = d
            .signature(&format!("Erste Schlagzeile\n\n{body}"))
            .unwrap();
        let b = d
            .signature(&format!("Eine ganz andere Zeile\n\n{body}"))
            .unwrap();
        let c = d.signature(&article(2, 300)).unwrap();
        let s = d.judge(&b.bytes, &a.bytes).expect("copy found");
        assert!(s > 0.8 && s <= 1.0, "{s}");
        assert!(
            a.keys.iter().any(|k| b.keys.contains(k)),
            "copies share a band key"
        );
        assert_eq!(d.judge(&c.bytes, &a.bytes), None);
        assert_eq!(d.config().bands, a.keys.len());
    }

    #[test]
    fn a_shortened_copy_is_a_report_and_an_extended_one_a_document() {
        let d = MinHash::new(DedupConfig::default()).unwrap();
        // under half the words: too little for Jaccard, a copy by containment
        let long = article(3, 400);
        let short: String = long.split(' ').take(180).collect::<Vec<_>>().join(" ");
        let (l, s) = (d.signature(&long).unwrap(), d.signature(&short).unwrap());
        assert!(d.judge(&s.bytes, &l.bytes).is_some(), "cut short: a report");
        assert_eq!(
            d.judge(&l.bytes, &s.bytes),
            None,
            "extends: its own document"
        );
    }

    #[test]
    fn damaged_signatures_and_empty_texts_never_match() {
        let d = MinHash::new(DedupConfig::default()).unwrap();
        let a = d.signature(&article(4, 200)).unwrap();
        assert_eq!(d.judge(&a.bytes[..10], &a.bytes), None);
        assert_eq!(d.judge(&a.bytes, b"not a signature"), None);
        assert!(d.signature("").is_none());
        assert!(d.signature(" ,;. ").is_none());
    }
}
