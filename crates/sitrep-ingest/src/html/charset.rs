//! Bytes → text for HTML: a BOM, else the charset a `<meta>` tag declares near the start
//! (the HTML "prescan"), else UTF-8 with a Windows-1252 fallback.

use crate::sniff_binary;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use sitrep_core::Problem;
use std::borrow::Cow;

/// How far the prescan looks for a `<meta>` charset. The spec says 1024 bytes; real pages
/// often put a long comment or many `<link>` tags first, so we look further.
const PRESCAN_BYTES: usize = 4096;

/// Decodes a page.
///
/// * A BOM wins (UTF-8, UTF-16LE/BE).
/// * Input that looks binary is rejected with [`Problem::NotText`].
/// * A declared legacy charset is used, except when the bytes are valid UTF-8 with non-ASCII
///   in them: such pages were saved as UTF-8 under an old template's declaration, and a
///   Latin-1 page is practically never valid UTF-8 by accident.
/// * Without a declaration, valid UTF-8 is UTF-8 and anything else Windows-1252 (the usual
///   legacy charset of German and English pages, and total: every byte maps to a char).
/// * Declared UTF-8 with invalid bytes is decoded with U+FFFD, as browsers do.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Problem> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(enc.decode_without_bom_handling(&bytes[bom_len..]).0);
    }
    sniff_binary(bytes)?;
    let declared = prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]);
    let utf8 = std::str::from_utf8(bytes).ok();
    match (declared, utf8) {
        (_, Some(s)) if declared.is_none_or(|e| e == UTF_8 || !s.is_ascii()) => {
            Ok(Cow::Borrowed(s))
        }
        (Some(enc), _) => Ok(enc.decode_without_bom_handling(bytes).0),
        (None, _) => Ok(WINDOWS_1252.decode_without_bom_handling(bytes).0),
    }
}

/// The encoding declared by the first `<meta charset>` or `<meta http-equiv=content-type>`
/// in `head`, skipping comments and other tags as the HTML spec's prescan does.
pub fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &head[i..]) {
        i += off;
        let rest = &head[i..];
        if rest.starts_with(b"<!--") {
            let end = memchr::memmem::find(&rest[4..], b"-->")?;
            i += 4 + end + 3;
            continue;
        }
        if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            let (attrs, next) = attributes(head, i + 5);
            i = next;
            if let Some(enc) = meta_charset(&attrs) {
                return Some(enc);
            }
            continue;
        }
        // Any other tag, end tag, `<!...>` or `<?...>`: skip its attributes, then go on.
        if rest.get(1).is_some_and(|b| b.is_ascii_alphabetic()) {
            let name_end = rest
                .iter()
                .position(|&b| is_space(b) || b == b'>')
                .unwrap_or(rest.len());
            i = attributes(head, i + name_end).1;
        } else {
            i += memchr::memchr(b'>', rest).map_or(rest.len(), |p| p + 1);
        }
    }
    None
}

fn meta_charset(attrs: &[Attr]) -> Option<&'static Encoding> {
    let get = |n: &[u8]| {
        attrs
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_slice())
    };
    let label = match get(b"charset") {
        Some(c) => c.to_vec(),
        None => {
            let equiv = get(b"http-equiv")?;
            if !equiv.eq_ignore_ascii_case(b"content-type") {
                return None;
            }
            charset_from_content(get(b"content")?)?
        }
    };
    let enc = Encoding::for_label(trim(&label))?;
    // The spec's corrections: a meta tag cannot really declare UTF-16 (the prescan read it
    // as ASCII), and x-user-defined means Windows-1252.
    Some(match enc.name() {
        "UTF-16LE" | "UTF-16BE" => UTF_8,
        "x-user-defined" => WINDOWS_1252,
        _ => enc,
    })
}

/// An attribute's lower-cased name and raw value.
type Attr = (Vec<u8>, Vec<u8>);

