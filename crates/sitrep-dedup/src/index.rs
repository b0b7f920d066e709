//! The LSH banding index: candidates in time independent of the number of stored texts.

use std::collections::HashMap;

use crate::minhash::{MinHasher, Signature, Similarity};
use crate::{ConfigError, DedupConfig, MatchKind, SignatureError};

/// End of a bucket chain.
const NONE: u32 = u32::MAX;

/// An incremental near-duplicate index over signatures: insert one document at a time,
/// ask which stored documents a new one duplicates.
///
/// The signature is cut into `bands` bands of `rows` hashes; two texts become candidates
/// when one whole band agrees, which happens with probability `1 − (1 − J^rows)^bands` for
/// Jaccard similarity `J`. Candidates are then checked on the whole signature
/// ([`DedupConfig::judge`]). The index lives only in memory: rebuild it from stored
/// signatures at start-up, inserting only the documents that were not duplicates (the
/// canonical ones). A bucket is a chain through a `next` array rather than a vector, so an
/// entry costs its signature (`4 × bands × rows` bytes) plus about 13 bytes per band
/// ([`Index::heap_bytes`] adds it up).
///
/// ```
/// use sitrep_dedup::{DedupConfig, Index, MatchKind};
///
/// let story = "Die Regierung hat am Montag ein neues Sparpaket vorgestellt. Es soll im \
///     kommenden Jahr zwei Milliarden Euro bringen, vor allem durch Kürzungen in der \
///     Verwaltung und bei Förderungen. Die Opposition kritisierte die Pläne scharf und \
///     kündigte Widerstand im Parlament an, die Gewerkschaften drohten mit Protesten.";
/// let mut index: Index<&str> = Index::new(DedupConfig::default()).unwrap();
/// index.insert("apa-1", index.signature(story)).unwrap();
///
/// // The same agency text in another outlet: new headline, other quotes, a footer.
/// let copy = format!("Sparpaket: Kritik von allen Seiten\n\n{story}\n\n(APA, 2.2.2016)");
/// let found = index.matches(&index.signature(&copy)).unwrap();
/// assert_eq!(found[0].id, &"apa-1");
/// assert_eq!(found[0].kind, MatchKind::NearDuplicate);
///
/// let other = "Der Nationalrat hat am Mittwoch nach langer Debatte das Budget beschlossen.";
/// assert!(index.matches(&index.signature(other)).unwrap().is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct Index<Id> {
    config: DedupConfig,
    hasher: MinHasher,
    /// Per band: 32-bit band key → the newest slot in that bucket. A collision of two keys
    /// only adds a candidate, which the final check rejects.
    heads: Vec<HashMap<u32, u32>>,
    /// `next[slot * bands + band]`: the previous slot in the same bucket, or `NONE`.
    next: Vec<u32>,
    entries: Vec<(Id, Signature)>,
}

/// A stored document that the queried text duplicates.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'a, Id> {
    pub id: &'a Id,
    pub kind: MatchKind,
    /// `first_in_second` is the share of the queried text found in the stored one.
    pub similarity: Similarity,
}

impl<Id> Index<Id> {
    pub fn new(config: DedupConfig) -> Result<Index<Id>, ConfigError> {
        config.validate()?;
        Ok(Index {
            hasher: config.hasher(),
            heads: (0..config.bands).map(|_| HashMap::new()).collect(),
            next: Vec::new(),
            entries: Vec::new(),
            config,
        })
    }

    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// The signature of a text under this index's settings.
    pub fn signature(&self, text: &str) -> Signature {
        self.hasher.signature(text)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a document. A signature made with other settings (for example read from an
    /// older store) is an error; an empty one is kept but never matches.
    pub fn insert(&mut self, id: Id, signature: Signature) -> Result<(), SignatureError> {
        self.check(&signature)?;
        let slot = u32::try_from(self.entries.len())
            .ok()
            .filter(|&s| s != NONE)
            .ok_or(SignatureError::IndexFull)?;
        for (band, key) in self.keys(&signature).enumerate() {
            let prev = if signature.is_empty() {
                NONE
            } else {
                self.heads[band].insert(key, slot).unwrap_or(NONE)
            };
            self.next.push(prev);
        }
        self.entries.push((id, signature));
        Ok(())
    }

    /// Stored documents sharing at least one band with `signature`, in insertion order,
    /// unchecked.
    pub fn candidates(&self, signature: &Signature) -> Result<Vec<&Id>, SignatureError> {
        Ok(self
            .candidate_slots(signature)?
            .into_iter()
            .map(|s| &self.entries[s as usize].0)
            .collect())
    }

    /// Stored documents that `signature` duplicates under the index's settings, most
    /// similar first (ties in insertion order).
    pub fn matches(&self, signature: &Signature) -> Result<Vec<Match<'_, Id>>, SignatureError> {
        let mut out = Vec::new();
        for slot in self.candidate_slots(signature)? {
            let (id, stored) = &self.entries[slot as usize];
            let similarity = signature.similarity(stored)?;
            if let Some(kind) = self.config.judge(&similarity, signature, stored) {
                out.push(Match {
                    id,
                    kind,
                    similarity,
                });
            }
        }
        out.sort_by(|a, b| b.similarity.jaccard.total_cmp(&a.similarity.jaccard));
        Ok(out)
    }

    /// Approximate heap memory of the index in bytes, ids' own heap data excluded.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        // A std (hashbrown) map slot is the pair plus one control byte.
        let maps: usize = self
            .heads
            .iter()
            .map(|m| m.capacity() * (size_of::<(u32, u32)>() + 1))
            .sum();
        let signatures: usize = self.entries.iter().map(|(_, s)| s.hashes().len() * 4).sum();
        maps + self.next.capacity() * 4
            + self.entries.capacity() * size_of::<(Id, Signature)>()
            + signatures
    }

    fn check(&self, signature: &Signature) -> Result<(), SignatureError> {
        if signature.shingle() != self.hasher.shingle()
            || signature.hashes().len() != self.hasher.hashes()
        {
            return Err(SignatureError::Incompatible {
                first: (signature.shingle(), signature.hashes().len()),
                second: (self.hasher.shingle(), self.hasher.hashes()),
            });
        }
        Ok(())
    }

    fn keys<'s>(&self, signature: &'s Signature) -> impl Iterator<Item = u32> + 's {
        self.config.band_keys(signature)
    }

    fn candidate_slots(&self, signature: &Signature) -> Result<Vec<u32>, SignatureError> {
        self.check(signature)?;
        let mut slots = Vec::new();
        if signature.is_empty() {
            return Ok(slots);
        }
        let bands = self.config.bands;
        for (band, key) in self.keys(signature).enumerate() {
            let mut slot = self.heads[band].get(&key).copied().unwrap_or(NONE);
            while slot != NONE {
                slots.push(slot);
                slot = self.next[slot as usize * bands + band];
            }
        }
        slots.sort_unstable();
        slots.dedup();
        Ok(slots)
    }
}
