//! English clauses over Penn tags.
//!
//! **Splitting.** English verb groups are contiguous (`will not have been deployed`), so
//! the sentence is cut at commas, colons, brackets and final punctuation into segments,
//! and each segment into one clause per verb group. A verb group starts at a verb (`MD`,
//! `VB*`) or at `to` + verb, and continues through further verbs and adverbs (`not`,
//! `yet`) only after an auxiliary (a modal, `be`, `have`, `do`, `get`, `to`). The words
//! between two groups go to the second clause from its marker on (a subordinating `IN`,
//! `WDT`, `WP`, `WRB`, a coordinating `CC`, or `to`); without a marker, from the start of
//! the noun phrase just before the group (`officials said [troops were deployed]`). A
//! verbless segment joins the clause before it (an opening one: the first main clause, so
//! that `X, who …, said` keeps its subject).
//!
//! **Verb complex.** Along the group: `will`/`shall` + verb → future, `would` + verb →
//! future with mood `KonjII` (conditional), another modal → the modal; `have` +
//! participle → perfect; `be` + participle → passive, `get` + participle → passive;
//! `be` + `-ing` and `do` change nothing. A particle (`RP`) after the main verb is joined
//! with a space (`pull out`). A group without a finite verb after `and`/`or` shares the
//! previous group's auxiliaries (`were arrested and questioned`). A bare verb (`VB`) that
//! starts the sentence is an imperative.
//!
//! **Known limits.** A relative clause embedded without commas (`the ministry that ordered
//! the strike wants …`) is not nested: its words and the main clause's subject end up in
//! one clause; the verb complexes (lemma, tense, voice, modal) are still right.

use crate::{
    fold_tense, make_clause, At, Clause, ClauseKind, ClauseMood, Modal, PassiveAux, Steps,
    VerbComplex, Word,
};
use sitrep_core::{Penn, Xpos};

fn penn<W: Word>(w: &W) -> Option<Penn> {
    match w.xpos() {
        Xpos::Penn(t) => Some(t),
        Xpos::Stts(_) => None,
    }
}

fn is_verb(t: Penn) -> bool {
    matches!(
        t,
        Penn::Md | Penn::Vb | Penn::Vbd | Penn::Vbg | Penn::Vbn | Penn::Vbp | Penn::Vbz
    )
}

fn lemma_lc<W: Word>(w: &W) -> String {
    let l = w.lemma();
    let l = if l.is_empty() || l == "_" {
        w.text()
    } else {
        l
    };
    l.to_lowercase()
}

fn is_aux<W: Word>(w: &W) -> bool {
    penn(w) == Some(Penn::Md)
        || penn(w) == Some(Penn::To)
        || matches!(lemma_lc(w).as_str(), "be" | "have" | "do" | "get")
}

/// Negating words: `not`, `n't`, `never`, `no`, `nobody`, `nothing`, `none`, `neither`,
/// `nor`.
pub fn is_negation<W: Word>(w: &W) -> bool {
    matches!(
        w.text().to_lowercase().as_str(),
        "not" | "n't" | "never" | "no" | "nobody" | "nothing" | "none" | "neither" | "nor"
    )
}

fn is_boundary<W: Word>(w: &W) -> bool {
    matches!(
        penn(w),
        Some(Penn::Comma | Penn::Period | Penn::Colon | Penn::Lrb | Penn::Rrb)
    )
}

const SUBORDINATORS: &[&str] = &[
    "because", "although", "though", "while", "if", "whether", "since", "after", "before", "until",
    "unless", "that", "once", "as", "whereas",
];

/// A marker that opens a clause, with the kind it opens.
fn marker<W: Word>(w: &W) -> Option<ClauseKind> {
    match penn(w)? {
        Penn::Wdt | Penn::Wp | Penn::WpS => Some(ClauseKind::Relative),
        Penn::Wrb => Some(ClauseKind::Subordinate),
        Penn::In if SUBORDINATORS.contains(&w.text().to_lowercase().as_str()) => {
            Some(ClauseKind::Subordinate)
        }
        Penn::Cc => Some(ClauseKind::Main),
        _ => None,
    }
}

