//! JSON text with every object's keys in sorted order, written straight from a
//! [`Serialize`] value.
//!
//! The stored analysis JSON has always been `serde_json::to_value(..).to_string()`, whose
//! objects are `BTreeMap`s: keys in byte order, floats widened to `f64`. Building that
//! tree cost an allocation per key and value (a third of the writer's own work); this
//! writer produces the same bytes in one pass. A struct's fields are written as they come;
//! an object whose keys arrive out of order is reordered in place at its end. Scalars and
//! strings go through `serde_json` itself, so numbers and escapes are its own.

use serde::ser::{self, Serialize};
use std::borrow::Cow;
use std::fmt;

/// `value` as `serde_json::to_value(value)` would print, except that a top-level `text`
/// field is written as `""` when `blank_text` (the stored analysis keeps the text apart).
pub(crate) fn to_string<T: Serialize + ?Sized>(
    value: &T,
    blank_text: bool,
) -> Result<String, Error> {
    let mut w = Writer {
        out: Vec::with_capacity(4096),
        scratch: Vec::new(),
        depth: 0,
        blank_text,
    };
    value.serialize(&mut w)?;
    // every byte came from `str`s or from serde_json's own output
    String::from_utf8(w.out).map_err(|e| Error(e.to_string()))
}

#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

struct Writer {
    out: Vec<u8>,
    /// Reused by every object that must reorder its entries.
    scratch: Vec<u8>,
    /// Objects open around the value being written.
    depth: usize,
    blank_text: bool,
}

impl Writer {
    fn json<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        serde_json::to_writer(&mut self.out, v).map_err(|e| Error(e.to_string()))
    }
}

/// An open array: `[` written, elements separated by commas.
struct Seq<'a> {
    w: &'a mut Writer,
    first: bool,
    /// Extra bytes to close after `]` (`}` of a tuple variant).
    close: &'static [u8],
}

/// An open object: `{` written at `start`; each entry `"key":value` recorded as a byte range.
struct Obj<'a> {
    w: &'a mut Writer,
    start: usize,
    entries: Vec<(Cow<'static, str>, usize, usize)>,
    /// The next map value's key (between `serialize_key` and `serialize_value`).
    key: Option<String>,
    /// Extra bytes to close after `}` (the outer `}` of a struct variant).
    close: &'static [u8],
    /// Levels of nesting this object adds (2 inside a struct variant's wrapper).
    levels: usize,
}

