//! Bytes → text for plain-text input: BOMs, UTF-16, binary detection, and a
//! Windows-1252 fallback for text that is not valid UTF-8.

use sitrep_core::Problem;

/// Decoded text and, when the input was not clean UTF-8, a warning saying what was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// How far into the input binary sniffing looks.
const SNIFF_BYTES: usize = 8192;

/// Decodes a plain-text document.
///
/// * A UTF-8 BOM is removed; UTF-16 with a BOM is decoded.
/// * Input with NUL bytes or mostly control bytes in its first 8 KiB is rejected as binary.
/// * Input that is not valid UTF-8 is decoded as Windows-1252 (the usual legacy encoding of
///   German and English web text, and total: every byte maps to a character), with a
///   warning naming the first invalid byte. Nothing panics and nothing is silently lost.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, Problem> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == encoding_rs::UTF_8 {
            return decode_utf8_or_legacy(body);
        }
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        let warning =
            had_errors.then(|| format!("invalid {} sequences replaced with U+FFFD", enc.name()));
        return Ok(Decoded {
            text: text.into_owned(),
            warning,
        });
    }
    decode_utf8_or_legacy(bytes)
}

fn decode_utf8_or_legacy(bytes: &[u8]) -> Result<Decoded, Problem> {
    sniff_binary(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            warning: None,
        }),
        Err(e) => {
            // Without BOM handling: `decode` would sniff a second BOM after a stripped
            // UTF-8 one (`EF BB BF FF FE ...`) and decode the rest as UTF-16 or UTF-8,
            // dropping bytes under a warning that says Windows-1252.
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                warning: Some(format!(
                    "not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252",
                    e.valid_up_to()
                )),
            })
        }
    }
}

/// Rejects input that looks binary: a NUL byte, or more than 10% control bytes other than
/// tab, newline, carriage return and form feed, in the first [`SNIFF_BYTES`].
pub fn sniff_binary(bytes: &[u8]) -> Result<(), Problem> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(pos) = memchr::memchr(0, head) {
        return Err(Problem::NotText(format!(
            "binary data (NUL byte at offset {pos})"
        )));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c) || b == 0x7f)
        .count();
    if !head.is_empty() && controls * 10 > head.len() {
        return Err(Problem::NotText(format!(
            "binary data ({controls} control bytes in the first {} bytes)",
            head.len()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_removed() {
        assert_eq!(decode_text("Grüße".as_bytes()).unwrap().text, "Grüße");
        let d = decode_text(b"\xEF\xBB\xBFHallo").unwrap();
        assert_eq!((d.text.as_str(), d.warning), ("Hallo", None));
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Kreml".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&b).unwrap().text, "Kreml");
    }

    #[test]
    fn latin1_falls_back_with_a_warning() {
        let d = decode_text(b"Gr\xFC\xDFe aus M\xFCnchen").unwrap();
        assert_eq!(d.text, "Grüße aus München");
        assert!(d.warning.unwrap().contains("offset 2"));
    }

    #[test]
    fn binary_is_rejected() {
        let e = decode_text(b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap_err();
        assert!(matches!(e, Problem::NotText(_)), "{e}");
        let noise: Vec<u8> = (0..400u32).map(|i| (i % 9) as u8 + 1).collect();
        assert!(matches!(decode_text(&noise), Err(Problem::NotText(_))));
    }

    #[test]
    fn empty_is_empty_text() {
        assert_eq!(decode_text(b"").unwrap().text, "");
    }
}