fn np_word<W: Word>(w: &W) -> bool {
    matches!(
        penn(w),
        Some(
            Penn::Dt
                | Penn::Jj
                | Penn::Jjr
                | Penn::Jjs
                | Penn::Nn
                | Penn::Nns
                | Penn::Nnp
                | Penn::Nnps
                | Penn::Prp
                | Penn::PrpS
                | Penn::Cd
                | Penn::Pos
                | Penn::Ex
                | Penn::Hyph
        )
    )
}

/// A base-form verb right after a preposition and a determiner with only noun-phrase words
/// between (`against an Islamic State target`, `for the peace talk`): no verb can stand
/// there, so it is a noun the tagger misread.
fn misread_noun<W: Word>(words: &[W], seg: &[usize], k: usize) -> bool {
    if penn(&words[seg[k]]) != Some(Penn::Vb) {
        return false;
    }
    let mut p = k;
    while p > 0 && np_word(&words[seg[p - 1]]) && penn(&words[seg[p - 1]]) != Some(Penn::Dt) {
        p -= 1;
    }
    p >= 2
        && penn(&words[seg[p - 1]]) == Some(Penn::Dt)
        && penn(&words[seg[p - 2]]) == Some(Penn::In)
}

/// Verb groups of a segment: lists of word indices (verbs, `to`, inner adverbs).
fn groups<W: Word>(words: &[W], seg: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut k = 0;
    while k < seg.len() {
        let j = seg[k];
        let t = penn(&words[j]);
        let starts_to = t == Some(Penn::To)
            && seg[k + 1..]
                .iter()
                .find(|&&r| penn(&words[r]) != Some(Penn::Rb))
                .is_some_and(|&r| penn(&words[r]).is_some_and(is_verb));
        // `government-held`, `US-led`: a participle after a hyphen is part of an adjective;
        // so is a verb joined to a hyphen and the word after it (`closed-door talks`)
        let joined = |a: usize, b: usize| words[a].span().end == words[b].span().start;
        let hyphenated = k > 0 && penn(&words[seg[k - 1]]) == Some(Penn::Hyph)
            || seg.get(k + 2).is_some_and(|&n| {
                let h = seg[k + 1];
                penn(&words[h]) == Some(Penn::Hyph) && joined(j, h) && joined(h, n)
            });
        if !(t.is_some_and(is_verb) || starts_to) || hyphenated || misread_noun(words, seg, k) {
            k += 1;
            continue;
        }
        let mut g = vec![j];
        let mut m = k + 1;
        while m < seg.len() {
            let last = *g.last().unwrap_or(&j);
            let last_verbal = g
                .iter()
                .rev()
                .find(|&&x| penn(&words[x]) != Some(Penn::Rb))
                .copied()
                .unwrap_or(last);
            if !is_aux(&words[last_verbal]) {
                break;
            }
            let r = seg[m];
            match penn(&words[r]) {
                Some(p) if is_verb(p) => g.push(r),
                Some(Penn::Rb) => {
                    // Adverbs inside the group only when a verb follows.
                    let verb_follows = seg[m..]
                        .iter()
                        .find(|&&x| penn(&words[x]) != Some(Penn::Rb))
                        .is_some_and(|&x| penn(&words[x]).is_some_and(is_verb));
                    if !verb_follows {
                        break;
                    }
                    g.push(r);
                }
                _ => break,
            }
            m += 1;
        }
        out.push(g);
        k = m;
    }
    out
}

/// A clause as the segmentation first finds it, before its verb chain and roles are read.
struct Draft {
    kind: ClauseKind,
    words: Vec<usize>,
    /// The verb group that heads it.
    group: Vec<usize>,
    coordinated: bool,
    /// A lone participle read as an elided passive (`soldiers killed in Ukraine`).
    reduced: bool,
}

