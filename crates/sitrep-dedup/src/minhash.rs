//! MinHash signatures over word shingles, and their byte format.

use crate::hash::{fmix64, fnv1a64, SplitMix64};
use crate::normalize::Words;
use crate::SignatureError;

/// Version of everything that determines a signature's values: the normalisation, the
/// shingle hash, the permutation seed and scheme, and the byte layout. Bump it when any of
/// them changes; [`Signature::from_bytes`] refuses other versions, so a store knows to
/// recompute. Byte order is fixed (little-endian) and no hash depends on the platform or
/// on std's randomly seeded hashers; the one outside input is std's Unicode tables
/// (`is_alphanumeric`, `to_lowercase`), which new Unicode versions only extend to new
/// characters.
pub const FORMAT_VERSION: u8 = 1;

/// Magic bytes at the start of a serialised signature.
pub const MAGIC: [u8; 4] = *b"SRMH";

/// The seed of the permutation parameters (ASCII `SITREPMH`), fixed by format 1.
pub const PERMUTATION_SEED: u64 = 0x5349_5452_4550_4d48;

/// Header: magic (4), version (1), shingle size (1), number of hashes (u16 LE), number of
/// distinct shingles (u32 LE); then the hashes, u32 LE each.
const HEADER_LEN: usize = 12;

/// Largest supported shingle size (it is stored in one byte).
pub const MAX_SHINGLE: usize = 255;

/// Computes signatures: `hashes` MinHash values over the set of `shingle`-word shingles.
///
/// Format 1, exactly: the text is normalised (see [`crate::normalize`]); each run of
/// `shingle` consecutive words, joined by single spaces, is hashed to
/// `x = fmix64(fnv1a64(utf8))` (a text with fewer words gives one shingle of all its
/// words; a text without words gives none). Permutation `i` maps `x` to
/// `((a_i · x + b_i) mod 2⁶⁴) >> 32`, where `a_i` (forced odd) and `b_i` are the outputs
/// `2i` and `2i+1` of SplitMix64 seeded with [`PERMUTATION_SEED`]. Slot `i` of the
/// signature is the minimum of permutation `i` over the shingles (`u32::MAX` if there are
/// none).
#[derive(Debug, Clone)]
pub struct MinHasher {
    shingle: usize,
    params: Vec<(u64, u64)>,
}

impl MinHasher {
    /// `shingle` in `1..=255`, `hashes` in `1..=65535` (checked by
    /// [`crate::DedupConfig::validate`]; out-of-range values are clamped here).
    pub fn new(shingle: usize, hashes: usize) -> MinHasher {
        let shingle = shingle.clamp(1, MAX_SHINGLE);
        let hashes = hashes.clamp(1, u16::MAX as usize);
        let mut rng = SplitMix64::new(PERMUTATION_SEED);
        let params = (0..hashes)
            .map(|_| (rng.next_u64() | 1, rng.next_u64()))
            .collect();
        MinHasher { shingle, params }
    }

    pub fn shingle(&self) -> usize {
        self.shingle
    }

    pub fn hashes(&self) -> usize {
        self.params.len()
    }

    /// The distinct shingle hashes of a text, sorted.
    pub fn shingle_hashes(&self, text: &str) -> Vec<u64> {
        let words = Words::of(text);
        let n = words.spans.len();
        let mut out = Vec::with_capacity(n.saturating_sub(self.shingle - 1).max(1));
        if n == 0 {
            return out;
        }
        let k = self.shingle.min(n);
        for i in 0..=n - k {
            let (s, _) = words.spans[i];
            let (_, e) = words.spans[i + k - 1];
            out.push(fmix64(fnv1a64(&words.buf.as_bytes()[s..e])));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The signature of a text. Never fails: an empty text gives an empty signature, which
    /// matches nothing.
    pub fn signature(&self, text: &str) -> Signature {
        let shingles = self.shingle_hashes(text);
        // `>> 32` keeps the order (it is monotone), so the minimum of the high halves is the
        // high half of the minimum: the 64-bit minimum is taken and shifted once. One
        // permutation per pass over the shingles keeps its parameters and minimum in
        // registers (about five instructions a shingle).
        let mins = self
            .params
            .iter()
            .map(|&(a, b)| {
                let m = shingles
                    .iter()
                    .fold(u64::MAX, |m, &x| m.min(a.wrapping_mul(x).wrapping_add(b)));
                (m >> 32) as u32
            })
            .collect();
        Signature {
            shingle: self.shingle as u8,
            shingles: u32::try_from(shingles.len()).unwrap_or(u32::MAX),
            mins,
        }
    }
}

/// A MinHash signature with the shingle size it was made with and the number of distinct
/// shingles of its text (which turns a Jaccard estimate into a containment estimate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    shingle: u8,
    shingles: u32,
    mins: Vec<u32>,
}

/// How much two texts share, estimated from their signatures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    /// Estimated Jaccard similarity of the two shingle sets, `|A∩B| / |A∪B|`.
    pub jaccard: f64,
    /// Estimated share of the first text's shingles found in the second, `|A∩B| / |A|`.
    pub first_in_second: f64,
    /// Estimated share of the second text's shingles found in the first, `|A∩B| / |B|`.
    pub second_in_first: f64,
}

