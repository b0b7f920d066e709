//! Query parameters: the filters of `sitrep query` (same names, same meaning), paging and
//! limits. An unknown, repeated or malformed parameter is a 400 naming it.

use crate::ApiError;
use sitrep_core::Date;
use sitrep_store::{EventKey, Filter};

/// The filter parameters every read of events takes.
pub const FILTER_PARAMS: &[&str] = &sitrep_store::FILTER_NAMES;

/// Parsed query parameters of one request.
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Checks the names against `FILTER_PARAMS` (when `filters`) and `extra`.
    pub fn new(
        pairs: Vec<(String, String)>,
        filters: bool,
        extra: &[&str],
    ) -> Result<Params, ApiError> {
        let mut seen: Vec<&str> = Vec::new();
        for (k, _) in &pairs {
            let known =
                (filters && FILTER_PARAMS.contains(&k.as_str())) || extra.contains(&k.as_str());
            if !known {
                let mut allowed: Vec<&str> = extra.to_vec();
                if filters {
                    allowed.extend_from_slice(FILTER_PARAMS);
                }
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {:?} (this endpoint takes: {})",
                    clip(k),
                    if allowed.is_empty() {
                        "none".to_string()
                    } else {
                        allowed.join(", ")
                    }
                )));
            }
            if pairs
                .iter()
                .any(|(n, v)| n == k && v.chars().any(char::is_control))
            {
                // a NUL would cut a SQL pattern short in SQLite and is refused by PostgreSQL
                return Err(ApiError::bad_request(format!(
                    "parameter {k:?}: contains a control character"
                )));
            }
            if seen.contains(&k.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "parameter {k:?} given twice"
                )));
            }
            seen.push(k);
        }
        Ok(Params(pairs))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A whole number in `1..=max`, `default` when absent.
    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::bad_request(format!(
                    "parameter {name:?}: expected a whole number from 1 to {max}, got {:?}",
                    clip(v)
                ))),
            },
        }
    }

    /// The filter of `sitrep query --actor … --text …` (see `sitrep query --help`).
    pub fn filter(&self) -> Result<Filter, ApiError> {
        Filter::parse(|name| self.get(name))
            .map_err(|e| ApiError::bad_request(format!("parameter {:?}: {}", e.name, e.message)))
    }

    /// The position after which a page starts (`cursor`, as a previous page gave it).
    pub fn cursor(&self) -> Result<Option<EventKey>, ApiError> {
        self.get("cursor").map(decode_cursor).transpose()
    }
}

/// A value as quoted in an error message: at most 80 characters.
pub fn clip(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The cursor of the page after `key`: opaque to clients (`c1` and hex), so that its
/// form can change with a new prefix.
pub fn encode_cursor(key: &EventKey) -> String {
    let plain = format!("{}:{}", key.row, key.day.as_deref().unwrap_or(""));
    let mut out = String::from("c1");
    for b in plain.bytes() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

pub fn decode_cursor(s: &str) -> Result<EventKey, ApiError> {
    let bad = || {
        ApiError::bad_request(format!(
            "parameter \"cursor\": {:?} is not a cursor this server gave (use next_cursor of the previous page)",
            clip(s)
        ))
    };
    let hex = s.strip_prefix("c1").ok_or_else(bad)?;
    if hex.len() % 2 != 0 || hex.len() > 200 {
        return Err(bad());
    }
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2).ok_or_else(bad)?, 16).map_err(|_| bad()))
        .collect::<Result<Vec<u8>, _>>()?;
    let plain = String::from_utf8(bytes).map_err(|_| bad())?;
    let (row, day) = plain.split_once(':').ok_or_else(bad)?;
    let row: i64 = row.parse().map_err(|_| bad())?;
    let day = match day {
        "" => None,
        d => {
            // a day as the store files it: YYYY-MM-DD
            d.parse::<Date>().map_err(|_| bad())?;
            Some(d.to_string())
        }
    };
    Ok(EventKey { day, row })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::EventType;

    #[test]
    fn cursors_round_trip_and_foreign_ones_are_refused() {
        for key in [
            EventKey { day: None, row: 7 },
            EventKey {
                day: Some("2024-03-04".into()),
                row: 123456,
            },
        ] {
            assert_eq!(decode_cursor(&encode_cursor(&key)).unwrap(), key);
        }
        for bad in ["", "c1", "c1zz", "abc", "c1' OR 1=1 --", "c13a", "c1%2e%2e"] {
            let e = decode_cursor(bad).unwrap_err();
            assert_eq!(e.status.as_u16(), 400, "{bad}");
            assert!(e.message.contains("cursor"), "{}", e.message);
        }
    }

    #[test]
    fn unknown_and_repeated_parameters_are_named() {
        let p = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let e = Params::new(p(&[("actr", "RUS")]), true, &["limit"])
            .err()
            .unwrap();
        assert!(
            e.message.contains("\"actr\"") && e.message.contains("actor"),
            "{}",
            e.message
        );
        let e = Params::new(p(&[("type", "AID"), ("type", "AID")]), true, &[])
            .err()
            .unwrap();
        assert!(e.message.contains("twice"), "{}", e.message);
        let ok = Params::new(p(&[("type", "agree"), ("text", "a  b")]), true, &[]).unwrap();
        let f = ok.filter().unwrap();
        assert_eq!(f.event_type, Some(EventType::Agree));
        assert_eq!(f.text, vec!["a", "b"]);
        let bad = Params::new(p(&[("since", "yesterday")]), true, &[]).unwrap();
        assert!(bad.filter().err().unwrap().message.contains("\"since\""));
    }
}
