//! Frames as data: predicate plus argument pattern → PLOVER type, mode, CAMEO code, and
//! which argument is the source and which the target.
//!
//! One TSV file per language (`data/frames/de.tsv`, `en.tsv`), one frame per line:
//!
//! ```text
//! lemma  pos  requires  type  mode  cameo  source  target  flags  example
//! ```
//!
//! * `lemma`: the joined verb lemma (`vorwerfen`, `pull out`), the noun (`Verlegung`,
//!   `attack`) or the predicative adjective (`akzeptabel`).
//! * `pos`: `V` verb, `N` noun (German nouns also match as compound heads:
//!   `Truppenverlegung` → `Verlegung`), `A` predicative adjective (with a copula).
//! * `requires`: `-` or comma-separated conditions: `ROLE` (the role is filled),
//!   `!ROLE` (it is not), `ROLE=Lemma/Lemma` (its head has one of these lemmas:
//!   support-verb constructions like `Kritik üben an`), `ROLE=@people` (its head is a
//!   noun of the `people` word class of `data/events/word-classes.tsv`, compound ends
//!   included: `anzeigen` of persons; the only class a row can name), `neg` (the clause
//!   is negated),
//!   `inf` (an infinitive clause follows: `bereit, … zu verhandeln`), `that` (a `dass`
//!   or `that` clause follows: `will, dass …`), `cop` (the clause's verb is a copula:
//!   `sein`, `bleiben`, `be`, `remain`, …), `attr` (`A` frames: the rating holds only as the
//!   attributive adjective of an evaluative verb's complement, `als gutes Zeichen`),
//!   `excess` (`A` frames: the word follows the degree particle `zu`/`too`, `zu wenig`,
//!   `zu spät`: a measure rated as too much or too little),
//!   `refl` / `!refl` (the clause has / has no
//!   reflexive or reciprocal pronoun: `treffen sich`, `einander`, `each other`),
//!   `adv=Lemma/Lemma` (an adverb of the clause outside its argument phrases has one of
//!   these lemmas: `scharf angreifen`). A noun frame's conditions are read on the
//!   noun's own phrase: `gen` (a genitive or possessor: `der Abbruch der Beziehungen`),
//!   `pp:PREP` (a prepositional phrase right after it), `adj` (a named actor before it),
//!   `neg` (`kein`, `no` before it, or a negated clause); `subj`, `obj` and `dat` are the
//!   clause's. A noun takes its first frame whose conditions hold, as a verb does.
//! * `type`: a PLOVER type, or `-` for a frame that is no event itself (verbs of saying).
//! * `source`, `target`: `-` or roles separated by `|` (the first filled one wins):
//!   `subj`, `obj`, `dat` (German dative, English indirect object), `gen` (German
//!   genitive or possessor, English `of` or `'s`), `adj` (a nationality adjective or
//!   compound modifier in a noun trigger's phrase), `pp:PREP` (a prepositional phrase),
//!   `spk` (the sentence's speaker: `…, sagte X`, `X said …`; an event whose source is
//!   `spk` and that has no speaker is not kept). Frames are written in the active voice;
//!   passives are mapped by the extractor.
//! * `flags`: `-` or comma-separated: `mutual` (every participant is source and target: a
//!   meeting), `react` (the target may be an event noun: then it is that event's
//!   source), `say` (a verb of saying: its subject speaks the clauses it governs),
//!   `framing` (with `say`: a verb that says only where it frames speech, in a tag after
//!   it, `…, findet sie`, or with its verbs right before a comma or colon, `Sie findet,
//!   …`; elsewhere it means something else, `fand andere Zahlen`),
//!   `receive` (a verb of receiving, type `-`: an event noun in its object has the
//!   clause subject as its target: `Russland hat die Unterstützung Chinas`), `none` (type
//!   `-`: a reading that is no event, put before the lemma's event frames: `eine
//!   Entscheidung treffen`), `evaluate` (a verb that rates its object: `bezeichnen … als`,
//!   `nennen`, `call`, `describe … as`; the type, mode and CAMEO code come from the
//!   evaluative `A` frame of its complement (`als falsch` → ACCUSE, `a success` →
//!   SUPPORT); without such a complement the frame does not match), `also` (verbs: the
//!   next frame of the lemma whose conditions hold yields its event as well: `zu drei
//!   Jahren Haft verurteilen` is a detention and a conviction), `named` (the target is
//!   only what the target roles name: no home-country target is guessed for a German
//!   act without one, as for a vote: `stimmte für das Rettungspaket`), `home` (verbs: with
//!   no target named, the target is the home state: a guilty plea is made to its court;
//!   German ACCUSE nouns of legal steps: with no accuser named, the source is the home
//!   state, whose courts and prosecutors bring them: `die Ermittlungen gegen den Banker`).
//! * `example`: a general sentence of our own that the frame codes.
//!
//! The frame's rule id is `LANG.POS.LEMMA`, with `.N` for the N-th further frame of the
//! same lemma and part of speech.