impl Signature {
    /// Shingle size (words) the signature was made with.
    pub fn shingle(&self) -> usize {
        usize::from(self.shingle)
    }

    /// Number of distinct shingles in the text (saturating at `u32::MAX`).
    pub fn shingles(&self) -> u32 {
        self.shingles
    }

    /// The MinHash values.
    pub fn hashes(&self) -> &[u32] {
        &self.mins
    }

    /// True when the text had no words: such a signature matches nothing.
    pub fn is_empty(&self) -> bool {
        self.shingles == 0
    }

    /// Serialises to `12 + 4 × hashes` bytes (see [`Signature::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + 4 * self.mins.len());
        out.extend_from_slice(&MAGIC);
        out.push(FORMAT_VERSION);
        out.push(self.shingle);
        out.extend_from_slice(&(self.mins.len() as u16).to_le_bytes());
        out.extend_from_slice(&self.shingles.to_le_bytes());
        for m in &self.mins {
            out.extend_from_slice(&m.to_le_bytes());
        }
        out
    }

    /// Reads bytes written by [`Signature::to_bytes`]; wrong magic, another format
    /// version, a zero shingle size or hash count, and a length that does not match the
    /// header are errors.
    pub fn from_bytes(bytes: &[u8]) -> Result<Signature, SignatureError> {
        let r = SignatureRef::from_bytes(bytes)?;
        Ok(Signature {
            shingle: r.shingle,
            shingles: r.shingles,
            mins: r
                .mins
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        })
    }

    /// Estimates how much `self` (A) and `other` (B) share. Signatures made with different
    /// shingle sizes or hash counts cannot be compared. If either text had no words, every
    /// figure is 0.
    pub fn similarity(&self, other: &Signature) -> Result<Similarity, SignatureError> {
        compatible(
            (self.shingle, self.mins.len()),
            (other.shingle, other.mins.len()),
        )?;
        let equal = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        Ok(estimate(
            equal,
            self.mins.len(),
            self.shingles,
            other.shingles,
        ))
    }
}

/// A serialised signature read in place: the checks of [`Signature::from_bytes`] without
/// copying its hashes, for comparing one text with many stored signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignatureRef<'a> {
    shingle: u8,
    shingles: u32,
    /// The hashes, 4 bytes (LE) each.
    mins: &'a [u8],
}

impl<'a> SignatureRef<'a> {
    /// Reads bytes written by [`Signature::to_bytes`], with the errors of
    /// [`Signature::from_bytes`].
    pub fn from_bytes(bytes: &'a [u8]) -> Result<SignatureRef<'a>, SignatureError> {
        if bytes.len() < HEADER_LEN {
            return Err(SignatureError::Truncated { len: bytes.len() });
        }
        if bytes[..4] != MAGIC {
            return Err(SignatureError::BadMagic);
        }
        if bytes[4] != FORMAT_VERSION {
            return Err(SignatureError::UnsupportedVersion { found: bytes[4] });
        }
        let shingle = bytes[5];
        let n = usize::from(u16::from_le_bytes([bytes[6], bytes[7]]));
        if shingle == 0 || n == 0 {
            return Err(SignatureError::ZeroParameter);
        }
        let expected = HEADER_LEN + 4 * n;
        if bytes.len() != expected {
            return Err(SignatureError::Length {
                expected,
                found: bytes.len(),
            });
        }
        Ok(SignatureRef {
            shingle,
            shingles: u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]),
            mins: &bytes[HEADER_LEN..],
        })
    }

    /// Number of distinct shingles in the text.
    pub fn shingles(&self) -> u32 {
        self.shingles
    }

    /// [`Signature::similarity`] of the two signatures these bytes hold.
    pub fn similarity(&self, other: &SignatureRef<'_>) -> Result<Similarity, SignatureError> {
        let n = self.mins.len() / 4;
        compatible((self.shingle, n), (other.shingle, other.mins.len() / 4))?;
        // one 4-byte load per hash, not a slice comparison
        let word = |c: &[u8]| u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        let equal = self
            .mins
            .chunks_exact(4)
            .zip(other.mins.chunks_exact(4))
            .filter(|(a, b)| word(a) == word(b))
            .count();
        Ok(estimate(equal, n, self.shingles, other.shingles))
    }
}

