//! The compiled place artifact: the half of the matcher that [`Matcher::compile`] spends
//! most of its time on (every place form of the GeoNames registry and the hand file, with
//! the states' capitals linked: ≈ 200 M instructions with the registry's parse), stored
//! per language in `data/kb/compiled/places-{de,en}.bin` and embedded, so that start-up
//! reads arrays instead. The other forms (states, organisations, people, outlets) are
//! compiled at start-up as before: their files change in most sittings, and a binary
//! rewritten at each change would grow the repository by megabytes a time.
//!
//! Written by `cargo xtask kb-matcher` ([`to_bytes`]). Each file records the size and a
//! hash of the files its part was compiled from ([`sources`]: the place and state
//! files); when they no longer match (a row was edited and the artifact not remade),
//! [`Matcher::new`] compiles the places anew: the output stays right, only start-up is
//! slower, and the test `committed_artifacts_are_what_the_sources_compile_to` fails,
//! naming the command. A change to the compiling code is caught by the same test (it
//! compares the committed bytes with a fresh compile).
//!
//! Format: magic `SRKBPLAC`, format version (u32), language (u32: 0 `de`, 1 `en`), size of
//! the sources (u64) and their hash (u64), all little-endian; then, every number a LEB128
//! varint: the trie's token text (length, bytes) and each token's length; the node count,
//! each node's number of children, each edge's token (nodes breadth-first, see
//! `tokentrie`); each node's number of place slots and the slots' indices; a string pool
//! (length, bytes); the place slots (count; id, population, flags (1 generated, 2
//! ambiguous), state code, name; each string a pool offset and length). A header that
//! does not match (magic, version, language, sources) makes the artifact stale; a damaged
//! body is an error.

use crate::matcher::{Matcher, PlacePart, PlaceSlot, PLACE};
use crate::tokentrie::TokenTrie;
use crate::KbError;
use sitrep_core::fnv::FnvMap;
use sitrep_core::Language;
use std::borrow::Cow;

/// The artifact's format version; a file of another version is stale.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"SRKBPLAC";

/// The artifact of each language (in [`Language::ALL`] order): path and bytes.
pub const ARTIFACTS: [(&str, &[u8]); 2] = [
    (
        "data/kb/compiled/places-de.bin",
        include_bytes!("../../../data/kb/compiled/places-de.bin"),
    ),
    (
        "data/kb/compiled/places-en.bin",
        include_bytes!("../../../data/kb/compiled/places-en.bin"),
    ),
];

/// The files the place half is compiled from, as (path, text): the place registry and
/// hand file, and the state files (codes checked, capitals linked).
pub fn sources() -> Vec<(&'static str, &'static str)> {
    vec![
        (crate::states::GENERATED_FILE, crate::states::GENERATED),
        (crate::states::STATES_FILE, crate::states::STATES),
        (crate::states::ORGANS_FILE, crate::states::ORGANS),
        (crate::places::GENERATED_FILE, crate::places::GENERATED),
        (crate::places::HAND_FILE, crate::places::HAND),
    ]
}

/// The total size and a hash of `sources` (names and texts), eight bytes a step: it runs
/// at every start, over about 2.3 MB.
pub fn fingerprint(sources: &[(&str, &str)]) -> (u64, u64) {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |w: u64| h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    let mut size = 0u64;
    for (name, text) in sources {
        for part in [name.as_bytes(), text.as_bytes()] {
            size += part.len() as u64;
            mix(part.len() as u64);
            let mut words = part.chunks_exact(8);
            for w in &mut words {
                mix(u64::from_le_bytes([
                    w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
                ]));
            }
            let mut last = [0u8; 8];
            last[..words.remainder().len()].copy_from_slice(words.remainder());
            mix(u64::from_le_bytes(last));
        }
    }
    (size, h)
}