use sitrep_core::fnv::{FnvMap, FnvSet};
use sitrep_core::lower::with_lower;
use sitrep_core::{EventType, Language};
use std::collections::HashMap;
use std::fmt;

/// The format version of the frame files (`# format 1` on their first line).
pub const FORMAT: u32 = 1;

/// An argument role of a clause or of a noun trigger.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Role {
    Subj,
    Obj,
    Dat,
    Gen,
    Adj,
    /// The sentence's speaker (`…, sagte X`, `X said …`): for evaluative statements.
    Spk,
    /// A prepositional phrase with this preposition (lower case; German contracted forms
    /// such as `am`, `zum` are stored as their preposition: `an`, `zu`).
    Pp(String),
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "subj" => Role::Subj,
            "obj" => Role::Obj,
            "dat" => Role::Dat,
            "gen" => Role::Gen,
            "adj" => Role::Adj,
            "spk" => Role::Spk,
            _ => Role::Pp(
                s.strip_prefix("pp:")
                    .filter(|p| !p.is_empty())?
                    .to_lowercase(),
            ),
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Role::Subj => f.write_str("subj"),
            Role::Obj => f.write_str("obj"),
            Role::Dat => f.write_str("dat"),
            Role::Gen => f.write_str("gen"),
            Role::Adj => f.write_str("adj"),
            Role::Spk => f.write_str("spk"),
            Role::Pp(p) => write!(f, "pp:{p}"),
        }
    }
}

/// Part of speech of a frame's trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Verb,
    Noun,
    Adj,
}

impl Pos {
    fn code(self) -> &'static str {
        match self {
            Pos::Verb => "v",
            Pos::Noun => "n",
            Pos::Adj => "a",
        }
    }
}

/// A condition a frame puts on the clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Require {
    Filled(Role),
    Empty(Role),
    /// The role's head lemma is one of these (compared case-insensitively).
    HeadIn(Role, Vec<String>),
    /// `ROLE=@people`: the role's head is a noun of the `people` word class
    /// (`data/events/word-classes.tsv`: `Mann`, `Verdächtige`, `40-Jährige`, compound ends
    /// included), the only word class a row can name: an act on persons where the verb has
    /// other senses (`Zwei Männer wurden angezeigt`, not `Die Tafel zeigt die Zeit an`).
    People(Role),
    Negated,
    /// An infinitive clause follows (`ist bereit, … zu verhandeln`, `ready to talk`).
    Infinitive,
    /// The clause's verb is a copula (`Die Maßnahmen seien falsch`, `it was a mistake`).
    Copula,
    /// A `dass`/`that` clause follows (`will, dass der Sozialplan steht`).
    That,
    /// The clause has a reflexive or reciprocal pronoun (`treffen sich`, `einander`,
    /// `each other`), or (`!refl`) has none.
    Reflexive(bool),
    /// An adverb or adverbial adjective of the clause, outside its argument phrases, has
    /// one of these lemmas: the manner that picks the sense (`griff … scharf an` is a
    /// verbal attack, `gerichtlich vorgehen` legal action).
    Adverb(Vec<String>),
    /// A rating adjective that rates only as the attributive adjective of a rated
    /// complement (`bezeichnete X als gutes Zeichen`), never after a copula (`Das
    /// Geschäftsklima ist gut`, `besser als`).
    Attributive,
    /// `A` frames: the rated word follows the degree particle `zu` / `too` (`ist ihr zu
    /// wenig`, `kommt zu spät`): too much or too little of something neutral is a complaint.
    Excess,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    pub mutual: bool,
    pub react: bool,
    pub say: bool,
    /// With `say`: says only where it frames speech (`…, findet sie`, `Sie findet, …`).
    pub framing: bool,
    pub receive: bool,
    /// Matches and yields nothing: blocks a non-event reading (`eine Entscheidung
    /// treffen`, `Sanktionen treffen die Wirtschaft`) before the event frames of the lemma.
    pub none: bool,
    /// Rates its object; the type comes from the complement's evaluative word.
    pub evaluate: bool,
    /// The next frame of the lemma whose conditions hold yields its event too (a prison
    /// sentence is a conviction and a detention).
    pub also: bool,
    /// The target is only what the frame's target roles name: no home-country target is
    /// guessed (a vote is about its motion, not about the voter's own country).
    pub named: bool,
    /// Verbs: with no target named, the target is the home state (a plea of guilt is made
    /// to the home state's court). German ACCUSE nouns: with no accuser named, the source
    /// is the home state (its courts and prosecutors bring investigations and charges).
    pub home: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// `de.v.vorwerfen`, `en.n.attack.2`.
    pub id: String,
    pub lemma: String,
    pub pos: Pos,
    pub requires: Vec<Require>,
    /// `None` for frames that are no event (verbs of saying).
    pub event: Option<EventType>,
    pub mode: Option<String>,
    pub cameo: Option<String>,
    pub source: Vec<Role>,
    pub target: Vec<Role>,
    pub flags: Flags,
    pub example: String,
    /// 1-based line in the frame file.
    pub line: usize,
}

