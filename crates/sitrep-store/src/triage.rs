//! What a document becomes before it is analysed: skipped (its id is stored), a further
//! report of a stored or earlier document (the same text, or a near copy), or new. One
//! decision for every way documents come in (`sitrep ingest`, the HTTP API), so a document
//! is stored the same way whichever door it takes.
//!
//! A batch is triaged before it is written, so the triage also checks what it let through
//! earlier in the batch ([`Seen`]) and, when the caller overlaps batches, what the batch
//! before let through (not in the store until that batch is written).

use crate::{Known, NearDuplicates, NewReport, ReportKind, Result, Signature, Store, TextHash};
use sitrep_core::Document;
use std::collections::{HashMap, HashSet};

/// What a document becomes.
#[derive(Debug)]
pub enum Triage {
    /// New: analyse it, then store it with this hash and signature.
    Analyse {
        doc: Document,
        hash: TextHash,
        signature: Option<Signature>,
    },
    /// A copy of a stored or earlier document: store it as a report, not analysed.
    Report(NewReport),
    /// Its id is stored or came earlier: skip it.
    Already,
}

/// What a triage let through (to analyse or as a report): ids, texts and signatures that
/// later documents must be checked against before they reach the store.
#[derive(Debug, Default)]
pub struct Seen {
    ids: HashSet<String>,
    texts: HashMap<TextHash, String>,
    signatures: Vec<(String, Vec<u8>)>,
    /// Band key → indices into `signatures`, so a document is compared only with those
    /// sharing a key, as the store's `near_candidates` would return them.
    keys: HashMap<i64, Vec<usize>>,
}

impl Seen {
    /// The signatures sharing a key with `keys`, each once, in the order they were seen.
    fn candidates(&self, keys: &[i64]) -> impl Iterator<Item = &(String, Vec<u8>)> {
        let mut found: Vec<usize> = keys
            .iter()
            .filter_map(|k| self.keys.get(k))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| &self.signatures[i])
    }
}

/// Decides what `doc` becomes, in this order: an id already stored or seen → [`Triage::
/// Already`]; a text stored or seen under another id → an exact report; a near copy (the
/// most similar stored or seen text the detector accepts) → a near report; otherwise new.
/// `previous` is what the triage of the batch before let through; `seen` is this batch so
/// far and records `doc` when it is let through.
pub fn triage(
    store: &dyn Store,
    near: &dyn NearDuplicates,
    doc: Document,
    previous: &Seen,
    seen: &mut Seen,
) -> Result<Triage> {
    if previous.ids.contains(&doc.id) || !seen.ids.insert(doc.id.clone()) {
        return Ok(Triage::Already);
    }
    let hash = TextHash::of(&doc.text);
    let report = |canonical: String, kind, similarity| {
        Triage::Report(NewReport::of(&doc, hash, canonical, kind, similarity))
    };
    match store.known(&doc.id, hash)? {
        Known::StoredId => return Ok(Triage::Already),
        Known::SameText { canonical } => return Ok(report(canonical, ReportKind::Exact, None)),
        Known::New => {}
    }
    if let Some(canonical) = seen.texts.get(&hash).or(previous.texts.get(&hash)) {
        return Ok(report(canonical.clone(), ReportKind::Exact, None));
    }
    let signature = near.signature(&doc.text);
    if let Some(sig) = &signature {
        let stored = store.near_candidates(&sig.keys)?;
        // every signature of this batch so far is compared; the batch before's by shared keys
        let in_memory = previous.candidates(&sig.keys).chain(seen.signatures.iter());
        let mut best: Option<(f32, &str)> = None;
        for (id, other) in stored.iter().chain(in_memory) {
            if let Some(s) = near.judge(&sig.bytes, other) {
                if best.is_none_or(|b| s > b.0) {
                    best = Some((s, id));
                }
            }
        }
        if let Some((s, canonical)) = best {
            return Ok(report(canonical.to_string(), ReportKind::Near, Some(s)));
        }
        for &k in &sig.keys {
            seen.keys.entry(k).or_default().push(seen.signatures.len());
        }
        seen.signatures.push((doc.id.clone(), sig.bytes.clone()));
    }
    // Recorded before analysis: a later copy of a document whose analysis fails is a report
    // of it, and the caller fails that report too (its original is not stored).
    seen.texts.insert(hash, doc.id.clone());
    Ok(Triage::Analyse {
        doc,
        hash,
        signature,
    })
}
