//! sitrep's text layer: everything between raw bytes and tokens.
//!
//! * [`ingest`]: plain text, JSON Lines and HTML into [`sitrep_core::Document`]s, with
//!   per-document errors ([`DocError`]) so a batch never stops at one bad input.
//! * [`langid`]: German/English identification that also names the languages it rejects.
//! * [`segment`]: sentences and tokens, following UD German GSD and UD English EWT.
//! * [`Limits`]: the size limits every reader enforces.

pub mod error;
pub mod ingest;
pub mod langid;
mod limits;
pub mod segment;

pub use error::{DocError, Problem};
pub use limits::Limits;