impl Frame {
    /// The built-in frame of a speaker's `should` (`X sollte zurücktreten, sagte Y`): a
    /// REQUEST by the speaker of the clause's subject. Rule id `LANG.deontic`.
    pub fn deontic(language: Language) -> Frame {
        Frame {
            id: format!("{}.deontic", language.code()),
            lemma: String::new(),
            pos: Pos::Verb,
            requires: Vec::new(),
            event: Some(EventType::Request),
            mode: None,
            cameo: Some("100".into()),
            source: Vec::new(),
            target: vec![Role::Subj],
            flags: Flags::default(),
            example: String::new(),
            line: 0,
        }
    }
}

impl Frame {
    /// The built-in frame of a speaker reporting another's attack (`The US said that Iraq
    /// had attacked`): an ACCUSE by the speaker of the attacker. Rule id `LANG.allege`.
    pub fn allege(language: Language) -> Frame {
        Frame {
            id: format!("{}.allege", language.code()),
            mode: Some("allege".into()),
            cameo: Some("112".into()),
            event: Some(EventType::Accuse),
            target: Vec::new(),
            ..Frame::deontic(language)
        }
    }
}

/// A malformed frame file: the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "frame file line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for FrameError {}

/// The frames of one language, indexed by lower-case lemma and part of speech.
#[derive(Debug, Clone)]
pub struct Frames {
    pub language: Language,
    frames: Vec<Frame>,
    /// Frame indices by lower-case lemma, then part of speech (looked up by `&str`, with no
    /// key to build).
    index: FnvMap<String, Vec<(Pos, Vec<usize>)>>,
    /// Lower-case lemmas of the German noun frames (compound heads), and the longest one's
    /// length in bytes.
    noun_heads: FnvSet<String>,
    max_noun_head: usize,
}

/// The shipped frame files.
pub fn shipped(language: Language) -> &'static str {
    match language {
        Language::De => include_str!("../../../data/frames/de.tsv"),
        Language::En => include_str!("../../../data/frames/en.tsv"),
    }
}

impl Frames {
    /// The frames shipped for `language`.
    pub fn new(language: Language) -> Result<Frames, FrameError> {
        Frames::parse(language, shipped(language))
    }

