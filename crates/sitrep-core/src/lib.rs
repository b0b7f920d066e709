//! The data model every sitrep stage shares.
//!
//! * [`Span`]: a UTF-8 byte range into a document's `text` (start inclusive, end exclusive).
//!   Every extracted item points back to the original bytes through one.
//! * [`Document`]: what ingest produces: text plus metadata.
//! * [`Analysis`]: what the pipeline produces; serialises to the `sitrep/1` JSON contract
//!   (see `ARCHITECTURE.md` and `../shared/DESIGN.md`).
//! * Closed label sets ([`Language`], [`Upos`], [`TokenKind`], [`EventType`], [`Modality`],
//!   [`Sector`], [`EntityKind`]): enums, never free strings, so that a typo is a compile
//!   error and every mapping can be tested for completeness.
//! * [`Problem`] and [`DocError`]: what went wrong with one document; [`Limits`]: the input
//!   limits every reader enforces.
//!
//! This crate does no I/O and has no heavy dependencies.

// Lets `label_enum!` name this crate the same way inside and outside it.
extern crate self as sitrep_core;

#[doc(hidden)]
pub use serde as __serde;

#[macro_use]
mod labels;
mod analysis;
mod date;
mod document;
mod error;
pub mod fnv;
mod language;
mod limits;
pub mod lower;
mod morph;
mod span;
mod token;

pub use analysis::{
    ActorCode, Analysis, Citation, Entity, Event, EventActor, EventDate, EventPlace, EventQuantity,
    Mention, Quote, Speaker, TokenOut, SCHEMA,
};
pub use date::{Date, DateError};
pub use document::Document;
pub use error::{DocError, Problem};
pub use labels::{EntityKind, EventType, Modality, Sector, Upos};
pub use language::{iso639_lookup, Language, LanguageError};
pub use limits::Limits;
pub use morph::{
    Case, Definite, Degree, Feats, Gender, Mood, NumType, Number, Penn, Person, Polarity, PronType,
    Stts, Tense, VerbForm, Voice, Xpos,
};
pub use span::Span;
pub use token::{is_ignorable, Segmentation, Sentence, Token, TokenKind};
