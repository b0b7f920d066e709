//! Near-duplicate detection for news texts: agency copies that another outlet republished
//! with a new headline, an extra or a dropped paragraph, other quote marks, a footer, or cut
//! short.
//!
//! * [`normalize`]: what is compared (case-folded words; punctuation and spacing ignored).
//! * [`MinHasher`] → [`Signature`]: MinHash over word shingles, stable across runs,
//!   platforms and versions of this crate with the same [`FORMAT_VERSION`]; serialises to
//!   bytes for a database column ([`Signature::to_bytes`], [`Signature::from_bytes`]).
//! * [`Index`]: incremental LSH banding index (insert one document, ask which stored
//!   documents a new one duplicates).
//! * [`DedupConfig`]: shingle size, thresholds and banding, with defaults chosen on the
//!   evaluation set (`evaluation/reports/dedup.md`,
//!   `cargo run --release -p sitrep-dedup --example eval`).
//! * [`evalset`]: the seeded generator of that evaluation set.
//!
//! Exact duplicates are the caller's job (a hash of the text is cheaper and certain); this
//! crate finds texts that are *almost* the same. Texts without words never match, nor do
//! texts that share fewer than [`DedupConfig::min_shared`] shingles (a boilerplate notice
//! is not a copy).
//!
//! **Containment.** An agency text that another outlet cut short, or that a longer article
//! reprints and extends, has a low Jaccard similarity to the whole (a half-length prefix
//! has J = 0.5). Since a signature records how many distinct shingles its text has, the
//! share of the shorter text found in the longer can be estimated from J; with
//! [`Containment`] set, that share above its threshold is a match too, reported as
//! [`MatchKind::ContainedInStored`] or [`MatchKind::ContainsStored`] so the caller can
//! decide (a store would keep a new *longer* text as a document of its own). The estimate
//! is only trusted when the shorter text has at least `min_ratio` of the longer one's
//! shingles: for very unequal sizes one chance agreement of the MinHash values already
//! claims the whole shorter text.

mod hash;
mod index;
mod minhash;
mod normalize;

pub mod evalset;

pub use index::{Index, Match};
pub use minhash::{
    MinHasher, Signature, SignatureRef, Similarity, FORMAT_VERSION, MAGIC, MAX_SHINGLE,
    PERMUTATION_SEED,
};
pub use normalize::normalize;

use std::fmt;

/// Settings of near-duplicate detection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DedupConfig {
    /// Words per shingle.
    pub shingle: usize,
    /// Estimated Jaccard similarity at or above which two texts are near-duplicates.
    pub threshold: f64,
    /// LSH bands; the signature has `bands × rows` hashes.
    pub bands: usize,
    /// Hashes per band.
    pub rows: usize,
    /// Also match a text mostly contained in another (`None`: Jaccard only).
    pub containment: Option<Containment>,
    /// Fewest shingles two texts must share (estimated) to match at all. A shared
    /// boilerplate notice (paywall, "full text no longer available") makes two short
    /// stubs of different stories look alike (Jaccard 0.5–0.8)
    /// without being copies; the default, 30 shingles (about 32 shared words), is more
    /// than a one- or two-sentence notice. Near-duplicates of shorter texts are then left
    /// to exact hashing.
    pub min_shared: u32,
}

/// When a shorter text counts as contained in a longer one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Containment {
    /// Estimated share of the shorter text's shingles found in the longer one.
    pub threshold: f64,
    /// Smallest size ratio (shorter / longer, in distinct shingles) at which the estimate
    /// is trusted.
    pub min_ratio: f64,
}

impl Default for DedupConfig {
    /// Chosen on the evaluation set; see `evaluation/reports/dedup.md`.
    fn default() -> Self {
        DedupConfig {
            shingle: 3,
            threshold: 0.5,
            bands: 32,
            rows: 4,
            containment: Some(Containment {
                threshold: 0.8,
                min_ratio: 0.4,
            }),
            min_shared: 30,
        }
    }
}

/// How a stored document relates to the queried text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// Jaccard similarity at or above the threshold.
    NearDuplicate,
    /// The queried text is (mostly) part of the stored one: a shortened copy.
    ContainedInStored,
    /// The stored text is (mostly) part of the queried one: the new text extends it.
    ContainsStored,
}

impl DedupConfig {
    /// Number of MinHash values per signature.
    pub fn hashes(&self) -> usize {
        self.bands * self.rows
    }

    /// The signature maker for these settings.
    pub fn hasher(&self) -> MinHasher {
        MinHasher::new(self.shingle, self.hashes())
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if !(1..=MAX_SHINGLE).contains(&self.shingle) {
            return Err(ConfigError::Shingle(self.shingle));
        }
        let unit = |x: f64| x.is_finite() && x > 0.0 && x <= 1.0;
        if !unit(self.threshold) {
            return Err(ConfigError::Threshold(self.threshold));
        }
        if self.bands == 0 || self.rows == 0 || self.hashes() > usize::from(u16::MAX) {
            return Err(ConfigError::Banding {
                bands: self.bands,
                rows: self.rows,
            });
        }
        if let Some(c) = self.containment {
            if !unit(c.threshold) || !unit(c.min_ratio) {
                return Err(ConfigError::Containment(c));
            }
        }
        Ok(())
    }