pub(crate) fn analyze<W: Word>(words: &[W]) -> Vec<Clause> {
    let mut segments: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, w) in words.iter().enumerate() {
        if is_boundary(w) {
            if !segments.last().is_some_and(Vec::is_empty) {
                segments.push(Vec::new());
            }
        } else if let Some(s) = segments.last_mut() {
            s.push(i);
        }
    }
    segments.retain(|s| !s.is_empty());

    let mut clauses: Vec<Draft> = Vec::new();
    let finite_at = |j: usize| {
        matches!(
            penn(&words[j]),
            Some(Penn::Vbd | Penn::Vbp | Penn::Vbz | Penn::Md)
        )
    };
    let sentence_finite = (0..words.len()).any(finite_at);
    // a headline: no finite verb and no closing stop (`Two soldiers killed in Ukraine`);
    // prose closed by a stop has a finite verb, so a lone participle there is a past tense
    // the tagger misread (`US troops fired into the crowd.`)
    let headline = !sentence_finite
        && !words
            .iter()
            .rev()
            .find(|w| !matches!(w.text(), "\"" | "'" | ")" | "”" | "’"))
            .is_some_and(|w| matches!(w.text(), "." | "!" | "?"));
    let mut pending: Vec<usize> = Vec::new();
    for seg in segments {
        let gs = groups(words, &seg);
        // `Although Israel withdrew from Lebanon, the Lebanese party, Hizbullah, has not
        // …`: noun phrases in commas after an opening subordinate clause are the subject
        // of the main clause that follows, not part of the opening
        let after_opening = !clauses.is_empty()
            && clauses.iter().all(|c| c.kind == ClauseKind::Subordinate)
            && seg.iter().all(|&j| np_word(&words[j]));
        if gs.is_empty() && after_opening {
            pending.extend(seg);
            continue;
        }
        if gs.is_empty() {
            match clauses.last_mut() {
                Some(c) => c.words.extend(seg),
                None => pending.extend(seg),
            }
            continue;
        }
        // Where each group's clause starts, as a position in `seg`.
        let pos = |x: usize| seg.iter().position(|&s| s == x).unwrap_or(0);
        let mut starts = Vec::new();
        let mut kinds = Vec::new();
        let mut coord = Vec::new();
        let mut prev_end = 0usize;
        for (n, g) in gs.iter().enumerate() {
            let gstart = pos(g[0]);
            let mut kind = ClauseKind::Main;
            let mut start = if n == 0 { 0 } else { gstart };
            let mut co = false;
            if penn(&words[g[0]]) == Some(Penn::To) {
                kind = ClauseKind::Infinitive;
            }
            // The last marker between the previous group and this one.
            let lo = if n == 0 { 0 } else { prev_end };
            if let Some(mp) = (lo..gstart)
                .rev()
                .find(|&p| marker(&words[seg[p]]).is_some())
            {
                let mk = marker(&words[seg[mp]]).unwrap_or(ClauseKind::Main);
                if n > 0 || mk != ClauseKind::Main {
                    start = if n == 0 { 0 } else { mp };
                    if kind != ClauseKind::Infinitive {
                        kind = mk;
                    }
                    co = penn(&words[seg[mp]]) == Some(Penn::Cc);
                }
            } else if n > 0 && kind != ClauseKind::Infinitive && !lone_participle(words, g) {
                // (a lone `-ing` participle opens an adjunct without a subject of its own:
                // `sniffed at the proposal saying …`, `pulled out of talks demanding …`)
                let mut p = gstart;
                while p > lo && np_word(&words[seg[p - 1]]) {
                    p -= 1;
                }
                start = p;
            }
            starts.push(start);
            kinds.push(kind);
            coord.push(co);
            prev_end = pos(*g.last().unwrap_or(&g[0])) + 1;
        }
        for n in 0..gs.len() {
            let end = starts.get(n + 1).copied().unwrap_or(seg.len());
            let mut ws: Vec<usize> = seg[starts[n]..end].to_vec();
            // a verbless opening goes to the first main clause: `The more radical Shiites,
            // who follow Khomeini, chant …` (its subject)
            if kinds[n] == ClauseKind::Main {
                ws.append(&mut pending);
            }
            // an elided passive (`soldiers killed in Ukraine`): after another verb group of
            // the segment (`There were …`, `hoped officials accused of …`), before the
            // finite verb of the noun it describes (`The civilians imprisoned for acting
            // against Moscow were released`), or in a headline
            let reduced = reduced_passive(words, &gs[n], sentence_finite)
                && (n > 0
                    || headline
                    || gs[1..].iter().any(|h| {
                        finite_at(h[0])
                            && (pos(gs[0][0])..pos(h[0])).all(|p| marker(&words[seg[p]]).is_none())
                    }));
            clauses.push(Draft {
                kind: kinds[n],
                words: ws,
                group: gs[n].clone(),
                coordinated: coord[n],
                reduced,
            });
        }
    }

    // (no main clause: the opening stays with the first)
    if let Some(c) = clauses.first_mut() {
        c.words.append(&mut pending);
    }

    let mut out = Vec::new();
    let mut prev_chain: Vec<usize> = Vec::new();
    let mut prev_existential = false;
    for Draft {
        mut kind,
        words: ws,
        group: g,
        coordinated: co,
        reduced,
    } in clauses
    {
        let mut ch: Vec<usize> = g
            .iter()
            .copied()
            .filter(|&j| penn(&words[j]).is_some_and(is_verb))
            .collect();
        let own_finite = ch.first().is_some_and(|&j| {
            matches!(
                penn(&words[j]),
                Some(Penn::Vbd | Penn::Vbp | Penn::Vbz | Penn::Md)
            )
        });
        let mut shared = false;
        if !own_finite && co && prev_chain.len() > 1 && kind != ClauseKind::Infinitive {
            let mut b = prev_chain[..prev_chain.len() - 1].to_vec();
            b.extend(ch);
            ch = b;
            shared = true;
        }
        let imperative = !own_finite
            && !shared
            && ch.first().is_some_and(|&j| {
                penn(&words[j]) == Some(Penn::Vb) && ws.first() == Some(&j) && j == 0
            });
        let reduced = reduced && !own_finite && !shared && kind != ClauseKind::Infinitive;
        // `a member of Hamas jailed a year ago`, `officials accused of …`: a participle
        // describing the noun before it is a relative clause; after `there were` it states
        // the event (`There were 10 soldiers killed`), and so it does in a headline
        // without a finite verb (`Ten soldiers killed in attack`)
        if reduced && sentence_finite && !prev_existential {
            kind = ClauseKind::Relative;
        }
        let mut verb = complex(words, &ws, &g, &ch, shared, imperative);
        if let (true, Some(v)) = (reduced, verb.as_mut()) {
            v.passive = Some(PassiveAux::Be);
            v.voice = sitrep_core::Voice::Pass;
        }
        prev_existential = ws.iter().any(|&j| penn(&words[j]) == Some(Penn::Ex));
        prev_chain = ch;
        out.push(make_clause(
            words,
            kind,
            ws.iter().map(|&j| j as u32).collect(),
            verb,
        ));
    }
    out.sort_by_key(|c| c.words.first().copied().unwrap_or(0));
    out
}

