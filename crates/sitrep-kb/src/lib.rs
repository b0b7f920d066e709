//! The knowledge base: what sitrep knows about the world, as reviewable text.
//!
//! Every source file lives in `data/kb/` (TSV with a header naming its source and licence)
//! and is embedded with `include_str!`; each module's `load()` parses and checks its files
//! (a malformed row is an error naming file and line; the tests load every file, so a
//! broken row never reaches a run). [`matcher::Matcher`] compiles all forms of one language
//! into a token trie for the entity stage; [`compiled`] stores that trie as a committed
//! artifact per language, loaded at start-up instead of compiling the forms again.
//!
//! * [`states`]: ISO 3166-1 states and territories: names, genitives, adjectives (all
//!   German inflections are generated from the stem), demonyms, capitals, seats of power.
//! * [`orgs`]: international organisations, blocs and transnational armed groups.
//! * [`sectors`]: words that signal an actor's sector (`Regierung` → GOV).
//! * [`people`]: office holders with dates.
//! * [`media`]: media outlets and news agencies.
//! * [`national`]: parties, companies, clubs, institutions and universities of one state.
//! * [`places`]: populated places (GeoNames, generated), exonyms, regions and features.
//! * [`names`]: given names (generated), which start a person's name.
//! * [`stats`]: the coverage report of `sitrep kb stats`.
//! * [`matcher`]: every surface form compiled for matching over tokens, with sector words.
//! * [`compiled`]: the compiled matcher as a binary artifact (`cargo xtask kb-matcher`).

mod bytetrie;
pub mod compiled;
pub mod matcher;
pub mod media;
pub mod names;
pub mod national;
pub mod orgs;
pub mod people;
pub mod places;
pub mod sectors;
pub mod states;
pub mod stats;
mod tokentrie;
mod tsv;

pub use tsv::{KbError, Row, Table};
