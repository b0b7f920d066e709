//! Word analysis labels: language-specific part-of-speech tags (STTS, Penn) and UD
//! morphological features, all closed.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

label_enum! {
    /// Stuttgart-Tübingen tagset, as used by UD German GSD (`PAV` is GSD's spelling of
    /// STTS `PROAV`).
    Stts {
        Adja = "ADJA", Adjd = "ADJD", Adv = "ADV", Appr = "APPR", Apprart = "APPRART",
        Appo = "APPO", Apzr = "APZR", Art = "ART", Card = "CARD", Fm = "FM", Itj = "ITJ",
        Koui = "KOUI", Kous = "KOUS", Kon = "KON", Kokom = "KOKOM", Nn = "NN", Ne = "NE",
        Pds = "PDS", Pdat = "PDAT", Pis = "PIS", Piat = "PIAT", Pidat = "PIDAT", Pper = "PPER",
        Pposs = "PPOSS", Pposat = "PPOSAT", Prels = "PRELS", Prelat = "PRELAT", Prf = "PRF",
        Pws = "PWS", Pwat = "PWAT", Pwav = "PWAV", Pav = "PAV", Ptkzu = "PTKZU",
        Ptkneg = "PTKNEG", Ptkvz = "PTKVZ", Ptkant = "PTKANT", Ptka = "PTKA", Trunc = "TRUNC",
        Vvfin = "VVFIN", Vvimp = "VVIMP", Vvinf = "VVINF", Vvizu = "VVIZU", Vvpp = "VVPP",
        Vafin = "VAFIN", Vaimp = "VAIMP", Vainf = "VAINF", Vapp = "VAPP", Vmfin = "VMFIN",
        Vminf = "VMINF", Vmpp = "VMPP", Xy = "XY", Comma = "$,", Period = "$.", Other = "$(",
    }
}

impl Stts {
    /// A verb tag: full, auxiliary or modal verb (UPOS `VERB` or `AUX`).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Stts::Vvfin
                | Stts::Vvimp
                | Stts::Vvinf
                | Stts::Vvizu
                | Stts::Vvpp
                | Stts::Vafin
                | Stts::Vaimp
                | Stts::Vainf
                | Stts::Vapp
                | Stts::Vmfin
                | Stts::Vminf
                | Stts::Vmpp
        )
    }
}

label_enum! {
    /// Penn Treebank tags as used by UD English EWT.
    Penn {
        Cc = "CC", Cd = "CD", Dt = "DT", Ex = "EX", Fw = "FW", In = "IN", Jj = "JJ", Jjr = "JJR",
        Jjs = "JJS", Ls = "LS", Md = "MD", Nn = "NN", Nns = "NNS", Nnp = "NNP", Nnps = "NNPS",
        Pdt = "PDT", Pos = "POS", Prp = "PRP", PrpS = "PRP$", Rb = "RB", Rbr = "RBR", Rbs = "RBS",
        Rp = "RP", Sym = "SYM", To = "TO", Uh = "UH", Vb = "VB", Vbd = "VBD", Vbg = "VBG",
        Vbn = "VBN", Vbp = "VBP", Vbz = "VBZ", Wdt = "WDT", Wp = "WP", WpS = "WP$", Wrb = "WRB",
        Add = "ADD", Afx = "AFX", Gw = "GW", Hyph = "HYPH", Nfp = "NFP", Lrb = "-LRB-",
        Rrb = "-RRB-", Comma = ",", Period = ".", Colon = ":", OpenQuote = "``",
        CloseQuote = "''", Dollar = "$", Hash = "#",
    }
}

/// A language-specific tag: STTS for German, Penn for English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Xpos {
    Stts(Stts),
    Penn(Penn),
}

impl Xpos {
    pub fn as_str(self) -> &'static str {
        match self {
            Xpos::Stts(t) => t.as_str(),
            Xpos::Penn(t) => t.as_str(),
        }
    }
}

impl fmt::Display for Xpos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Xpos {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

label_enum! { Case { Nom = "Nom", Acc = "Acc", Dat = "Dat", Gen = "Gen" } }
label_enum! { Number { Sing = "Sing", Plur = "Plur" } }
label_enum! { Gender { Masc = "Masc", Fem = "Fem", Neut = "Neut" } }
label_enum! { Person { First = "1", Second = "2", Third = "3" } }
label_enum! {
    /// `Pqp` (pluperfect) is not used by GSD/EWT but kept for completeness.
    Tense { Pres = "Pres", Past = "Past", Fut = "Fut", Pqp = "Pqp" }
}
label_enum! {
    /// German Konjunktiv I and II are both `Sub` in UD; `Tense` tells them apart
    /// (Konjunktiv I: `Pres`, Konjunktiv II: `Past`).
    Mood { Ind = "Ind", Sub = "Sub", Imp = "Imp", Cnd = "Cnd" }
}
label_enum! { VerbForm { Fin = "Fin", Inf = "Inf", Part = "Part", Ger = "Ger" } }
label_enum! { Degree { Pos = "Pos", Cmp = "Cmp", Sup = "Sup" } }
label_enum! { Definite { Def = "Def", Ind = "Ind" } }
label_enum! {
    PronType {
        Art = "Art", Prs = "Prs", Dem = "Dem", Rel = "Rel", Int = "Int", Ind = "Ind",
        Neg = "Neg", Tot = "Tot", Rcp = "Rcp", Emp = "Emp",
    }
}
label_enum! { NumType { Card = "Card", Ord = "Ord", Mult = "Mult", Frac = "Frac" } }
label_enum! { Voice { Act = "Act", Pass = "Pass" } }
label_enum! { Polarity { Pos = "Pos", Neg = "Neg" } }

/// The UD morphological features sitrep analyses. Features outside this set (`Typo`,
/// `Abbr`, `Number[psor]`, ...) are ignored when reading treebanks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Feats {
    pub case: Option<Case>,
    pub definite: Option<Definite>,
    pub degree: Option<Degree>,
    pub gender: Option<Gender>,
    pub mood: Option<Mood>,
    pub num_type: Option<NumType>,
    pub number: Option<Number>,
    pub person: Option<Person>,
    pub polarity: Option<Polarity>,
    pub poss: bool,
    pub pron_type: Option<PronType>,
    pub reflex: bool,
    pub tense: Option<Tense>,
    pub verb_form: Option<VerbForm>,
    pub voice: Option<Voice>,
}

