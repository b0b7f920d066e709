/// Size limits on input. Every reader enforces them, so that no input, however large or
/// deeply nested, can exhaust memory or the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest document text, in bytes (after decoding and HTML extraction, and for files
    /// before). Capped at `u32::MAX` because spans are 32-bit.
    pub max_document_bytes: usize,
    /// Longest JSON Lines line, in bytes.
    pub max_line_bytes: usize,
    /// Deepest HTML element nesting that is kept; tags nested deeper are dropped (their
    /// text is kept), which is what browsers do in spirit and keeps every tree walk bounded.
    pub max_html_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 64 << 20,
            max_line_bytes: 128 << 20,
            max_html_depth: 512,
        }
    }
}

impl Limits {
    /// The document limit, capped so that every offset fits a 32-bit span.
    pub fn document_bytes(&self) -> usize {
        self.max_document_bytes.min(u32::MAX as usize)
    }
}