impl<'a> Obj<'a> {
    /// `len`: the number of entries when known (a struct's fields), to size the list once.
    fn open(w: &'a mut Writer, close: &'static [u8], levels: usize, len: usize) -> Obj<'a> {
        w.out.push(b'{');
        w.depth += levels;
        let start = w.out.len();
        Obj {
            w,
            start,
            entries: Vec::with_capacity(len),
            key: None,
            close,
            levels,
        }
    }

    fn entry<T: Serialize + ?Sized>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Error> {
        if !self.entries.is_empty() {
            self.w.out.push(b',');
        }
        let at = self.w.out.len();
        self.w.json(key.as_ref())?;
        self.w.out.push(b':');
        if self.w.blank_text && self.w.depth == 1 && key == "text" {
            self.w.out.extend_from_slice(b"\"\"");
        } else {
            value.serialize(&mut *self.w)?;
        }
        self.entries.push((key, at, self.w.out.len()));
        Ok(())
    }

    fn close(self) -> Result<(), Error> {
        let Obj {
            w,
            start,
            mut entries,
            close,
            levels,
            ..
        } = self;
        w.depth -= levels;
        if !entries.windows(2).all(|p| p[0].0 <= p[1].0) {
            // a map keeps the last value of a key, as a `BTreeMap` insert does
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            entries.dedup_by(|later, earlier| {
                if later.0 == earlier.0 {
                    std::mem::swap(later, earlier);
                    true
                } else {
                    false
                }
            });
            let mut scratch = std::mem::take(&mut w.scratch);
            scratch.clear();
            scratch.extend_from_slice(&w.out[start..]);
            w.out.truncate(start);
            for (k, (_, s, e)) in entries.iter().enumerate() {
                if k > 0 {
                    w.out.push(b',');
                }
                w.out.extend_from_slice(&scratch[s - start..e - start]);
            }
            w.scratch = scratch;
        }
        w.out.push(b'}');
        w.out.extend_from_slice(close);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Obj<'a>;
    type SerializeStruct = Obj<'a>;
    type SerializeStructVariant = Obj<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // a `Value` widens to f64 and prints that (`0.8999999761581421`, not `0.9`)
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        // serde_json prints a non-finite float as `null`, as `Value` stores it
        self.json(&v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.json(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.json(v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.json(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        let mut o = Obj::open(self, b"", 1, 1);
        o.entry(Cow::Borrowed(variant), v)?;
        o.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        self.out.push(b'[');
        self.depth += 1;
        Ok(Seq {
            w: self,
            first: true,
            close: b"",
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Error> {
        self.out.push(b'{');
        self.json(variant)?;
        self.out.extend_from_slice(b":[");
        self.depth += 1;
        Ok(Seq {
            w: self,
            first: true,
            close: b"}",
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Obj<'a>, Error> {
        Ok(Obj::open(self, b"", 1, len.unwrap_or(0)))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Obj<'a>, Error> {
        Ok(Obj::open(self, b"", 1, len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Obj<'a>, Error> {
        // `{"variant":{…}}`: the inner object is not the top level
        self.out.push(b'{');
        self.json(variant)?;
        self.out.push(b':');
        Ok(Obj::open(self, b"}", 2, len))
    }
}

impl Seq<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
        v.serialize(&mut *self.w)
    }
    fn finish(self) -> Result<(), Error> {
        self.w.depth -= 1;
        self.w.out.push(b']');
        self.w.out.extend_from_slice(self.close);
        Ok(())
    }
}

// A sequence, tuple, tuple struct and tuple variant are all written as a JSON array.
macro_rules! seq_impl {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for Seq<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
                self.element(v)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    };
}

seq_impl!(SerializeSeq, serialize_element);
seq_impl!(SerializeTuple, serialize_element);
seq_impl!(SerializeTupleStruct, serialize_field);
seq_impl!(SerializeTupleVariant, serialize_field);

impl ser::SerializeMap for Obj<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // the keys a `Value` map accepts: strings, and numbers and chars as their text
        let text = serde_json::to_value(key).map_err(|e| Error(e.to_string()))?;
        self.key = Some(match text {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => return Err(Error("a map key must be a string or a number".into())),
        });
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a map value without its key".into()))?;
        self.entry(Cow::Owned(key), v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Obj<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.entry(Cow::Borrowed(key), v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Obj<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.entry(Cow::Borrowed(key), v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::HashMap;

    fn via_value<T: Serialize>(v: &T) -> String {
        serde_json::to_value(v).unwrap().to_string()
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(i32, String),
        Struct { zeta: f32, alpha: Option<bool> },
    }

    #[derive(Serialize)]
    struct Inner {
        z: f32,
        #[serde(rename = "type")]
        kind: &'static str,
        a: Vec<E>,
    }

    #[derive(Serialize)]
    struct Outer {
        text: String,
        b: Inner,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        map: HashMap<String, Vec<f64>>,
        nums: HashMap<u16, char>,
        a: (u64, i64, f64, f64),
        c: Option<Inner>,
    }

    fn sample() -> Outer {
        Outer {
            text: "dropped \"text\"".into(),
            b: Inner {
                z: 0.9,
                kind: "ä\n\u{1}\\/",
                a: vec![
                    E::Unit,
                    E::New(7),
                    E::Tuple(-3, "x".into()),
                    E::Struct {
                        zeta: f32::NAN,
                        alpha: Some(true),
                    },
                ],
            },
            skipped: None,
            map: [
                ("zz", vec![1.0, 2.5]),
                ("Ab", vec![]),
                ("ab", vec![f64::INFINITY]),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
            nums: [(10, 'x'), (9, 'y'), (100, '"')].into_iter().collect(),
            a: (u64::MAX, i64::MIN, 1e300, -0.0),
            c: None,
        }
    }

    #[test]
    fn writes_what_a_value_prints() {
        let s = sample();
        assert_eq!(to_string(&s, false).unwrap(), via_value(&s));
        assert_eq!(to_string(&s.b, false).unwrap(), via_value(&s.b));
        assert_eq!(to_string(&[1u8, 2], false).unwrap(), "[1,2]");
    }

    #[test]
    fn blanks_only_the_top_level_text() {
        let s = sample();
        let mut v = serde_json::to_value(&s).unwrap();
        v["text"] = serde_json::Value::String(String::new());
        let got = to_string(&s, true).unwrap();
        assert_eq!(got, v.to_string());
        assert!(got.contains("\"text\":\"\""));
    }
}