    pub fn parse(language: Language, src: &str) -> Result<Frames, FrameError> {
        let err = |line: usize, message: String| FrameError { line, message };
        let mut lines = src.lines().enumerate();
        match lines.next() {
            Some((_, l)) if l.trim() == format!("# format {FORMAT}") => {}
            _ => {
                return Err(err(
                    1,
                    format!("the first line must be `# format {FORMAT}`"),
                ))
            }
        }
        let mut frames: Vec<Frame> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, line) in lines {
            let n = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() != 10 {
                return Err(err(
                    n,
                    format!("expected 10 tab-separated columns, found {}", cols.len()),
                ));
            }
            let opt = |s: &str| (s != "-").then(|| s.to_string());
            let pos = match cols[1] {
                "V" => Pos::Verb,
                "N" => Pos::Noun,
                "A" => Pos::Adj,
                p => return Err(err(n, format!("unknown part of speech `{p}` (V, N or A)"))),
            };
            let roles = |s: &str| -> Result<Vec<Role>, FrameError> {
                if s == "-" {
                    return Ok(Vec::new());
                }
                s.split('|')
                    .map(|r| Role::parse(r).ok_or_else(|| err(n, format!("unknown role `{r}`"))))
                    .collect()
            };
            let mut requires = Vec::new();
            if cols[2] != "-" {
                for c in cols[2].split(',') {
                    let c = c.trim();
                    let r = if c == "neg" {
                        Require::Negated
                    } else if c == "inf" {
                        Require::Infinitive
                    } else if c == "that" {
                        Require::That
                    } else if c == "cop" {
                        Require::Copula
                    } else if c == "attr" {
                        Require::Attributive
                    } else if c == "excess" {
                        Require::Excess
                    } else if c == "refl" || c == "!refl" {
                        Require::Reflexive(c == "refl")
                    } else if let Some(r) = c.strip_prefix('!') {
                        Require::Empty(
                            Role::parse(r).ok_or_else(|| err(n, format!("unknown role `{r}`")))?,
                        )
                    } else if let Some(ls) = c.strip_prefix("adv=") {
                        if ls.split('/').any(str::is_empty) {
                            return Err(err(n, format!("empty adverb in `{c}`")));
                        }
                        Require::Adverb(ls.split('/').map(|l| l.to_lowercase()).collect())
                    } else if let Some((r, ls)) = c.split_once('=') {
                        let role =
                            Role::parse(r).ok_or_else(|| err(n, format!("unknown role `{r}`")))?;
                        if ls == "@people" {
                            Require::People(role)
                        } else if ls.starts_with('@') {
                            return Err(err(n, format!("unknown word class in `{c}`")));
                        } else {
                            Require::HeadIn(role, ls.split('/').map(|l| l.to_lowercase()).collect())
                        }
                    } else {
                        Require::Filled(
                            Role::parse(c).ok_or_else(|| err(n, format!("unknown role `{c}`")))?,
                        )
                    };
                    requires.push(r);
                }
            }
            let event = match cols[3] {
                "-" => None,
                t => Some(
                    t.parse::<EventType>()
                        .map_err(|_| err(n, format!("unknown PLOVER type `{t}`")))?,
                ),
            };
            let mut flags = Flags::default();
            if cols[8] != "-" {
                for f in cols[8].split(',') {
                    match f.trim() {
                        "mutual" => flags.mutual = true,
                        "react" => flags.react = true,
                        "say" => flags.say = true,
                        "framing" => flags.framing = true,
                        "receive" => flags.receive = true,
                        "none" => flags.none = true,
                        "evaluate" => flags.evaluate = true,
                        "also" => flags.also = true,
                        "named" => flags.named = true,
                        "home" => flags.home = true,
                        f => return Err(err(n, format!("unknown flag `{f}`"))),
                    }
                }
            }
            // a noun's conditions are read on its own phrase (see `ClauseCx::noun_holds`):
            // roles and negation only
            if pos == Pos::Noun
                && requires.iter().any(|r| {
                    matches!(
                        r,
                        Require::Infinitive
                            | Require::That
                            | Require::Copula
                            | Require::Reflexive(_)
                            | Require::Adverb(_)
                            | Require::Excess
                    )
                })
            {
                return Err(err(
                    n,
                    "a noun frame's conditions are roles and `neg` only".into(),
                ));
            }
            if pos == Pos::Verb && requires.contains(&Require::Excess) {
                return Err(err(n, "`excess` is a condition of `A` frames only".into()));
            }
            if event.is_none() && !flags.say && !flags.receive && !flags.none {
                return Err(err(
                    n,
                    "a frame without a type must be a `say`, `receive` or `none` frame".into(),
                ));
            }
            if cols[9].is_empty() || cols[9] == "-" {
                return Err(err(n, "every frame needs an example sentence".into()));
            }
            let lemma = cols[0].to_string();
            let base = format!(
                "{}.{}.{}",
                language.code(),
                pos.code(),
                lemma.to_lowercase().replace(' ', "_")
            );
            let k = seen.entry(base.clone()).or_insert(0);
            *k += 1;
            let id = if *k == 1 { base } else { format!("{base}.{k}") };
            frames.push(Frame {
                id,
                lemma,
                pos,
                requires,
                event,
                mode: opt(cols[4]),
                cameo: opt(cols[5]),
                source: roles(cols[6])?,
                target: roles(cols[7])?,
                flags,
                example: cols[9].to_string(),
                line: n,
            });
        }
        let mut index: FnvMap<String, Vec<(Pos, Vec<usize>)>> = FnvMap::default();
        for (i, f) in frames.iter().enumerate() {
            let by_pos = index.entry(f.lemma.to_lowercase()).or_default();
            match by_pos.iter_mut().find(|(p, _)| *p == f.pos) {
                Some((_, is)) => is.push(i),
                None => by_pos.push((f.pos, vec![i])),
            }
        }
        let noun_heads: FnvSet<String> = frames
            .iter()
            .filter(|f| f.pos == Pos::Noun && language == Language::De)
            .map(|f| f.lemma.to_lowercase())
            .collect();
        let max_noun_head = noun_heads.iter().map(String::len).max().unwrap_or(0);
        Ok(Frames {
            language,
            frames,
            index,
            noun_heads,
            max_noun_head,
        })
    }

    pub fn all(&self) -> &[Frame] {
        &self.frames
    }

    /// The frames for `lemma` (any case) as `pos`, in file order.
    pub fn lookup(&self, pos: Pos, lemma: &str) -> &[usize] {
        with_lower(lemma, |l| self.lookup_lower(pos, l))
    }

    /// [`Frames::lookup`] of a lemma already in lower case.
    fn lookup_lower(&self, pos: Pos, lower: &str) -> &[usize] {
        self.index
            .get(lower)
            .and_then(|by_pos| by_pos.iter().find(|(p, _)| *p == pos))
            .map(|(_, is)| is.as_slice())
            .unwrap_or(&[])
    }

    pub fn get(&self, i: usize) -> &Frame {
        &self.frames[i]
    }

    /// Noun frames for a noun lemma: exact, or (German) by compound head, so that
    /// `Truppenverlegung` finds `Verlegung`. The modifier must be at least three letters.
    pub fn lookup_noun(&self, lemma: &str) -> &[usize] {
        with_lower(lemma, |l| self.lookup_noun_lower(l))
    }

    fn lookup_noun_lower(&self, lower: &str) -> &[usize] {
        let exact = self.lookup_lower(Pos::Noun, lower);
        if !exact.is_empty() || self.language != Language::De {
            return exact;
        }
        // The longest head (in bytes) that ends the lemma after at least three bytes: the
        // suffixes from the longest, each looked up (no scan of every head per noun).
        for (i, _) in lower.char_indices() {
            let head = &lower[i..];
            if i < 3 || head.len() > self.max_noun_head || !self.noun_heads.contains(head) {
                continue;
            }
            if head.chars().count() >= 5 {
                return self.lookup_lower(Pos::Noun, head);
            }
        }
        &[]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index by lower-case lemma and part of speech answers what a scan of the frames
    /// answers, for every frame's lemma in its own case, lower case and upper case.
    #[test]
    fn lookup_gives_the_frames_a_scan_gives() {
        for l in Language::ALL {
            let f = Frames::new(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            let scan = |pos: Pos, lemma: &str| -> Vec<usize> {
                let lemma = lemma.to_lowercase();
                (0..f.all().len())
                    .filter(|&i| f.get(i).pos == pos && f.get(i).lemma.to_lowercase() == lemma)
                    .collect()
            };
            for fr in f.all() {
                for lemma in [
                    fr.lemma.clone(),
                    fr.lemma.to_lowercase(),
                    fr.lemma.to_uppercase(),
                ] {
                    for pos in [Pos::Verb, Pos::Noun, Pos::Adj] {
                        assert_eq!(
                            f.lookup(pos, &lemma),
                            scan(pos, &lemma),
                            "{l} {pos:?} {lemma}"
                        );
                    }
                }
            }
            assert!(f.lookup(Pos::Verb, "no-such-lemma").is_empty());
        }
    }

    #[test]
    fn shipped_frames_parse_and_cover_every_plover_type() {
        for l in Language::ALL {
            let f = Frames::new(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            for t in EventType::ALL {
                assert!(
                    f.all().iter().any(|fr| fr.event == Some(*t)),
                    "{l}: no frame for {t}"
                );
            }
            let mut ids: Vec<&str> = f.all().iter().map(|fr| fr.id.as_str()).collect();
            let n = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), n, "{l}: rule ids are unique");
        }
    }

    #[test]
    fn malformed_lines_are_errors_with_their_line() {
        let bad = "# format 1\nvorwerfen\tV\t-\tBLAME\taccuse\t112\tsubj\tdat\t-\tEx.\n";
        let e = Frames::parse(Language::De, bad).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("BLAME"), "{e}");
        let e = Frames::parse(Language::De, "vorwerfen\n").unwrap_err();
        assert!(e.message.contains("format"), "{e}");
        let e = Frames::parse(
            Language::De,
            "# format 1\nx\tV\t-\tACCUSE\t-\t-\tsubj\tpp:\t-\tEx.\n",
        )
        .unwrap_err();
        assert!(e.message.contains("pp:"), "{e}");
    }

    #[test]
    fn adverb_requirement_parses() {
        let src = "# format 1\n\
            angreifen\tV\tadv=scharf/Heftig\tACCUSE\tdisapprove\t111\tsubj\tobj\t-\tX griff Y scharf an.\n";
        let f = Frames::parse(Language::De, src).unwrap();
        let a = f.get(f.lookup(Pos::Verb, "angreifen")[0]);
        assert_eq!(
            a.requires,
            vec![Require::Adverb(vec!["scharf".into(), "heftig".into()])]
        );
        let bad = "# format 1\nx\tV\tadv=scharf/\tACCUSE\t-\t-\tsubj\tobj\t-\tEx.\n";
        let e = Frames::parse(Language::De, bad).unwrap_err();
        assert!(e.message.contains("adverb"), "{e}");
    }

    #[test]
    fn people_requirement_parses_and_other_classes_are_errors() {
        let src = "# format 1\n\
            anzeigen\tV\tobj=@people\tACCUSE\tallege\t115\tsubj\tobj\t-\tX zeigte Y an.\n";
        let f = Frames::parse(Language::De, src).unwrap();
        let a = f.get(f.lookup(Pos::Verb, "anzeigen")[0]);
        assert_eq!(a.requires, vec![Require::People(Role::Obj)]);
        let bad = "# format 1\nx\tV\tobj=@press\tACCUSE\t-\t-\tsubj\tobj\t-\tEx.\n";
        let e = Frames::parse(Language::De, bad).unwrap_err();
        assert!(e.message.contains("word class"), "{e}");
    }

    #[test]
    fn rating_columns_parse() {
        let src = "# format 1\n\
            falsch\tA\tcop\tACCUSE\tdisapprove\t111\tspk\tsubj\treact\tDas sei falsch, sagte X.\n\
            nennen\tV\t-\tACCUSE\tdisapprove\t111\tsubj\tobj\treact,evaluate\tX nannte Y falsch.\n";
        let f = Frames::parse(Language::De, src).unwrap();
        let a = f.get(f.lookup(Pos::Adj, "falsch")[0]);
        assert_eq!(a.requires, vec![Require::Copula]);
        assert_eq!(a.source, vec![Role::Spk]);
        assert_eq!(Role::Spk.to_string(), "spk");
        let v = f.get(f.lookup(Pos::Verb, "nennen")[0]);
        assert!(v.flags.evaluate && v.flags.react);
        let bad = "# format 1\nx\tV\t-\tACCUSE\t-\t-\tsubj\tobj\trate\tEx.\n";
        assert!(Frames::parse(Language::De, bad)
            .unwrap_err()
            .message
            .contains("rate"));
    }

    #[test]
    fn excess_is_a_condition_of_rating_adjectives_only() {
        let src = "# format 1\n\
            wenig\tA\tcop,excess\tACCUSE\tdisapprove\t111\tdat|spk\tsubj\treact\tDas sei zu wenig, sagte X.\n";
        let f = Frames::parse(Language::De, src).unwrap();
        let a = f.get(f.lookup(Pos::Adj, "wenig")[0]);
        assert_eq!(a.requires, vec![Require::Copula, Require::Excess]);
        assert_eq!(a.source, vec![Role::Dat, Role::Spk]);
        for (pos, says) in [("V", "`excess`"), ("N", "noun")] {
            let bad =
                format!("# format 1\nwenig\t{pos}\texcess\tACCUSE\t-\t-\tsubj\tobj\t-\tEx.\n");
            let e = Frames::parse(Language::De, &bad).unwrap_err();
            assert_eq!(e.line, 2);
            assert!(e.message.contains(says), "{pos}: {e}");
        }
    }

    /// The rating lexicon (the `A` rows) is read first frame first: a second row of a word
    /// with the same conditions could never match, and a speaker's rating without a copula,
    /// `attr` or `excess` condition would rate any clause the word stands in.
    #[test]
    fn shipped_ratings_are_reachable_and_bound_to_a_construction() {
        for l in Language::ALL {
            let f = Frames::new(l).unwrap();
            let mut seen = std::collections::HashSet::new();
            for fr in f.frames.iter().filter(|x| x.pos == Pos::Adj) {
                let key = (fr.lemma.clone(), format!("{:?}", fr.requires));
                assert!(
                    seen.insert(key),
                    "{l} line {}: `{}` repeats an earlier row",
                    fr.line,
                    fr.lemma
                );
                if fr.source.contains(&Role::Spk) {
                    assert!(
                        fr.requires.iter().any(|r| matches!(
                            r,
                            Require::Copula | Require::Attributive | Require::Excess
                        )),
                        "{l} line {}: the speaker's rating `{}` needs `cop`, `attr` or `excess`",
                        fr.line,
                        fr.lemma
                    );
                }
            }
        }
    }

    #[test]
    fn noun_conditions_are_roles_and_negation_only() {
        let src = "# format 1\n\
            Abbruch\tN\tgen=Beziehung/Gespräch,!pp:wegen\tSANCTION\twithdraw\t161\tgen\tpp:zu\t-\tEx.\n";
        let f = Frames::parse(Language::De, src).unwrap();
        let n = f.get(f.lookup(Pos::Noun, "abbruch")[0]);
        assert_eq!(
            n.requires,
            vec![
                Require::HeadIn(Role::Gen, vec!["beziehung".into(), "gespräch".into()]),
                Require::Empty(Role::Pp("wegen".into())),
            ]
        );
        for c in ["inf", "that", "cop", "refl", "adv=scharf", "excess"] {
            let bad = format!("# format 1\nAbbruch\tN\t{c}\tSANCTION\t-\t-\tgen\t-\t-\tEx.\n");
            let e = Frames::parse(Language::De, &bad).unwrap_err();
            assert_eq!(e.line, 2);
            assert!(e.message.contains("noun"), "{c}: {e}");
        }
    }

    #[test]
    fn german_compound_nouns_find_their_head_frame() {
        let src = "# format 1\nVerlegung\tN\t-\tMOBILIZE\tdeploy\t154\tgen\t-\t-\tDie Verlegung begann.\n";
        let f = Frames::parse(Language::De, src).unwrap();
        assert_eq!(f.lookup_noun("Truppenverlegung").len(), 1);
        assert_eq!(f.lookup_noun("Verlegung").len(), 1);
        // a modifier of fewer than three letters is no compound
        assert!(f.lookup_noun("Zverlegung").is_empty());
        assert_eq!(f.get(f.lookup_noun("Verlegung")[0]).id, "de.n.verlegung");
    }

    #[test]
    fn the_longest_head_of_five_letters_or_more_wins() {
        let src = "# format 1
\
            Angriff\tN\t-\tASSAULT\tattack\t190\tgen\t-\t-\tDer Angriff.\n\
            Luftangriff\tN\t-\tASSAULT\tair strike\t195\tgen\t-\t-\tDer Luftangriff.\n\
            Griff\tN\t-\tASSAULT\tgrip\t190\tgen\t-\t-\tDer Griff.\n\
            Riff\tN\t-\tASSAULT\treef\t190\tgen\t-\t-\tDas Riff.\n";
        let f = Frames::parse(Language::De, src).unwrap();
        let id = |w: &str| f.lookup_noun(w).first().map(|&i| f.get(i).id.clone());
        assert_eq!(
            id("Drohnenluftangriff").as_deref(),
            Some("de.n.luftangriff")
        );
        assert_eq!(id("Gegenangriff").as_deref(), Some("de.n.angriff"));
        // `Griff` needs a modifier of three bytes; `Riff` is too short to be a head
        assert_eq!(id("Vorgriff").as_deref(), Some("de.n.griff"));
        assert_eq!(id("Abriff"), None);
        assert_eq!(id("Barriff"), None);
    }
}
