use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian), serialised as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i16,
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {input:?}: {reason} (expected YYYY-MM-DD or an RFC 3339 timestamp)")]
pub struct DateError {
    input: String,
    reason: &'static str,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: year as i16,
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn year(self) -> i32 {
        self.year as i32
    }
    pub fn month(self) -> u32 {
        self.month as u32
    }
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Parses `YYYY-MM-DD`, or an RFC 3339 timestamp (`2022-02-02T10:15:00+01:00`), whose
    /// date part is kept as written: that is the publisher's local calendar day, the one
    /// that words like "heute" or "yesterday" refer to.
    pub fn parse_published(s: &str) -> Result<Date, DateError> {
        let err = |reason| DateError {
            input: s.to_string(),
            reason,
        };
        let t = s.trim();
        let b = t.as_bytes();
        if b.len() < 10 {
            return Err(err("too short"));
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = t.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        if b[4] != b'-' || b[7] != b'-' {
            return Err(err("not in YYYY-MM-DD form"));
        }
        let (y, m, d) = match (digits(0..4), digits(5..7), digits(8..10)) {
            (Some(y), Some(m), Some(d)) => (y, m, d),
            _ => return Err(err("not in YYYY-MM-DD form")),
        };
        let date = Date::new(y as i32, m, d).ok_or_else(|| err("no such day"))?;
        if b.len() > 10 {
            validate_rfc3339_time(&t[10..]).map_err(err)?;
        }
        Ok(date)
    }
}

fn validate_rfc3339_time(rest: &str) -> Result<(), &'static str> {
    // `T`/`t`/space, HH:MM:SS, optional fraction, then `Z` or ±HH:MM.
    let b = rest.as_bytes();
    if !matches!(b.first(), Some(b'T' | b't' | b' ')) {
        return Err("unexpected text after the date");
    }
    let two = |i: usize, max: u8| -> bool {
        b.len() >= i + 2
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && (b[i] - b'0') * 10 + (b[i + 1] - b'0') <= max
    };
    if !(two(1, 23)
        && b.get(3) == Some(&b':')
        && two(4, 59)
        && b.get(6) == Some(&b':')
        && two(7, 60))
    {
        return Err("bad time of day");
    }
    let mut i = 9;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let s = i;
        while b.get(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i == s {
            return Err("bad fraction of a second");
        }
    }
    match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => Ok(()),
        Some(b'+' | b'-')
            if b.len() == i + 6 && two(i + 1, 23) && b[i + 3] == b':' && two(i + 4, 59) =>
        {
            Ok(())
        }
        _ => Err("bad time zone offset"),
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse_published(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_published(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_dates_and_timestamps() {
        let d = Date::parse_published("2022-02-02").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2022, 2, 2));
        for ok in [
            "2022-02-02T10:15:00Z",
            "2022-02-02T23:59:60.123+01:00",
            "2024-02-29 08:00:00-05:00",
        ] {
            assert!(Date::parse_published(ok).is_ok(), "{ok}");
        }
        // The publisher's local day is kept, whatever the offset.
        assert_eq!(
            Date::parse_published("2022-02-02T23:30:00-08:00")
                .unwrap()
                .to_string(),
            "2022-02-02"
        );
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "",
            "2022",
            "2022-13-01",
            "2023-02-29",
            "2022-02-02T25:00:00Z",
            "02.02.2022",
            "2022-02-02T10:15:00",
            "2022-02-02junk",
            "२०२२-02-02",
        ] {
            let e = Date::parse_published(bad);
            assert!(e.is_err(), "{bad} accepted");
        }
        let msg = Date::parse_published("2022-02-30").unwrap_err().to_string();
        assert!(
            msg.contains("2022-02-30") && msg.contains("no such day"),
            "{msg}"
        );
    }

    #[test]
    fn serde_round_trip() {
        let d: Date = serde_json::from_str("\"2016-05-31\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2016-05-31\"");
    }
}
