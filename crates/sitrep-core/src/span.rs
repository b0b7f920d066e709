use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A UTF-8 byte range into a document's `text`: `start` inclusive, `end` exclusive.
///
/// Offsets are `u32`: documents are capped well below 4 GiB by the ingest limits, and
/// halving the size of every token and span keeps the hot loops in cache.
#[derive(
    Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Builds a span from `usize` offsets.
    ///
    /// # Panics
    /// If `start > end` or an offset does not fit in `u32`; both are programming errors,
    /// since ingest rejects documents larger than `u32::MAX` bytes.
    #[inline]
    pub fn new(start: usize, end: usize) -> Self {
        assert!(start <= end, "span start {start} after end {end}");
        Span {
            start: u32::try_from(start).expect("offset exceeds u32"),
            end: u32::try_from(end).expect("offset exceeds u32"),
        }
    }

    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// If the span is not inside `text` or not on char boundaries.
    #[inline]
    pub fn text(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// The covered text, or `None` when the span does not fit `text` (no panic).
    #[inline]
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }

    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_relations() {
        let t = "Grüße aus Wien";
        let s = Span::new(0, "Grüße".len());
        assert_eq!(s.text(t), "Grüße");
        assert_eq!(s.len(), 7);
        assert!(Span::new(0, 14).contains(s));
        assert!(!Span::new(7, 10).overlaps(s));
        assert!(Span::new(5, 10).overlaps(Span::new(9, 12)));
        assert_eq!(Span::new(2, 4).cover(Span::new(8, 9)), Span::new(2, 9));
        // Not on a char boundary: `get` refuses instead of panicking.
        assert_eq!(Span::new(0, 3).get(t), None);
    }

    #[test]
    fn serialises_as_start_end() {
        let json = serde_json::to_string(&Span::new(3, 7)).unwrap();
        assert_eq!(json, r#"{"start":3,"end":7}"#);
    }
}