/// A verb group that is one `-ing` participle (`saying`, `demanding`).
fn lone_participle<W: Word>(words: &[W], g: &[usize]) -> bool {
    matches!(g, [j] if penn(&words[*j]) == Some(Penn::Vbg))
}

/// A lone past participle right after a noun, without an auxiliary and without an object
/// of its own (`soldiers killed in Ukraine`, `officials accused of fraud`, `a member jailed
/// a year ago`): an elided passive. A participle followed by a noun phrase is more likely a
/// past tense the tagger read as a participle (`Rebels attacked the town`), and so is one
/// before `to` (`the leader prepared to attend`).
fn reduced_passive<W: Word>(words: &[W], ch: &[usize], day_after: bool) -> bool {
    let [j] = *ch else { return false };
    if penn(&words[j]) != Some(Penn::Vbn) || j == 0 {
        return false;
    }
    let after_noun = matches!(
        penn(&words[j - 1]),
        Some(Penn::Nn | Penn::Nns | Penn::Nnp | Penn::Nnps)
    );
    // (a day is no object: `a report released Tuesday`; not in a headline without a
    // finite verb, where the tagger's participle is as likely a past tense: `Opponents
    // protested yesterday`)
    let object_follows = words.get(j + 1).is_some_and(|n| {
        (!day_after
            || !matches!(
                n.text().to_lowercase().as_str(),
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "yesterday"
                    | "today"
                    | "overnight"
                    | "earlier"
                    | "last"
            ))
            && matches!(
                penn(n),
                Some(
                    Penn::To
                        | Penn::Dt
                        | Penn::PrpS
                        | Penn::Prp
                        | Penn::Cd
                        | Penn::Jj
                        | Penn::Nn
                        | Penn::Nns
                        | Penn::Nnp
                        | Penn::Nnps
                )
            )
    });
    after_noun && !object_follows
}