/// `text/html; charset=iso-8859-1` → `iso-8859-1`.
fn charset_from_content(content: &[u8]) -> Option<Vec<u8>> {
    let lower = content.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset")?;
    let rest = trim_start(&content[at + 7..]);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let value = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => rest[1..].split(|&b| b == q).next()?,
        _ => rest.split(|&b| b == b';' || is_space(b)).next()?,
    };
    (!value.is_empty()).then(|| value.to_vec())
}

/// Reads the attributes of a tag from `i` (after its name) to its `>`; returns them
/// (names lower-cased) and the position after the tag.
fn attributes(s: &[u8], mut i: usize) -> (Vec<Attr>, usize) {
    let mut attrs = Vec::new();
    loop {
        while i < s.len() && (is_space(s[i]) || s[i] == b'/') {
            i += 1;
        }
        if i >= s.len() {
            return (attrs, i);
        }
        if s[i] == b'>' {
            return (attrs, i + 1);
        }
        let start = i;
        while i < s.len() && !is_space(s[i]) && !matches!(s[i], b'=' | b'>' | b'/')
            || i == start && i < s.len()
        {
            i += 1;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
        let mut value = Vec::new();
        if s.get(i) == Some(&b'=') {
            i += 1;
            while i < s.len() && is_space(s[i]) {
                i += 1;
            }
            match s.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(q, &s[i + 1..]).map_or(s.len(), |p| i + 1 + p);
                    value = s[i + 1..end].to_vec();
                    i = (end + 1).min(s.len());
                }
                _ => {
                    let start = i;
                    while i < s.len() && !is_space(s[i]) && s[i] != b'>' {
                        i += 1;
                    }
                    value = s[start..i].to_vec();
                }
            }
        }
        attrs.push((name, value));
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&b| is_space(b)).count();
    &s[n..]
}

fn trim(s: &[u8]) -> &[u8] {
    let s = trim_start(s);
    let n = s.iter().rev().take_while(|&&b| is_space(b)).count();
    &s[..s.len() - n]
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prescan_finds_declarations() {
        let cases: &[(&str, Option<&str>)] = &[
            (r#"<meta charset="iso-8859-1">"#, Some("windows-1252")),
            ("<META CHARSET=utf-8>", Some("UTF-8")),
            (
                r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">"#,
                Some("ISO-8859-15"),
            ),
            (
                r#"<meta content='text/html;charset="windows-1252"' http-equiv=content-type>"#,
                Some("windows-1252"),
            ),
            (
                r#"<!-- <meta charset="koi8-r"> --><meta charset="latin1">"#,
                Some("windows-1252"),
            ),
            (r#"<meta charset="utf-16">"#, Some("UTF-8")),
            (
                r#"<title>x</title><meta name="viewport" content="charset=big5">"#,
                None,
            ),
            (r#"<link href="a>b"><meta charset="bogus">"#, None),
            ("<p>no meta</p>", None),
            (r#"<div data-x="<meta charset=koi8-r>">"#, None),
        ];
        for (html, want) in cases {
            assert_eq!(prescan(html.as_bytes()).map(|e| e.name()), *want, "{html}");
        }
    }

    #[test]
    fn decoding_follows_bom_declaration_and_fallback() {
        let cases: &[(&[u8], &str)] = &[
            (
                b"<meta charset=iso-8859-1>Gr\xFC\xDFe",
                "<meta charset=iso-8859-1>Grüße",
            ),
            (b"Gr\xFC\xDFe", "Grüße"),
            (
                "<meta charset=iso-8859-1>Grüße".as_bytes(),
                "<meta charset=iso-8859-1>Grüße",
            ),
            (b"\xEF\xBB\xBF<p>\xC3\xA4", "<p>ä"),
            (b"<meta charset=utf-8>\xFC", "<meta charset=utf-8>\u{FFFD}"),
        ];
        for (bytes, want) in cases {
            assert_eq!(decode(bytes).unwrap(), *want, "{bytes:?}");
        }
        assert!(matches!(
            decode(b"<p>\x00\x01\x02</p>"),
            Err(Problem::NotText(_))
        ));
    }
}