/// Reads the LEB128 varint at `*at`, moving `at` past it; `None` when it runs past the end
/// or beyond 64 bits. One byte (most numbers here) takes one comparison.
#[inline(always)]
fn leb128(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut i = *at;
    let b = *bytes.get(i)?;
    i += 1;
    if b < 0x80 {
        *at = i;
        return Some(u64::from(b));
    }
    let mut x = u64::from(b & 0x7f);
    let mut shift = 7;
    loop {
        let b = *bytes.get(i)?;
        i += 1;
        x |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            *at = i;
            return Some(x);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

fn varint(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push(x as u8 | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// The artifact of `m`'s place half, compiled from `sources`.
pub fn to_bytes(m: &Matcher, sources: &[(&str, &str)]) -> Vec<u8> {
    let (t, places) = m.place_part();
    let mut out = Vec::new();
    out.extend(MAGIC);
    out.extend(FORMAT_VERSION.to_le_bytes());
    out.extend((m.language() as u32).to_le_bytes());
    let (size, hash) = fingerprint(sources);
    out.extend(size.to_le_bytes());
    out.extend(hash.to_le_bytes());
    let v = |out: &mut Vec<u8>, x: u32| varint(out, u64::from(x));
    v(&mut out, t.text.len() as u32);
    out.extend(t.text.as_bytes());
    v(&mut out, t.tokens() as u32);
    let mut prev = 0;
    for &e in &t.ends {
        v(&mut out, e - prev);
        prev = e;
    }
    v(&mut out, t.nodes() as u32);
    for w in t.child_start.windows(2) {
        v(&mut out, w[1] - w[0]);
    }
    for &tok in &t.child_tok {
        v(&mut out, tok);
    }
    for w in t.at_start.windows(2) {
        v(&mut out, w[1] - w[0]);
    }
    for &i in &t.at {
        v(&mut out, i & !PLACE);
    }
    // the strings of the places, each once
    let mut pool = String::new();
    let mut at: FnvMap<&str, u32> = FnvMap::default();
    let strings: Vec<&str> = places.iter().flat_map(|p| [p.id, p.code, p.name]).collect();
    let mut refs: Vec<[u32; 2]> = Vec::with_capacity(strings.len());
    for s in strings {
        let off = *at.entry(s).or_insert_with(|| {
            pool.push_str(s);
            (pool.len() - s.len()) as u32
        });
        refs.push([off, s.len() as u32]);
    }
    v(&mut out, pool.len() as u32);
    out.extend(pool.as_bytes());
    let mut refs = refs.into_iter();
    let mut put_ref = |out: &mut Vec<u8>| {
        let [off, len] = refs.next().unwrap_or_default();
        v(out, off);
        v(out, len);
    };
    v(&mut out, places.len() as u32);
    for p in places {
        // the order the pool was filled in: id, code, name
        put_ref(&mut out);
        varint(&mut out, p.population);
        out.push(u8::from(p.generated) | u8::from(p.ambiguous) << 1);
        put_ref(&mut out);
        put_ref(&mut out);
    }
    out
}

/// Reads the bytes of an artifact, each read checked against the end.
struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Result<&'static [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| format!("truncated at byte {}", self.at))?;
        let b = &self.bytes[self.at..end];
        self.at = end;
        Ok(b)
    }

    #[inline]
    fn u8(&mut self) -> Result<u8, String> {
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                Ok(b)
            }
            None => Err(self.bad_varint()),
        }
    }

    fn u32_le(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64_le(&mut self) -> Result<u64, String> {
        Ok(u64::from(self.u32_le()?) | u64::from(self.u32_le()?) << 32)
    }

    /// A LEB128 varint (at most ten bytes).
    #[inline]
    fn varint64(&mut self) -> Result<u64, String> {
        match leb128(self.bytes, &mut self.at) {
            Some(x) => Ok(x),
            None => Err(self.bad_varint()),
        }
    }

    /// A varint that fits a u32.
    #[inline]
    fn varint(&mut self) -> Result<u32, String> {
        match leb128(self.bytes, &mut self.at).and_then(|x| u32::try_from(x).ok()) {
            Some(x) => Ok(x),
            None => Err(self.bad_varint()),
        }
    }

    #[cold]
    fn bad_varint(&self) -> String {
        format!("a number cut short or too large before byte {}", self.at)
    }

    fn str(&mut self) -> Result<&'static str, String> {
        let n = self.varint()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|e| format!("text is no UTF-8: {e}"))
    }

    /// `n` varints, or the error if `n` cannot be as many as the bytes left.
    fn varints(&mut self, n: usize) -> Result<Vec<u32>, String> {
        if n > self.bytes.len() - self.at {
            return Err(format!(
                "{n} numbers in {} bytes",
                self.bytes.len() - self.at
            ));
        }
        let mut out = Vec::with_capacity(n);
        let mut at = self.at;
        for _ in 0..n {
            match leb128(self.bytes, &mut at).and_then(|x| u32::try_from(x).ok()) {
                Some(x) => out.push(x),
                None => {
                    self.at = at;
                    return Err(self.bad_varint());
                }
            }
        }
        self.at = at;
        Ok(out)
    }

    /// `n` runs' lengths as their start offsets (`n + 1` of them).
    fn starts(&mut self, n: usize) -> Result<Vec<u32>, String> {
        let mut out = Vec::with_capacity(n + 1);
        let mut at = 0u32;
        out.push(0);
        for len in self.varints(n)? {
            at = at.checked_add(len).ok_or("run lengths overflow")?;
            out.push(at);
        }
        Ok(out)
    }
}

