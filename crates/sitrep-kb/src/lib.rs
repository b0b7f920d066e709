//! The knowledge base: what sitrep knows about the world, as reviewable text.
//!
//! Every source file lives in `data/kb/` (TSV with a header naming its source and licence)
//! and is embedded with `include_str!`; each module's `load()` parses and checks its files
//! (a malformed row is an error naming file and line; the tests load every file, so a
//! broken row never reaches a run). [`matcher::Matcher`] compiles all forms of one language
//! into a token trie for the entity stage.
//!
//! * [`states`]: ISO 3166-1 states and territories: names, genitives, adjectives (all
//!   German inflections are generated from the stem), demonyms, capitals, seats of power.
//! * [`orgs`]: international organisations, blocs and transnational armed groups.
//! * [`sectors`]: words that signal an actor's sector (`Regierung` → GOV).
//! * [`people`]: office holders with dates.
//! * [`media`]: media outlets and news agencies.
//! * [`matcher`]: every surface form compiled for matching over tokens, with sector words.

pub mod matcher;
pub mod media;
pub mod orgs;
pub mod people;
pub mod sectors;
pub mod states;
mod tsv;

pub use tsv::{KbError, Row, Table};