fn complex<W: Word>(
    words: &[W],
    ws: &[usize],
    group: &[usize],
    ch: &[usize],
    shared: bool,
    imperative: bool,
) -> Option<VerbComplex> {
    let &main = ch.last()?;
    let finite = ch.first().copied().filter(|&j| {
        imperative
            || matches!(
                penn(&words[j]),
                Some(Penn::Vbd | Penn::Vbp | Penn::Vbz | Penn::Md)
            )
    });
    let mut steps = Steps::default();
    let mut conditional = false;
    let mut modal: Option<Modal> = None;
    let mut passive = None;
    for pair in ch.windows(2) {
        let (g, d) = (&words[pair[0]], &words[pair[1]]);
        let counts = modal.is_none();
        let dt = penn(d);
        if penn(g) == Some(Penn::Md) {
            match g.text().to_lowercase().as_str() {
                "will" | "shall" | "'ll" | "wo" | "sha" => steps.future |= counts,
                "would" | "'d" => {
                    steps.future |= counts;
                    conditional |= counts;
                }
                _ => {
                    if modal.is_none() {
                        modal = Some(Modal {
                            at: At::of(words, pair[0]),
                            lemma: lemma_lc(g),
                        });
                    }
                }
            }
            continue;
        }
        match lemma_lc(g).as_str() {
            "have" if dt == Some(Penn::Vbn) => steps.perfect |= counts,
            "be" if dt == Some(Penn::Vbn) => passive = Some(PassiveAux::Be),
            "get" if dt == Some(Penn::Vbn) => passive = Some(PassiveAux::Get),
            _ => {}
        }
    }
    let particle = ws
        .iter()
        .copied()
        .filter(|&j| j > main && penn(&words[j]) == Some(Penn::Rp))
        .find(|&j| !group.contains(&j));
    let base = lemma_lc(&words[main]);
    let lemma = match particle {
        Some(p) => format!("{base} {}", words[p].text().to_lowercase()),
        None => base,
    };
    let (mood, tense) = match finite {
        Some(f) => {
            let past = penn(&words[f]) == Some(Penn::Vbd);
            let mood = if imperative {
                ClauseMood::Imp
            } else if conditional {
                ClauseMood::KonjII
            } else {
                ClauseMood::Ind
            };
            (Some(mood), Some(fold_tense(past, steps)))
        }
        None => (None, None),
    };
    Some(
        crate::Parts {
            finite,
            main,
            particle,
            chain: ch,
            clause: ws,
            lemma,
            mood,
            tense,
            passive,
            modal,
            shared_finite: shared,
        }
        .build(words, is_negation::<W>),
    )
}