impl Feats {
    pub fn is_empty(&self) -> bool {
        *self == Feats::default()
    }

    /// Parses a UD feature string (`Case=Nom|Number=Sing`, or `_`), ignoring features and
    /// values outside the set above.
    pub fn parse_ud(s: &str) -> Feats {
        let mut f = Feats::default();
        if s == "_" {
            return f;
        }
        for pair in s.split('|') {
            let Some((k, v)) = pair.split_once('=') else {
                continue;
            };
            // Multi-valued features (`Gender=Masc,Neut`) are ambiguous: keep none.
            if v.contains(',') {
                continue;
            }
            match k {
                "Case" => f.case = v.parse().ok(),
                "Definite" => f.definite = v.parse().ok(),
                "Degree" => f.degree = v.parse().ok(),
                "Gender" => f.gender = v.parse().ok(),
                "Mood" => f.mood = v.parse().ok(),
                "NumType" => f.num_type = v.parse().ok(),
                "Number" => f.number = v.parse().ok(),
                "Person" => f.person = v.parse().ok(),
                "Polarity" => f.polarity = v.parse().ok(),
                "Poss" => f.poss = v == "Yes",
                "PronType" => f.pron_type = v.parse().ok(),
                "Reflex" => f.reflex = v == "Yes",
                "Tense" => f.tense = v.parse().ok(),
                "VerbForm" => f.verb_form = v.parse().ok(),
                "Voice" => f.voice = v.parse().ok(),
                _ => {}
            }
        }
        f
    }
}

/// The UD string: features in UD's (alphabetical) order, `_` when empty.
impl fmt::Display for Feats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut put = |f: &mut fmt::Formatter<'_>, k: &str, v: &str| -> fmt::Result {
            if !first {
                f.write_str("|")?;
            }
            first = false;
            write!(f, "{k}={v}")
        };
        if let Some(v) = self.case {
            put(f, "Case", v.as_str())?;
        }
        if let Some(v) = self.definite {
            put(f, "Definite", v.as_str())?;
        }
        if let Some(v) = self.degree {
            put(f, "Degree", v.as_str())?;
        }
        if let Some(v) = self.gender {
            put(f, "Gender", v.as_str())?;
        }
        if let Some(v) = self.mood {
            put(f, "Mood", v.as_str())?;
        }
        if let Some(v) = self.num_type {
            put(f, "NumType", v.as_str())?;
        }
        if let Some(v) = self.number {
            put(f, "Number", v.as_str())?;
        }
        if let Some(v) = self.person {
            put(f, "Person", v.as_str())?;
        }
        if let Some(v) = self.polarity {
            put(f, "Polarity", v.as_str())?;
        }
        if self.poss {
            put(f, "Poss", "Yes")?;
        }
        if let Some(v) = self.pron_type {
            put(f, "PronType", v.as_str())?;
        }
        if self.reflex {
            put(f, "Reflex", "Yes")?;
        }
        if let Some(v) = self.tense {
            put(f, "Tense", v.as_str())?;
        }
        if let Some(v) = self.verb_form {
            put(f, "VerbForm", v.as_str())?;
        }
        if let Some(v) = self.voice {
            put(f, "Voice", v.as_str())?;
        }
        if first {
            f.write_str("_")?;
        }
        Ok(())
    }
}

impl Serialize for Feats {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Feats {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(Feats::parse_ud(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_tags_are_the_v_tags() {
        // STTS names every verb tag V…; `is_verb` is what the lexicon and the clause stage
        // both ask.
        for &t in Stts::ALL {
            assert_eq!(t.is_verb(), t.as_str().starts_with('V'), "{t:?}");
        }
    }

    #[test]
    fn feats_round_trip_in_ud_order() {
        let s = "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs";
        assert_eq!(Feats::parse_ud(s).to_string(), s);
        let v = "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin";
        assert_eq!(Feats::parse_ud(v).to_string(), v);
        assert_eq!(Feats::parse_ud("_").to_string(), "_");
        // Unknown and multi-valued features are dropped.
        let g = Feats::parse_ud("Gender[psor]=Masc,Neut|Number=Plur|Typo=Yes|Gender=Masc,Neut");
        assert_eq!(g.to_string(), "Number=Plur");
    }

    #[test]
    fn tagsets_cover_the_treebanks() {
        assert_eq!(Stts::ALL.len(), 54);
        for t in ["PAV", "$(", "VVIZU", "PTKVZ"] {
            assert!(t.parse::<Stts>().is_ok(), "{t}");
        }
        for t in [
            "-LRB-", "PRP$", "``", "''", "NFP", "ADD", "GW", "HYPH", "AFX",
        ] {
            assert!(t.parse::<Penn>().is_ok(), "{t}");
        }
        assert_eq!(Xpos::Penn(Penn::PrpS).to_string(), "PRP$");
    }
}