fn compatible(first: (u8, usize), second: (u8, usize)) -> Result<(), SignatureError> {
    if first != second {
        return Err(SignatureError::Incompatible {
            first: (usize::from(first.0), first.1),
            second: (usize::from(second.0), second.1),
        });
    }
    Ok(())
}

/// The similarity figures from `equal` of `n` MinHash values and the two texts' distinct
/// shingle counts (all 0 if either text had no words).
fn estimate(equal: usize, n: usize, a: u32, b: u32) -> Similarity {
    if a == 0 || b == 0 {
        return Similarity {
            jaccard: 0.0,
            first_in_second: 0.0,
            second_in_first: 0.0,
        };
    }
    let j = equal as f64 / n as f64;
    // |A∩B| = J·(|A|+|B|)/(1+J), from J = |A∩B| / (|A|+|B|-|A∩B|).
    let (a, b) = (f64::from(a), f64::from(b));
    let inter = j * (a + b) / (1.0 + j);
    Similarity {
        jaccard: j,
        first_in_second: (inter / a).min(1.0),
        second_in_first: (inter / b).min(1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The format's definition, one shingle and one permutation at a time.
    fn reference(h: &MinHasher, text: &str) -> Vec<u32> {
        let mut mins = vec![u32::MAX; h.params.len()];
        for x in h.shingle_hashes(text) {
            for (i, &(a, b)) in h.params.iter().enumerate() {
                mins[i] = mins[i].min((a.wrapping_mul(x).wrapping_add(b) >> 32) as u32);
            }
        }
        mins
    }

    #[test]
    fn signatures_follow_the_format_definition_for_every_shingle_count() {
        // 0 to 13 words: no shingle, one short one, then 1..=11 shingles; several hash counts
        let words = "die regierung in berlin kündigte am montag neue hilfen für die ukraine an";
        let words: Vec<&str> = words.split(' ').collect();
        for hashes in [128, 7, 1] {
            let h = MinHasher::new(3, hashes);
            for n in 0..=words.len() {
                let text = words[..n].join(" ");
                let sig = h.signature(&text);
                assert_eq!(
                    sig.hashes(),
                    reference(&h, &text),
                    "{n} words, {hashes} hashes"
                );
            }
        }
    }

    #[test]
    fn signatures_read_in_place_compare_like_decoded_ones() {
        let h = MinHasher::new(3, 64);
        let a = h.signature("ein text über die wahl in hessen und ihre folgen für berlin");
        let b = h.signature("ein text über die wahl in bayern und ihre folgen für berlin");
        let (ab, bb) = (a.to_bytes(), b.to_bytes());
        let (ra, rb) = (
            SignatureRef::from_bytes(&ab).unwrap(),
            SignatureRef::from_bytes(&bb).unwrap(),
        );
        assert_eq!(ra.similarity(&rb).unwrap(), a.similarity(&b).unwrap());
        assert_eq!(ra.shingles(), a.shingles());
        let other = MinHasher::new(3, 32).signature("ein text").to_bytes();
        let ro = SignatureRef::from_bytes(&other).unwrap();
        assert!(matches!(
            ra.similarity(&ro),
            Err(SignatureError::Incompatible { .. })
        ));
        assert!(matches!(
            SignatureRef::from_bytes(&ab[..ab.len() - 1]),
            Err(SignatureError::Length { .. })
        ));
    }
}