#[cfg(test)]
mod tests {
    use crate::testing::tagged;
    use crate::*;
    use sitrep_core::Language;

    fn summary(s: &str) -> Vec<String> {
        let cs = ClauseAnalyzer::new().analyze(Language::En, &tagged(s));
        cs.iter()
            .filter_map(|c| c.verb.as_ref().map(|v| (c, v)))
            .map(|(c, v)| {
                format!(
                    "{} {} {} {} {} {} {}",
                    c.kind,
                    v.lemma,
                    v.mood.map_or("-", |m| m.as_str()),
                    v.tense.map_or("-", |t| t.as_str()),
                    v.passive.map_or("Act", |p| p.as_str()),
                    v.modal.as_ref().map_or("-", |m| m.lemma.as_str()),
                    if v.negation.is_some() { "neg" } else { "pos" }
                )
            })
            .collect()
    }

    #[test]
    fn passive_past() {
        assert_eq!(
            summary("Troops/NNS/troop were/VBD/be deployed/VBN/deploy to/IN Poland/NNP ./."),
            ["main deploy Ind Past be - pos"]
        );
    }

    #[test]
    fn future_with_negation() {
        assert_eq!(
            summary("Johnson/NNP will/MD not/RB call/VB Putin/NNP ./."),
            ["main call Ind Fut Act - neg"]
        );
        assert_eq!(
            summary("Moscow/NNP could/MD n't/RB have/VB/have known/VBN/know ./."),
            ["main know Ind Pres Act could neg"]
        );
    }

    #[test]
    fn reported_clause_without_complementizer() {
        let got = summary(
            "Officials/NNS/official said/VBD/say the/DT troops/NNS/troop had/VBD/have been/VBN/be pulled/VBN/pull out/RP ./.",
        );
        assert_eq!(
            got,
            [
                "main say Ind Past Act - pos",
                "main pull out Ind Pqp be - pos"
            ]
        );
    }

    #[test]
    fn relative_infinitive_coordination() {
        let got = summary(
            "The/DT ministry/NN wants/VBZ/want to/TO avoid/VB a/DT war/NN that/WDT nobody/NN wants/VBZ/want ./.",
        );
        assert_eq!(
            got,
            [
                "main want Ind Pres Act - pos",
                "infinitive avoid - - Act - pos",
                "relative want Ind Pres Act - neg"
            ]
        );
        let got = summary(
            "Two/CD men/NNS/man were/VBD/be arrested/VBN/arrest and/CC questioned/VBN/question ./.",
        );
        assert_eq!(
            got,
            [
                "main arrest Ind Past be - pos",
                "main question Ind Past be - pos"
            ]
        );
        assert_eq!(
            summary("Withdraw/VB/withdraw your/PRP$ troops/NNS/troop !/."),
            ["main withdraw Imp Pres Act - pos"]
        );
        assert_eq!(
            summary("He/PRP would/MD never/RB sign/VB it/PRP ./."),
            ["main sign KonjII Fut Act - neg"]
        );
    }

    fn clause_of(s: &str, lemma: &str) -> (ClauseKind, Vec<u32>) {
        let cs = ClauseAnalyzer::new().analyze(Language::En, &tagged(s));
        cs.into_iter()
            .find(|c| c.verb.as_ref().is_some_and(|v| v.lemma == lemma))
            .map(|c| (c.kind, c.words))
            .unwrap_or_else(|| panic!("no clause of {lemma} in {s}"))
    }

