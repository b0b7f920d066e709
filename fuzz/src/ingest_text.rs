//! Plain-text decoding: never panics, and nothing is silently lost. Without a warning the
//! text is the input (minus a UTF-8 BOM) unless it was UTF-16; a Windows-1252 fallback maps
//! every byte to exactly one character.

use sitrep_ingest::decode_text;

/// Checks one fuzz input.
pub fn check(data: &[u8]) {
    let Ok(d) = decode_text(data) else { return };
    let utf16 = data.starts_with(b"\xFF\xFE") || data.starts_with(b"\xFE\xFF");
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    match &d.warning {
        None if !utf16 => assert_eq!(d.text.as_bytes(), body, "clean UTF-8 changed"),
        Some(w) if w.contains("Windows-1252") => {
            assert!(!utf16);
            assert_eq!(
                d.text.chars().count(),
                body.len(),
                "Windows-1252 is one char per byte"
            );
        }
        _ => {}
    }
}
