//! A per-thread memo of everything the tagger derives from a word form alone: its hashed
//! features, the lexicon's answers (one FST walk per form, not per token), the tag
//! dictionary entry, the summed weights of the form's own tag features, the summed weights
//! of its own morphology features per class (over the class's candidate bundles), and its
//! lemmas by (class, bundle).
//!
//! The memo is a cache only: results are the same with or without it. It lives in a
//! thread-local (the `Tagger` stays immutable and `Sync`), is keyed by the tagger's id, and
//! keeps at most [`MAX_FORMS`] forms (the first ones seen, which in a Zipfian text are
//! mostly the frequent ones; score vectors for the first [`MAX_VECTOR_FORMS`]); later forms
//! are kept for one sentence only, so memory stays bounded (about 30 MB per thread on German
//! news; the peak-memory figures are in docs/issues/004-word-analysis.md).

use crate::features::{self, TokInfo};
use crate::hash;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Forms kept per tagger and thread before the memo is emptied.
pub(crate) const MAX_FORMS: usize = 60_000;
/// Of those, the first this many also keep their score vectors (about 1.8 KB each for 91
/// classes); the others are scored feature by feature. 16,000 took 20 MB more per thread
/// for 0.7 % fewer instructions of the whole pipeline on GNAD dev, and left `sitrep bench
/// --threads 2` at its 300 MB bound.
pub(crate) const MAX_VECTOR_FORMS: usize = 8_000;
/// Forms longer than this (bytes) are still memoised but only until the next sentence.
const MAX_FORM_BYTES: usize = 64;

/// Keys are already hashes (anything else is mixed in byte by byte).
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = hash::mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = hash::mix(self.0, x);
    }
    // (one mix per integer, not one per byte: a derived `Hash` of a struct of enums, as
    // `Feats` in `Tagger::feats_string`, writes a discriminant per field)
    fn write_u8(&mut self, x: u8) {
        self.0 = hash::mix(self.0, x as u64);
    }
    fn write_u16(&mut self, x: u16) {
        self.0 = hash::mix(self.0, x as u64);
    }
    fn write_u32(&mut self, x: u32) {
        self.0 = hash::mix(self.0, x as u64);
    }
    fn write_usize(&mut self, x: usize) {
        self.0 = hash::mix(self.0, x as u64);
    }
    fn write_isize(&mut self, x: isize) {
        self.0 = hash::mix(self.0, x as u64);
    }
}

/// A fast hasher for small keys (the memo's form hashes, feature bundles).
pub(crate) type FastHash = BuildHasherDefault<IdHasher>;

pub(crate) struct FormEntry {
    pub form: Box<str>,
    pub lower: Box<str>,
    /// Token features with no positional flags.
    pub info: TokInfo,
    pub tagdict: Option<u16>,
    /// A form made only of punctuation marks that training showed under three times and
    /// not in the tag dictionary: tagged as punctuation whatever its neighbours say.
    pub punct_only: bool,
    /// The form's part in its sentence's capitalisation (`features::word_caps`).
    pub caps: u8,
    /// Start in `Memo::arena` of the form's five score vectors (`u32::MAX`: not built):
    /// its own features, then as left neighbour, right neighbour, two left, two right.
    pub vecs: u32,
    /// (class, bundle) → lemma.
    pub lemmas: Vec<(u16, u16, Box<str>)>,
    /// The lexicon's case/number/gender masks per tag (German), once asked for.
    pub masks: Option<crate::agree::FormMasks>,
    /// The lexicon's analyses of the form (`Resources::analyses`), once asked for: lemmas
    /// of several (class, bundle) pairs and the agreement masks all read them.
    pub analyses: Option<Box<[sitrep_lexicon::Entry]>>,
    /// The German lexicon's FST walks of the form and its lower-cased variant, from the
    /// features: the analyses asked for later need no walk of their own.
    pub walks: Option<sitrep_lexicon::Walks>,
    /// First of the form's `Memo::morph_nodes` (`u32::MAX`: none): its memoised
    /// morphology sums (`Memo::morph_sums`). An index, not a list, so that entries stay
    /// as small as they were.
    pub morph: u32,
}

/// Where one (form, class)'s morphology sums are.
struct MorphNode {
    class: u16,
    /// Start in `Memo::morph_arena`.
    start: u32,
    /// The form's next node, `u32::MAX` at the end.
    next: u32,
}

/// Classes per form whose morphology sums the memo keeps.
pub(crate) const MAX_MORPH_CLASSES: usize = 4;

#[derive(Default)]
pub(crate) struct Memo {
    pub owner: u64,
    map: HashMap<u64, u32, FastHash>,
    pub entries: Vec<FormEntry>,
    pub arena: Vec<f32>,
    /// Morphology sums of persistent entries (`FormEntry::morph`); never trimmed.
    morph_nodes: Vec<MorphNode>,
    pub morph_arena: Vec<f32>,
    /// Entries (and arena floats) kept across sentences; the rest are dropped by `trim`.
    persistent: usize,
    persistent_arena: usize,
    // Per-sentence scratch.
    pub ids: Vec<u32>,
    pub toks: Vec<TokInfo>,
    pub classes: Vec<u16>,
    pub class_h: Vec<u64>,
    pub bundles: Vec<u64>,
    pub feats: Vec<u64>,
    pub scores: Vec<f32>,
    pub dense: Vec<f32>,
    /// Per bundle: its index among the current token's candidates, else `u16::MAX`.
    pub cand_pos: Vec<u16>,
    pub cand_scores: Vec<f32>,
    /// The tag classes the lexicon leaves the current token, their scores, and per class
    /// its index among them (else `u16::MAX`).
    pub allowed: Vec<u16>,
    pub sub: Vec<f32>,
    pub class_pos: Vec<u16>,
    pub lower: String,
}

