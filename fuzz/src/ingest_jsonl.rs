//! JSON Lines: `read_line_limited` over a small buffered reader with a small limit, checked
//! against a simple model of line splitting, and `parse_record` on every line it returns
//! (and on the whole input).
//!
//! Input layout: byte 0 = line limit (0..=63), byte 1 = reader buffer capacity (1..=16),
//! the rest is the stream.

use sitrep_core::{Document, Limits};
use sitrep_ingest::jsonl::{parse_record, read_line_limited, Line};
use std::io::{BufReader, Cursor};

/// What `read_line_limited` must return for `data`: one item per `\n`-terminated line plus a
/// final unterminated one; `\n` and a `\r` before it removed; longer than `limit`: too long.
fn model(data: &[u8], limit: usize) -> Vec<Option<&[u8]>> {
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => {
                let l = &rest[..i];
                (l.strip_suffix(b"\r").unwrap_or(l), &rest[i + 1..])
            }
            None => (rest, &rest[rest.len()..]),
        };
        out.push((line.len() <= limit).then_some(line));
        rest = next;
    }
    out
}

fn check_doc(doc: &Document, line: &str) {
    assert!(!doc.id.trim().is_empty(), "blank id from {line:?}");
    for f in [&doc.title, &doc.url, &doc.outlet].into_iter().flatten() {
        assert!(!f.trim().is_empty(), "blank metadata kept from {line:?}");
    }
}

/// Checks one fuzz input.
pub fn check(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    let limit = usize::from(data[0] % 64);
    let capacity = usize::from(data[1] % 16) + 1;
    let stream = &data[2..];

    let limits = Limits::default();
    let small = Limits {
        max_document_bytes: 16,
        ..Limits::default()
    };
    let mut reader = BufReader::with_capacity(capacity, Cursor::new(stream));
    let mut buf = Vec::new();
    let mut got: Vec<Option<Vec<u8>>> = Vec::new();
    loop {
        match read_line_limited(&mut reader, &mut buf, limit).expect("a cursor does not fail") {
            Line::Eof => break,
            Line::TooLong => got.push(None),
            Line::Ok => {
                assert!(
                    buf.len() <= limit,
                    "line of {} bytes over the limit {limit}",
                    buf.len()
                );
                got.push(Some(buf.clone()));
                if let Ok(line) = std::str::from_utf8(&buf) {
                    if let Ok(doc) = parse_record(line, "f:1", &limits) {
                        check_doc(&doc, line);
                    }
                }
            }
        }
    }
    let want: Vec<Option<Vec<u8>>> = model(stream, limit)
        .into_iter()
        .map(|l| l.map(<[u8]>::to_vec))
        .collect();
    assert_eq!(got, want, "limit {limit}, capacity {capacity}");

    if let Ok(line) = std::str::from_utf8(stream) {
        if let Ok(doc) = parse_record(line, "f:1", &limits) {
            check_doc(&doc, line);
        }
        match parse_record(line, "f:1", &small) {
            Ok(doc) => assert!(doc.text.len() <= 16, "text over the document limit"),
            Err(_) => {}
        }
    }
}
