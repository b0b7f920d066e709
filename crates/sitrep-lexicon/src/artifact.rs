//! The binary lexicon artifact: writer (used by `cargo xtask lexicon-de`) and reader.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! 0..8    magic  b"SITRLEX\0"
//! 8..12   format version (u32) = FORMAT_VERSION
//! then six sections, each a u32 byte length followed by the bytes:
//!   info     UTF-8 provenance text (source packages, versions, licence)
//!   tags     UTF-8, one tag per line: UPOS \t STTS \t UD-FEATS
//!   rules    lemma rules: cut (u8, bytes removed from the end of the form),
//!            particle length (u8, bytes of the separable particle at the start of
//!            the lemma, 0 if none), append length (u8), append bytes (UTF-8)
//!   index    class offsets into `classes`, u32 each, one more than there are classes
//!   classes  per class: pairs of LEB128 varints (tag id, rule id)
//!   fst      an `fst::Map` from word form (UTF-8 bytes) to class id
//! ```
//!
//! A class is the set of analyses a form has; many forms share one class, which is why
//! the FST value is a class id rather than a list of analyses.

use crate::LexiconError;
use std::sync::Arc;

/// The first eight bytes of every lexicon artifact.
pub const MAGIC: &[u8; 8] = b"SITRLEX\0";
/// The artifact format this crate reads and writes; other versions are refused.
pub const FORMAT_VERSION: u32 = 1;

/// A lemma rule: bytes cut from the end of the form, particle length, appended text.
type LemmaRule = (u8, u8, String);

/// One analysis, as the generator hands it to [`write`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RawAnalysis {
    /// `UPOS\tSTTS\tFEATS`, e.g. `VERB\tVVFIN\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin`.
    pub tag: String,
    pub lemma: String,
    /// Bytes of the separable particle at the start of `lemma` (0: none).
    pub particle_len: u8,
}

/// Builds the artifact bytes from `(form, analyses)` pairs. The output depends only on
/// the input set: forms, tags, rules and classes are all sorted, so running the
/// generator twice gives identical bytes.
pub fn write(
    info: &str,
    entries: &std::collections::BTreeMap<String, std::collections::BTreeSet<RawAnalysis>>,
) -> Result<Vec<u8>, String> {
    use std::collections::{BTreeMap, BTreeSet};
    // Pass 1: tags and rules, sorted for determinism.
    let mut tags: BTreeSet<&str> = BTreeSet::new();
    let mut rules: BTreeSet<LemmaRule> = BTreeSet::new();
    let mut encoded: Vec<(&str, Vec<(&str, LemmaRule)>)> = Vec::with_capacity(entries.len());
    for (form, analyses) in entries {
        let mut v = Vec::with_capacity(analyses.len());
        for a in analyses {
            let rule = lemma_rule(form, &a.lemma, a.particle_len)?;
            tags.insert(&a.tag);
            rules.insert(rule.clone());
            v.push((a.tag.as_str(), rule));
        }
        encoded.push((form, v));
    }
    let tag_ids: BTreeMap<&str, u32> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, i as u32))
        .collect();
    let rule_ids: BTreeMap<&LemmaRule, u32> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r, i as u32))
        .collect();
    // Pass 2: classes (sorted sets of (tag id, rule id)), numbered in sorted order.
    let mut form_classes: Vec<(&str, Vec<(u32, u32)>)> = Vec::with_capacity(encoded.len());
    let mut classes: BTreeSet<Vec<(u32, u32)>> = BTreeSet::new();
    for (form, v) in &encoded {
        let mut c: Vec<(u32, u32)> = v.iter().map(|(t, r)| (tag_ids[t], rule_ids[r])).collect();
        c.sort_unstable();
        c.dedup();
        classes.insert(c.clone());
        form_classes.push((form, c));
    }
    let class_ids: BTreeMap<&Vec<(u32, u32)>, u64> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c, i as u64))
        .collect();

    let mut tag_text = String::new();
    for t in &tags {
        if t.contains('\n') {
            return Err(format!("tag {t:?} contains a newline"));
        }
        tag_text.push_str(t);
        tag_text.push('\n');
    }
    let mut rule_bytes = Vec::new();
    for (cut, plen, app) in &rules {
        let len = u8::try_from(app.len()).map_err(|_| format!("lemma suffix {app:?} too long"))?;
        rule_bytes.extend_from_slice(&[*cut, *plen, len]);
        rule_bytes.extend_from_slice(app.as_bytes());
    }
    let mut index = Vec::with_capacity(4 * (classes.len() + 1));
    let mut class_bytes = Vec::new();
    for c in &classes {
        index.extend_from_slice(&(class_bytes.len() as u32).to_le_bytes());
        for (t, r) in c {
            put_varint(&mut class_bytes, *t);
            put_varint(&mut class_bytes, *r);
        }
    }
    index.extend_from_slice(&(class_bytes.len() as u32).to_le_bytes());
    let mut builder = fst::MapBuilder::memory();
    for (form, c) in &form_classes {
        builder
            .insert(form.as_bytes(), class_ids[c])
            .map_err(|e| e.to_string())?;
    }
    let fst_bytes = builder.into_inner().map_err(|e| e.to_string())?;

    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    for section in [
        info.as_bytes(),
        tag_text.as_bytes(),
        &rule_bytes,
        &index,
        &class_bytes,
        &fst_bytes,
    ] {
        out.extend_from_slice(&(section.len() as u32).to_le_bytes());
        out.extend_from_slice(section);
    }
    Ok(out)
}

