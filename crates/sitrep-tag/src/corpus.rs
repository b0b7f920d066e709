//! Training and gold data: CoNLL-U with the columns tagging needs (form, lemma, UPOS, XPOS,
//! FEATS, SpaceAfter). `sitrep_eval::conllu` keeps no XPOS or FEATS, so this small reader
//! lives here, following the same token convention: a multiword token whose words
//! concatenate to it (`do` `n't`) is scored as its words; otherwise (`zum` = `zu` `dem`) it
//! is one token, tagged like the fused STTS tag (`APPRART`), lemma of the first word and
//! features of the last.

/// One token with its gold analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldToken {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// UD feature string as in the file (`_` when none).
    pub feats: String,
    /// No space between this token and the next.
    pub joined: bool,
}

pub type GoldSentence = Vec<GoldToken>;

struct Line<'a> {
    first: u32,
    last: u32,
    cols: Vec<&'a str>,
}

/// Reads a CoNLL-U file into sentences of gold tokens. Errors name the line.
pub fn parse(input: &str) -> Result<Vec<GoldSentence>, String> {
    let mut out = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !lines.is_empty() {
                out.push(sentence(&lines));
                lines.clear();
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {}: expected 10 columns", n + 1));
        }
        if cols[0].contains('.') {
            continue;
        }
        let bad = || format!("line {}: bad id {:?}", n + 1, cols[0]);
        let (first, last) = match cols[0].split_once('-') {
            Some((a, b)) => (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?),
            None => {
                let a: u32 = cols[0].parse().map_err(|_| bad())?;
                (a, a)
            }
        };
        if last < first {
            return Err(bad());
        }
        lines.push(Line { first, last, cols });
    }
    if !lines.is_empty() {
        out.push(sentence(&lines));
    }
    Ok(out)
}

fn no_space(misc: &str) -> bool {
    misc.split('|').any(|m| m == "SpaceAfter=No")
}

fn sentence(lines: &[Line]) -> GoldSentence {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.last > l.first {
            let words: Vec<&Line> = lines[i + 1..]
                .iter()
                .take_while(|w| w.first == w.last && w.first <= l.last)
                .collect();
            let concat: String = words.iter().map(|w| w.cols[1]).collect();
            let joined = no_space(l.cols[9]);
            if concat == l.cols[1] && !words.is_empty() {
                for (k, w) in words.iter().enumerate() {
                    out.push(token(&w.cols, k + 1 < words.len() || joined));
                }
            } else if let (Some(a), Some(b)) = (words.first(), words.last()) {
                let xpos = if a.cols[4] == "APPR" && b.cols[4] == "ART" {
                    "APPRART"
                } else {
                    a.cols[4]
                };
                out.push(GoldToken {
                    form: l.cols[1].to_string(),
                    lemma: a.cols[2].to_string(),
                    upos: a.cols[3].to_string(),
                    xpos: xpos.to_string(),
                    feats: b.cols[5].to_string(),
                    joined,
                });
            }
            i += 1 + words.len();
        } else {
            out.push(token(&l.cols, no_space(l.cols[9])));
            i += 1;
        }
    }
    out
}

fn token(cols: &[&str], joined: bool) -> GoldToken {
    GoldToken {
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos: cols[3].to_string(),
        xpos: cols[4].to_string(),
        feats: cols[5].to_string(),
        joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiword_tokens() {
        let f = "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t_\t_\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t_\t_\t_\t_\n3-4\tzum\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\tzu\tzu\tADP\tAPPR\t_\t_\t_\t_\t_\n4\tdem\tder\tDET\tART\tCase=Dat\t_\t_\t_\t_\n5\t.\t.\tPUNCT\t$.\t_\t_\t_\t_\t_\n";
        let s = parse(f).unwrap();
        let forms: Vec<&str> = s[0].iter().map(|t| t.form.as_str()).collect();
        assert_eq!(forms, ["do", "n't", "zum", "."]);
        assert!(s[0][0].joined && !s[0][1].joined && s[0][2].joined);
        assert_eq!(s[0][2].xpos, "APPRART");
        assert_eq!(s[0][2].lemma, "zu");
        assert_eq!(s[0][2].feats, "Case=Dat");
    }
}
