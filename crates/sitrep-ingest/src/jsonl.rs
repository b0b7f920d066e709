//! JSON Lines: one document per line.

use serde::Deserialize;
use sitrep_core::{Date, Document, Language};
use sitrep_core::{Limits, Problem};
use std::io::{self, BufRead};

/// The fields sitrep reads from a JSON Lines record; other fields are ignored.
#[derive(Deserialize)]
struct Record {
    text: Option<String>,
    id: Option<serde_json::Value>,
    language: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
}

/// Parses one JSON Lines record. `fallback_id` (`FILE:LINE`) names a record without `id`.
pub fn parse_record(line: &str, fallback_id: &str, limits: &Limits) -> Result<Document, Problem> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| Problem::Json(e.to_string()))?;
    if !value.is_object() {
        return Err(Problem::Json(format!(
            "expected an object, found {}",
            json_kind(&value)
        )));
    }
    let r: Record = serde_json::from_value(value).map_err(|e| Problem::Json(e.to_string()))?;
    let text = r.text.ok_or(Problem::Field {
        field: "text",
        reason: "missing".into(),
    })?;
    if text.len() > limits.document_bytes() {
        return Err(Problem::TooLarge {
            size: text.len() as u64,
            limit: limits.document_bytes() as u64,
        });
    }
    let id = match r.id {
        None | Some(serde_json::Value::Null) => fallback_id.to_string(),
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(Problem::Field {
                field: "id",
                reason: format!(
                    "expected a non-empty string or a number, found {}",
                    json_kind(&other)
                ),
            })
        }
    };
    let language = match r.language.as_deref().map(str::trim) {
        None | Some("" | "auto" | "und") => None,
        Some(code) => Some(code.parse::<Language>()?),
    };
    let published = match r.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(Date::parse_published(s).map_err(|e| Problem::Field {
            field: "published",
            reason: e.to_string(),
        })?),
    };
    let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    Ok(Document {
        id,
        text,
        language,
        published,
        title: nonempty(r.title),
        url: nonempty(r.url),
        outlet: nonempty(r.outlet),
    })
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// One line read under a length limit.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A complete line is in the buffer (without its `\n` / `\r\n`).
    Ok,
    /// The line was longer than the limit; it was consumed and discarded.
    TooLong,
    Eof,
}

/// Reads one line into `buf` (cleared first), never holding more than `limit` bytes of it,
/// so that one enormous line cannot exhaust memory.
pub fn read_line_limited<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut too_long = false;
    let mut read_any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        read_any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > limit + 2 {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        r.consume(take);
        if done {
            break;
        }
    }
    if !read_any {
        return Ok(Line::Eof);
    }
    if too_long {
        return Ok(Line::TooLong);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    if buf.len() > limit {
        buf.clear();
        return Ok(Line::TooLong);
    }
    Ok(Line::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Document, Problem> {
        parse_record(line, "f.jsonl:7", &Limits::default())
    }

    #[test]
    fn full_record() {
        let d = parse(r#"{"id":"a1","text":"Hallo","language":"de","published":"2022-02-02T08:00:00+01:00","title":"T","url":"https://x","outlet":"ORF","label":"ignored"}"#).unwrap();
        assert_eq!(d.id, "a1");
        assert_eq!(d.language, Some(Language::De));
        assert_eq!(d.published.unwrap().to_string(), "2022-02-02");
        assert_eq!(d.outlet.as_deref(), Some("ORF"));
    }

    #[test]
    fn missing_id_becomes_file_and_line() {
        assert_eq!(parse(r#"{"text":"x"}"#).unwrap().id, "f.jsonl:7");
        assert_eq!(parse(r#"{"text":"x","id":17}"#).unwrap().id, "17");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let cases = [
            (r#"{"text": "x""#, "invalid JSON"),
            (r#"[1,2]"#, "expected an object, found an array"),
            (r#"{"id":"a"}"#, "\"text\": missing"),
            (r#"{"text":5}"#, "invalid type"),
            (
                r#"{"text":"x","language":"fi"}"#,
                "unsupported language: fi (Finnish)",
            ),
            (r#"{"text":"x","published":"yesterday"}"#, "\"published\""),
            (r#"{"text":"x","id":{"a":1}}"#, "\"id\""),
        ];
        for (line, want) in cases {
            let e = parse(line).unwrap_err().to_string();
            assert!(e.contains(want), "{line}: {e}");
        }
    }

    #[test]
    fn too_large_text() {
        let limits = Limits {
            max_document_bytes: 4,
            ..Limits::default()
        };
        let e = parse_record(r#"{"text":"hello"}"#, "x", &limits).unwrap_err();
        assert!(matches!(e, Problem::TooLarge { size: 5, limit: 4 }));
    }

    #[test]
    fn limited_lines() {
        let data = b"short\r\nthis line is far too long\nok\nlast";
        let mut r = io::BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        loop {
            match read_line_limited(&mut r, &mut buf, 8).unwrap() {
                Line::Eof => break,
                Line::TooLong => got.push("<too long>".to_string()),
                Line::Ok => got.push(String::from_utf8(buf.clone()).unwrap()),
            }
        }
        assert_eq!(got, ["short", "<too long>", "ok", "last"]);
    }
}
