//! Hand-tagged words for tests and examples: a compact notation instead of a tagger.
//!
//! `tagged("Poljanski/NE warf/VVFIN/werfen/Mood=Ind|Tense=Past vor/PTKVZ ./$.")`: words
//! separated by spaces, each `TEXT/XPOS[/LEMMA[/FEATS]]`. The tag set is STTS when it
//! parses as STTS, else Penn (`./.` is Penn's period; German sentences end in `$.`). The
//! lemma defaults to the text (`_` also means the text); UPOS is derived from the tag. Byte
//! spans are those of the words joined by single spaces.

use crate::Word;
use sitrep_core::{Feats, Penn, Span, Stts, Upos, Xpos};

/// A word with everything given by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestWord {
    pub text: String,
    pub span: Span,
    pub upos: Upos,
    pub xpos: Xpos,
    pub lemma: String,
    pub feats: Feats,
}

impl Word for TestWord {
    fn text(&self) -> &str {
        &self.text
    }
    fn span(&self) -> Span {
        self.span
    }
    fn upos(&self) -> Upos {
        self.upos
    }
    fn xpos(&self) -> Xpos {
        self.xpos
    }
    fn lemma(&self) -> &str {
        &self.lemma
    }
    fn feats(&self) -> Feats {
        self.feats
    }
}

/// Parses the compact notation.
///
/// # Panics
/// On an unknown tag: this is test input.
pub fn tagged(s: &str) -> Vec<TestWord> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    for item in s.split_whitespace() {
        // Texts may contain '/', tags and lemmas never do: split from the left only
        // after the first character ("/" alone is not needed in tests).
        let mut parts = item.splitn(4, '/');
        let text = parts.next().unwrap_or_default().to_string();
        let tag = parts.next().unwrap_or_else(|| panic!("no tag in {item:?}"));
        let lemma = match parts.next() {
            None | Some("_") => text.clone(),
            Some(l) => l.to_string(),
        };
        let mut feats = parts.next().map(Feats::parse_ud).unwrap_or_default();
        let xpos = match tag.parse::<Stts>() {
            Ok(t) => Xpos::Stts(t),
            Err(_) => Xpos::Penn(tag.parse::<Penn>().unwrap_or_else(|e| panic!("{e}"))),
        };
        let upos = upos_of(xpos, &lemma);
        if feats.verb_form.is_none() {
            feats.verb_form = verb_form_of(xpos);
        }
        let span = Span::new(pos, pos + text.len());
        pos += text.len() + 1;
        out.push(TestWord {
            text,
            span,
            upos,
            xpos,
            lemma,
            feats,
        });
    }
    out
}

fn verb_form_of(x: Xpos) -> Option<sitrep_core::VerbForm> {
    use sitrep_core::VerbForm as F;
    match x {
        Xpos::Stts(t) => match t {
            Stts::Vvfin | Stts::Vafin | Stts::Vmfin | Stts::Vvimp | Stts::Vaimp => Some(F::Fin),
            Stts::Vvinf | Stts::Vainf | Stts::Vminf | Stts::Vvizu => Some(F::Inf),
            Stts::Vvpp | Stts::Vapp | Stts::Vmpp => Some(F::Part),
            _ => None,
        },
        Xpos::Penn(t) => match t {
            Penn::Vbd | Penn::Vbp | Penn::Vbz | Penn::Md => Some(F::Fin),
            Penn::Vbn => Some(F::Part),
            Penn::Vbg => Some(F::Ger),
            _ => None,
        },
    }
}

/// UPOS as UD GSD / EWT assign it from the language-specific tag.
pub fn upos_of(x: Xpos, lemma: &str) -> Upos {
    match x {
        Xpos::Stts(t) => match t {
            Stts::Adja | Stts::Adjd => Upos::Adj,
            Stts::Adv | Stts::Pwav | Stts::Pav => Upos::Adv,
            Stts::Appr | Stts::Apprart | Stts::Appo | Stts::Apzr => Upos::Adp,
            Stts::Art
            | Stts::Pdat
            | Stts::Piat
            | Stts::Pidat
            | Stts::Pposat
            | Stts::Prelat
            | Stts::Pwat => Upos::Det,
            Stts::Card => Upos::Num,
            Stts::Fm | Stts::Xy | Stts::Trunc => Upos::X,
            Stts::Itj => Upos::Intj,
            Stts::Koui | Stts::Kous => Upos::Sconj,
            Stts::Kon => Upos::Cconj,
            Stts::Kokom => Upos::Adp,
            Stts::Nn => Upos::Noun,
            Stts::Ne => Upos::Propn,
            Stts::Pds
            | Stts::Pis
            | Stts::Pper
            | Stts::Pposs
            | Stts::Prels
            | Stts::Prf
            | Stts::Pws => Upos::Pron,
            Stts::Ptkzu | Stts::Ptkneg | Stts::Ptkvz | Stts::Ptkant | Stts::Ptka => Upos::Part,
            Stts::Vvfin | Stts::Vvimp | Stts::Vvinf | Stts::Vvizu | Stts::Vvpp => Upos::Verb,
            Stts::Vafin
            | Stts::Vaimp
            | Stts::Vainf
            | Stts::Vapp
            | Stts::Vmfin
            | Stts::Vminf
            | Stts::Vmpp => Upos::Aux,
            Stts::Comma | Stts::Period | Stts::Other => Upos::Punct,
        },
        Xpos::Penn(t) => match t {
            Penn::Cc => Upos::Cconj,
            Penn::Cd => Upos::Num,
            Penn::Dt | Penn::Pdt | Penn::Wdt => Upos::Det,
            Penn::Ex | Penn::Prp | Penn::PrpS | Penn::Wp | Penn::WpS => Upos::Pron,
            Penn::In => Upos::Adp,
            Penn::Jj | Penn::Jjr | Penn::Jjs => Upos::Adj,
            Penn::Md => Upos::Aux,
            Penn::Nn | Penn::Nns => Upos::Noun,
            Penn::Nnp | Penn::Nnps => Upos::Propn,
            Penn::Rb | Penn::Rbr | Penn::Rbs | Penn::Wrb => Upos::Adv,
            Penn::Rp | Penn::To | Penn::Pos => Upos::Part,
            Penn::Uh => Upos::Intj,
            Penn::Vb | Penn::Vbd | Penn::Vbg | Penn::Vbn | Penn::Vbp | Penn::Vbz => {
                if matches!(lemma, "be" | "have" | "do" | "get") {
                    Upos::Aux
                } else {
                    Upos::Verb
                }
            }
            Penn::Sym | Penn::Dollar | Penn::Hash => Upos::Sym,
            _ => Upos::Punct,
        },
    }
}
