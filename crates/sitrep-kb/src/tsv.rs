//! Reading the knowledge base's TSV files: `#` comment lines (the header with source and
//! licence), one header row naming the columns, then one record per line.

use std::fmt;

/// A malformed knowledge-base file: which file, which line, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct KbError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

/// A parsed TSV source: its columns and its records.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    pub file: &'static str,
    columns: Vec<&'a str>,
    records: Vec<(usize, Vec<&'a str>)>,
}

/// One record: its fields by column, and where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Row<'t, 'a> {
    pub file: &'static str,
    pub line: usize,
    columns: &'t [&'a str],
    fields: &'t [&'a str],
}

impl<'a> Table<'a> {
    /// Parses `text`; checks that no record has more fields than the header has columns.
    pub fn parse(file: &'static str, text: &'a str) -> Result<Table<'a>, KbError> {
        let mut columns = None;
        let mut records = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = tab_fields(line).collect();
            match &columns {
                None => columns = Some(fields.iter().map(|c| c.trim()).collect::<Vec<_>>()),
                Some(cols) => {
                    if fields.len() > cols.len() {
                        return Err(KbError {
                            file,
                            line: i + 1,
                            reason: format!(
                                "{} fields, but the header has {} columns",
                                fields.len(),
                                cols.len()
                            ),
                        });
                    }
                    records.push((i + 1, fields));
                }
            }
        }
        let columns = columns.ok_or(KbError {
            file,
            line: 0,
            reason: "no header row".into(),
        })?;
        Ok(Table {
            file,
            columns,
            records,
        })
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_, 'a>> {
        self.records.iter().map(|(line, fields)| Row {
            file: self.file,
            line: *line,
            columns: &self.columns,
            fields,
        })
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

impl<'a> Row<'_, 'a> {
    /// The field of `column`; empty when the column is missing or the field blank.
    pub fn get(&self, column: &str) -> &'a str {
        self.columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.fields.get(i))
            .map_or("", |f| f.trim())
    }

    /// The field of `column`, or an error naming the row when it is blank.
    pub fn require(&self, column: &str) -> Result<&'a str, KbError> {
        match self.get(column) {
            "" => Err(self.error(format!("missing {column}"))),
            v => Ok(v),
        }
    }

    /// A `|`-separated list field (empty when blank).
    pub fn list(&self, column: &str) -> Vec<&'a str> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }

    pub fn error(&self, reason: impl fmt::Display) -> KbError {
        KbError {
            file: self.file,
            line: self.line,
            reason: reason.to_string(),
        }
    }
}

/// The tab-separated fields of a line, as `line.split('\t')` gives them, by a plain
/// byte scan: `split` searches each (short) field with `memchr`, ≈ 140 instructions a
/// field, which made splitting most of the cost of loading the place registry.
pub(crate) fn tab_fields(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.bytes().position(|b| b == b'\t') {
            Some(i) => {
                rest = Some(&s[i + 1..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_header_rows_and_lists() {
        let t = Table::parse(
            "t.tsv",
            "# source: test\ncode\tnames\nRUS\tRussland|Russia\n\nUSA\t\n",
        )
        .unwrap();
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].get("code"), "RUS");
        assert_eq!(rows[0].list("names"), ["Russland", "Russia"]);
        assert_eq!(rows[1].line, 5);
        let e = rows[1].require("names").unwrap_err();
        assert_eq!(e.to_string(), "t.tsv:5: missing names");
        assert_eq!(rows[1].get("nonexistent"), "");
    }

    #[test]
    fn tab_fields_are_what_split_gives() {
        for line in [
            "",
            "\t",
            "a",
            "a\tb",
            "\ta\t\tb\t",
            "Kandahār\tAFG\t31.6\t\t",
            "Zürich\tCHE",
            "ß\t€\t\u{1F600}",
        ] {
            let got: Vec<&str> = tab_fields(line).collect();
            let want: Vec<&str> = line.split('\t').collect();
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn too_many_fields_is_an_error() {
        let e = Table::parse("t.tsv", "a\tb\n1\t2\t3\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