    /// The final check on one pair: `query` against `stored`, whose estimated similarity
    /// is `similarity` (from `query.similarity(stored)`).
    pub fn judge(
        &self,
        similarity: &Similarity,
        query: &Signature,
        stored: &Signature,
    ) -> Option<MatchKind> {
        self.judge_counts(similarity, query.shingles(), stored.shingles())
    }

    /// [`DedupConfig::judge`] given the two texts' distinct shingle counts (as
    /// [`SignatureRef::shingles`] reads them from stored bytes).
    pub fn judge_counts(
        &self,
        similarity: &Similarity,
        query_shingles: u32,
        stored_shingles: u32,
    ) -> Option<MatchKind> {
        if query_shingles == 0 || stored_shingles == 0 {
            return None;
        }
        let (q, s) = (f64::from(query_shingles), f64::from(stored_shingles));
        let j = similarity.jaccard;
        if j * (q + s) / (1.0 + j) < f64::from(self.min_shared) {
            return None;
        }
        if j >= self.threshold {
            return Some(MatchKind::NearDuplicate);
        }
        let c = self.containment?;
        if q.min(s) / q.max(s) < c.min_ratio {
            return None;
        }
        if q <= s && similarity.first_in_second >= c.threshold {
            Some(MatchKind::ContainedInStored)
        } else if s < q && similarity.second_in_first >= c.threshold {
            Some(MatchKind::ContainsStored)
        } else {
            None
        }
    }

    /// One key per band, in band order: FNV-1a over the band's values as little-endian
    /// bytes, mixed and folded to 32 bits. Documents sharing a band's key are candidates;
    /// a store may keep the keys next to the signature (they follow from it and the
    /// settings, so they are not part of the signature format).
    pub fn band_keys<'s>(&self, signature: &'s Signature) -> impl Iterator<Item = u32> + 's {
        signature
            .hashes()
            .chunks_exact(self.rows.max(1))
            .map(|band| {
                let bytes: Vec<u8> = band.iter().flat_map(|v| v.to_le_bytes()).collect();
                let h = hash::fmix64(hash::fnv1a64(&bytes));
                (h ^ (h >> 32)) as u32
            })
    }

    /// Compares two signatures made with these settings.
    pub fn compare(
        &self,
        query: &Signature,
        stored: &Signature,
    ) -> Result<Option<MatchKind>, SignatureError> {
        let similarity = query.similarity(stored)?;
        Ok(self.judge(&similarity, query, stored))
    }
}

/// A setting out of range.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigError {
    Shingle(usize),
    Threshold(f64),
    Banding { bands: usize, rows: usize },
    Containment(Containment),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Shingle(k) => write!(f, "shingle size {k} is out of range (1 to {MAX_SHINGLE} words)"),
            ConfigError::Threshold(t) => write!(f, "similarity threshold {t} is out of range (above 0, at most 1)"),
            ConfigError::Banding { bands, rows } => write!(
                f,
                "{bands} bands × {rows} rows is not a valid banding (both at least 1, at most {} hashes)",
                u16::MAX
            ),
            ConfigError::Containment(c) => write!(
                f,
                "containment threshold {} and minimum size ratio {} must both be above 0 and at most 1",
                c.threshold, c.min_ratio
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

/// A signature that cannot be read or used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    /// Shorter than the header.
    Truncated { len: usize },
    /// Not a sitrep MinHash signature.
    BadMagic,
    /// Written by a format this version does not know: recompute it from the text.
    UnsupportedVersion { found: u8 },
    /// Shingle size or hash count is zero.
    ZeroParameter,
    /// The length does not match the hash count in the header.
    Length { expected: usize, found: usize },
    /// Made with other settings: `(shingle size, hashes)` of each side.
    Incompatible {
        first: (usize, usize),
        second: (usize, usize),
    },
    /// More than `u32::MAX` documents in one index.
    IndexFull,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::Truncated { len } => {
                write!(f, "signature of {len} bytes is shorter than its 12-byte header")
            }
            SignatureError::BadMagic => write!(f, "bytes are not a sitrep MinHash signature (no `SRMH` magic)"),
            SignatureError::UnsupportedVersion { found } => write!(
                f,
                "signature format version {found} is not supported (this build reads {FORMAT_VERSION}); recompute it from the text"
            ),
            SignatureError::ZeroParameter => write!(f, "signature header has a zero shingle size or hash count"),
            SignatureError::Length { expected, found } => {
                write!(f, "signature is {found} bytes long, its header says {expected}")
            }
            SignatureError::Incompatible { first, second } => write!(
                f,
                "signatures made with different settings cannot be compared ({}-word shingles × {} hashes vs {}-word shingles × {} hashes)",
                first.0, first.1, second.0, second.1
            ),
            SignatureError::IndexFull => write!(f, "the index holds the maximum of {} documents", u32::MAX),
        }
    }
}

impl std::error::Error for SignatureError {}