impl Memo {
    /// Drops the entries kept for one sentence only (call between sentences: ids stay
    /// valid within one).
    pub fn trim(&mut self) {
        if self.entries.len() > self.persistent {
            self.entries.truncate(self.persistent);
            self.arena.truncate(self.persistent_arena);
        }
    }

    /// Where in `morph_arena` the memoised sums of the morphology features of entry `id`'s
    /// form under `class` start (one per candidate bundle), if kept.
    pub fn morph_sums(&self, id: u32, class: u16) -> Option<usize> {
        let mut k = self.entries.get(id as usize)?.morph;
        while let Some(n) = self.morph_nodes.get(k as usize) {
            if n.class == class {
                return Some(n.start as usize);
            }
            k = n.next;
        }
        None
    }

    /// Keeps `cand_scores` as [`Memo::morph_sums`] of entry `id` under `class`, if the
    /// entry is kept across sentences and has sums for fewer than [`MAX_MORPH_CLASSES`]
    /// classes.
    pub fn keep_morph_sums(&mut self, id: u32, class: u16) {
        if id as usize >= self.persistent {
            return;
        }
        let Some(head) = self.entries.get(id as usize).map(|e| e.morph) else {
            return;
        };
        let (mut k, mut n) = (head, 0);
        while let Some(node) = self.morph_nodes.get(k as usize) {
            k = node.next;
            n += 1;
        }
        if n >= MAX_MORPH_CLASSES || self.morph_nodes.len() >= u32::MAX as usize {
            return;
        }
        let start = self.morph_arena.len() as u32;
        self.morph_arena.extend_from_slice(&self.cand_scores);
        self.entries[id as usize].morph = self.morph_nodes.len() as u32;
        self.morph_nodes.push(MorphNode {
            class,
            start,
            next: head,
        });
    }

    /// The entry id of `form`, building the entry with `build` if it is missing.
    #[inline]
    pub fn id(
        &mut self,
        form: &str,
        build: impl FnOnce(&str, &mut String, Option<&mut Vec<f32>>) -> FormEntry,
    ) -> u32 {
        let key = hash::str(77, form);
        let found = self.map.get(&key).copied();
        if let Some(id) = found {
            if *self.entries[id as usize].form == *form {
                return id;
            }
        }
        let keep = found.is_none()
            && self.persistent == self.entries.len()
            && self.persistent < MAX_FORMS
            && form.len() <= MAX_FORM_BYTES;
        let arena = (keep && self.persistent < MAX_VECTOR_FORMS).then_some(&mut self.arena);
        let e = build(form, &mut self.lower, arena);
        let id = self.entries.len() as u32;
        self.entries.push(e);
        if keep {
            self.map.insert(key, id);
            self.persistent += 1;
            self.persistent_arena = self.arena.len();
        }
        id
    }
}

/// Builds the untagged part of an entry.
pub(crate) fn new_entry(form: &str, lower_buf: &mut String) -> (Box<str>, TokInfo) {
    features::lower_into(form, lower_buf);
    let info = TokInfo::new(form, lower_buf, false, false, false);
    (lower_buf.as_str().into(), info)
}

thread_local! {
    pub(crate) static MEMOS: RefCell<Vec<Memo>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with this thread's memo for the tagger `owner`.
/// Drops this thread's memos: after a caught panic one may be half-updated.
pub fn forget_thread_memos() {
    MEMOS.with(|cell| {
        if let Ok(mut memos) = cell.try_borrow_mut() {
            memos.clear();
        }
    });
}

pub(crate) fn with_memo<R>(owner: u64, f: impl FnOnce(&mut Memo) -> R) -> R {
    MEMOS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut memos) => {
            let k = match memos.iter().position(|m| m.owner == owner) {
                Some(k) => k,
                None => {
                    if memos.len() >= 8 {
                        memos.remove(0);
                    }
                    memos.push(Memo {
                        owner,
                        ..Default::default()
                    });
                    memos.len() - 1
                }
            };
            f(&mut memos[k])
        }
        // Re-entered (cannot happen today): use a fresh memo.
        Err(_) => f(&mut Memo {
            owner,
            ..Default::default()
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memos_here() -> usize {
        MEMOS.with(|cell| cell.borrow().len())
    }

    /// `sitrep bench` and the pipeline's panic recovery rely on this to give a thread's
    /// memos back (issue 4's peak-memory bound counts them per thread).
    #[test]
    fn forgetting_drops_this_threads_memos_only() {
        with_memo(7, |m| assert_eq!(m.owner, 7));
        with_memo(8, |_| {});
        assert_eq!(memos_here(), 2);
        std::thread::spawn(|| {
            with_memo(9, |_| {});
            forget_thread_memos();
            assert_eq!(memos_here(), 0);
        })
        .join()
        .unwrap();
        assert_eq!(
            memos_here(),
            2,
            "another thread's forgetting reached this one"
        );
        forget_thread_memos();
        assert_eq!(memos_here(), 0);
        // a memo asked for afterwards starts empty
        with_memo(7, |m| assert!(m.entries.is_empty()));
    }
}
