//! A CoNLL-U reader: enough of the format for segmentation, tagging and lemma scoring.
//!
//! Sentences are blank-line separated; `# text = …` gives the sentence text; word lines
//! have ten tab-separated columns. Multiword-token ranges (`3-4`) are kept with their
//! words; empty nodes (`5.1`) are skipped. Malformed lines are errors naming the line.

use std::ops::Range;

/// One line of a sentence: a word (`ID` n) or a multiword token (`ID` a-b).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Word ids covered: `n..n+1` for a word, `a..b+1` for a multiword token.
    pub ids: Range<u32>,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    /// `SpaceAfter=No` in MISC.
    pub no_space_after: bool,
}

impl Row {
    pub fn is_multiword(&self) -> bool {
        self.ids.end - self.ids.start > 1
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub id: Option<String>,
    /// The `# text` comment; `None` when the file has none for this sentence.
    pub text: Option<String>,
    /// Words and multiword tokens in file order (a range line comes before its words).
    pub rows: Vec<Row>,
}

impl Sentence {
    /// The surface tokens, following the scoring convention: a multiword token's words when
    /// their forms concatenate to its form (`do` `n't`), else the multiword token itself
    /// (`zum`).
    pub fn tokens(&self) -> Vec<&str> {
        self.token_rows()
            .into_iter()
            .map(|(form, _)| form)
            .collect()
    }

    /// [`Sentence::tokens`] with, for each, the row whose labels (UPOS, lemma) score it: the
    /// word itself, or for a fused token (`zum`) its first word.
    pub fn token_rows(&self) -> Vec<(&str, &Row)> {
        let mut out = Vec::new();
        let mut skip_until = 0u32;
        let mut i = 0;
        while i < self.rows.len() {
            let r = &self.rows[i];
            if r.ids.start < skip_until {
                i += 1;
                continue;
            }
            if r.is_multiword() {
                let words: Vec<&Row> = self.rows[i + 1..]
                    .iter()
                    .take_while(|w| w.ids.start < r.ids.end && !w.is_multiword())
                    .collect();
                let concat: String = words.iter().map(|w| w.form.as_str()).collect();
                if concat == r.form {
                    out.extend(words.iter().map(|w| (w.form.as_str(), *w)));
                } else if let Some(first) = words.first() {
                    out.push((r.form.as_str(), *first));
                }
                skip_until = r.ids.end;
            } else {
                out.push((r.form.as_str(), r));
            }
            i += 1;
        }
        out
    }
}

#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

/// Parses a whole CoNLL-U file.
pub fn parse(input: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.rows.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            } else if let Some(t) = c.strip_prefix("sent_id =") {
                cur.id = Some(t.trim().to_string());
            }
            continue;
        }
        let err = |message: String| ConlluError {
            line: n + 1,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(format!("expected 10 columns, found {}", cols.len())));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node
        }
        let ids = match id.split_once('-') {
            Some((a, b)) => {
                let (a, b): (u32, u32) = (
                    a.parse().map_err(|_| err(format!("bad id {id:?}")))?,
                    b.parse().map_err(|_| err(format!("bad id {id:?}")))?,
                );
                if b < a {
                    return Err(err(format!("bad range {id:?}")));
                }
                a..b + 1
            }
            None => {
                let a: u32 = id.parse().map_err(|_| err(format!("bad id {id:?}")))?;
                a..a + 1
            }
        };
        cur.rows.push(Row {
            ids,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            no_space_after: cols[9].split('|').any(|m| m == "SpaceAfter=No"),
        });
    }
    if !cur.rows.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiword_tokens_follow_the_scoring_convention() {
        let f = "# text = I don't go zum\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\t_\t_\t_\t_\t_\t_\n2\tn't\tnot\tPART\t_\t_\t_\t_\t_\t_\n3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n3\tzu\tzu\tADP\t_\t_\t_\t_\t_\t_\n4\tdem\tder\tDET\t_\t_\t_\t_\t_\tSpaceAfter=No\n";
        let s = parse(f).unwrap();
        assert_eq!(s[0].tokens(), ["do", "n't", "zum"]);
        assert_eq!(s[0].text.as_deref(), Some("I don't go zum"));
        assert!(s[0].rows.last().unwrap().no_space_after);
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(parse("1\tx\n").is_err());
        assert!(parse("x\ta\tb\tc\td\te\tf\tg\th\ti\n").is_err());
    }
}
