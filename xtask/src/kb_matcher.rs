//! `cargo xtask kb-matcher`: compiles the knowledge base's forms of each language from the
//! TSV files in `data/kb/` (as `Matcher::compile` does at run time) and writes the
//! artifacts `data/kb/compiled/places-{de,en}.bin` that `Matcher::new` loads instead
//! (format: `sitrep_kb::compiled`). Run it after editing any file the artifact names as a
//! source (states, organisations, people, media, sectors, places); the test
//! `committed_artifacts_are_what_the_sources_compile_to` fails until then. No network; the
//! output is byte-identical from run to run.

use anyhow::{Context, Result};
use sitrep_core::Language;
use sitrep_kb::compiled;
use sitrep_kb::matcher::Matcher;
use std::path::Path;

pub fn run() -> Result<()> {
    crate::with_scratch("kb-matcher", generate)
}

fn generate(tmp: &Path, root: &Path) -> Result<()> {
    let sources = compiled::sources();
    for lang in Language::ALL {
        let m = Matcher::compile(lang).with_context(|| format!("compiling the {lang} forms"))?;
        let bytes = compiled::to_bytes(&m, &sources);
        let path = compiled::ARTIFACTS[lang as usize].0;
        // written whole next to the scratch files first, then moved into place
        let part = tmp.join(format!("matcher-{lang}.bin"));
        std::fs::write(&part, &bytes)?;
        let out = root.join(path);
        std::fs::create_dir_all(out.parent().context("artifact directory")?)?;
        std::fs::copy(&part, &out).with_context(|| format!("writing {}", out.display()))?;
        let (size, _) = compiled::fingerprint(&sources);
        eprintln!(
            "{path}: {} bytes ({} tokens, {} entries and places; sources {size} bytes)",
            bytes.len(),
            m.size().0,
            m.size().1
        );
    }
    Ok(())
}