    #[test]
    fn lone_participle_opens_an_adjunct_without_subject() {
        let s = "Hamas/NNP sniffed/VBD/sniff at/IN the/DT proposal/NN saying/VBG/say it/PRP was/VBD/be unfair/JJ ./.";
        // `at the proposal` stays with `sniffed`; `saying` starts its own clause
        assert_eq!(clause_of(s, "sniff").1, [0, 1, 2, 3, 4]);
        assert_eq!(clause_of(s, "say").1, [5]);
    }

    #[test]
    fn opening_before_a_relative_clause_is_the_main_clause_subject() {
        let s = "The/DT rebels/NNS/rebel ,/, who/WP control/VBP/control the/DT north/NN ,/, rejected/VBD/reject the/DT offer/NN ./.";
        assert_eq!(
            clause_of(s, "reject"),
            (ClauseKind::Main, vec![0, 1, 8, 9, 10])
        );
        assert_eq!(
            clause_of(s, "control"),
            (ClauseKind::Relative, vec![3, 4, 5, 6])
        );
    }

    #[test]
    fn subject_with_apposition_after_a_fronted_clause() {
        let s = "Although/IN Israel/NNP withdrew/VBD/withdraw ,/, the/DT Lebanese/JJ militants/NNS/militant ,/, Hizbullah/NNP ,/, have/VBP/have not/RB been/VBN/be mollified/VBN/mollify ./.";
        assert_eq!(clause_of(s, "withdraw").1, [0, 1, 2]);
        assert_eq!(clause_of(s, "mollify").1, [4, 5, 6, 8, 10, 11, 12, 13]);
    }

    #[test]
    fn hyphenated_participle_is_no_verb() {
        assert_eq!(
            summary("Rebels/NNS/rebel shelled/VBD/shell a/DT government/NN -/HYPH held/VBN/hold town/NN ./."),
            ["main shell Ind Past Act - pos"]
        );
    }

    #[test]
    fn base_verb_after_preposition_and_article_is_a_noun() {
        assert_eq!(
            summary("Jets/NNS/jet struck/VBD/strike against/IN an/DT Islamic/NNP State/NNP target/VB/target ./."),
            ["main strike Ind Past Act - pos"]
        );
    }

    #[test]
    fn reduced_passive_participles() {
        assert_eq!(
            summary("There/EX were/VBD/be ten/CD soldiers/NNS/soldier killed/VBN/kill in/IN Ukraine/NNP ./."),
            ["main be Ind Past Act - pos", "main kill - - be - pos"]
        );
        assert_eq!(
            summary("The/DT civilians/NNS/civilian imprisoned/VBN/imprison for/IN protests/NNS/protest were/VBD/be released/VBN/release ./."),
            ["relative imprison - - be - pos", "main release Ind Past be - pos"]
        );
        assert_eq!(
            summary("The/DT reports/NNS/report released/VBN/release Tuesday/NNP alleged/VBD/allege fraud/NNS ./."),
            ["relative release - - be - pos", "main allege Ind Past Act - pos"]
        );
        // a misread past tense: with an object after it, or opening the sentence before a
        // subordinate clause
        assert_eq!(
            summary("France/NNP on/IN Monday/NNP condemned/VBN/condemn as/IN false/JJ claims/NNS/claim that/IN it/PRP had/VBD/have lied/VBN/lie ./."),
            ["main condemn - - Act - pos", "subordinate lie Ind Pqp Act - pos"]
        );
        assert_eq!(
            summary("Rebels/NNS/rebel attacked/VBN/attack the/DT town/NN ./."),
            ["main attack - - Act - pos"]
        );
        // no finite verb: a headline keeps the participle (elided passive), prose closed by
        // a stop reads it as the past tense
        assert_eq!(
            summary("Two/CD soldiers/NNS/soldier killed/VBN/kill in/IN Ukraine/NNP"),
            ["main kill - - be - pos"]
        );
        assert_eq!(
            summary("US/NNP troops/NNS/troop fired/VBN/fire into/IN the/DT crowd/NN ./."),
            ["main fire - - Act - pos"]
        );
    }
}