/// How to turn `form` into `lemma`: cut bytes from the end, then append.
fn lemma_rule(form: &str, lemma: &str, particle_len: u8) -> Result<LemmaRule, String> {
    let common = form
        .char_indices()
        .zip(lemma.chars())
        .take_while(|((_, a), b)| a == b)
        .map(|((i, a), _)| i + a.len_utf8())
        .last()
        .unwrap_or(0);
    let cut = u8::try_from(form.len() - common).map_err(|_| format!("form {form:?} too long"))?;
    Ok((cut, particle_len, lemma[common..].to_string()))
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn get_varint(data: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    let mut shift = 0;
    loop {
        let b = *data.get(*pos)?;
        *pos += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
        if shift > 28 {
            return None;
        }
    }
}

/// Bytes owned or borrowed for `'static`, viewed through a range (so the FST section of
/// an embedded artifact is used in place, without copying).
#[derive(Clone)]
pub(crate) struct Bytes {
    buf: Buf,
    start: usize,
    end: usize,
}

#[derive(Clone)]
enum Buf {
    Static(&'static [u8]),
    Owned(Arc<[u8]>),
}

impl Bytes {
    pub(crate) fn new_static(b: &'static [u8]) -> Bytes {
        Bytes {
            start: 0,
            end: b.len(),
            buf: Buf::Static(b),
        }
    }
    pub(crate) fn new_owned(b: Vec<u8>) -> Bytes {
        Bytes {
            start: 0,
            end: b.len(),
            buf: Buf::Owned(b.into()),
        }
    }
    fn slice(&self, start: usize, end: usize) -> Bytes {
        Bytes {
            buf: self.buf.clone(),
            start: self.start + start,
            end: self.start + end,
        }
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        let all: &[u8] = match &self.buf {
            Buf::Static(b) => b,
            Buf::Owned(b) => b,
        };
        &all[self.start..self.end]
    }
}

/// The six sections of a checked artifact.
pub(crate) struct Sections {
    pub info: String,
    pub tags: String,
    pub rules: Bytes,
    pub index: Bytes,
    pub classes: Bytes,
    pub fst: Bytes,
}

pub(crate) fn split(bytes: Bytes) -> Result<Sections, LexiconError> {
    let data = bytes.as_ref();
    if data.len() < 12 || &data[..8] != MAGIC {
        return Err(LexiconError::BadMagic);
    }
    let version = u32::from_le_bytes(data[8..12].try_into().expect("4 bytes"));
    if version != FORMAT_VERSION {
        return Err(LexiconError::UnsupportedVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let mut pos = 12;
    let mut parts = Vec::with_capacity(6);
    for name in ["info", "tags", "rules", "index", "classes", "fst"] {
        let len = data
            .get(pos..pos + 4)
            .map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")) as usize)
            .ok_or_else(|| LexiconError::corrupt(format!("section {name} missing")))?;
        pos += 4;
        if pos + len > data.len() {
            return Err(LexiconError::corrupt(format!("section {name} truncated")));
        }
        parts.push(bytes.slice(pos, pos + len));
        pos += len;
    }
    if pos != data.len() {
        return Err(LexiconError::corrupt(
            "trailing bytes after the last section".into(),
        ));
    }
    let text = |b: &Bytes, name: &str| {
        std::str::from_utf8(b.as_ref())
            .map(str::to_owned)
            .map_err(|_| LexiconError::corrupt(format!("section {name} is not UTF-8")))
    };
    Ok(Sections {
        info: text(&parts[0], "info")?,
        tags: text(&parts[1], "tags")?,
        rules: parts[2].clone(),
        index: parts[3].clone(),
        classes: parts[4].clone(),
        fst: parts[5].clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemma_rules_cut_and_append() {
        assert_eq!(
            lemma_rule("Aufmärsche", "Aufmarsch", 0).unwrap(),
            (7, 0, "arsch".into())
        );
        assert_eq!(
            lemma_rule("warf", "werfen", 0).unwrap(),
            (3, 0, "erfen".into())
        );
        assert_eq!(
            lemma_rule("geben", "geben", 0).unwrap(),
            (0, 0, String::new())
        );
    }

    #[test]
    fn varints_round_trip() {
        let mut b = Vec::new();
        for v in [0, 1, 127, 128, 300, 1 << 20, u32::MAX >> 4] {
            put_varint(&mut b, v);
        }
        let mut p = 0;
        for v in [0, 1, 127, 128, 300, 1 << 20, u32::MAX >> 4] {
            assert_eq!(get_varint(&b, &mut p), Some(v));
        }
    }
}