/// The place half of `lang` from its embedded artifact, or `None` when the artifact is
/// stale for `sources` (see the module's documentation).
pub fn load(lang: Language, sources: &[(&str, &str)]) -> Result<Option<PlacePart>, KbError> {
    from_bytes(lang, ARTIFACTS[lang as usize].1, sources)
}

/// [`load`] from the given bytes.
pub fn from_bytes(
    lang: Language,
    bytes: &'static [u8],
    sources: &[(&str, &str)],
) -> Result<Option<PlacePart>, KbError> {
    let file = ARTIFACTS[lang as usize].0;
    let mut r = Reader { bytes, at: 0 };
    let header = (|| -> Result<bool, String> {
        Ok(r.take(8)? == MAGIC
            && r.u32_le()? == FORMAT_VERSION
            && r.u32_le()? == lang as u32
            && (r.u64_le()?, r.u64_le()?) == fingerprint(sources))
    })();
    if header != Ok(true) {
        return Ok(None);
    }
    let err = |reason: String| KbError {
        file,
        line: 0,
        reason: format!("damaged artifact: {reason}"),
    };
    read_body(&mut r).map(Some).map_err(err)
}

fn read_body(r: &mut Reader) -> Result<PlacePart, String> {
    let text = r.str()?;
    let tokens = r.varint()? as usize;
    let mut ends = r.varints(tokens)?;
    let mut end = 0u32;
    for e in &mut ends {
        end = end.checked_add(*e).ok_or("token lengths overflow")?;
        *e = end;
    }
    let nodes = r.varint()? as usize;
    let child_start = r.starts(nodes)?;
    let child_tok = r.varints(child_start[nodes] as usize)?;
    let at_start = r.starts(nodes)?;
    let mut at = r.varints(at_start[nodes] as usize)?;
    for i in &mut at {
        *i |= PLACE;
    }
    let trie = TokenTrie::new(
        Cow::Borrowed(text),
        ends,
        child_start,
        child_tok,
        at_start,
        at,
    )?;
    let pool = r.str()?;
    let string = |r: &mut Reader| -> Result<&'static str, String> {
        let (off, len) = (r.varint()? as usize, r.varint()? as usize);
        off.checked_add(len)
            .and_then(|end| pool.get(off..end))
            .ok_or_else(|| format!("string {off}+{len} outside the pool"))
    };
    let n = r.varint()? as usize;
    let mut places = Vec::with_capacity(n.min(r.bytes.len()));
    for _ in 0..n {
        let id = string(r)?;
        let population = r.varint64()?;
        let flags = r.u8()?;
        places.push(PlaceSlot {
            id,
            population,
            generated: flags & 1 != 0,
            code: string(r)?,
            name: string(r)?,
            ambiguous: flags & 2 != 0,
            entry: std::sync::OnceLock::new(),
        });
    }
    if r.at != r.bytes.len() {
        return Err(format!("{} bytes after the end", r.bytes.len() - r.at));
    }
    if trie
        .at
        .iter()
        .any(|&i| (i & !PLACE) as usize >= places.len())
    {
        return Err("a place index out of range".into());
    }
    Ok(PlacePart { trie, places })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::{Entry, Match};

    fn leak(v: Vec<u8>) -> &'static [u8] {
        Box::leak(v.into_boxed_slice())
    }

    /// The committed artifacts are byte for byte what the current sources and code compile
    /// to: CI's check that nobody edited a knowledge-base file (or the compiling code)
    /// without remaking them.
    #[test]
    fn committed_artifacts_are_what_the_sources_compile_to() {
        let sources = sources();
        for lang in Language::ALL {
            let fresh = to_bytes(&Matcher::compile(lang).unwrap(), &sources);
            let (path, committed) = ARTIFACTS[lang as usize];
            assert!(
                committed == fresh.as_slice(),
                "{path} is stale ({} bytes, a fresh compile has {}): run `cargo xtask kb-matcher`",
                committed.len(),
                fresh.len()
            );
        }
    }

    /// Written and read back, the place half makes the matcher that was compiled: the
    /// same bytes again, and forms, place names and hyphenated words find the same
    /// entries.
    #[test]
    fn round_trip_equals_the_direct_build() {
        let sources = sources();
        for lang in Language::ALL {
            let direct = Matcher::compile(lang).unwrap();
            let bytes = to_bytes(&direct, &sources);
            let part = from_bytes(lang, leak(bytes.clone()), &sources)
                .unwrap()
                .expect("fresh");
            let loaded = Matcher::assemble(lang, || Ok(part)).unwrap();
            assert!(to_bytes(&loaded, &sources) == bytes, "{lang}");
            assert_eq!(direct.size(), loaded.size());
            let (t, _) = direct.place_part();
            let mut probes: Vec<String> = (0..t.tokens())
                .step_by(3)
                .map(|id| t.token_text(id).to_string())
                .collect();
            probes.extend(
                [
                    "UN-Sicherheitsrat",
                    "Inter-American",
                    "Frankfurt am Main",
                    "Moskau",
                    "Moscow",
                    "Kreml",
                    "xyz",
                ]
                .map(String::from),
            );
            for p in &probes {
                let a: Vec<&Entry> = direct.lookup(p);
                let b: Vec<&Entry> = loaded.lookup(p);
                assert_eq!(a, b, "{lang} {p:?}");
                let words = [p.as_str(), "-", "Gipfel"];
                let (fa, fb) = (direct.find(&words), loaded.find(&words));
                assert_eq!(fa, fb, "{lang} {p:?}");
                for (ma, mb) in fa.iter().zip(&fb) {
                    let pops = |m: &Matcher, x: &Match| {
                        m.entries_of(x)
                            .map(|e| m.place_population(x, e))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(pops(&direct, ma), pops(&loaded, mb), "{lang} {p:?}");
                }
            }
        }
    }

    /// An artifact no longer matching its sources (one byte of one file changed, a file
    /// added), of another format version or language, or not an artifact at all, is
    /// stale; one whose body is cut short or points outside itself is an error naming the
    /// file.
    #[test]
    fn stale_or_damaged_artifacts_are_detected() {
        let sources = sources();
        let lang = Language::De;
        let good = ARTIFACTS[0].1;
        assert!(from_bytes(lang, good, &sources).unwrap().is_some());
        let mut edited = sources.clone();
        let places = edited
            .iter()
            .position(|s| s.0 == crate::places::HAND_FILE)
            .unwrap();
        let text: String = edited[places].1.replacen("Warschau", "Warschav", 1);
        assert_ne!(text, edited[places].1);
        edited[places].1 = Box::leak(text.into_boxed_str());
        assert!(from_bytes(lang, good, &edited).unwrap().is_none());
        let mut more = sources.clone();
        more.push(("data/kb/new.tsv", "id\n"));
        assert!(from_bytes(lang, good, &more).unwrap().is_none());
        assert!(from_bytes(Language::En, good, &sources).unwrap().is_none());
        let mut version = good.to_vec();
        version[8] ^= 1;
        assert!(from_bytes(lang, leak(version), &sources).unwrap().is_none());
        assert!(from_bytes(lang, b"", &sources).unwrap().is_none());
        let cut = leak(good[..good.len() - 5].to_vec());
        let e = from_bytes(lang, cut, &sources).unwrap_err();
        assert_eq!(e.file, "data/kb/compiled/places-de.bin");
        assert!(e.reason.contains("damaged"), "{e}");
        // a string reference beyond the pool: the last place's name, whose length is the
        // last byte, made 2^28 - 1
        let mut bad = good.to_vec();
        bad.pop();
        bad.extend([0xff, 0xff, 0xff, 0x7f]);
        assert!(from_bytes(lang, leak(bad), &sources)
            .unwrap_err()
            .reason
            .contains("outside the pool"));
    }
}
