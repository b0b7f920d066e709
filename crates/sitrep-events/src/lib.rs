//! Event extraction: clauses and their arguments, frames as data, PLOVER events with coded
//! actors.
//!
//! For each sentence the [`EventExtractor`]:
//!
//! 1. splits it into clauses with their verb complexes ([`sitrep_clause`]);
//! 2. chunks each clause into noun and prepositional phrases with roles ([`args`]), and maps
//!    a passive onto the active frame (`von`/`durch`/`by` phrase → subject, subject →
//!    object);
//! 3. looks the joined verb lemma up in the language's [`frames`] (the first frame whose
//!    conditions hold wins), then predicative adjectives (`nicht akzeptabel`), then event
//!    nouns (`Verlegung`, `Telefonat`, `attack`) that are no argument of a verb event;
//! 4. reads the actors of the frame's source and target roles from the entity mentions in
//!    those phrases (per conjunct; the mention on the head first, then the nearest, then a
//!    genitive's), resolving personal and relative pronouns to the last actors named;
//! 5. sets the modality from the verb complex (negation, modal verb, future, Konjunktiv
//!    II, conditional clause, a governing verb of intention, an attributive `geplant`).
//!
//! One event is kept per type, actors and sentence. Every event carries its rule (the
//! frame id), its trigger and evidence spans and the actors' words.

pub mod args;
mod attach;
mod dyads;
pub mod frames;
pub mod polarity;
mod speech;
mod word_classes;

pub use dyads::dyadic;

use args::{phrases, Phrase, W};
use frames::{Flags, Frame, Frames, Pos, Require, Role};
use polarity::PolarityLexicon;
use sitrep_clause::{Clause, ClauseAnalyzer, ClauseKind, ClauseMood, ClauseTense};
use sitrep_core::lower::lower;
use sitrep_core::{
    Case, Entity, Event, EventActor, EventType, Feats, Gender, Language, Mention, Modality, Sector,
    Segmentation, Span, Stts, Upos, Voice, Xpos,
};
use sitrep_entities::Found;
use sitrep_tag::WordAnalysis;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;
use word_classes::{WordClass, WordClasses};

impl sitrep_clause::Word for W<'_> {
    fn text(&self) -> &str {
        self.text
    }
    fn span(&self) -> Span {
        self.span
    }
    fn upos(&self) -> Upos {
        self.a.upos
    }
    fn xpos(&self) -> Xpos {
        self.a.xpos
    }
    fn lemma(&self) -> &str {
        &self.a.lemma
    }
    fn feats(&self) -> Feats {
        self.a.feats
    }
}

/// The extractor for both languages. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct EventExtractor {
    /// Per language, built on first use or by [`EventExtractor::load`]: a German batch
    /// never parses the English frames.
    frames: [OnceLock<Frames>; 2],
    clauses: ClauseAnalyzer,
    /// Words that name an actor by its sector (`Polizei`, `Vizekanzler`, `ministry`), per
    /// language, indexed for lookups by hash (built as `frames`).
    sectors: [OnceLock<sitrep_kb::matcher::SectorIndex>; 2],
    /// Quantities, dates, quotes and cited sources.
    attrs: sitrep_attrs::Attrs,
    /// Party names that the parties of several states share (`Grünen`, `Greens`), as
    /// (knowledge-base id, lower-case name): in a story with another home state they name
    /// that state's party.
    shared_parties: std::collections::HashSet<(String, String)>,
    /// Word classes the rules test by lemma (`data/events/word-classes.tsv`).
    classes: WordClasses,
    /// German prior polarity, for ratings no frame row names ([`polarity`]); built on
    /// first use or by [`EventExtractor::load`] of German.
    polarity: OnceLock<PolarityLexicon>,
}

/// What the extractor reads of one analysed document.
pub struct Input<'a> {
    pub language: Language,
    pub text: &'a str,
    pub seg: &'a Segmentation,
    /// One analysis per token of `seg`.
    pub words: &'a [WordAnalysis],
    /// The entity recogniser's mentions, in text order.
    pub found: &'a [Found],
    /// The grouped entities (for the `entity` ids of actors).
    pub entities: &'a [Entity],
    /// The publication date, for dates like `heute` and `am Freitag`.
    pub published: Option<sitrep_core::Date>,
}

/// Events and the direct quotes of a document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub events: Vec<Event>,
    pub quotes: Vec<sitrep_core::Quote>,
}

/// A state or place named in a sentence (sentence-local tokens), for event places.
#[derive(Debug, Clone)]
pub(crate) struct PlaceMen {
    tokens: Range<usize>,
    code: Option<String>,
    name: String,
    span: Span,
    /// A town or region, not a state (its adjective, `Bozner`, names a place).
    town: bool,
}

/// An actor read from the text, before it becomes an [`EventActor`].
#[derive(Debug, Clone, PartialEq)]
struct Actor {
    code: String,
    entity: Option<String>,
    span: Span,
    /// Inferred from the home country, not named: weaker than any named actor.
    inferred: bool,
}

/// What an event noun found for itself.
struct NounRoles {
    source: Vec<Actor>,
    target: Vec<Actor>,
}

impl EventExtractor {
    /// The extractor with the shipped frames. Panics if a shipped frame file is malformed
    /// (the tests load both, so a release cannot ship a broken one).
    pub fn new() -> EventExtractor {
        EventExtractor {
            frames: [OnceLock::new(), OnceLock::new()],
            clauses: ClauseAnalyzer::new(),
            sectors: [OnceLock::new(), OnceLock::new()],
            attrs: shipped_attrs(),
            shared_parties: shipped_shared_parties(),
            classes: WordClasses::shipped(),
            polarity: OnceLock::new(),
        }
    }

    /// The extractor with the given frames (for tests and frame development).
    pub fn with_frames(de: Frames, en: Frames) -> EventExtractor {
        EventExtractor {
            frames: [OnceLock::from(de), OnceLock::from(en)],
            ..EventExtractor::new()
        }
    }

    /// Builds the parts of `language` now (its frames and sector words; for German also
    /// the polarity lexicon) rather than on first use.
    pub fn load(&self, language: Language) {
        self.frames(language);
        self.sectors(language);
        if language == Language::De {
            self.polarity();
        }
    }

    /// The frames of `language`. Panics if the shipped file is malformed (see
    /// [`EventExtractor::new`]).
    pub fn frames(&self, language: Language) -> &Frames {
        self.frames[language as usize].get_or_init(|| {
            Frames::new(language).unwrap_or_else(|e| panic!("shipped {language} frames: {e}"))
        })
    }

    fn sectors(&self, language: Language) -> &sitrep_kb::matcher::SectorIndex {
        self.sectors[language as usize].get_or_init(|| {
            let words =
                sitrep_kb::sectors::load().unwrap_or_else(|e| panic!("shipped sector words: {e}"));
            sitrep_kb::matcher::SectorIndex::new(language, &words)
        })
    }

    fn polarity(&self) -> &PolarityLexicon {
        self.polarity.get_or_init(|| {
            PolarityLexicon::new().unwrap_or_else(|e| panic!("shipped polarity lexicon: {e}"))
        })
    }

    /// The events of one document, in text order, with ids `v1`, `v2`, ….
    pub fn extract(&self, input: &Input<'_>) -> Vec<Event> {
        self.extract_all(input).events
    }

    /// The events and the direct quotes of one document.
    pub fn extract_all(&self, input: &Input<'_>) -> Extraction {
        let mut entity_of: HashMap<(u32, u32), &str> = HashMap::new();
        for e in input.entities {
            for m in &e.mentions {
                entity_of.insert((m.start, m.end), e.id.as_str());
            }
        }
        let mut doc = DocState {
            home: sitrep_entities::home_country(input.text, input.seg, input.found)
                .or_else(|| dateline_home(input))
                .or_else(|| named_home(input.language, input.found)),
            published_year: input.published.map(|d| d.year()),
            ..Default::default()
        };
        let mut events: Vec<Event> = Vec::new();
        let mut quotes = Vec::new();
        let entity_by_span = |sp: Span| entity_of.get(&(sp.start, sp.end)).map(|s| s.to_string());
        let mut found_at = 0;
        for (si, s) in input.seg.sentences.iter().enumerate() {
            // English news: PLOVER requires an event's actor (only the recipient is
            // optional). Past the headline and the lead (the first three sentences), where
            // context often names the main event's actor, an event without one is a detail
            // or background of the story (casualty counts, history, generic statements).
            doc.after_lead = input.language == Language::En && si >= 3;
            doc.sentence_no = si;
            let range = s.tokens.start as usize..s.tokens.end as usize;
            let toks = &input.seg.tokens[range.clone()];
            let ws: Vec<W<'_>> = toks
                .iter()
                .zip(&input.words[range.clone()])
                .map(|(t, a)| {
                    let text = t.span.get(input.text).unwrap_or("");
                    W::new(input.language, text, t.span, a, t.joined, &self.attrs)
                })
                .collect();
            // mentions of this sentence, with sentence-local token ranges
            while found_at < input.found.len() && input.found[found_at].tokens.start < range.start {
                found_at += 1;
            }
            let mut mentions: Vec<Men> = Vec::new();
            let mut places: Vec<PlaceMen> = Vec::new();
            let mut k = found_at;
            while k < input.found.len() && input.found[k].tokens.start < range.end {
                let f = &input.found[k];
                let person = f.kind == sitrep_core::EntityKind::Person;
                // an unknown person or organisation in a domestic story: the home
                // country (`Gnesda`, `der Österreichische Naturschutzbund`)
                let unknown_actor = f.kb.is_none()
                    && matches!(
                        f.kind,
                        sitrep_core::EntityKind::Person | sitrep_core::EntityKind::Organization
                    );
                let mut code = f.code.as_ref().or(if unknown_actor {
                    doc.home.as_ref()
                } else {
                    None
                });
                // `die Grünen` in an Austrian story are the Austrian Greens
                if let (Some(kb), Some(home)) = (&f.kb, &doc.home) {
                    if code.is_some_and(|c| c != home) {
                        let name = f.span.get(input.text).unwrap_or("").to_lowercase();
                        if self.shared_parties.contains(&(kb.clone(), name)) {
                            code = Some(home);
                        }
                    }
                }
                if matches!(
                    f.kind,
                    sitrep_core::EntityKind::State | sitrep_core::EntityKind::Place
                ) {
                    places.push(PlaceMen {
                        tokens: f.tokens.start - range.start
                            ..f.tokens.end.min(range.end) - range.start,
                        code: f.state(),
                        name: f.name.clone(),
                        span: f.span,
                        town: f.kind == sitrep_core::EntityKind::Place,
                    });
                }
                if let Some(code) = code {
                    mentions.push(Men {
                        tokens: f.tokens.start - range.start
                            ..f.tokens.end.min(range.end) - range.start,
                        actor: Actor {
                            code: code.clone(),
                            entity: entity_of
                                .get(&(f.span.start, f.span.end))
                                .map(|s| s.to_string()),
                            span: f.span,
                            inferred: f.code.is_none(),
                        },
                        person,
                        derived: f.is_derived(),
                        media: f.kind == sitrep_core::EntityKind::Media,
                        org: f.kind == sitrep_core::EntityKind::Organization,
                    });
                }
                k += 1;
            }
            let sentence = Sentence {
                lang: input.language,
                text: input.text,
                span: s.span,
                ws: &ws,
                mentions: &mentions,
                places: &places,
                classes: &self.classes,
                sectors: LemmaSectors::new(self.sectors(input.language), &ws),
            };
            if input.language == Language::De {
                let found = &input.found[found_at..k];
                doc.political
                    .extend(political_spans(&ws, found, range.start, &sentence.sectors));
            }
            let first = events.len();
            doc.event_clauses.clear();
            self.sentence(&sentence, &mut doc, &mut events);
            let spoken = Self::next_speaker(&sentence, &doc, &events);
            doc.carry_speaker.after(
                input.text,
                s.span.start as usize,
                s.span.end as usize,
                spoken,
                doc.main_subject.as_deref(),
            );
            let sa = attach::SentenceAttrs {
                text: input.text,
                sent: sitrep_attrs::Sent::new(
                    input.language,
                    input.text,
                    &input.seg.tokens,
                    input.words,
                    range.clone(),
                ),
                found: input.found,
                entity_of: &entity_by_span,
                published: input.published,
                speaker: doc.speaker.first(),
                last_person: doc.last_person.as_ref(),
                reported: doc.reported,
                classes: &self.classes,
            };
            quotes.extend(attach::attach(
                &self.attrs,
                &sa,
                &mut events[first..],
                &doc.event_clauses,
                &mut doc.carry,
            ));
            if let Some(m) = mentions.iter().rev().find(|m| m.person) {
                doc.last_person = Some(m.actor.clone());
            }
            if let Some(m) = mentions.iter().rev().find(|m| m.org && !m.actor.inferred) {
                doc.last_org = Some(Actor {
                    inferred: true,
                    ..m.actor.clone()
                });
            }
            if let Some(p) = places.iter().rev().find(|p| !p.town && p.code.is_some()) {
                doc.last_state = Some(Actor {
                    code: p.code.clone().unwrap_or_default(),
                    entity: None,
                    span: p.span,
                    inferred: true,
                });
            }
        }
        counterpart_targets(input, doc.home.as_deref(), &mut events);
        // German: an event whose doer, by its frame the clause's subject, names no actor
        // (an agentless passive, a subject that is no actor) is a generic, procedural or
        // hypothetical statement (`Insgesamt wurden 25 Sprachen angeboten`, `Darüber
        // werde noch beraten`, `wären an die PVA zu überweisen`, `Früherer Kapitän zu 16
        // Jahren verurteilt`), no event a coder records. Kept: violence and arrests
        // reported by their victims (`Zwei Menschen wurden getötet`), aid reported by
        // whom it reached (`Kiew erhält einen Kredit`), and idioms whose subject is the
        // target (`Die Regierung steht in der Kritik`: the critics are optional).
        if input.language == Language::De {
            let frames = self.frames(Language::De);
            events.retain(|e| {
                !e.source.is_empty()
                    || sourceless_kept(e.event_type, !e.target.is_empty())
                    || frames
                        .all()
                        .iter()
                        .find(|f| f.id == e.rule)
                        .is_some_and(|f| !f.source.contains(&Role::Subj))
            });
        }
        // One event per type, actors and sentence also when a target was filled in after
        // the event was made (`is suing X, charging that they …`: the charge's target comes
        // from its `that` clause; `wurde festgenommen und in die Justizanstalt
        // eingeliefert`: one arrest)
        let mut seen: Vec<(EventType, Span, Vec<String>, Vec<String>)> = Vec::new();
        events.retain(|e| {
            let key = (
                e.event_type,
                e.evidence,
                codes_of(&e.source),
                codes_of(&e.target),
            );
            let dup = seen.contains(&key);
            if !dup {
                seen.push(key);
            }
            !dup
        });
        for (i, e) in events.iter_mut().enumerate() {
            e.id = format!("v{}", i + 1);
        }
        Extraction { events, quotes }
    }

    fn sentence(&self, s: &Sentence<'_>, doc: &mut DocState, events: &mut Vec<Event>) {
        let frames = self.frames(s.lang);
        let clauses = self.clauses.analyze(s.lang, s.ws);
        let (speaker, impersonal) = self.speaker(s, &clauses, doc);
        doc.speaker = speaker;
        doc.main_subject = None;
        // German reported speech goes on in Konjunktiv I after the sentence that names its
        // speaker (`…, sagte Mitterlehner. Die Maßnahmen seien absolut falsch.`; see
        // `speech` for where the chain stops). (Direct speech in the first person, its
        // quotation marks often lost, was measured and left out: in interviews and sports
        // reports it coded more false alarms than events; issue 6's design notes.)
        let reported = s.lang == Language::De
            && clauses.iter().any(|c| {
                c.kind == ClauseKind::Main
                    && c.verb
                        .as_ref()
                        .is_some_and(|v| v.mood == Some(ClauseMood::KonjI))
            });
        // (an impersonal speech tag, `hieß es`, is a new speaker nobody knows)
        if doc.speaker.is_empty() && reported && !impersonal {
            doc.speaker = doc
                .carry_speaker
                .for_sentence(s.text, s.span.start as usize);
        }
        doc.reported = reported;
        let first_event = events.len();
        let mut prev_subject: Option<Vec<Actor>> = None;
        // the previous clause's subject was the writer or reader (`personal` below)
        let mut prev_personal = false;
        // intention verbs govern the infinitive clause after them
        let mut governing: Option<String> = None;
        // what the previous clause says to an infinitive after it
        let mut gov = Governor::default();
        // a request without a target, for the subject of a `that` clause after it
        let mut pending_request: Option<usize> = None;
        // the last clause's subject actors
        let mut clause_subject: Vec<Actor> = Vec::new();
        // events superseded by a later clause's (a promise by the promised act)
        let mut dropped: Vec<usize> = Vec::new();
        for (ci, c) in clauses.iter().enumerate() {
            let mut cw: Vec<usize> = c.words.iter().map(|&i| i as usize).collect();
            // `Kreml: China unterstützt Russland`, `LYON: Interpol said`, `Wien – Die
            // Polizei …`: what stands before a colon (or a dash just after the sentence's
            // start) ahead of the verbs is a source or a dateline, no argument.
            if let (Some(v), Some(&first)) = (&c.verb, cw.first()) {
                let first_verb = v.verbs.first().map_or(v.main.index, |a| a.index) as usize;
                // `Wien –`, `Frankfurt/Brüssel/Luxemburg –`: places before a dash
                // (a hyphen with a space on both sides is a dash: `London - Der …`)
                let dateline_dash = |i: usize| {
                    (matches!(s.ws[i].text, "–" | "—")
                        || s.ws[i].text == "-" && !s.ws[i].joined && i > 0 && !s.ws[i - 1].joined)
                        && (i <= first + 4
                            || i <= first + 8
                                && (first..i).all(|j| {
                                    s.ws[j].a.upos == Upos::Propn
                                        || matches!(s.ws[j].text, "/" | "," | "(" | ")")
                                }))
                };
                if let Some(colon) = (first..first_verb)
                    .rev()
                    .find(|&i| s.ws[i].text == ":" || dateline_dash(i))
                {
                    cw.retain(|&i| i > colon);
                }
            }
            let verbs = c.verb.as_ref().map(|v| {
                (
                    v.verbs.first().map_or(v.main.index, |a| a.index) as usize,
                    v.main.index as usize,
                )
            });
            let finite = c
                .verb
                .as_ref()
                .and_then(|v| v.finite)
                .map(|a| a.index as usize);
            // `as the US leader prepared`: an English subordinator that is also a
            // preposition opens the clause; it governs no phrase
            if s.lang == Language::En && c.kind == ClauseKind::Subordinate {
                if let Some(&first) = cw.first() {
                    let l = lower(s.ws[first].text);
                    if matches!(&*l, "as" | "since" | "after" | "before" | "until") {
                        cw.remove(0);
                    }
                }
            }
            let mut phs = phrases(s.lang, s.ws, &cw, verbs, finite, c.kind == ClauseKind::Main);
            // an infinitive clause has no subject of its own: a nominative-looking phrase
            // there is its object (`eine Stationierung … auszuschließen`)
            if c.kind == ClauseKind::Infinitive {
                for ph in &mut phs {
                    if ph.role == Some(Role::Subj) {
                        ph.role = Some(Role::Obj);
                    }
                }
            }
            // `Polen verwies auf den Plan und lobte Litauen`, `… und bezeichnete es als
            // Erfolg`, `sieht darin kein X, sondern macht Y verantwortlich`: a German main
            // clause whose finite verb follows the conjunction directly shares the first
            // conjunct's subject (a declarative clause of its own would put something
            // before the verb); the phrase read as its subject is its object, or its dative
            // beside an object (`und warf Russland Provokationen vor`; active voice only:
            // `und wurden drei Männer verletzt` keeps it)
            let final_gap = verb_final_gap(s, frames, &clauses, ci, &cw, &phs);
            let main_gap = s.lang == Language::De
                && ci > 0
                && c.kind == ClauseKind::Main
                && c.verb.as_ref().is_some_and(|v| v.voice != Voice::Pass)
                && cw.len() > 1
                && matches!(
                    &*lower(s.ws[cw[0]].text),
                    "und" | "oder" | "aber" | "sondern"
                )
                && s.ws[cw[0]].a.upos == Upos::Cconj
                && finite == Some(cw[1]);
            if main_gap || final_gap {
                let has = |r: Role| phs.iter().any(|p| p.role.as_ref() == Some(&r));
                let role = if !has(Role::Obj) {
                    Some(Role::Obj)
                } else if !has(Role::Dat) {
                    Some(Role::Dat)
                } else {
                    None
                };
                if let Some(ph) = phs.iter_mut().find(|p| p.role == Some(Role::Subj)) {
                    ph.role = role;
                }
            }
            // `Kritik übte auch die Regierung`, `Scharfe Kritik an X übte Y`: the noun of a
            // support-verb construction (a frame's `obj=` lemma) before the finite verb is
            // its object and the phrase after the verb its subject, which the case of
            // feminine and neuter phrases cannot tell (German main clauses, active; not
            // when a frame of the verb takes that noun as its subject: `Die Sanktionen
            // treffen die Wirtschaft`)
            if let (Language::De, ClauseKind::Main, Some(v), Some(fin)) =
                (s.lang, c.kind, &c.verb, finite)
            {
                let subj = phs.iter().position(|p| p.role == Some(Role::Subj));
                let obj = phs.iter().position(|p| p.role == Some(Role::Obj));
                if let (Some(a), Some(b), false) = (subj, obj, v.voice == Voice::Pass) {
                    let named = |ph: &Phrase, role: Role| {
                        let l = lower(&s.ws[ph.head()].a.lemma);
                        frames.lookup(Pos::Verb, &v.lemma).iter().any(|&fi| {
                            frames.get(fi).requires.iter().any(|r| {
                                matches!(r, Require::HeadIn(x, ls) if *x == role
                                    && ls.iter().any(|m| *m == *l))
                            })
                        })
                    };
                    // (a masculine singular shows its nominative: `Der Speicher fasst`)
                    let masc = |ph: &Phrase| {
                        let f = &s.ws[ph.head()].a.feats;
                        f.gender == Some(sitrep_core::Gender::Masc)
                            && f.number != Some(sitrep_core::Number::Plur)
                    };
                    if phs[a].words.end <= fin
                        && phs[b].words.start > fin
                        && !masc(&phs[a])
                        && named(&phs[a], Role::Obj)
                        && !named(&phs[a], Role::Subj)
                        && !named(&phs[b], Role::Obj)
                    {
                        phs[a].role = Some(Role::Obj);
                        phs[b].role = Some(Role::Subj);
                    }
                }
            }
            // `Deutschland von EU-Kommission verklagt`: a German headline drops the passive
            // auxiliary; a lone participle with a `von`/`durch` agent is passive
            let headline_passive = |v: &sitrep_clause::VerbComplex| {
                s.lang == Language::De
                    && v.finite.is_none()
                    && v.verbs.len() <= 1
                    && s.ws[v.main.index as usize].a.xpos == Xpos::Stts(Stts::Vvpp)
                    && phs
                        .iter()
                        .any(|p| matches!(&p.role, Some(Role::Pp(x)) if x == "von" || x == "durch"))
            };
            let passive = c
                .verb
                .as_ref()
                .is_some_and(|v| v.voice == Voice::Pass || headline_passive(v));
            // `areas that were hit by the tsunami`: damage done by a disaster is no attack
            // (English)
            // `killed by the crash`; `bei Arbeitsunfällen verletzt`, `von einem Blitz
            // getroffen`, `Der Sturm verletzte zwei Menschen`: harm done by an accident or a
            // disaster is no attack
            let accident = |ph: &Phrase| {
                s.classes
                    .ends_in(WordClass::Accident, s.lang, &s.ws[ph.head()].a.lemma)
            };
            let disaster = match s.lang {
                Language::En => {
                    passive
                        && phs
                            .iter()
                            .any(|ph| ph.role == Some(Role::Pp("by".into())) && accident(ph))
                }
                Language::De => phs.iter().any(|ph| {
                    let by = match &ph.role {
                        Some(Role::Pp(p)) => matches!(p.as_str(), "bei" | "durch" | "von"),
                        Some(Role::Subj) => !passive,
                        _ => false,
                    };
                    by && accident(ph)
                }),
            };
            if passive {
                for ph in &mut phs {
                    // `victims killed by the MH17 crash`: an accident or a disaster is no
                    // agent (English)
                    let cause = s.lang == Language::En
                        && s.classes
                            .has(WordClass::Accident, s.lang, &s.ws[ph.head()].a.lemma);
                    ph.role = match ph.role.take() {
                        Some(Role::Subj) => Some(Role::Obj),
                        Some(Role::Pp(p))
                            if matches!(p.as_str(), "von" | "durch" | "by") && !cause =>
                        {
                            Some(Role::Subj)
                        }
                        r => r,
                    };
                }
            }
            doc.clause_span = c.span;
            doc.clause_passive = passive;
            // English background: a relative clause (`the crisis, which has killed 3,500
            // people`, `a law that curbed freedoms`) or the past perfect (`who had been
            // arrested 15 months ago`) recalls earlier events; without any actor they code
            // nothing a PLOVER record could use
            // (not a past perfect dated to a recent day: `On Wednesday guerrillas had
            // kidnapped a surgeon`)
            doc.clause_background = s.lang == Language::En
                && (c.kind == ClauseKind::Relative
                    || c.verb
                        .as_ref()
                        .is_some_and(|v| v.tense == Some(ClauseTense::Pqp))
                        && !c.words.iter().any(|&i| {
                            let w = &s.ws[i as usize];
                            w.weekday || self.attrs.is_relative_day(s.lang, w.text)
                        }));
            // `Israel has opposed the extension since 2010`, `… have been killed since
            // fighting began`: a perfect with `since` reports a lasting state, no new event
            // `jailed over a year ago`, `three months ago`: an act dated months or years
            // back is the story's history, no new event (English)
            let long_ago = s.lang == Language::En
                && c.words.iter().any(|&i| {
                    let i = i as usize;
                    s.ws[i].text.eq_ignore_ascii_case("ago")
                        && s.ws[i.saturating_sub(3)..i].iter().any(|w| {
                            matches!(
                                &*lower(w.text),
                                "year" | "years" | "month" | "months" | "decade" | "decades"
                            )
                        })
                });
            // `the group that has seized parts of Iraq`: a relative clause in the perfect
            // describes what its noun has become (English)
            let recalled_perfect = s.lang == Language::En
                && c.kind == ClauseKind::Relative
                && c.verb
                    .as_ref()
                    .is_some_and(|v| v.tense == Some(ClauseTense::Perf));
            // `Die Schulen bleiben geschlossen`: `bleiben` with a participle states how
            // things stay, no act (German)
            let stays = s.lang == Language::De
                && c.verb.as_ref().is_some_and(|v| {
                    v.finite.is_some_and(|f| {
                        f.index != v.main.index && s.ws[f.index as usize].a.lemma == "bleiben"
                    }) && s.ws[v.main.index as usize].a.xpos == Xpos::Stts(Stts::Vvpp)
                });
            doc.clause_state = long_ago
                || recalled_perfect
                || stays
                || s.lang == Language::En
                    && c.verb
                        .as_ref()
                        .is_some_and(|v| v.tense == Some(ClauseTense::Perf))
                    && (c
                        .words
                        .iter()
                        .any(|&i| s.ws[i as usize].text.eq_ignore_ascii_case("since"))
                        || clauses.get(ci + 1).is_some_and(|n| {
                            n.words.first().is_some_and(|&i| {
                                s.ws[i as usize].text.eq_ignore_ascii_case("since")
                            })
                        }));
            doc.clause_tense = match &c.verb {
                None => sitrep_attrs::TenseHint::Unknown,
                Some(v)
                    if v.tense == Some(ClauseTense::Fut)
                        || v.modal.as_ref().is_some_and(|m| {
                            matches!(m.lemma.as_str(), "sollen" | "wollen" | "will" | "shall")
                        }) =>
                {
                    sitrep_attrs::TenseHint::Future
                }
                Some(v)
                    if matches!(
                        v.tense,
                        Some(ClauseTense::Past | ClauseTense::Perf | ClauseTense::Pqp)
                    ) =>
                {
                    sitrep_attrs::TenseHint::Past
                }
                Some(_) => sitrep_attrs::TenseHint::Present,
            };
            doc.clause_dated_back = s.lang == Language::De
                && doc.clause_tense == sitrep_attrs::TenseHint::Past
                && dated_back(s.ws, &c.words, doc.published_year);
            doc.clause_places =
                attach::clause_places(s.lang, s.text, s.ws, &phs, s.places, &self.classes);
            let cx = ClauseCx {
                s,
                sectors: self.sectors(s.lang),
                clause: c,
                infinitive_follows: clauses
                    .get(ci + 1)
                    .is_some_and(|n| n.kind == ClauseKind::Infinitive),
                that_follows: clauses.get(ci + 1).is_some_and(|n| {
                    n.kind == ClauseKind::Subordinate
                        && n.words.first().is_some_and(|&i| {
                            matches!(&*lower(s.ws[i as usize].text), "dass" | "that")
                        })
                }),
                after_dependent: ci > 0
                    && matches!(
                        clauses[ci - 1].kind,
                        ClauseKind::Subordinate | ClauseKind::Infinitive
                    ),
                elliptic: s.lang == Language::De
                    && c.verb.is_none()
                    && c.kind == ClauseKind::Main
                    && clauses.get(ci + 1).is_some_and(|n| {
                        n.kind == ClauseKind::Main
                            && n.verb.as_ref().is_some_and(|v| {
                                v.finite
                                    .as_ref()
                                    .is_some_and(|f| n.words.first() == Some(&f.index))
                            })
                    }),
                phrases: &phs,
                passive,
            };
            // `laut einem Urteil des EuGH`, `die Reform der Regierung`: a measure named
            // with its owner; a later reaction to `das Urteil` alone is aimed at that owner
            if s.lang == Language::De {
                for ph in phs.iter() {
                    let h = &s.ws[ph.head()];
                    if h.a.upos == Upos::Noun
                        && self.classes.ends_in(WordClass::Measure, s.lang, &h.a.lemma)
                    {
                        let owner = cx.author_actors(ph, doc);
                        if !owner.is_empty() {
                            doc.measure_owner = Some((doc.sentence_no, owner));
                        }
                    }
                }
            }
            // the clause's subject actors (inherited by a coordinated or infinitive clause)
            let mut subject = cx.role_actors(&Role::Subj, doc);
            // `Der Vizevorsitzende der Linksfraktion, Jan Korte, forderte …`: a name in
            // commas right after a subject without an actor is its apposition
            if subject.is_empty() {
                if let Some(subj) = cx.phrase(&Role::Subj) {
                    let end = subj.words.end;
                    if s.ws.get(end).is_some_and(|w| w.text == ",") {
                        let appo = s
                            .mentions
                            .iter()
                            .find(|m| m.person && m.tokens.start == end + 1);
                        if let Some(m) = appo {
                            subject = vec![m.actor.clone()];
                        }
                    }
                }
            }
            // `The US commander in Iraq, General David Petraeus, held talks`: a name in
            // commas whose actor is only inferred stands for the phrase that opens the clause
            if subject.iter().all(|a| a.inferred) {
                if let Some(subj) = cx.phrase(&Role::Subj) {
                    let start = subj.words.start;
                    let opener = phs.iter().find(|p| {
                        p.role.is_none()
                            && p.words.end <= start
                            && cw.first() == Some(&p.words.start)
                    });
                    if let (true, Some(opener)) = (start > 0 && s.ws[start - 1].text == ",", opener)
                    {
                        let a = cx.phrase_actors(opener, doc);
                        if !a.is_empty() && a.iter().all(|x| !x.inferred) {
                            subject = a;
                        }
                    }
                }
            }
            // `demanded that Israel leave`, `fordert, dass Russland abzieht`: who is to act
            // is the request's target
            if let Some(k) = pending_request.take() {
                let that = c.kind == ClauseKind::Subordinate
                    && cw
                        .first()
                        .is_some_and(|&i| matches!(&*lower(s.ws[i].text), "that" | "dass"));
                // (German reported speech without `dass`: `kritisierte, die Regierung habe
                // …`, a main clause in Konjunktiv I right after the comma)
                let reported_clause = s.lang == Language::De
                    && c.kind == ClauseKind::Main
                    && c.verb
                        .as_ref()
                        .is_some_and(|v| v.mood == Some(ClauseMood::KonjI))
                    && cw
                        .first()
                        .is_some_and(|&i| i > 0 && s.ws[i - 1].text == ",");
                // (what the clause names beats a target guessed from the document)
                // (a subject guessed from the document only for a `dass` clause, as before)
                let named = subject.iter().any(|a| !a.inferred);
                let open = events[k].target.is_empty() && (that || named)
                    || events[k].target.iter().all(|a| a.inferred) && named;
                if (that || reported_clause) && !subject.is_empty() && open {
                    events[k].target = subject
                        .iter()
                        .map(|a| event_actor(a.clone(), s.text))
                        .collect();
                }
            }
            let infinitive = c.kind == ClauseKind::Infinitive;
            if infinitive && subject.is_empty() {
                // object control: `urged Israel to halt`, `forderte Israel auf, … zu`;
                // German `gelingen` puts the doer in the dative (`Der Polizei gelang es, …
                // zu retten`)
                let dative_doer = s.lang == Language::De
                    && matches!(
                        governing.as_deref(),
                        Some("gelingen" | "glücken" | "misslingen")
                    );
                subject = if (matches!(gov.event, Some(EventType::Request | EventType::Coerce))
                    || dative_doer)
                    && !gov.object.is_empty()
                {
                    gov.object.clone()
                } else {
                    gov.subject.clone()
                };
            }
            if subject.is_empty()
                && !passive
                && cx.phrase(&Role::Subj).is_none()
                && (matches!(c.kind, ClauseKind::Main | ClauseKind::Infinitive) || final_gap)
            {
                if let Some(p) = &prev_subject {
                    subject = p.clone();
                }
            }
            // the subject of the clause before this one (what a speech tag after it reports)
            let reported_subject = std::mem::replace(&mut clause_subject, subject.clone());
            // (the first main clause's subject: whom the sentence narrates about)
            if c.kind == ClauseKind::Main && c.verb.is_some() && doc.main_subject.is_none() {
                doc.main_subject = Some(subject.clone());
            }
            // An infinitive under a speech act about it states no event of its own: `urged
            // Israel to halt the offensive` is the request, `refused to withdraw` the
            // rejection, `threatened to expel` the threat. What was agreed or promised is
            // kept as planned (`agreed to lift the sanctions`: AGREE and the planned
            // RETREAT, as CAMEO coders record it).
            // Readiness (`sind bereit, … auszuschließen`, `willing to`) is the event; what
            // one is ready to do is not (yet).
            // German present-tense `können` states an ability or a permission (`In Tirol
            // kann jeder Klub einen Antrag einbringen`, `um Anträge stellen zu können`),
            // no act; `konnte` (managed to) and `könnte` (a possibility) stay, and so do
            // attitudes (`kann dem Vorschlag etwas abgewinnen`, `kann das nicht
            // akzeptieren`, `kann sich ein Limit vorstellen`)
            let ability = s.lang == Language::De
                && c.verb.as_ref().is_some_and(|v| {
                    v.modal.as_ref().is_some_and(|m| m.lemma == "können")
                        && v.mood != Some(ClauseMood::KonjII)
                        && !matches!(
                            v.tense,
                            Some(ClauseTense::Past | ClauseTense::Perf | ClauseTense::Pqp)
                        )
                });
            // `fordert, dass Russland abzieht`, `will, dass …`: what a request, threat or
            // refusal is about in a `dass` clause has not happened either
            let demanded = c.kind == ClauseKind::Subordinate
                && cw
                    .first()
                    .is_some_and(|&i| matches!(&*lower(s.ws[i].text), "dass" | "that"));
            // (German: what one is accused of in an infinitive is alleged, not stated:
            // `warf der Türkei vor, das Abkommen nicht einzuhalten`)
            let suppressed = (infinitive || demanded && s.lang == Language::De)
                && (matches!(
                    gov.event,
                    Some(EventType::Request | EventType::Threaten | EventType::Reject)
                ) || gov.event.is_some() && gov.adjective)
                || infinitive
                    && s.lang == Language::De
                    && gov.event == Some(EventType::Accuse)
                    && !gov.adjective
                // `Der Vorschlag sieht vor, dass die Regierung das Angebot annimmt`, `eine
                // Gesetzesänderung, die besagt, dass …`: what a text provides for has not
                // happened (German)
                || demanded
                    && s.lang == Language::De
                    && governing
                        .as_deref()
                        .is_some_and(|g| s.classes.has(WordClass::Provision, s.lang, g));
            // `Yet we didn't charge them`, `makes me want to rescue people`: English prose in
            // the first or second person that no speaker's quote resolves is the writer
            // and the reader, no actor (web text; a quoted `we` has its speaker)
            // (and a second verb that shares that subject: `we evacuated them and rescued …`)
            let personal = s.lang == Language::En
                && subject.is_empty()
                && doc.speaker.is_empty()
                && match cx.phrase(&Role::Subj) {
                    Some(ph) => matches!(&*lower(s.ws[ph.head()].text), "i" | "we" | "you"),
                    None => prev_personal && c.kind == ClauseKind::Main,
                };
            prev_personal = personal;
            let suppressed = suppressed || personal;
            let promised = infinitive && gov.event == Some(EventType::Agree) && !gov.adjective;
            let mut clause_event: Option<EventType> = None;
            // the index of the event the clause's verb stated
            let mut clause_event_at: Option<usize> = None;
            let mut clause_adjective = false;
            let mut modality = cx.modality(governing.as_deref());
            if promised && modality == Modality::Asserted {
                modality = Modality::Planned;
            }
            let mut used_phrases: Vec<Range<usize>> = Vec::new();
            // the clause's verb matched a reading that is no event (`none` row)
            let mut clause_none = false;
            // the objects of verbs that react to an event (`condemned Sharon's murder of
            // Yassin`): their event nouns are also events of their own when they name
            // both sides
            let mut react_phrases: Vec<Range<usize>> = Vec::new();
            // the complement of a rating verb (`als falsch`), no predicate of its own
            let mut rating_word: Option<usize> = None;
            // `the two exiled dissidents`: a participle between a determiner or number and
            // its noun describes the noun; it is no clause verb
            let attributive = c.verb.as_ref().is_some_and(|v| {
                let i = v.main.index as usize;
                s.lang == Language::En
                    && v.verbs.len() <= 1
                    && i > 0
                    && matches!(s.ws[i - 1].a.upos, Upos::Det | Upos::Num)
                    && s.ws
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.a.upos, Upos::Noun | Upos::Adj))
            });
            if let (Some(v), false, false) = (&c.verb, suppressed, attributive) {
                // (the passive's `von` agent is its subject here: `wurde von der
                // Regierung beschlossen`)
                if !subject.is_empty()
                    && s.lang == Language::De
                    && s.classes.has(WordClass::MeasureAct, s.lang, &v.lemma)
                {
                    doc.measure_owner = Some((doc.sentence_no, subject.clone()));
                }
                if !subject.is_empty() && !passive {
                    doc.last_actors = subject.clone();
                    doc.last_actors_masculine = cx.phrase(&Role::Subj).is_none_or(|p| {
                        let f = &s.ws[p.head()].a.feats;
                        s.lang != Language::De
                            || !matches!(f.gender, Some(Gender::Fem | Gender::Neut))
                                && f.number != Some(sitrep_core::Number::Plur)
                    });
                } else if s.lang == Language::En
                    && passive
                    && c.kind == ClauseKind::Main
                    && !subject.is_empty()
                {
                    // `Although Israel withdrew …, Hizbullah has not been mollified. … they
                    // have pursued attacks`: a main clause's subject is whom a later `they`
                    // means, in the passive too, rather than a subordinate clause's
                    doc.last_actors = subject.clone();
                    doc.last_actors_masculine = true;
                } else if s.lang == Language::En
                    && !passive
                    && c.kind == ClauseKind::Main
                    && cx.phrase(&Role::Subj).is_some_and(|p| {
                        let h = &s.ws[p.head()];
                        matches!(h.a.upos, Upos::Noun | Upos::Propn)
                            && h.a.feats.number == Some(sitrep_core::Number::Plur)
                    })
                {
                    // `The more radical Shiites … demonstrate against Israel. They
                    // protested …`: a plural subject without an actor is whom a later
                    // `they` means, not the last coded subject before it
                    doc.last_actors.clear();
                }
                let mut matched = false;
                // the verb's first matching frame is a reading with no event (`none`,
                // `receive`): a demand made with a modal still stands
                let mut eventless = false;
                for &fi in frames.lookup(Pos::Verb, &v.lemma) {
                    let f = frames.get(fi);
                    if !cx.holds(f) {
                        continue;
                    }
                    // `bezeichnete den Brief als problematisch`, `called the move a
                    // mistake`: the complement's evaluation gives the type
                    let rated;
                    // (a noun rating by polarity alone: it needs a rated actor or act the
                    // text names, as a predicate's does)
                    let mut polar_noun = false;
                    let f = if f.flags.evaluate {
                        let Some((e, word)) = cx.evaluation(frames, self.polarity(), f) else {
                            continue;
                        };
                        // (a negated rating by polarity alone is dropped, not turned round:
                        // `nicht trostlos nennen` praises no one)
                        if self.polarity().is_rating(e) && v.negation.is_some() {
                            continue;
                        }
                        rating_word = Some(word);
                        polar_noun =
                            self.polarity().is_rating(e) && s.ws[word].a.upos == Upos::Noun;
                        // (`findet … nicht zumutbar`: the negation belongs to the rating)
                        let mut requires = f.requires.clone();
                        let (mut event, mut mode, mut cameo) =
                            (e.event, e.mode.clone(), e.cameo.clone());
                        if e.requires.contains(&Require::Negated) {
                            requires.push(Require::Negated);
                        } else if let Some((t, md, cm)) = e
                            .event
                            .filter(|_| s.lang == Language::De && v.negation.is_some())
                            .and_then(opposite_rating)
                        {
                            // `hält den Plan nicht für zielführend` disapproves, as a
                            // negated rating after a copula does
                            requires.push(Require::Negated);
                            (event, mode, cameo) = (Some(t), Some(md.into()), Some(cm.into()));
                        }
                        rated = Frame {
                            event,
                            mode,
                            cameo,
                            requires,
                            ..f.clone()
                        };
                        &rated
                    } else {
                        f
                    };
                    matched = true;
                    let Some(ty) = f.event else {
                        eventless = true;
                        // a reading that is no event (`poses a threat`, `charged a fee`)
                        // also keeps its object's event noun from being coded on its own
                        if f.flags.none {
                            clause_none = true;
                            used_phrases.extend(
                                f.target
                                    .iter()
                                    .chain(&f.source)
                                    .filter_map(|r| cx.phrase(r))
                                    .map(|ph| ph.words.clone()),
                            );
                        }
                        break;
                    };
                    if disaster && ty == EventType::Assault {
                        break;
                    }
                    // `Xinhua alleged that …`: a news medium's allegation reports; it
                    // accuses no one (English; the reported event stands on its own)
                    if s.lang == Language::En
                        && ty == EventType::Accuse
                        && f.mode.as_deref() == Some("allege")
                        && cx.phrase(&Role::Subj).is_some_and(|ph| {
                            s.mentions
                                .iter()
                                .any(|m| m.media && ph.words.contains(&m.tokens.start))
                        })
                    {
                        break;
                    }
                    // `wenn die Türkei nicht einlenkt`, `sollte X dem nicht nachkommen`: a
                    // negated condition names what has not happened; it is no act (German)
                    if s.lang == Language::De
                        && v.negation.is_some()
                        && cx.conditional()
                        && !f.requires.contains(&Require::Negated)
                    {
                        break;
                    }
                    if ability
                        && !matches!(
                            ty,
                            EventType::Support | EventType::Reject | EventType::Agree
                        )
                    {
                        break;
                    }
                    // `met … to discuss`, `traf sich, um … zu besprechen`: what a meeting is
                    // for is that meeting, no second one
                    if infinitive && ty == EventType::Consult && gov.event == Some(ty) {
                        clause_event = Some(ty);
                        break;
                    }
                    let mut source = if f.source == [Role::Subj]
                        || f.source.first() == Some(&Role::Subj) && !subject.is_empty()
                    {
                        if subject.is_empty() {
                            cx.first_actors(&f.source[1..], doc)
                        } else {
                            subject.clone()
                        }
                    } else {
                        cx.first_actors(&f.source, doc)
                    };
                    // `Ein Verdächtiger wurde festgenommen`, `angeklagt sind zwei Männer`,
                    // `es wird kritisiert`: arrests, raids, bans, charges, convictions and
                    // statements without a named agent are the home country's when the
                    // story has one (its authorities, its public).
                    let by_authorities = ty == EventType::Coerce
                        || ty == EventType::Sanction && f.mode.as_deref() == Some("convict")
                        || ty == EventType::Accuse && f.mode.as_deref() == Some("allege")
                        // an unnamed domestic voice: `In dem Bericht wird … beklagt`
                        || matches!(
                            ty,
                            EventType::Accuse
                                | EventType::Request
                                | EventType::Reject
                                | EventType::Support
                        );
                    // `2,000 officers have been recalled to duty`, `federal teams are being
                    // dispatched`: English agentless mobilisation is the story's state's;
                    // `The trial begins again on Monday`: a court case that is the subject
                    // is brought by its courts
                    let mobilised = s.lang == Language::En && passive && ty == EventType::Mobilize;
                    let court_case = s.lang == Language::En
                        && ty == EventType::Accuse
                        && f.mode.as_deref() == Some("allege")
                        && f.requires
                            .iter()
                            .any(|r| matches!(r, Require::HeadIn(Role::Subj, _)));
                    if source.is_empty() && (passive && by_authorities || mobilised || court_case) {
                        if let Some(home) = &doc.home {
                            source.push(Actor {
                                code: home.clone(),
                                entity: None,
                                span: v.main.span,
                                inferred: true,
                            });
                        }
                    }
                    // German domestic stories: a speech act's subject that names no known
                    // actor (`die Junge Kurie`, `der Landeschef`, `die JG`) is an unnamed
                    // body or person of the home country
                    // (or the phrase of the frame's source role: `Kritik kommt von der Stadt`)
                    // (English too: `some Sunni observers have accused Shiite elements`)
                    // (a German meeting by `man` too: `will man sich zusammensetzen und
                    // beraten`; not by any noun: `Schüler besuchten den Unterricht`)
                    let meeting = s.lang == Language::De
                        && matches!(ty, EventType::Consult | EventType::Cooperate)
                        && cx
                            .phrase(&Role::Subj)
                            .is_some_and(|p| s.ws[p.head()].text.eq_ignore_ascii_case("man"));
                    if source.is_empty() && !passive && (verbal_act(ty) || meeting) {
                        let agent = f.source.iter().find_map(|r| match r {
                            Role::Subj | Role::Pp(_) => cx.phrase(r),
                            _ => None,
                        });
                        // (`The complaint accuses HANO of …`, `the lawsuit alleges`: a legal
                        // filing that names no filer speaks for unnamed people of the home
                        // state, English)
                        let filing = |ph: &Phrase| {
                            s.lang == Language::En
                                && matches!(
                                    s.ws[ph.head()].a.lemma.as_str(),
                                    "complaint" | "lawsuit" | "suit" | "petition" | "indictment"
                                )
                        };
                        if let (Some(home), Some(ph)) = (&doc.home, agent) {
                            if cx.unnamed_agent(ph, frames) || filing(ph) {
                                source.push(Actor {
                                    code: home.clone(),
                                    entity: None,
                                    span: s.ws[ph.head()].span,
                                    inferred: true,
                                });
                            }
                        }
                    }
                    // `Die ersten Einheiten sollen am Montag eintreffen`: German troop
                    // movements that name no actor go on the last movement's (inferred)
                    if source.is_empty() && ty == EventType::Mobilize && s.lang == Language::De {
                        if let Some(last) = doc.last_of_type.get(&EventType::Mobilize) {
                            source = last
                                .iter()
                                .map(|a| Actor {
                                    inferred: true,
                                    ..a.clone()
                                })
                                .collect();
                        }
                    }
                    // `a mortar bomb was fired at it from the Gaza Strip`: fire from a place
                    // without a named attacker comes from the place's state (inferred)
                    if source.is_empty() && ty == EventType::Assault {
                        source =
                            cx.place_states(&[Role::Pp("from".into()), Role::Pp("aus".into())]);
                        for a in &mut source {
                            a.inferred = true;
                        }
                    }
                    let mut target = if f.flags.react {
                        self.react_target(&cx, f, doc)
                    } else {
                        cx.first_actors(&f.target, doc)
                    };
                    if target.is_empty() {
                        target = measure_owner(&cx, ty, &f.target, &source, doc);
                    }
                    if polar_noun && target.is_empty() {
                        continue;
                    }
                    // `were killed in an Israeli air strike`, `died in a raid by the
                    // army`: the attack noun of the clause's `in` phrase names the attacker
                    // of a passive attack; that noun is no second event (English)
                    if source.is_empty()
                        && passive
                        && ty == EventType::Assault
                        && s.lang == Language::En
                    {
                        for ph in phs.iter().filter(|p| p.role == Some(Role::Pp("in".into()))) {
                            let h = ph.head();
                            let noun = &s.ws[h];
                            let Some(&nfi) = (noun.a.upos == Upos::Noun)
                                .then(|| frames.lookup_noun(&noun.a.lemma).first())
                                .flatten()
                            else {
                                continue;
                            };
                            let nf = frames.get(nfi);
                            if nf.event != Some(EventType::Assault) {
                                continue;
                            }
                            let roles = cx.noun_roles(nf, ph, h, &[], doc);
                            if !roles.source.is_empty() {
                                source = roles.source;
                                used_phrases.push(ph.words.clone());
                                break;
                            }
                        }
                    }
                    // `There were 10 Russian soldiers killed in Ukraine`: foreign victims of
                    // an attack without a named attacker were attacked by the state they
                    // were in (English passives; inferred, as PETRARCH-style coders read it)
                    if source.is_empty()
                        && passive
                        && ty == EventType::Assault
                        && s.lang == Language::En
                        && !target.is_empty()
                    {
                        source = cx.place_states(&[Role::Pp("in".into())]);
                        source.retain(|a| !target.iter().any(|t| t.code == a.code));
                        source.truncate(1);
                        for a in &mut source {
                            a.inferred = true;
                        }
                    }
                    // `a cleric was assassinated in the Salikh district`, `two leaders have
                    // been killed`, `troops fired into the crowd`: victims of an attack,
                    // arrest or rescue that the text names only by a noun are people of the
                    // place they are in, else of the story's country (English; inferred, as
                    // the gold rules code victims of unstated nationality)
                    if target.is_empty()
                        && s.lang == Language::En
                        && matches!(ty, EventType::Assault | EventType::Coerce | EventType::Aid)
                    {
                        let victims =
                            f.target
                                .iter()
                                .find_map(|r| cx.phrase(r))
                                .is_some_and(|ph| {
                                    let head = &s.ws[ph.head()];
                                    // (in the active voice only people: `imposed a form of
                                    // martial law` names no victim)
                                    cx.unnamed_agent(ph, frames)
                                        && (passive
                                            || s.classes.counts_people(s.lang, head.text)
                                            || s.sectors.of(ph.head()).is_some())
                                });
                        if victims {
                            // a named place (not `in Israeli tank shelling`): in one of the
                            // clause's `in` phrases that names no event, else in the sentence
                            let named = |p: &&PlaceMen| {
                                p.code.is_some() && s.ws[p.tokens.start].a.upos == Upos::Propn
                            };
                            let inside = |p: &PlaceMen| {
                                phs.iter().any(|ph| {
                                    ph.role == Some(Role::Pp("in".into()))
                                        && frames
                                            .lookup(Pos::Noun, &s.ws[ph.head()].a.lemma)
                                            .is_empty()
                                        && ph.words.start <= p.tokens.start
                                        && p.tokens.end <= ph.words.end
                                })
                            };
                            // (not a place a relative clause names: `the militia, which
                            // has seized parts of Iraq`)
                            let relative = |p: &PlaceMen| {
                                clauses.iter().any(|o| {
                                    o.kind == ClauseKind::Relative
                                        && o.words.contains(&(p.tokens.start as u32))
                                })
                            };
                            let place = s
                                .places
                                .iter()
                                .filter(named)
                                .find(|p| inside(p))
                                .or_else(|| s.places.iter().filter(named).find(|p| !relative(p)));
                            target.extend(place.map(|p| Actor {
                                code: p.code.clone().unwrap_or_default(),
                                entity: None,
                                span: p.span,
                                inferred: true,
                            }));
                            if target.is_empty() {
                                target.extend(doc.home.iter().map(|home| Actor {
                                    code: home.clone(),
                                    entity: None,
                                    span: v.main.span,
                                    inferred: true,
                                }));
                            }
                            target.truncate(1);
                            for a in &mut target {
                                a.inferred = true;
                            }
                            // (a guess that attackers hit their own people is no guess
                            // worth making)
                            if ty == EventType::Assault {
                                target.retain(|t| !source.iter().any(|a| a.code == t.code));
                            }
                        }
                    }
                    // a German domestic speech act without a named target (`kritisiert die
                    // Junge Kurie`, `Die Partei will berufen`) is about its own country,
                    // like a rating
                    // (not when the clause names a foreign actor: `forderte eine Debatte in
                    // der EU`)
                    // `Die Pläne der EU seien inakzeptabel, kritisierte X`, `Die EU müsse
                    // einlenken, forderte X`: a verb of criticism, demand or praise placed
                    // after the words it reports is about the reported clause's subject
                    // (German)
                    if s.lang == Language::De
                        && target.is_empty()
                        && matches!(
                            ty,
                            EventType::Request | EventType::Accuse | EventType::Support
                        )
                        && f.target.iter().all(|r| cx.phrase(r).is_none())
                        && speech_tag(s, &clauses, ci)
                    {
                        target = reported_subject
                            .iter()
                            .filter(|a| !a.inferred && !source.iter().any(|x| x.code == a.code))
                            .cloned()
                            .collect();
                    }
                    let foreign = || {
                        s.mentions.iter().any(|m| {
                            cw.contains(&m.tokens.start)
                                && doc.home.as_ref().is_some_and(|h| *h != m.actor.code)
                        })
                    };
                    // (an admission is to no one in particular: not for CONCEDE; an
                    // agentless passive's source is a guess already: `Die Pläne wurden
                    // kritisiert` gets no guessed target too)
                    let domestic_act = verbal_act(ty)
                        && ty != EventType::Concede
                        && cx.phrase(&Role::Subj).is_some();
                    if target.is_empty() && ty == EventType::Request {
                        target = cx.scope_body(&source, doc);
                    }
                    if f.flags.evaluate
                        || s.lang == Language::De && domestic_act && !f.flags.named && !foreign()
                    {
                        domestic_rating(&source, &mut target, doc, v.main.span);
                    }
                    // `bekennt sich schuldig`: a plea is made to the home state's court
                    // (gold convention), whoever pleads
                    if f.flags.home && target.is_empty() {
                        target.extend(doc.home.iter().map(|home| Actor {
                            code: home.clone(),
                            entity: None,
                            span: v.main.span,
                            inferred: true,
                        }));
                    }
                    // `Richterin Raufer verurteilt ihn zu einem Jahr Haft`, `nahm den Mann
                    // fest`: whom a domestic court, prosecutor or police acts on, named by a
                    // pronoun or a noun only, is of the home country (German)
                    let judicial = match ty {
                        EventType::Coerce => f.mode.as_deref() == Some("arrest"),
                        EventType::Sanction => f.mode.as_deref() == Some("convict"),
                        EventType::Accuse => {
                            matches!(f.mode.as_deref(), Some("allege" | "investigate"))
                        }
                        _ => false,
                    };
                    // (an inquiry is into something as often as against someone: its
                    // target is a person only when a pronoun or a person noun names one,
                    // `Gegen den Verdächtigen wird ermittelt`; `Es wird ermittelt` has none)
                    let inquiry = f.mode.as_deref() == Some("investigate");
                    // (also when a coordinated passive leaves the person out: `wurde
                    // festgenommen und in die Justizanstalt eingeliefert`)
                    if s.lang == Language::De && judicial && target.is_empty() {
                        let elided =
                            passive && !inquiry && f.target.iter().all(|r| cx.phrase(r).is_none());
                        let person = elided
                            || f.target
                                .iter()
                                .find_map(|r| cx.phrase(r))
                                .is_some_and(|ph| {
                                    s.ws[ph.head()].a.xpos == Xpos::Stts(Stts::Pper)
                                        || if inquiry {
                                            cx.unnamed_person(ph)
                                        } else {
                                            cx.unnamed_agent(ph, frames)
                                        }
                                });
                        if person {
                            domestic_rating(&source, &mut target, doc, v.main.span);
                        }
                    }
                    // `arrived in Kyiv`, `reiste nach Peking`, `attend the Beijing
                    // Olympics`: a visit's or meeting's target is the state of the place
                    // visited or of the event attended
                    if target.is_empty() && ty == EventType::Consult {
                        target = cx.place_states(&f.target);
                        target.retain(|t| !source.iter().any(|a| a.code == t.code));
                    }
                    for r in f.target.iter().chain(&f.source) {
                        if let Some(ph) = cx.phrase(r) {
                            used_phrases.push(ph.words.clone());
                        }
                    }
                    // `hat ihre Kooperation zugesagt`, `fordert eine Debatte`: the accusative
                    // object of a German verb event is what the act promises, demands or
                    // grants, no second event (a reacted-to object is handled below; an
                    // event without a doer is dropped later and claims nothing:
                    // `Die Berufung Polens wurde verhandelt`)
                    if s.lang == Language::De && !source.is_empty() {
                        if let Some(ph) = cx.phrase(&Role::Obj) {
                            used_phrases.push(ph.words.clone());
                        }
                    }
                    // (what one condemns, welcomes or protests against happened; what one
                    // warns of, `warnen vor`, did not)
                    if f.flags.react {
                        react_phrases.extend(
                            f.target
                                .iter()
                                .filter(|r| match r {
                                    Role::Obj | Role::Gen => true,
                                    Role::Pp(p) => matches!(p.as_str(), "against" | "gegen"),
                                    _ => false,
                                })
                                .filter_map(|r| cx.phrase(r))
                                .map(|ph| ph.words.clone()),
                        );
                    }
                    let mut trigger = v.main.span;
                    if let Some(p) = v.particle {
                        trigger = trigger.cover(p.span);
                    }
                    let m = if v.negation.is_some() && f.requires.contains(&Require::Negated) {
                        Modality::Asserted
                    } else {
                        modality
                    };
                    // `Alfano sollte zurücktreten, sagte Calderoli`, `X should resign, Y
                    // said`: a speaker saying what someone should do requests it.
                    // (German present `müssen` too: `Die Regierung müsse zurücktreten, sagte
                    // X`; without a speaker it states an obligation, no act: `Kiew muss den
                    // Konditionen noch zustimmen`)
                    // (only where the subject acts: `muss sich vor Gericht verantworten`
                    // is a trial the subject faces)
                    let must = s.lang == Language::De
                        && f.source.first() == Some(&Role::Subj)
                        && v.modal.as_ref().is_some_and(|md| md.lemma == "müssen")
                        && !matches!(
                            v.tense,
                            Some(ClauseTense::Past | ClauseTense::Perf | ClauseTense::Pqp)
                        );
                    let should = must
                        || v.modal.as_ref().is_some_and(|md| {
                            md.lemma == "should"
                                || md.lemma == "sollen"
                                    && (v.mood == Some(ClauseMood::KonjII)
                                        || v.tense == Some(ClauseTense::Past))
                        });
                    // (what the speaker or we must do is no request: `wir müssen …`)
                    let own = must
                        && cx.phrase(&Role::Subj).is_some_and(|ph| {
                            matches!(&*lower(s.ws[ph.head()].text), "ich" | "wir" | "man")
                        });
                    if should
                        && !own
                        && !doc.speaker.is_empty()
                        && !subject.is_empty()
                        && !cx.conditional()
                        && !cx.unasserted_demand(v)
                    {
                        let req = Frame::deontic(s.lang);
                        let modal = v.modal.as_ref().map_or(trigger, |md| md.at.span);
                        clause_event = Some(EventType::Request);
                        let (speaker, target) = (doc.speaker.clone(), subject.clone());
                        push_event(
                            events,
                            doc,
                            s,
                            &req,
                            EventType::Request,
                            speaker,
                            target,
                            Modality::Asserted,
                            modal,
                            0.6,
                        );
                        break;
                    }
                    if must {
                        break;
                    }
                    // English, per the PLOVER manual (AGREE, THREATEN): cooperation reported
                    // as future or intended is an AGREE (`will meet`, `wants to help
                    // Israel`), an intended attack a THREATEN (`wants to attack X`)
                    let intent;
                    let (f, ty, m) = match english_intent(s.lang, ty, m, !source.is_empty()) {
                        Some((ty2, m2, cameo)) => {
                            intent = Frame {
                                event: Some(ty2),
                                mode: None,
                                cameo: Some(cameo.into()),
                                ..f.clone()
                            };
                            (&intent, ty2, m2)
                        }
                        None => (f, ty, m),
                    };
                    // `agreed to cooperate`, `promised to help`: the promise is the AGREE
                    // already stated (English; PLOVER: a commitment to cooperate is AGREE)
                    let cooperative = s.lang == Language::En
                        && matches!(
                            ty,
                            EventType::Agree
                                | EventType::Consult
                                | EventType::Support
                                | EventType::Cooperate
                                | EventType::Aid
                        );
                    if promised && cooperative {
                        if let Some(k) = gov.event_at.filter(|&k| {
                            events[k].event_type == EventType::Agree && events[k].target.is_empty()
                        }) {
                            events[k].target = target
                                .iter()
                                .map(|a| event_actor(a.clone(), s.text))
                                .collect();
                        }
                        clause_event = Some(ty);
                        break;
                    }
                    // `activists staged a protest in Beijing`: a protest abroad without a
                    // named target is directed at the state it takes place in (English)
                    if target.is_empty() && ty == EventType::Protest && s.lang == Language::En {
                        target =
                            cx.place_states(&[Role::Pp("in".into()), Role::Pp("outside".into())]);
                        target.retain(|t| !source.iter().any(|a| a.code == t.code));
                    }
                    // `Two hundred members of the clan demonstrated in Baghdad`, `Opponents of
                    // the Senate protested in the capital`: protesters no actor names are
                    // people of the place they protest in, else of the story's country
                    // (inferred; `Rund 200 Insulaner protestierten`, `von aufgebrachten
                    // Bürgern mit Eiern beworfen` in German too)
                    if source.is_empty() && ty == EventType::Protest {
                        let agent = f
                            .source
                            .iter()
                            .find_map(|r| cx.phrase(r))
                            .filter(|ph| cx.unnamed_agent(ph, frames));
                        if let Some(ph) = agent {
                            source = cx.place_states(&[
                                Role::Pp("in".into()),
                                Role::Pp("at".into()),
                                Role::Pp("outside".into()),
                            ]);
                            if source.is_empty() {
                                source.extend(doc.home.iter().map(|home| Actor {
                                    code: home.clone(),
                                    entity: None,
                                    span: s.ws[ph.head()].span,
                                    inferred: true,
                                }));
                            }
                            source.truncate(1);
                            for a in &mut source {
                                a.inferred = true;
                            }
                        }
                    }
                    // `Russia is conducting exercises in Alaska`: a frame whose target is where
                    // forces are shown takes the state of a place that names no actor
                    if target.is_empty() && ty == EventType::Mobilize && s.lang == Language::En {
                        target = cx.place_states(&f.target);
                        target.retain(|t| !source.iter().any(|a| a.code == t.code));
                    }
                    // `will keine Flüchtlinge aufnehmen`, `werde nicht mit Russland beraten`:
                    // cooperation the subject will not or does not want to give is a
                    // refusal (German; PLOVER REJECT: "all rejections and refusals", gold
                    // README rule 3); a plain negated act stays a negated event
                    let refusal;
                    // (`Togo declined to meet with its counterpart`: English, the
                    // refusal's verb has no frame of its own without an object)
                    let declined = s.lang == Language::En
                        && c.kind == ClauseKind::Infinitive
                        && matches!(governing.as_deref(), Some("decline" | "refuse"));
                    let (f, ty, m) = match refused(s.lang, ty, m, v, &source, declined) {
                        Some(cameo) => {
                            refusal = Frame {
                                event: Some(EventType::Reject),
                                mode: None,
                                cameo: Some(cameo.into()),
                                flags: Flags {
                                    mutual: false,
                                    ..f.flags.clone()
                                },
                                ..f.clone()
                            };
                            // a mutual frame's partners are those refused
                            if f.flags.mutual {
                                target.retain(|t| !source.iter().any(|a| a.code == t.code));
                            }
                            (&refusal, EventType::Reject, Modality::Asserted)
                        }
                        None => (f, ty, m),
                    };
                    clause_event = Some(ty);
                    let before = events.len();
                    // `demanded that Israel leave`, `alleged that France was aware`,
                    // `kritisierte, dass Russland Truppen verlegt`, `bezeichnete es als
                    // Erfolg, dass Litauen zustimmt`: the subject of a `that` clause after it
                    // is the target (praise too: what is welcomed is that actor's act)
                    let open = matches!(
                        ty,
                        EventType::Request | EventType::Accuse | EventType::Support
                    ) && target.iter().all(|a| a.inferred);
                    push_event(events, doc, s, f, ty, source, target, m, trigger, 0.8);
                    if open && events.len() > before {
                        pending_request = Some(before);
                    }
                    if events.len() > before {
                        clause_event_at = Some(before);
                        // `vowed to strike Israel`, `promised to attack the convoy`: a
                        // promise of force threatens it (a pledge to expel or sanction may
                        // be a concession to a third party: left as it is)
                        let hostile = ty == EventType::Assault;
                        if let (true, Some(k)) = (promised, gov.event_at) {
                            let target = events[before].target.clone();
                            let g = &mut events[k];
                            // `agreed to lift the sanctions on Iran`: the promise is to
                            // the promised act's target
                            if g.event_type == EventType::Agree && g.target.is_empty() {
                                g.target = target.clone();
                            }
                            // English: a promise of an act that is no cooperation (`agreed
                            // to lift the sanctions`, `pledged to expel`) is that act,
                            // planned; no AGREE beside it (PLOVER manual: AGREE is a
                            // commitment to cooperate, future RETREAT and CONCEDE stay as
                            // they are; PETR-2 codes these as 085 and 174 alone)
                            if g.event_type == EventType::Agree
                                && !hostile
                                && s.lang == Language::En
                            {
                                dropped.push(k);
                            }
                            if g.event_type == EventType::Agree && hostile {
                                g.event_type = EventType::Threaten;
                                g.mode = None;
                                g.cameo = Some(
                                    if ty == EventType::Assault {
                                        "138"
                                    } else {
                                        "130"
                                    }
                                    .into(),
                                );
                                if g.target.is_empty() {
                                    g.target = target;
                                }
                            }
                        }
                    }
                    if f.flags.also {
                        continue;
                    }
                    break;
                }
                // `sollte sich die Wirtschaft lieber um … kümmern, meinte Winkler`, `Das
                // Querschießen muss ein Ende haben, sagte Mitterlehner`: what a speaker says
                // someone should or must do is requested, whatever the verb (German; the
                // verb's own event, if any, was handled above)
                let demand = s.lang == Language::De
                    && v.modal.as_ref().is_some_and(|md| {
                        md.lemma == "müssen"
                            || md.lemma == "sollen"
                                && (v.mood == Some(ClauseMood::KonjII)
                                    || v.tense == Some(ClauseTense::Past))
                    });
                // (not what the speaker says he or we must do: `ich muss`, `müssten wir`)
                let first_person = cx.phrase(&Role::Subj).is_some_and(|ph| {
                    matches!(&*lower(s.ws[ph.head()].text), "ich" | "wir" | "man")
                });
                // `dürfe nicht eingerechnet werden`: forbidding is demanding too (not
                // `dürften`, which guesses: `Die Säuglinge dürften das nicht …`)
                let forbid = s.lang == Language::De
                    && v.negation.is_some()
                    && v.mood != Some(ClauseMood::KonjII)
                    && !matches!(
                        v.tense,
                        Some(ClauseTense::Past | ClauseTense::Perf | ClauseTense::Pqp)
                    )
                    && c.kind == ClauseKind::Main
                    && v.modal.as_ref().is_some_and(|md| md.lemma == "dürfen");
                // `Die Angebote müssen getrennt werden, so Schoo`, `Dieser Passus sollte
                // wegfallen`: a demand whose subject names no actor, by a political speaker
                let impersonal = subject.is_empty()
                    && doc
                        .speaker
                        .iter()
                        .all(|a| doc.political.contains(&(a.span.start, a.span.end)))
                    && impersonal_demand(&cx, frames, v, passive);
                if (demand || forbid)
                    && !first_person
                    && !cx.copula()
                    && (!matched || eventless && impersonal)
                    && clause_event.is_none()
                    && !doc.speaker.is_empty()
                    && !cx.conditional()
                    && !cx.unasserted_demand(v)
                    && (v.negation.is_none() || forbid)
                    && c.kind != ClauseKind::Infinitive
                    && (cx.phrase(&Role::Subj).is_some() || impersonal)
                {
                    let req = Frame::deontic(s.lang);
                    let modal = v.modal.as_ref().map_or(v.main.span, |md| md.at.span);
                    let speaker = doc.speaker.clone();
                    let mut target = subject.clone();
                    // `die Wirtschaft`, `die Regierung`: a body of the home country
                    let body = cx
                        .phrase(&Role::Subj)
                        .is_some_and(|ph| s.sectors.of(ph.head()).is_some());
                    if impersonal {
                        // (`Das gehöre geändert`, `die Reform müsse fallen`: the measure's
                        // owner; else a home speaker demands it of the home country. A
                        // passive's measure is its object here: `Die EU-Richtlinie müsse
                        // geändert werden`)
                        let measure = if passive { Role::Obj } else { Role::Subj };
                        target = named_owner(&cx, &measure, &speaker, doc);
                        if target.is_empty() {
                            target =
                                measure_owner(&cx, EventType::Request, &[measure], &speaker, doc);
                        }
                        if target.is_empty() {
                            target = cx.scope_body(&speaker, doc);
                        }
                    }
                    if body || impersonal {
                        domestic_rating(&speaker, &mut target, doc, modal);
                    }
                    if !target.is_empty() {
                        clause_event = Some(EventType::Request);
                        push_event(
                            events,
                            doc,
                            s,
                            &req,
                            EventType::Request,
                            speaker,
                            target,
                            Modality::Asserted,
                            modal,
                            0.5,
                        );
                    }
                }
            }
            // predicative adjectives: `ist … nicht akzeptabel`, `sind bereit`
            let shows_itself = c.verb.as_ref().is_some_and(|v| v.lemma == "zeigen")
                && cw.iter().any(|&j| s.ws[j].text == "sich");
            for &i in &cw {
                if suppressed {
                    break;
                }
                let w = &s.ws[i];
                if rating_word == Some(i) {
                    continue;
                }
                // German: after a copula (or `sich zeigen`: `zeigte sich schockiert`) an
                // adverb tag is a misread predicative adjective, and so is a determiner tag
                // outside any phrase (`sind sich einig`)
                let outside = || !phs.iter().any(|p| p.words.contains(&i));
                // `Die Forderung ist völlig verfehlt`: a participle after `sein` (read as
                // the state passive of `verfehlen`) is a predicative adjective; the rating
                // lexicon holds it by its form (German)
                let stative = s.lang == Language::De
                    && c.verb.as_ref().is_some_and(|v| {
                        v.passive == Some(sitrep_clause::PassiveAux::Sein)
                            && v.main.index as usize == i
                    });
                let predicative = stative
                    || match s.lang {
                        Language::De => {
                            w.a.xpos == Xpos::Stts(Stts::Adjd)
                                || w.a.upos == Upos::Adv && (cx.copula() || shows_itself)
                                || w.a.upos == Upos::Det && cx.copula() && outside()
                                // (`sei … zu wenig`: the quantifier after a degree `zu`,
                                // whatever phrase it was read into)
                                || w.a.upos == Upos::Det && cx.copula() && cx.after_zu(i)
                        }
                        Language::En => {
                            w.a.upos == Upos::Adj && !phs.iter().any(|p| p.words.contains(&i))
                        }
                    }
                    || (matches!(w.a.upos, Upos::Noun | Upos::Adj) && cx.copula() && {
                        // a predicate noun and its adjectives: `Das sei ein schwerer Fehler`,
                        // `ein lächerlicher Versuch`, `it was a mistake`
                        // (`Dass er bleibe, sei ein Erfolg`: with a clause as subject the
                        // lone indefinite nominative is the predicate; German)
                        let lone_predicate = |p: &Phrase| {
                            s.lang == Language::De
                                && p.role == Some(Role::Subj)
                                && phs.iter().filter(|q| q.role.is_some()).count() == 1
                                && {
                                    let t = lower(s.ws[p.words.start].text);
                                    t.starts_with("ein") || t.starts_with("kein")
                                }
                        };
                        // (an elliptic clause is all predicate: `Ein Wahnsinn, sagt X`)
                        phs.iter().any(|p| {
                            (p.role == Some(Role::Obj) || lone_predicate(p) || cx.elliptic)
                                && (p.heads.contains(&i)
                                    || w.a.upos == Upos::Adj && p.words.contains(&i))
                        })
                    });
                if !predicative {
                    continue;
                }
                // `53 Prozent sind mit ihrer Klasse zufrieden`: a share of respondents
                // rating something is a survey's finding, no one's act (German)
                if s.lang == Language::De
                    && cx.phrase(&Role::Subj).is_some_and(|p| {
                        matches!(s.ws[p.head()].a.lemma.as_str(), "Prozent" | "Prozentpunkt")
                    })
                {
                    continue;
                }
                // (the form also where the lemmatiser took a predicative participle for
                // its verb, `übertrieben` → `übertreiben`; both by form for a copula's
                // rating only, not for the reactions a subject shows, `ist enttäuscht`)
                // (the frames are looked up in lower case: the form as it stands)
                let form = w.text;
                let by_form = !stative
                    && w.a.xpos == Xpos::Stts(Stts::Adjd)
                    && frames.lookup(Pos::Adj, &w.a.lemma).is_empty();
                let key = if stative || by_form {
                    form
                } else {
                    w.a.lemma.as_str()
                };
                // (a word without a rating row of its own rates by its polarity)
                let own = frames.lookup(Pos::Adj, key);
                // (and a predicate noun, `seien ein Wermutstropfen`: `predicative` took
                // only the head of the object or lone predicate, not its adjectives)
                let noun = !stative && w.a.upos == Upos::Noun;
                let by_polarity = own.is_empty() && s.lang == Language::De && {
                    let adjd = stative || w.a.xpos == Xpos::Stts(Stts::Adjd);
                    (adjd || noun)
                        && !superlative(w)
                        && modality != Modality::Negated
                        && cx.rates_conduct()
                };
                let polar = by_polarity
                    .then(|| {
                        if noun {
                            self.polarity().noun_rating(key)
                        } else {
                            self.polarity().rating(key)
                        }
                    })
                    .flatten();
                for f in own.iter().map(|&fi| frames.get(fi)).chain(polar) {
                    if (by_form || stative) && !f.requires.contains(&Require::Copula) {
                        continue;
                    }
                    // (a state passive is the copula `sein` with its participle; its
                    // subject, the rated thing, was mapped to the object)
                    let copular;
                    let f = if stative {
                        copular = Frame {
                            requires: f
                                .requires
                                .iter()
                                .filter(|r| **r != Require::Copula)
                                .cloned()
                                .collect(),
                            target: f
                                .target
                                .iter()
                                .map(|r| {
                                    if *r == Role::Subj {
                                        Role::Obj
                                    } else {
                                        r.clone()
                                    }
                                })
                                .collect(),
                            ..f.clone()
                        };
                        &copular
                    } else {
                        f
                    };
                    if !cx.holds(f) || f.requires.contains(&Require::Excess) && !cx.after_zu(i) {
                        continue;
                    }
                    let Some(ty) = f.event else { break };
                    let mut source = cx.first_actors_with_subject(&f.source, &subject, doc);
                    // as for verbs: `Zufrieden zeigte sich die Stadtführung`
                    if source.is_empty()
                        && s.lang == Language::De
                        && verbal_act(ty)
                        && f.source.contains(&Role::Subj)
                    {
                        if let (Some(home), Some(ph)) = (&doc.home, cx.phrase(&Role::Subj)) {
                            if cx.unnamed_agent(ph, frames) {
                                source.push(Actor {
                                    code: home.clone(),
                                    entity: None,
                                    span: s.ws[ph.head()].span,
                                    inferred: true,
                                });
                            }
                        }
                    }
                    // `ist der Gewerkschaft zu wenig`: a body of the home country (a sector
                    // word) that something is too little for (German)
                    if source.is_empty()
                        && s.lang == Language::De
                        && f.source.first() == Some(&Role::Dat)
                    {
                        if let (Some(home), Some(ph)) = (&doc.home, cx.phrase(&Role::Dat)) {
                            if s.sectors.of(ph.head()).is_some() {
                                source.push(Actor {
                                    code: home.clone(),
                                    entity: None,
                                    span: s.ws[ph.head()].span,
                                    inferred: true,
                                });
                            }
                        }
                    }
                    // a speaker's rating needs the speaker (`Das ist falsch` alone is no
                    // event), and an open question rates nothing (`Ob das klug ist, weiß ich
                    // nicht`)
                    if f.source.contains(&Role::Spk)
                        && (source.is_empty() || cx.open_question() || cx.no_rating(i))
                    {
                        continue;
                    }
                    if s.lang == Language::De && cx.unasserted_rating(f, key, i, doc) {
                        // (its phrases are still the rating's: `warum die Forderung … nicht
                        // so abwegig sei` names no negated demand)
                        for r in f.target.iter().chain(&f.source) {
                            if let Some(ph) = cx.phrase(r) {
                                used_phrases.push(ph.words.clone());
                            }
                        }
                        continue;
                    }
                    let mut target = if f.flags.react {
                        // `Die Entscheidung Polens sei falsch`: the rated act's actor
                        let t = self.react_target(&cx, f, doc);
                        if t.is_empty() && f.target.contains(&Role::Subj) {
                            subject.clone()
                        } else {
                            t
                        }
                    } else {
                        cx.first_actors_with_subject(&f.target, &subject, doc)
                    };
                    if let (true, Some(ty)) = (target.is_empty(), f.event) {
                        target = measure_owner(&cx, ty, &f.target, &source, doc);
                    }
                    // a rating by polarity alone needs a rated actor or act the text names
                    // (`Die Lage ist schwierig`, `Es ist wichtig` rate no one's act)
                    if by_polarity && target.is_empty() {
                        continue;
                    }
                    if f.source.contains(&Role::Spk) {
                        domestic_rating(&source, &mut target, doc, w.span);
                    }
                    for r in f.target.iter().chain(&f.source) {
                        if let Some(ph) = cx.phrase(r) {
                            used_phrases.push(ph.words.clone());
                        }
                    }
                    let mut m = if f.requires.contains(&Require::Negated) {
                        Modality::Asserted
                    } else {
                        modality
                    };
                    // a negated rating is the opposite rating (`kein schlechter Vorschlag`
                    // praises, `nicht zufrieden`, `nicht richtig` disapprove; German)
                    let mut ty = ty;
                    let flipped = if s.lang != Language::De || m != Modality::Negated {
                        None
                    } else {
                        opposite_rating(ty)
                    };
                    if let Some((t, _, _)) = flipped {
                        ty = t;
                        m = Modality::Asserted;
                    }
                    clause_event = Some(ty);
                    clause_adjective = true;
                    let n = events.len();
                    push_event(events, doc, s, f, ty, source, target, m, w.span, 0.7);
                    if let (Some((_, mode, cameo)), Some(e)) = (flipped, events.get_mut(n)) {
                        e.mode = Some(mode.to_string());
                        e.cameo = Some(cameo.to_string());
                    }
                    break;
                }
            }
            let receiving = c.verb.as_ref().is_some_and(|v| {
                frames
                    .lookup(Pos::Verb, &v.lemma)
                    .iter()
                    .any(|&fi| frames.get(fi).flags.receive)
            });
            // event nouns that are no argument of a verb event
            for ph in &phs {
                if suppressed || ability {
                    break;
                }
                let within = |u: &Range<usize>| u.start <= ph.words.start && ph.words.end <= u.end;
                let reacted = react_phrases.iter().any(within);
                if !reacted && used_phrases.iter().any(within) {
                    continue;
                }
                for i in ph.words.clone() {
                    let w = &s.ws[i];
                    if w.a.upos != Upos::Noun {
                        continue;
                    }
                    let Some(f) = frames
                        .lookup_noun(&w.a.lemma)
                        .iter()
                        .map(|&k| frames.get(k))
                        .find(|f| cx.noun_holds(f, ph, i))
                    else {
                        continue;
                    };
                    let Some(ty) = f.event else { continue };
                    if s.lang == Language::En && english_noun_modifier(s, i, ph.words.end) {
                        continue;
                    }
                    // `demonstrations of docking techniques`: a demonstration of a thing
                    // (no actor, no people) is a display, no protest (English)
                    if s.lang == Language::En
                        && ty == EventType::Protest
                        && matches!(w.a.lemma.as_str(), "demonstration" | "demo")
                        && ph.genitives.iter().any(|g| {
                            g.start > i
                                && !s
                                    .mentions
                                    .iter()
                                    .any(|m| g.start <= m.tokens.start && m.tokens.start < g.end)
                                && !g.clone().any(|j| {
                                    s.classes.counts_people(s.lang, s.ws[j].text)
                                        || s.sectors.of(j).is_some()
                                })
                        })
                    {
                        continue;
                    }
                    let mut roles = cx.noun_roles(f, ph, i, &subject, doc);
                    // `im Kampf gegen die Steuervermeidung`: a fight against something no
                    // actor does (a policy aim) is no violence (German)
                    if s.lang == Language::De
                        && ty == EventType::Assault
                        && roles
                            .target
                            .iter()
                            .all(|a| roles.source.iter().any(|x| x.code == a.code))
                        && phs.iter().any(|p| {
                            p.words.start == ph.words.end
                                && p.role == Some(Role::Pp("gegen".into()))
                                && !s.mentions.iter().any(|m| p.words.contains(&m.tokens.start))
                                && s.sectors.of(p.head()).is_none()
                                && !s.classes.counts_people(s.lang, s.ws[p.head()].text)
                        })
                    {
                        continue;
                    }
                    let named = |a: &[Actor]| a.iter().any(|x| !x.inferred);
                    // (a meeting or an agreement reacted to names one side: `endorsed an
                    // agreement with the EU`; an inferred victim is a guess)
                    if reacted
                        && (f.flags.mutual || roles.source.is_empty() || !named(&roles.target))
                    {
                        continue;
                    }
                    // `sagte X im Gespräch mit dem STANDARD`, `im STANDARD-Gespräch`: a
                    // conversation as the setting of a statement is an interview when it is
                    // with a medium or among one country's people (`In einem Telefonat mit
                    // Putin forderte Macron` stays a meeting)
                    if s.lang == Language::De
                        && ty == EventType::Consult
                        && ph.role == Some(Role::Pp("in".into()))
                        && (s.mentions.iter().any(|m| {
                            m.media
                                && ph.words.start <= m.tokens.start
                                && m.tokens.end <= ph.words.end
                        }) || roles
                            .source
                            .iter()
                            .chain(&roles.target)
                            .all(|a| roles.source.first().is_some_and(|f| f.code == a.code)))
                    {
                        continue;
                    }
                    // `Russland hat die Unterstützung Chinas`, `Kyiv received aid`: the
                    // subject of a verb of receiving is the target of the noun's event.
                    if receiving
                        && ph.role == Some(Role::Obj)
                        && roles.target.is_empty()
                        && !f.flags.mutual
                    {
                        roles.target = subject.clone();
                        roles
                            .source
                            .retain(|a| !subject.iter().any(|x| x.code == a.code));
                    }
                    // `Es gab ein Gespräch mit Kern, sagte Mitterlehner`: a German `es gibt`
                    // with a meeting names only the other side; the one who reports it
                    // (the speaker, else the home country) took part
                    let es_gibt = s.lang == Language::De
                        && f.flags.mutual
                        && c.verb.as_ref().is_some_and(|v| v.lemma == "geben")
                        && cx
                            .phrase(&Role::Subj)
                            .is_some_and(|p| s.ws[p.head()].text.eq_ignore_ascii_case("es"));
                    if es_gibt && roles.source.is_empty() && roles.target.is_empty() {
                        // `habe es mit Kern ein Gespräch gegeben`: the other side stands in
                        // the clause, not in the noun's phrase
                        roles.target = cx.first_actors(&f.target, doc);
                        // a person or body the knowledge base does not know (`mit Kern`)
                        // in a domestic story is of the home country, as for speech acts
                        let other = f.target.iter().find_map(|r| cx.phrase(r));
                        if let (true, Some(home), Some(ph)) =
                            (roles.target.is_empty(), &doc.home, other)
                        {
                            if cx.unnamed_agent(ph, frames) {
                                roles.target.push(Actor {
                                    code: home.clone(),
                                    entity: None,
                                    span: s.ws[ph.head()].span,
                                    inferred: true,
                                });
                            }
                        }
                    }
                    if es_gibt && roles.source.is_empty() && !roles.target.is_empty() {
                        roles.source = if doc.speaker.is_empty() {
                            doc.home
                                .iter()
                                .map(|h| Actor {
                                    code: h.clone(),
                                    entity: None,
                                    span: w.span,
                                    inferred: true,
                                })
                                .collect()
                        } else {
                            doc.speaker.clone()
                        };
                    }
                    // a noun event needs its actor (`die Besetzung von Belarus` alone
                    // names only the target), unless a verb of receiving names who got it
                    // (`The reformers won concessions`, `Kyiv received aid`)
                    // `during a surprise visit to Beirut`: a visit's target is the state of
                    // the place visited (English, as for the verb)
                    if s.lang == Language::En && ty == EventType::Consult && roles.target.is_empty()
                    {
                        if let Some(p) = phs.iter().find(|p| {
                            p.words.start == ph.words.end
                                && matches!(&p.role, Some(Role::Pp(x)) if x == "to")
                        }) {
                            roles.target = cx.states_in(p);
                            roles
                                .target
                                .retain(|t| !roles.source.iter().any(|a| a.code == t.code));
                        }
                    }
                    // (not when the clause reports what its subject said: `hat X laut Klage
                    // unter Eid ausgesagt` names a witness)
                    let says = c.verb.as_ref().is_some_and(|v| {
                        frames
                            .lookup(Pos::Verb, &v.lemma)
                            .iter()
                            .any(|&fi| frames.get(fi).flags.say)
                    });
                    let according = according_to(s.lang, ph, ty) && !says;
                    if according && roles.target.is_empty() {
                        roles.target = subject
                            .iter()
                            .filter(|a| !roles.source.iter().any(|x| x.code == a.code))
                            .cloned()
                            .collect();
                    }
                    // `Laut Anklage soll der 40-Jährige … betrogen haben`: the unnamed
                    // person the charge's clause is about is of the home country, as for
                    // a `gegen` phrase below (in a passive only its agent: the subject of
                    // `wurde der Mann betrogen` is the victim)
                    if according && roles.target.is_empty() && s.lang == Language::De {
                        roles
                            .target
                            .extend(cx.phrase(&Role::Subj).and_then(|p| cx.home_person(p, doc)));
                    }
                    // `die Ermittlungen gegen einen 40-Jährigen`, `die Anklage gegen den
                    // Mann`: the unnamed person a German charge or inquiry is against is of
                    // the home country (gold convention: suspects of unstated nationality),
                    // as for the verbs (`nahm den Mann fest`); its accuser follows below
                    if s.lang == Language::De
                        && ty == EventType::Accuse
                        && matches!(f.mode.as_deref(), Some("allege" | "investigate"))
                        && roles.target.is_empty()
                    {
                        let person = f.target.iter().find_map(|r| match r {
                            Role::Pp(_) => cx.pp_after(ph, r).or_else(|| {
                                // (a subject noun takes the clause's phrase: `Gegen den Mann
                                // laufen Ermittlungen`)
                                (ph.role == Some(Role::Subj))
                                    .then(|| cx.phrases.iter().find(|p| p.role.as_ref() == Some(r)))
                                    .flatten()
                            }),
                            _ => None,
                        });
                        roles
                            .target
                            .extend(person.and_then(|p| cx.home_person(p, doc)));
                    }
                    // `Der Prozess gegen X beginnt`: a trial or inquiry against someone
                    // that names no accuser is brought by the home country's courts
                    // (German; as for agentless charges, and for a charge the clause
                    // reports: `soll laut Anklage …`); a frame flagged `home` names its
                    // accuser when the text does (`die Ermittlungen der Justiz Italiens`)
                    // and otherwise is brought by the same courts, prosecutors and police
                    // (`Die Ermittlungen gegen den Banker dauern an`)
                    if s.lang == Language::De
                        && ty == EventType::Accuse
                        && matches!(f.mode.as_deref(), Some("allege" | "investigate"))
                        && roles.source.is_empty()
                        && !roles.target.is_empty()
                        && (f.source.is_empty() || according || f.flags.home)
                    {
                        if let Some(home) = &doc.home {
                            roles.source.push(Actor {
                                code: home.clone(),
                                entity: None,
                                span: w.span,
                                inferred: true,
                            });
                        }
                    }
                    let received = receiving
                        && ph.role == Some(Role::Obj)
                        && !roles.target.is_empty()
                        && !f.flags.mutual;
                    // `the recent arrest of Sheikh Hassan`, `the killing of two leaders by
                    // gunmen`: an attack or arrest named by a noun whose `of` phrase names
                    // its victim (a person, or people counted) is an event though the
                    // perpetrator is unknown, as in the passive (English)
                    let victim = s.lang == Language::En
                        && roles.source.is_empty()
                        && !roles.target.is_empty()
                        && matches!(ty, EventType::Assault | EventType::Coerce)
                        && ph.genitives.iter().filter(|g| g.start > i).any(|g| {
                            s.mentions.iter().any(|m| {
                                m.person && g.start <= m.tokens.start && m.tokens.end <= g.end
                            }) || g
                                .clone()
                                .any(|j| s.classes.counts_people(s.lang, s.ws[j].text))
                        });
                    if roles.source.is_empty() && !received && !victim {
                        continue;
                    }
                    let mut m = modality;
                    if cx.attributive_plan(ph, i) {
                        m = Modality::Planned;
                    }
                    // `Wir wollen eine gute Zusammenarbeit mit der Stadt`, `will auf
                    // Zusammenarbeit setzen`: stated willingness to cooperate is an AGREE
                    // (PLOVER manual), not cooperation that took place
                    let willing;
                    let (f, ty) = if s.lang == Language::De
                        && ty == EventType::Cooperate
                        && (m == Modality::Intended
                            || c.verb.as_ref().is_some_and(|v| {
                                matches!(
                                    v.lemma.as_str(),
                                    "wollen"
                                        | "anstreben"
                                        | "wünschen"
                                        | "anbieten"
                                        | "suchen"
                                        | "setzen"
                                )
                            })) {
                        willing = Frame {
                            event: Some(EventType::Agree),
                            mode: None,
                            cameo: Some("030".into()),
                            ..f.clone()
                        };
                        m = Modality::Asserted;
                        (&willing, EventType::Agree)
                    } else {
                        (f, ty)
                    };
                    // `es gibt eine gute Zusammenarbeit mit Unternehmen`, `die Zusammenarbeit
                    // mit der Gazprom sei nichts Neues`, `wir brauchen die Zusammenarbeit`: a
                    // German noun of mutual cooperation under a copula or a verb that names
                    // no event states a standing relation, not an act (`die Zusammenarbeit
                    // wächst` and `wird ausgebaut` stay events, and so does an extradition
                    // that `erfolgte`; willingness is handled above)
                    if s.lang == Language::De
                        && ty == EventType::Cooperate
                        && f.flags.mutual
                        && (clause_none || cx.copula())
                    {
                        continue;
                    }
                    // `shrill public attacks over the media`, `a verbal attack on the
                    // minister`: an attack made in words is an accusation (English)
                    let verbal;
                    let (f, ty) = if s.lang == Language::En
                        && ty == EventType::Assault
                        && verbal_attack(s, ph, i, &phs)
                    {
                        verbal = Frame {
                            event: Some(EventType::Accuse),
                            mode: Some("disapprove".into()),
                            cameo: Some("111".into()),
                            ..f.clone()
                        };
                        (&verbal, EventType::Accuse)
                    } else {
                        (f, ty)
                    };
                    // (a victim named by the noun keeps the event past the lead, as the
                    // passive does)
                    let passive_clause = doc.clause_passive;
                    doc.clause_passive |= victim;
                    push_event(
                        events,
                        doc,
                        s,
                        f,
                        ty,
                        roles.source,
                        roles.target,
                        m,
                        w.span,
                        0.6,
                    );
                    doc.clause_passive = passive_clause;
                }
            }
            // `President Bush, who cut his holiday short, called on Americans to donate`:
            // a relative clause inside the main clause governs nothing after it
            let embedded = s.lang == Language::En
                && c.kind == ClauseKind::Relative
                && clauses[..ci]
                    .iter()
                    .any(|p| p.kind != ClauseKind::Relative && p.words.last() > c.words.last());
            if embedded {
                continue;
            }
            gov = Governor {
                event: clause_event,
                event_at: clause_event_at,
                adjective: clause_adjective,
                object: {
                    let o = cx.role_actors(&Role::Obj, doc);
                    if o.is_empty() {
                        cx.role_actors(&Role::Dat, doc)
                    } else {
                        o
                    }
                },
                // `Obama is scheduled to attend`: a passive's surface subject
                subject: if passive && subject.is_empty() {
                    cx.role_actors(&Role::Obj, doc)
                } else {
                    subject.clone()
                },
            };
            if !subject.is_empty() {
                prev_subject = Some(subject);
            }
            governing = c.verb.as_ref().map(|v| v.lemma.to_lowercase());
        }
        // `The US said that Iraq had attacked`, `Israel sagte, die Hamas habe angegriffen`:
        // a speaker reporting another's attack or coercion accuses them (as CAMEO coders
        // record it); in German the reported event stays, with the speaker's words as
        // evidence (English: see below).
        dropped.sort_unstable();
        dropped.dedup();
        for k in dropped.into_iter().rev() {
            events.remove(k);
            doc.event_clauses.remove(k - first_event);
        }
        // English: a newspaper or agency reporting an attack (`Syrian state media
        // reported`, `the Washington Post reported`) accuses no one; the attack is the
        // event. A party's own claim (`The US said that Iraq had attacked`) is only that
        // claim: the text does not assert the attack, so the accusation replaces it.
        let english = s.lang == Language::En;
        let speaker = doc
            .speaker
            .first()
            .filter(|sp| !(english && media_speaker(s, sp)))
            .cloned();
        if let Some(speaker) = speaker {
            // what a relative clause recalls (`the group that has seized parts of Iraq`) is
            // background to the statement, not its claim (English)
            let recalled = |e: &Event| {
                english
                    && clauses.iter().any(|c| {
                        c.kind == ClauseKind::Relative
                            && c.span.start <= e.trigger.start
                            && e.trigger.end <= c.span.end
                    })
            };
            let alleged: Vec<usize> = (first_event..events.len())
                .filter(|&k| {
                    let e = &events[k];
                    !recalled(e)
                        && matches!(e.event_type, EventType::Assault | EventType::Coerce)
                        && !e.source.is_empty()
                        && !e.source.iter().any(|a| a.code == speaker.code)
                })
                .collect();
            let reported: Vec<(Vec<Actor>, Span)> = alleged
                .iter()
                .map(|&k| &events[k])
                .map(|e| {
                    let src = e
                        .source
                        .iter()
                        .map(|a| Actor {
                            code: a.code.clone(),
                            entity: a.entity.clone(),
                            span: Span::new(a.start as usize, a.end as usize),
                            inferred: a.inferred,
                        })
                        .collect();
                    (
                        src,
                        Span::new(e.trigger.start as usize, e.trigger.end as usize),
                    )
                })
                .collect();
            let frame = Frame::allege(s.lang);
            doc.clause_span = s.span;
            doc.clause_passive = false;
            // the sentence's statement, not its last clause's background or state
            doc.clause_background = false;
            doc.clause_dated_back = false;
            doc.clause_state = false;
            doc.clause_places = attach::Places::default();
            for (target, trigger) in reported {
                push_event(
                    events,
                    doc,
                    s,
                    &frame,
                    EventType::Accuse,
                    vec![speaker.clone()],
                    target,
                    Modality::Asserted,
                    trigger,
                    0.5,
                );
            }
            if english {
                for &k in alleged.iter().rev() {
                    events.remove(k);
                    doc.event_clauses.remove(k - first_event);
                }
            }
        }
    }

    /// Who speaks on after this sentence: its speaker, or the source of its last verbal
    /// event (`Der ÖNB hat … kritisiert. Demnach sei …`).
    fn next_speaker(s: &Sentence<'_>, doc: &DocState, events: &[Event]) -> Vec<Actor> {
        if !doc.speaker.is_empty() {
            return doc.speaker.clone();
        }
        let verbal = |t: EventType| {
            matches!(
                t,
                EventType::Accuse
                    | EventType::Request
                    | EventType::Reject
                    | EventType::Support
                    | EventType::Threaten
                    | EventType::Agree
            )
        };
        events
            .iter()
            .rev()
            .take_while(|e| e.evidence == s.span)
            .find(|e| verbal(e.event_type) && !e.source.is_empty())
            .map(|e| {
                e.source
                    .iter()
                    .map(|a| Actor {
                        code: a.code.clone(),
                        entity: a.entity.clone(),
                        span: Span::new(a.start as usize, a.end as usize),
                        inferred: a.inferred,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The speaker of a sentence: the first coded actor in a clause whose verb is a verb of
    /// saying (`sagte Juri Uschakow`, `the minister said`), or after a trailing `so`
    /// (`…, so Foglar`); and whether the sentence has an impersonal speech tag (`hieß
    /// es`), which names a speaker of its own, unknown.
    fn speaker(&self, s: &Sentence<'_>, clauses: &[Clause], doc: &DocState) -> (Vec<Actor>, bool) {
        let frames = self.frames(s.lang);
        // German: a say clause naming nobody the matcher knows (`teilte das Rathaus mit`,
        // `betont die Junge Kurie`, `sagte er`), kept for when nothing better is found
        let mut unnamed: Vec<Actor> = Vec::new();
        // whether the sentence has an impersonal speech tag (`hieß es`)
        let mut impersonal = false;
        for (ci, c) in clauses.iter().enumerate() {
            let Some(v) = &c.verb else { continue };
            // (a `framing` verb says only where it frames speech: `…, findet sie`, or
            // with its verbs right before a comma or colon and no object after its first
            // verb, `Sie findet, …`; not `und fand dann andere Zahlen`, `wollte eine Lösung
            // finden, die …`)
            let tag = speech_tag(s, clauses, ci);
            let framing = || {
                let before = clauses.get(ci + 1).is_some()
                    && c.words.iter().max().is_some_and(|&k| {
                        let k = k as usize;
                        (matches!(s.ws[k].a.upos, Upos::Verb | Upos::Aux)
                            || s.ws[k].a.xpos == Xpos::Stts(Stts::Ptkvz))
                            && s.ws.get(k + 1).is_some_and(|w| matches!(w.text, "," | ":"))
                    });
                if tag || !before {
                    return tag;
                }
                // (only what follows the first verb counts: `Wien – Faymann findet, …`
                // reads the dateline as the subject and the name as an object)
                let cw: Vec<usize> = c.words.iter().map(|&i| i as usize).collect();
                let first = v.verbs.first().map_or(v.main.index, |a| a.index) as usize;
                let finite = v.finite.map(|a| a.index as usize);
                let main = c.kind == ClauseKind::Main;
                !phrases(
                    s.lang,
                    s.ws,
                    &cw,
                    Some((first, v.main.index as usize)),
                    finite,
                    main,
                )
                .iter()
                .any(|p| p.role == Some(Role::Obj) && p.words.start > first)
            };
            // (German: so does a verb of criticism or demand by itself, with no condition,
            // placed after what it reports: `Das sei inakzeptabel, kritisierte X`, `…,
            // forderte X`)
            let says = frames.lookup(Pos::Verb, &v.lemma).iter().any(|&fi| {
                let f = frames.get(fi);
                f.flags.say && (!f.flags.framing || framing())
                    || s.lang == Language::De
                        && f.requires.is_empty()
                        && matches!(f.event, Some(EventType::Accuse | EventType::Request))
                        && speech_tag(s, clauses, ci)
            });
            if !says {
                continue;
            }
            let words: Vec<usize> = c.words.iter().map(|&i| i as usize).collect();
            // (an impersonal tag, `…, hieß es`, names a new, unknown speaker; `sagte er`,
            // `so der Bischof` name the one before when nothing else resolves them)
            impersonal |= tag
                && words.iter().any(|&i| {
                    s.ws[i].a.upos == Upos::Pron && matches!(&*lower(s.ws[i].text), "es" | "man")
                });
            // the speaker is a name (a person first), not a nationality adjective
            let named = |m: &&Men| words.contains(&m.tokens.start) && !m.derived;
            // … or a nationality before a word for an office or body (`the Mexican
            // president said`, `sagte der russische Außenminister`)
            let sectors = self.sectors(s.lang);
            let office = |m: &&Men| {
                words.contains(&m.tokens.start)
                    && m.derived
                    && s.ws[m.tokens.end.min(s.ws.len())..]
                        .iter()
                        .take(3)
                        .find(|w| w.a.upos != Upos::Adj)
                        .is_some_and(|w| {
                            w.a.upos == Upos::Noun && sectors.sector(&w.a.lemma).is_some()
                        })
            };
            if let Some(m) = s
                .mentions
                .iter()
                .filter(named)
                .find(|m| m.person)
                .or_else(|| s.mentions.iter().find(named))
                .or_else(|| s.mentions.iter().find(office))
            {
                return (vec![m.actor.clone()], false);
            }
            if s.lang == Language::De && unnamed.is_empty() {
                unnamed = self.unnamed_speaker(s, &words, frames, doc);
            }
        }
        if s.lang == Language::De {
            if let Some(k) =
                (1..s.ws.len()).find(|&k| s.ws[k].text == "so" && s.ws[k - 1].text == ",")
            {
                if let Some(m) = s.mentions.iter().find(|m| m.tokens.start > k) {
                    return (vec![m.actor.clone()], false);
                }
            }
        }
        (unnamed, impersonal)
    }

    /// The speaker of a German say clause without a known name: `er`/`sie` with a singular
    /// verb is the last person named; an article and a noun that is no event noun
    /// (`das Rathaus`, `die Junge Kurie`) an unnamed body of the home country.
    fn unnamed_speaker(
        &self,
        s: &Sentence<'_>,
        words: &[usize],
        frames: &Frames,
        doc: &DocState,
    ) -> Vec<Actor> {
        for (k, &i) in words.iter().enumerate() {
            let w = &s.ws[i];
            let l = lower(w.text);
            if w.a.upos == Upos::Pron && (l == "er" || l == "sie" && singular_verb(s, words)) {
                return doc.last_person.clone().into_iter().collect();
            }
            let after_article = k > 0 && s.ws[words[k - 1]].a.upos == Upos::Det
                || k > 1
                    && s.ws[words[k - 1]].a.upos == Upos::Adj
                    && s.ws[words[k - 2]].a.upos == Upos::Det;
            // … and so is a name nobody knows: people of unknown affiliation in a domestic
            // story (a singular noun right after the verb without an article is such a
            // name the tagger took for a noun: `meinte Winkler`)
            let bare_noun = w.a.upos == Upos::Noun
                && w.a.feats.number != Some(sitrep_core::Number::Plur)
                && k > 0
                && matches!(s.ws[words[k - 1]].a.upos, Upos::Verb | Upos::Aux)
                && frames.lookup(Pos::Noun, &w.a.lemma).is_empty()
                && s.sectors.of(i).is_none();
            let unknown_name = (w.a.upos == Upos::Propn || bare_noun)
                && !s.places.iter().any(|p| p.tokens.contains(&i))
                && !s.mentions.iter().any(|m| m.tokens.contains(&i));
            if (w.a.upos == Upos::Noun
                && after_article
                && frames.lookup(Pos::Noun, &w.a.lemma).is_empty())
                || unknown_name
            {
                if let Some(home) = &doc.home {
                    return vec![Actor {
                        code: home.clone(),
                        entity: None,
                        span: w.span,
                        inferred: true,
                    }];
                }
            }
        }
        Vec::new()
    }

    /// The target of a verb that reacts to something: the object's own actors; or, when
    /// the object is an event noun, that event's actors, or the source of the last event
    /// of its type in the document (`begrüßte die geplante Verlegung`).
    fn react_target(&self, cx: &ClauseCx<'_, '_>, f: &Frame, doc: &DocState) -> Vec<Actor> {
        for r in &f.target {
            let Some(ph) = cx.phrase(r) else { continue };
            let head = ph.head();
            let w = &cx.s.ws[head];
            let frames = self.frames(cx.s.lang);
            if w.a.upos == Upos::Noun {
                if let Some(nf) = frames
                    .lookup_noun(&w.a.lemma)
                    .iter()
                    .map(|&k| frames.get(k))
                    .find(|f| cx.noun_holds(f, ph, head))
                {
                    let roles = cx.noun_roles(nf, ph, head, &[], doc);
                    if !roles.source.is_empty() {
                        return roles.source;
                    }
                    if let Some(ty) = nf.event {
                        if let Some(last) = doc.last_of_type.get(&ty) {
                            return last.clone();
                        }
                    }
                    continue;
                }
            }
            let a = cx.author_actors(ph, doc);
            if !a.is_empty() {
                return a;
            }
        }
        Vec::new()
    }
}

/// Dyadic events whose sentence names no target take the document's main counterpart: the
/// actor named most often (at least three times) that is not among the event's sources. A
/// report on US and NATO answers to Russia is about Russia even where a sentence only says
/// `USA und NATO fordern ein Ende der Truppenaufmärsche`. The actor is marked `inferred`
/// and points at its first mention. Movements, protests, concessions and retreats keep an
/// empty target.
fn counterpart_targets(input: &Input<'_>, home: Option<&str>, events: &mut [Event]) {
    // code → (mentions, first mention)
    let mut counts: Vec<(&str, usize, &Found)> = Vec::new();
    for f in input.found {
        let Some(c) = f.code.as_deref() else { continue };
        match counts.iter_mut().find(|x| x.0 == c) {
            Some(x) => x.1 += 1,
            None => counts.push((c, 1, f)),
        }
    }
    for e in events.iter_mut() {
        // (German protests are against someone the story names: the company struck,
        // the government; the German gold codes them so)
        let dyadic = !matches!(
            e.event_type,
            EventType::Mobilize | EventType::Concede | EventType::Retreat
        ) && (e.event_type != EventType::Protest || input.language == Language::De);
        if !dyadic || !e.target.is_empty() || e.source.is_empty() {
            continue;
        }
        // most mentions; ties go to the first named
        let top = counts.iter().map(|x| x.1).max().unwrap_or(0);
        let in_source = |c: &str| e.source.iter().any(|a| a.code == c);
        let best = counts
            .iter()
            .filter(|(c, n, _)| {
                !in_source(c)
                    // a domestic story's own state, when it is the most named: party
                    // against party, minister against union
                    || home == Some(*c) && *n == top
            })
            .fold(None::<&(&str, usize, &Found)>, |b, x| match b {
                Some(b) if b.1 >= x.1 => Some(b),
                _ => Some(x),
            });
        if let Some((code, n, f)) = best {
            if *n >= 3 {
                e.target.push(EventActor {
                    code: code.to_string(),
                    entity: input
                        .entities
                        .iter()
                        .find(|en| {
                            en.mentions
                                .iter()
                                .any(|m| m.start == f.span.start && m.end == f.span.end)
                        })
                        .map(|en| en.id.clone()),
                    text: f.span.get(input.text).unwrap_or("").to_string(),
                    start: f.span.start,
                    end: f.span.end,
                    inferred: true,
                });
                e.confidence -= 0.2;
            }
        }
    }
}

/// A German dateline the entity recogniser read as something other than a place
/// (`Florenz – …` taken for a person's name): the one word of a dateline
/// ([`sitrep_entities::dateline::datelines`]) is the state of a place of the same name
/// mentioned elsewhere in the story.
fn dateline_home(input: &Input<'_>) -> Option<String> {
    if input.language != Language::De {
        return None;
    }
    let tokens = &input.seg.tokens;
    sitrep_entities::dateline::datelines(input.text, tokens)
        .into_iter()
        .filter(|d| d.words.len() == 1 && d.head == d.words)
        .filter_map(|d| tokens[d.words.start].span.get(input.text))
        .find_map(|name| {
            input
                .found
                .iter()
                .filter(|f| {
                    matches!(
                        f.kind,
                        sitrep_core::EntityKind::Place | sitrep_core::EntityKind::State
                    )
                })
                .filter(|f| f.span.get(input.text) == Some(name))
                .find_map(|f| f.state())
        })
}

/// A German story without a dateline or a dominant state (`Mitterlehner rüffelt Lopatka`)
/// is at home where its known parties, bodies and people are: one state with at least two
/// such mentions and at least half of them.
fn named_home(lang: Language, found: &[Found]) -> Option<String> {
    if lang != Language::De {
        return None;
    }
    let counts = sitrep_entities::tally(
        found
            .iter()
            .filter(|f| {
                f.kb.is_some()
                    && matches!(
                        f.kind,
                        sitrep_core::EntityKind::Person | sitrep_core::EntityKind::Organization
                    )
            })
            .filter_map(|f| f.code.as_deref().filter(|c| c.len() == 3)),
    );
    let total: usize = counts.iter().map(|c| c.1).sum();
    let &(code, max) = counts.iter().max_by_key(|c| c.1)?;
    (max >= 2 && max * 2 >= total).then(|| code.to_string())
}

/// Whether the finite verb among `words` is singular (`schließt sie aus`: she).
fn singular_verb(s: &Sentence<'_>, words: &[usize]) -> bool {
    words.iter().any(|&i| {
        let w = &s.ws[i];
        matches!(w.a.upos, Upos::Verb | Upos::Aux)
            && w.a.feats.verb_form == Some(sitrep_core::VerbForm::Fin)
            && w.a.feats.number == Some(sitrep_core::Number::Sing)
    })
}

/// Whether a sentence's speaker is a news medium: a media mention (`Reuters`, `the
/// Washington Post`), or a nationality or name before a word for the press (`Syrian state
/// media`, `Iranian television`).
fn media_speaker(s: &Sentence<'_>, speaker: &Actor) -> bool {
    let Some(m) = s.mentions.iter().find(|m| m.actor.span == speaker.span) else {
        return false;
    };
    m.media
        || s.ws[m.tokens.end.min(s.ws.len())..]
            .iter()
            .take(3)
            .take_while(|w| matches!(w.a.upos, Upos::Adj | Upos::Noun | Upos::Propn))
            .any(|w| s.classes.has(WordClass::Press, s.lang, &w.a.lemma))
}

/// `his bombing targets`, `attack helicopters`, `war crimes`: an English event noun that
/// modifies the next noun of its phrase names no event of its own, unless that noun only
/// packages the event (`aid package`, `rescue operation`, `strike action`).
fn english_noun_modifier(s: &Sentence<'_>, i: usize, end: usize) -> bool {
    let Some(next) = s.ws.get(i + 1).filter(|_| i + 1 < end) else {
        return false;
    };
    next.a.upos == Upos::Noun && !s.classes.has(WordClass::Package, s.lang, &next.a.lemma)
}

/// `Kadhim Husain was assassinated in the Salikh district`: violence or coercion against a
/// victim the text names is an event though the perpetrator is unknown (English news past
/// the lead otherwise needs a source; the caller asks for a passive, so that an imperative
/// such as `Target Israel` stays out).
/// `shrill public attacks`, `a verbal assault`, `attacks in the media`: an attack noun
/// (word `i` of phrase `ph`) that an adjective before it or a phrase right after it marks
/// as made in words.
fn verbal_attack(s: &Sentence<'_>, ph: &Phrase, i: usize, phs: &[Phrase]) -> bool {
    if !matches!(
        s.ws[i].a.lemma.as_str(),
        "attack" | "assault" | "onslaught" | "broadside"
    ) {
        return false;
    }
    let marked = (ph.words.start..i).any(|j| {
        matches!(
            &*lower(s.ws[j].text),
            "verbal"
                | "rhetorical"
                | "personal"
                | "public"
                | "shrill"
                | "scathing"
                | "vitriolic"
                | "blistering"
                | "written"
                | "media"
                | "press"
                | "propaganda"
        )
    });
    marked
        || phs.iter().any(|p| {
            p.words.start == ph.words.end
                && matches!(&p.role, Some(Role::Pp(x)) if x == "over" || x == "in")
                && matches!(
                    &*lower(&s.ws[p.head()].a.lemma),
                    "media"
                        | "press"
                        | "television"
                        | "tv"
                        | "radio"
                        | "newspaper"
                        | "airwave"
                        | "interview"
                        | "speech"
                        | "editorial"
                        | "column"
                        | "statement"
                )
        })
}

fn named_victim(ty: EventType, target: &[Actor]) -> bool {
    matches!(ty, EventType::Assault | EventType::Coerce) && !target.is_empty()
}

/// Whether a German event without a source stands (see `extract_all`): violence and
/// coercion, reported by their victims or not at all, and aid that names whom it reached.
fn sourceless_kept(ty: EventType, has_target: bool) -> bool {
    match ty {
        EventType::Assault | EventType::Coerce => true,
        EventType::Aid => has_target,
        _ => false,
    }
}

/// Sectors whose members act for a state or for an organised political or armed group.
fn political_sector(sector: Sector) -> bool {
    !matches!(
        sector,
        Sector::Med | Sector::Bus | Sector::Cvl | Sector::Ngo
    )
}

/// The spans of one sentence's words and mentions that name a political party to
/// violence (evaluation/gold/README.md, "Three decided conventions", rule 1): a state, a
/// state organ, an official or politician, an organised armed or political group. That is
/// a mention of a state (not a demonym: `ein Afghane` is a private person) or of a
/// political sector (`Bürgermeister Huber` by the knowledge base), a noun of such a sector
/// (`Polizist`, `Miliz`), and a name or adjective with such a noun right next to it in its
/// noun phrase (`Bürgermeister Huber`, `russische Soldaten`: the actor is read from the
/// name or the adjective). `found` are the sentence's mentions, `offset` its first token.
fn political_spans(
    ws: &[W<'_>],
    found: &[Found],
    offset: usize,
    sectors: &LemmaSectors<'_>,
) -> Vec<(u32, u32)> {
    let noun = |j: usize| {
        let w = &ws[j];
        matches!(w.a.upos, Upos::Noun | Upos::Propn) && sectors.of(j).is_some_and(political_sector)
    };
    let mut out: Vec<(u32, u32)> = (0..ws.len())
        .filter(|&j| ws[j].a.upos == Upos::Noun && noun(j))
        .map(|j| (ws[j].span.start, ws[j].span.end))
        .collect();
    for f in found {
        let (start, end) = (
            f.tokens.start.saturating_sub(offset),
            f.tokens.end.saturating_sub(offset).min(ws.len()),
        );
        let state = f.kind == sitrep_core::EntityKind::State && !f.is_derived();
        // a title right before (`Polizeichef Huber`), or the noun the name or adjective
        // goes with, past adjectives only (`russische Soldaten`, `die Polizei Wiens`)
        let title = start.checked_sub(1).is_some_and(noun);
        let head = (end..ws.len().min(end + 3))
            .take_while(|&j| j == end || ws[j - 1].a.upos == Upos::Adj)
            .any(noun);
        if state || f.sector.is_some_and(political_sector) || title || head {
            out.push((f.span.start, f.span.end));
        }
    }
    out
}

/// Violence among private persons (German; evaluation/gold/README.md, "Three decided
/// conventions", rule 1): an ASSAULT, or a COERCE of restraint (`festhalten`), whose doer
/// is no political party (unknown, or a private person) and whose victim is none either,
/// in a sentence that states no political, ethnic, religious or xenophobic motive, tells
/// of no collective violence (a mass brawl, a riot, a mob) and names no act only a state or
/// armed group commits (an execution, an air strike), is ordinary crime, which
/// PLOVER leaves out (the gold codes it optional at most). The state's acts stay: other
/// COERCE frames (arrests, sentences, bans) are a state's by their meaning, police and
/// courts are political parties, and a passive restraint (`wurde in Haft festgehalten`)
/// is put on the story's state.
fn private_violence(
    ty: EventType,
    f: &Frame,
    source: &[Actor],
    target: &[Actor],
    trigger: Span,
    doc: &DocState,
    s: &Sentence<'_>,
) -> bool {
    let restraint =
        ty == EventType::Coerce && s.classes.has(WordClass::Restraint, s.lang, &f.lemma);
    if ty != EventType::Assault && !restraint {
        return false;
    }
    let political = |a: &Actor| doc.political.contains(&(a.span.start, a.span.end));
    // the home state put on an agentless passive by its authorities (its span is the verb)
    let authorities = |a: &Actor| {
        a.inferred
            && a.entity.is_none()
            && trigger.start <= a.span.start
            && a.span.end <= trigger.end
    };
    if source.iter().any(|a| political(a) || authorities(a)) || target.iter().any(political) {
        return false;
    }
    if ty == EventType::Coerce && doc.clause_passive && source.is_empty() {
        return false;
    }
    // a state organ the clause names as a bare noun phrase or as the agent where no actor
    // was read from it (a story without a home state, a misread clause: `Elf Polizisten
    // wurden verletzt`); not one it only cites (`nach Angaben der Polizei`, `laut Polizei`)
    let ws = s.ws;
    let organ = (0..ws.len()).any(|j| {
        let w = &ws[j];
        let named = doc.clause_span.start <= w.span.start
            && w.span.end <= doc.clause_span.end
            && w.a.upos == Upos::Noun
            && w.a.feats.case != Some(Case::Gen)
            && doc.political.contains(&(w.span.start, w.span.end));
        if !named {
            return false;
        }
        let mut k = j;
        while k > 0 && matches!(ws[k - 1].a.upos, Upos::Det | Upos::Adj | Upos::Num) {
            k -= 1;
        }
        // (`Laut` opening a sentence is often tagged as a name)
        let cited = k > 0 && ws[k - 1].text.eq_ignore_ascii_case("laut")
            || ws.get(j + 1).is_some_and(|n| n.text == "zufolge");
        let governed = k > 0
            && ws[k - 1].a.upos == Upos::Adp
            && !matches!(ws[k - 1].a.lemma.as_str(), "von" | "durch");
        !cited && !governed
    });
    if organ {
        return false;
    }
    !s.ws.iter().any(|w| {
        [
            WordClass::ViolenceMotive,
            WordClass::CollectiveViolence,
            WordClass::ArmedAct,
        ]
        .into_iter()
        .any(|c| s.classes.in_compound(c, s.lang, &w.a.lemma))
    })
}

/// `was der Senat so sah und eine Geldbuße verhängte`: a German verb-final conjunct opened
/// by a coordinating conjunction without a subordinator or relative word of its own, right
/// after a conjunct of the same kind, shares that conjunct's subject when the one phrase
/// read as its subject is a noun a frame of its verb names as its object (`verhängen
/// obj=Geldbuße`): feminine, neuter and plural phrases do not show whether they are
/// nominative or accusative, and only the verb's frames tell (`weil die Preise stiegen
/// und die Löhne sanken` keeps its own subject); or when both are relative clauses whose
/// shared relative word is the subject. Active voice only.
fn verb_final_gap(
    s: &Sentence<'_>,
    frames: &Frames,
    clauses: &[Clause],
    ci: usize,
    cw: &[usize],
    phs: &[Phrase],
) -> bool {
    let c = &clauses[ci];
    let Some(v) = c.verb.as_ref() else {
        return false;
    };
    if s.lang != Language::De
        || ci == 0
        || !matches!(c.kind, ClauseKind::Subordinate | ClauseKind::Relative)
        || v.voice == Voice::Pass
        || cw.len() < 2
        || s.ws[cw[0]].a.upos != Upos::Cconj
        || !matches!(
            &*lower(s.ws[cw[0]].text),
            "und" | "oder" | "aber" | "sondern"
        )
    {
        return false;
    }
    let own_opener = matches!(
        s.ws[cw[1]].a.xpos,
        Xpos::Stts(
            Stts::Kous
                | Stts::Koui
                | Stts::Prels
                | Stts::Prelat
                | Stts::Pws
                | Stts::Pwat
                | Stts::Pwav
        )
    );
    let prev = &clauses[ci - 1];
    let adjacent = prev.kind == c.kind
        && prev.words.last().is_some_and(|&l| l as usize + 1 == cw[0])
        && prev.words.len() > 1;
    let subjects: Vec<&Phrase> = phs.iter().filter(|p| p.role == Some(Role::Subj)).collect();
    if own_opener || !adjacent || subjects.len() != 1 {
        return false;
    }
    // `der die Pläne kritisierte und den Präsidenten bat`: coordinated relative clauses
    // without a relative word of their own share the first one's, in its case; a
    // nominative relative is their subject (a phrase that shows its nominative, `der
    // Präsident`, `er`, is a clause of its own)
    let first = prev.words.first().map(|&i| &s.ws[i as usize]);
    if c.kind == ClauseKind::Relative
        && first.is_some_and(|w| {
            w.a.xpos == Xpos::Stts(Stts::Prels) && w.a.feats.case == Some(sitrep_core::Case::Nom)
        })
    {
        let opener = lower(s.ws[subjects[0].words.start].text);
        return !matches!(&*opener, "der" | "er" | "ich" | "du" | "wir" | "ihr");
    }
    if phs.iter().any(|p| p.role == Some(Role::Obj)) {
        return false;
    }
    let head = lower(&s.ws[subjects[0].head()].a.lemma);
    frames.lookup(Pos::Verb, &v.lemma).iter().any(|&fi| {
        frames
            .get(fi)
            .requires
            .iter()
            .any(|r| matches!(r, Require::HeadIn(Role::Obj, ls) if ls.iter().any(|m| *m == *head)))
    })
}

/// `soll laut Anklage Gelder veruntreut haben`, `Laut einer Klage von Bürgerrechtlern
/// genehmigte die Behörde …`, `Nach einem Rechtshilfeersuchen Deutschlands sind die
/// Behörden aktiv geworden`: a German charge cited as the source of what the clause
/// says (`laut`), or a request the clause's act answers (`nach`), is aimed at the
/// clause's subject; the noun's own phrase seldom names it.
fn according_to(lang: Language, ph: &Phrase, ty: EventType) -> bool {
    lang == Language::De
        && match &ph.role {
            Some(Role::Pp(p)) if p == "laut" => ty == EventType::Accuse,
            Some(Role::Pp(p)) if p == "nach" => ty == EventType::Request,
            _ => false,
        }
}

/// Speech acts whose subject is by the verb's meaning a person or body (`kritisieren`,
/// `fordern`, `ablehnen`, `begrüßen`, `zusagen`, `drohen`).
fn verbal_act(ty: EventType) -> bool {
    matches!(
        ty,
        EventType::Accuse
            | EventType::Request
            | EventType::Reject
            | EventType::Support
            | EventType::Agree
            | EventType::Concede
            | EventType::Threaten
    )
}

/// A German main clause that opens with its finite verb right after a comma or a closing
/// quotation mark: a speech tag after the words it reports (`…, kritisierte X`).
/// (Not a main clause whose Vorfeld is a dependent clause: `Um die Lage zu beenden,
/// fordern wir …`: a main clause must come before it.)
fn speech_tag(s: &Sentence<'_>, clauses: &[Clause], ci: usize) -> bool {
    let c = &clauses[ci];
    let (Some(v), Some(&first)) = (&c.verb, c.words.first()) else {
        return false;
    };
    let first = first as usize;
    c.kind == ClauseKind::Main
        && clauses[..ci].iter().any(|o| o.kind == ClauseKind::Main)
        && v.main.index as usize == first
        && first > 0
        && matches!(s.ws[first - 1].text, "," | "“" | "\"" | "«" | "»")
}

/// The CAMEO code of a refusal, when a German clause negates a cooperative act its named
/// source wants or will do (`will keine Flüchtlinge aufnehmen`, `werde nicht beraten`), or
/// (`declined`) an English infinitive under `decline`/`refuse` states it (`declined to
/// meet with`): 125 declines talks, 121 material cooperation, 124 refuses to yield, 120
/// else. `None` for other types, for a plain negated act (`unterstützt die App nicht`,
/// `bietet nicht 750 Euro, sondern …`, `traf sich nicht mit`: the text describes, no
/// one declines) and for sources only inferred (the home country).
fn refused(
    lang: Language,
    ty: EventType,
    m: Modality,
    v: &sitrep_clause::VerbComplex,
    source: &[Actor],
    declined: bool,
) -> Option<&'static str> {
    if m != Modality::Negated || source.iter().all(|a| a.inferred) {
        return None;
    }
    let volition = lang == Language::De
        && (v.modal.as_ref().is_some_and(|md| md.lemma == "wollen")
            || v.tense == Some(ClauseTense::Fut));
    if !volition && !declined {
        return None;
    }
    match ty {
        EventType::Consult => Some("125"),
        EventType::Cooperate => Some("121"),
        EventType::Concede | EventType::Retreat => Some("124"),
        EventType::Agree | EventType::Support | EventType::Aid => Some("120"),
        _ => None,
    }
}

/// The opposite of a negated rating, with its mode and CAMEO code: `nicht richtig`,
/// `kein Erfolg` disapprove, `nicht falsch`, `kein schlechter Vorschlag` praise.
fn opposite_rating(ty: EventType) -> Option<(EventType, &'static str, &'static str)> {
    match ty {
        EventType::Accuse => Some((EventType::Support, "praise", "051")),
        EventType::Support => Some((EventType::Accuse, "disapprove", "111")),
        _ => None,
    }
}

/// A conjunction that opens a condition (`wenn`, `falls`, `sofern`, `if`, `unless`), in any
/// case.
pub(crate) fn conditional_conjunction(w: &str) -> bool {
    ["wenn", "falls", "sofern", "if", "unless"]
        .iter()
        .any(|c| w.eq_ignore_ascii_case(c))
}

/// How many sentences back a measure's owner may have been named (besides the headline):
/// further back, the story has usually moved on to another measure.
const MEASURE_OWNER_REACH: usize = 2;

/// The owner of a measure that a reaction's target phrase names without one (German): a
/// phrase headed by a `measure` noun or its compound (`die Reform`, `das Asylgesetz`) or a
/// lone demonstrative standing for one (`lehnt das ab`, `Dieses` …) or a lone `es` taking
/// up a neuter measure earlier in the sentence (`… das Urteil bedauert, jetzt sorgt es für
/// Unmut`) takes the owner named last ([`DocState::measure_owner`]: an earlier measure's
/// genitive or `von` actors, or the subject of a clause that made, announced or decided
/// something: `Die Regierung kündigte ein Gesetz an. … lehnte das Gesetz ab`), from the
/// headline or the last [`MEASURE_OWNER_REACH`] sentences; never the reacting source
/// itself. The owner the target phrase's own genitive or `von` phrase names is found
/// before this ([`ClauseCx::first_actors`], or [`named_owner`] for a demand).
fn measure_owner(
    cx: &ClauseCx<'_, '_>,
    ty: EventType,
    roles: &[Role],
    source: &[Actor],
    doc: &DocState,
) -> Vec<Actor> {
    let s = cx.s;
    if s.lang != Language::De
        || !matches!(
            ty,
            EventType::Accuse | EventType::Reject | EventType::Support | EventType::Request
        )
    {
        return Vec::new();
    }
    let Some((at, owner)) = &doc.measure_owner else {
        return Vec::new();
    };
    if *at != 0 && doc.sentence_no > at + MEASURE_OWNER_REACH {
        return Vec::new();
    }
    let Some(ph) = roles.iter().find_map(|r| cx.phrase(r)) else {
        return Vec::new();
    };
    let w = &s.ws[ph.head()];
    let measure =
        w.a.upos == Upos::Noun && s.classes.ends_in(WordClass::Measure, s.lang, &w.a.lemma);
    let demonstrative = ph.words.len() == 1 && w.a.xpos == Xpos::Stts(Stts::Pds);
    // `… hat das Urteil bedauert, jetzt sorgt es für Unmut`: a lone `es` takes up a
    // singular neuter measure named before it in the sentence (else it is expletive or
    // means something else: `es gibt`, `Es geht um …`)
    let taken_up = ph.words.len() == 1
        && w.text.eq_ignore_ascii_case("es")
        && s.ws[..ph.head()].iter().any(|x| {
            x.a.upos == Upos::Noun
                && x.a.feats.gender == Some(Gender::Neut)
                && x.a.feats.number == Some(sitrep_core::Number::Sing)
                && s.classes.ends_in(WordClass::Measure, s.lang, &x.a.lemma)
        });
    // (a measure whose phrase names an owner the actors do not know, `die Entscheidung
    // der Minister`, is that owner's, not one from the context)
    if !measure && !demonstrative && !taken_up || !ph.genitives.is_empty() {
        return Vec::new();
    }
    let own = |a: &Actor| {
        source
            .iter()
            .any(|x| x.span == a.span || x.entity.is_some() && x.entity == a.entity)
    };
    owner
        .iter()
        .filter(|a| !own(a))
        .map(|a| Actor {
            inferred: true,
            ..a.clone()
        })
        .collect()
}

/// The owner a measure's own phrase names (German): `die EU-Richtlinie`, `die Reform der
/// Landesregierung`, `der Vorschlag von Siemens` — the actor of its compound modifier, its
/// genitive or its `von` phrase ([`ClauseCx::author_actors`]), never the reacting source
/// itself. Only for a phrase headed by a `measure` noun: a demand that `die EU-Grenzen`
/// be secured is not made of the EU. The owner named earlier in the document is
/// [`measure_owner`]'s.
fn named_owner(cx: &ClauseCx<'_, '_>, role: &Role, source: &[Actor], doc: &DocState) -> Vec<Actor> {
    let s = cx.s;
    let Some(ph) = cx.phrase(role) else {
        return Vec::new();
    };
    let w = &s.ws[ph.head()];
    if s.lang != Language::De
        || w.a.upos != Upos::Noun
        || !s.classes.ends_in(WordClass::Measure, s.lang, &w.a.lemma)
    {
        return Vec::new();
    }
    let mut owner = cx.author_actors(ph, doc);
    owner.retain(|a| {
        !a.inferred
            && !source
                .iter()
                .any(|x| x.span == a.span || x.entity.is_some() && x.entity == a.entity)
    });
    owner
}

/// A speaker's demand (`müssen`, `sollte`, `dürfe nicht`) whose subject names no actor
/// may still demand something of someone (German): a passive (`Die Angebote müssen
/// getrennt werden`, `müsse mehr getan werden`) or a subject that is a thing, an act or a
/// demonstrative (`Dieser Passus sollte wegfallen`, `Das Querschießen muss ein Ende
/// haben`). Only what the speaker says in a main clause of its own, now: not a rule the
/// text explains (`Das bedeutet, dass … gemeldet werden müssen`), not a verb of saying's
/// own clause (`müssen der Behörde gemeldet werden`), not beside a verb of demand (its
/// own event codes it: `…, forderte sie`), not a verb-first clause (a question,
/// a condition or a dropped `wir`: `Müssen neue Akzente setzen`), not a past obligation
/// (`mussten`), no `hätte … sollen` (a reproach), and no passive `sollte` (`sollte
/// befragt werden` tells a plan as often); a condition in the sentence and a hedge are
/// [`ClauseCx::unasserted_demand`]'s, as for every demand. Not a personal pronoun, `es` or
/// a word for people: whom they mean the text did not resolve.
fn impersonal_demand(
    cx: &ClauseCx<'_, '_>,
    frames: &Frames,
    v: &sitrep_clause::VerbComplex,
    passive: bool,
) -> bool {
    let s = cx.s;
    let Some(modal) = &v.modal else { return false };
    let past = v.mood != Some(ClauseMood::KonjII)
        && matches!(
            v.tense,
            Some(ClauseTense::Past | ClauseTense::Perf | ClauseTense::Pqp)
        );
    // `hätte stattfinden sollen`, `hätten auffallen müssen`: what should have been is a
    // reproach, no demand
    let counterfactual = v.tense == Some(ClauseTense::Pqp);
    let says = frames
        .lookup(Pos::Verb, &v.lemma)
        .iter()
        .any(|&fi| frames.get(fi).flags.say);
    // (`…, forderte sie`: the verb of demand codes it, with its trigger)
    let demanded = s.ws.iter().any(|w| {
        w.a.upos == Upos::Verb
            && frames.lookup(Pos::Verb, &w.a.lemma).iter().any(|&fi| {
                let f = frames.get(fi);
                f.requires.is_empty() && f.event == Some(EventType::Request)
            })
    });
    // (a dependent clause before it may fill the Vorfeld: `Statt zu streiten, sollte …`)
    let verb_first = !cx.after_dependent
        && v.finite
            .as_ref()
            .is_some_and(|f| cx.clause.words.first() == Some(&f.index));
    if s.lang != Language::De
        || cx.clause.kind != ClauseKind::Main
        || says
        || demanded
        || verb_first
        || past && modal.lemma != "sollen"
        || passive && modal.lemma == "sollen"
        || counterfactual
    {
        return false;
    }
    let Some(ph) = cx.phrase(&Role::Subj) else {
        return passive;
    };
    let w = &s.ws[ph.head()];
    // (a plural noun under a singular verb is no subject: `sollte Mogensen … erfassen und
    // … Härtegrade bewerten`)
    let finite_number = v
        .finite
        .as_ref()
        .and_then(|f| s.ws[f.index as usize].a.feats.number);
    if finite_number.is_some_and(|n| w.a.feats.number.is_some_and(|m| m != n)) {
        return false;
    }
    match w.a.upos {
        Upos::Noun => !s.classes.ends_in(WordClass::People, s.lang, &w.a.lemma),
        Upos::Pron => ph.words.len() == 1 && w.a.xpos == Xpos::Stts(Stts::Pds),
        _ => false,
    }
}

/// A home-country actor rating something that names no actor (`Gnesda bezeichnet den
/// Brief als problematisch` in an Austrian story) rates something of its own country: the
/// home country becomes the target, marked inferred.
fn domestic_rating(source: &[Actor], target: &mut Vec<Actor>, doc: &DocState, at: Span) {
    let Some(home) = &doc.home else { return };
    if target.is_empty() && !source.is_empty() && source.iter().all(|a| &a.code == home) {
        target.push(Actor {
            code: home.clone(),
            entity: None,
            span: at,
            inferred: true,
        });
    }
}

fn shipped_shared_parties() -> std::collections::HashSet<(String, String)> {
    let orgs = sitrep_kb::national::load()
        .unwrap_or_else(|e| panic!("shipped national organisations: {e}"));
    orgs.iter()
        .filter(|o| o.kind == sitrep_kb::national::NationalKind::Party)
        .flat_map(|o| {
            o.ambiguous
                .iter()
                .chain(&o.context)
                .map(|n| (o.id.to_string(), n.to_lowercase()))
        })
        .collect()
}

/// The rating frames of word `w` as the complement of a rating verb: its own `A` rows,
/// else (German, and `polar` allowed) the rating frame of its prior polarity (a noun's
/// from the lexicon's nouns).
fn rating_frames<'f>(
    frames: &'f Frames,
    polarity: &'f PolarityLexicon,
    w: &W<'_>,
    lang: Language,
    polar: bool,
) -> impl Iterator<Item = &'f Frame> {
    let own = frames.lookup(Pos::Adj, &w.a.lemma);
    let by_polarity = (own.is_empty() && polar && lang == Language::De)
        .then(|| {
            if w.a.upos == Upos::Noun {
                polarity.noun_rating(&w.a.lemma)
            } else {
                polarity.rating(&w.a.lemma)
            }
        })
        .flatten();
    own.iter().map(|&fi| frames.get(fi)).chain(by_polarity)
}

/// A superlative, also where the tagger left it unmarked (`traurigsten` = lemma + `sten`).
fn superlative(w: &W<'_>) -> bool {
    w.a.feats.degree == Some(sitrep_core::Degree::Sup)
        || lower(w.text)
            .strip_prefix(&*lower(&w.a.lemma))
            .is_some_and(|e| e.starts_with("st") || e.starts_with("est"))
}

fn shipped_attrs() -> sitrep_attrs::Attrs {
    sitrep_attrs::Attrs::new().unwrap_or_else(|e| panic!("shipped attribute word lists: {e}"))
}

impl Default for EventExtractor {
    fn default() -> Self {
        Self::new()
    }
}

/// What a clause passes to an infinitive clause right after it.
#[derive(Default)]
struct Governor {
    /// The verb event the clause stated, and its index in the document's events.
    event: Option<EventType>,
    event_at: Option<usize>,
    /// It came from a predicative adjective (`bereit`, `willing`): readiness, whose
    /// content is no event of its own.
    adjective: bool,
    /// Its object's actors (object control).
    object: Vec<Actor>,
    /// Its subject's actors (subject control; a passive's surface subject).
    subject: Vec<Actor>,
}

/// A mention with a code, with sentence-local token indices.
struct Men {
    tokens: Range<usize>,
    actor: Actor,
    person: bool,
    /// An adjective or demonym (`russische`): no speaker.
    derived: bool,
    /// A newspaper, broadcaster or agency (`der STANDARD`, `APA`).
    media: bool,
    /// An organisation (a company, party, body), not a person, state or medium.
    org: bool,
}

struct Sentence<'a> {
    lang: Language,
    text: &'a str,
    span: Span,
    ws: &'a [W<'a>],
    mentions: &'a [Men],
    places: &'a [PlaceMen],
    classes: &'a WordClasses,
    /// The sector of each word's lemma in this language.
    sectors: LemmaSectors<'a>,
}

/// The sector of each word's lemma ([`SectorIndex::sector`]), looked up once per sentence:
/// the rules of every clause and phrase ask for the same words again (≈ 200 k lookups of
/// ≈ 900 instructions each on the German dev set).
///
/// [`SectorIndex::sector`]: sitrep_kb::matcher::SectorIndex::sector
struct LemmaSectors<'a> {
    index: &'a sitrep_kb::matcher::SectorIndex,
    ws: &'a [W<'a>],
    cache: Vec<std::cell::OnceCell<Option<Sector>>>,
}

impl<'a> LemmaSectors<'a> {
    fn new(index: &'a sitrep_kb::matcher::SectorIndex, ws: &'a [W<'a>]) -> Self {
        LemmaSectors {
            index,
            ws,
            cache: vec![std::cell::OnceCell::new(); ws.len()],
        }
    }

    /// The sector of word `i`'s lemma.
    fn of(&self, i: usize) -> Option<Sector> {
        *self.cache[i].get_or_init(|| self.index.sector(&self.ws[i].a.lemma))
    }
}

/// What the extractor remembers across the sentences of a document.
#[derive(Default)]
struct DocState {
    /// The actors of the last clause subject (for pronouns).
    last_actors: Vec<Actor>,
    /// Whether German `er` can refer to that subject: its head noun is not feminine,
    /// neuter or plural (`die Polizei` is `sie`, `das Ministerium` is `es`).
    last_actors_masculine: bool,
    /// The last person named with a code (for `er`, `sie`, `he`, `she`).
    last_person: Option<Actor>,
    /// The last state named (not a town), marked inferred (for German `das Land`).
    last_state: Option<Actor>,
    /// The last organisation named with a code (for German `der Konzern`).
    last_org: Option<Actor>,
    /// The source of the last event of each type (for reactions to an event noun).
    last_of_type: HashMap<EventType, Vec<Actor>>,
    /// The owner of a measure named last (German), with the number of its sentence: the
    /// actors of a measure phrase's genitive or `von` phrase (`die Pläne Russlands`), or
    /// the subject of a verb that makes, announces or decides one (`measure-act`). A later
    /// reaction to a measure named without its owner is aimed at it (`measure_owner`).
    measure_owner: Option<(usize, Vec<Actor>)>,
    /// The number of the current sentence (0: the headline or first sentence).
    sentence_no: usize,
    /// See [`sitrep_entities::home_country`].
    home: Option<String>,
    /// Who speaks the current sentence (`…, sagte Uschakow`, `…, so Foglar`).
    speaker: Vec<Actor>,
    /// Who may go on speaking (for German reported speech that goes on).
    carry_speaker: speech::SpeakerCarry,
    /// The actors of the current sentence's first main clause subject, once read.
    main_subject: Option<Vec<Actor>>,
    /// The current sentence goes on in reported speech (German Konjunktiv I main clause).
    reported: bool,
    /// What the attributes carry across sentences (cited sources, the last speaker).
    carry: attach::Carry,
    /// The current clause's span, tense and places (set before its events are pushed).
    clause_span: Span,
    /// The current clause is in the passive voice.
    clause_passive: bool,
    clause_tense: sitrep_attrs::TenseHint,
    clause_places: attach::Places,
    /// The current clause recalls background (English relative clauses, past perfect):
    /// its events need an actor the text names (not only inferred ones).
    clause_background: bool,
    /// The current clause tells a past act dated back by a year or `im Vorjahr` (German,
    /// [`dated_back`]): a legal step in it is the story's background or a yearly figure.
    clause_dated_back: bool,
    /// The story's year, from its publication date: a year before it dates an act back.
    published_year: Option<i32>,
    /// The sentence is past the headline and lead (English): its events need a source.
    after_lead: bool,
    /// The current clause reports a lasting state (English perfect with `since`, a
    /// relative clause in the perfect) or an act of months or years ago: no events.
    clause_state: bool,
    /// Per event of the current sentence: its clause's span and tense.
    event_clauses: Vec<(Span, sitrep_attrs::TenseHint)>,
    /// The spans (start, end) of the words and mentions so far that name a political party
    /// to violence (German; see [`political_spans`]): an actor read from one of them, also
    /// through a pronoun, makes violence political.
    political: sitrep_core::fnv::FnvSet<(u32, u32)>,
}

struct ClauseCx<'s, 'a> {
    s: &'s Sentence<'a>,
    sectors: &'s sitrep_kb::matcher::SectorIndex,
    clause: &'s Clause,
    /// The next clause of the sentence is an infinitive clause.
    infinitive_follows: bool,
    /// The next clause of the sentence is a `dass`/`that` clause.
    that_follows: bool,
    /// The previous clause is a subordinate or infinitive one (it may fill the Vorfeld:
    /// `Statt zu diskutieren, sollte sich die Wirtschaft … kümmern`).
    after_dependent: bool,
    /// A verbless main clause right before a reporting clause that opens with its verb
    /// (`Ein Wahnsinn, sagt X`): a predication with the copula left out (German).
    elliptic: bool,
    phrases: &'s [Phrase],
    passive: bool,
}

impl ClauseCx<'_, '_> {
    fn phrase(&self, role: &Role) -> Option<&Phrase> {
        self.phrases
            .iter()
            .find(|p| p.role.as_ref() == Some(role))
            .or_else(|| {
                // A German name without article shows no case (`China unterstützt Russland`):
                // when the frame's object slot is empty, the other object slot's bare name
                // fills it.
                let other = match role {
                    Role::Obj => Role::Dat,
                    Role::Dat => Role::Obj,
                    _ => return None,
                };
                self.phrases.iter().find(|p| {
                    self.s.lang == Language::De
                        && p.role.as_ref() == Some(&other)
                        && p.words.start == p.head()
                        && p.heads.iter().all(|&h| self.s.ws[h].a.upos == Upos::Propn)
                })
            })
    }

    /// Whether the frame's conditions hold in this clause.
    fn holds(&self, f: &Frame) -> bool {
        f.requires.iter().all(|r| match r {
            Require::Filled(role) => self.phrase(role).is_some(),
            Require::Empty(role) => self.phrase(role).is_none(),
            Require::HeadIn(role, lemmas) => self.phrases.iter().any(|p| {
                p.role.as_ref() == Some(role)
                    && p.heads
                        .iter()
                        .copied()
                        .chain(self.quantified_head(p))
                        .any(|h| self.head_in(h, lemmas))
            }),
            Require::People(role) => self.phrases.iter().any(|p| {
                p.role.as_ref() == Some(role)
                    && p.heads
                        .iter()
                        .copied()
                        .chain(self.quantified_head(p))
                        .any(|h| self.people_head(h))
            }),
            Require::Negated => self
                .clause
                .verb
                .as_ref()
                .is_some_and(|v| v.negation.is_some()),
            Require::Infinitive => self.infinitive_follows,
            Require::That => self.that_follows,
            Require::Adverb(lemmas) => self.clause.words.iter().any(|&i| {
                let i = i as usize;
                let w = &self.s.ws[i];
                let adverbial = w.a.upos == Upos::Adv
                    || w.a.upos == Upos::Adj
                        && (self.s.lang == Language::En || w.a.xpos == Xpos::Stts(Stts::Adjd));
                adverbial
                    && !self.phrases.iter().any(|p| p.words.contains(&i))
                    && lemmas.iter().any(|l| w.a.lemma.eq_ignore_ascii_case(l))
            }),
            Require::Copula => self.copula(),
            Require::Reflexive(wanted) => self.reflexive() == *wanted,
            // (read by `evaluation` only)
            Require::Attributive => false,
            // (read on the rated word: `ClauseCx::after_zu`)
            Require::Excess => true,
        })
    }

    /// The clause has a reflexive or reciprocal pronoun: German `sich`, `einander`, `uns`
    /// as `PRF`; English `-self`, `-selves`, `each other`, `one another`.
    fn reflexive(&self) -> bool {
        let ws = self.s.ws;
        self.clause.words.iter().any(|&i| {
            let w = &ws[i as usize];
            let t = w.text.to_lowercase();
            match self.s.lang {
                Language::De => w.a.xpos == Xpos::Stts(Stts::Prf) || t == "einander",
                Language::En => {
                    (w.a.upos == Upos::Pron && (t.ends_with("self") || t.ends_with("selves")))
                        || (t == "other" || t == "another")
                            && (i as usize).checked_sub(1).is_some_and(|j| {
                                matches!(&*ws[j].text.to_lowercase(), "each" | "one")
                            })
                }
            }
        })
    }

    /// Word `h`'s lemma is one of `lemmas` (lower case): exactly, as the hyphen compound it
    /// ends (`cease-fire`), or (German) as the head of a closed compound
    /// (`Handelsbeziehungen` → `beziehung`).
    /// Whether word `h` is a common noun of the `people` word class (`Require::People`).
    fn people_head(&self, h: usize) -> bool {
        let w = &self.s.ws[h];
        w.a.upos == Upos::Noun && self.s.classes.counts_people(self.s.lang, w.text)
    }

    fn head_in(&self, h: usize, lemmas: &[String]) -> bool {
        // `infrage` is `in Frage` (German): its noun is the head
        if self.s.lang == Language::De {
            if let Some((_, noun)) = args::univerbated_pp(self.s.ws[h].text) {
                return lemmas.iter().any(|x| x == noun);
            }
        }
        let l = self.s.ws[h].a.lemma.to_lowercase();
        let compound = self.hyphen_compound(h);
        let ends = |w: &str, x: &str| w.ends_with(x) && w.len() > x.len() + 2;
        let de = self.s.lang == Language::De;
        lemmas
            .iter()
            .any(|x| *x == l || compound.as_deref() == Some(x.as_str()) || (de && ends(&l, x)))
            || (de && {
                // (German: also the form, for compounds the lemmatiser cuts wrongly: `dem
                // Atomabkommen` → `Atomabkomme`)
                let form = self.s.ws[h].text.to_lowercase();
                form != l && lemmas.iter().any(|x| *x == form || ends(&form, x))
            })
    }

    /// A noun frame's conditions, read on the noun `i` and its phrase `ph`: `gen` is a
    /// genitive or possessor inside the phrase, `pp:X` a prepositional phrase right after
    /// it, `adj` a named actor before the noun, `neg` a `kein`/`no` before the noun or a
    /// negated clause; other roles are the clause's.
    fn noun_holds(&self, f: &Frame, ph: &Phrase, i: usize) -> bool {
        f.requires.iter().all(|r| match r {
            Require::Filled(role) => self.noun_role_heads(role, ph, i).is_some(),
            Require::Empty(role) => self.noun_role_heads(role, ph, i).is_none(),
            Require::HeadIn(role, lemmas) => self
                .noun_role_heads(role, ph, i)
                .is_some_and(|hs| hs.into_iter().any(|h| self.head_in(h, lemmas))),
            Require::People(role) => self
                .noun_role_heads(role, ph, i)
                .is_some_and(|hs| hs.into_iter().any(|h| self.people_head(h))),
            Require::Negated => {
                (ph.words.start..i).any(|j| {
                    let t = self.s.ws[j].text.to_lowercase();
                    t.starts_with("kein") || t == "no"
                }) || self
                    .clause
                    .verb
                    .as_ref()
                    .is_some_and(|v| v.negation.is_some())
            }
            // rejected for nouns when the frames are read
            Require::Infinitive
            | Require::That
            | Require::Copula
            | Require::Reflexive(_)
            | Require::Adverb(_)
            | Require::Attributive
            | Require::Excess => false,
        })
    }

    /// The head words that fill `role` for the noun `i` of phrase `ph`, if any.
    fn noun_role_heads(&self, role: &Role, ph: &Phrase, i: usize) -> Option<Vec<usize>> {
        let nominal = |j: &usize| matches!(self.s.ws[*j].a.upos, Upos::Noun | Upos::Propn);
        match role {
            Role::Gen => {
                let heads: Vec<usize> = ph
                    .genitives
                    .iter()
                    .filter_map(|g| g.clone().rev().find(nominal).or(g.clone().last()))
                    .collect();
                (!heads.is_empty()).then_some(heads)
            }
            Role::Adj => self
                .s
                .mentions
                .iter()
                .find(|m| ph.words.start <= m.tokens.start && m.tokens.start <= i)
                .map(|m| vec![m.tokens.start]),
            Role::Pp(_) => self.pp_after(ph, role).map(|p| p.heads.clone()),
            _ => self.phrase(role).map(|p| p.heads.clone()),
        }
    }

    /// The prepositional phrase of `role` in the chain of phrases right after `ph`
    /// (`der Abbruch der Beziehungen zu Israel`).
    fn pp_after(&self, ph: &Phrase, role: &Role) -> Option<&Phrase> {
        let mut end = ph.words.end;
        for p in self
            .phrases
            .iter()
            .filter(|p| p.words.start >= ph.words.end)
        {
            if p.words.start != end {
                break;
            }
            if p.role.as_ref() == Some(role) {
                return Some(p);
            }
            end = p.words.end;
        }
        None
    }

    /// `a bunch of U.S. citizens`, `hundreds of demonstrators`: the head of the English `of`
    /// phrase after a phrase head that counts or groups (a phrase of its own or a genitive
    /// attachment inside the phrase).
    fn quantified_head(&self, p: &Phrase) -> Option<usize> {
        let h = p.head();
        let lemma = &self.s.ws[h].a.lemma;
        // `a form of martial law`, `some kind of blockade`: a head that sorts passes the
        // condition on like one that counts
        let sort = self.s.lang == Language::En
            && matches!(lemma.as_str(), "form" | "kind" | "type" | "sort");
        if !sort && !args::is_quantity_noun(lemma) {
            return None;
        }
        // (German `eine Vielzahl von Forderungen`, `eine Reihe neuer Forderungen`)
        let of = Some(Role::Pp(
            match self.s.lang {
                Language::En => "of",
                Language::De => "von",
            }
            .into(),
        ));
        let range = match self
            .phrases
            .iter()
            .find(|q| q.words.start == p.words.end && q.role == of)
        {
            Some(q) => return Some(q.head()),
            None => p.genitives.iter().find(|g| g.start == h + 1)?.clone(),
        };
        range
            .rev()
            .find(|&i| matches!(self.s.ws[i].a.upos, Upos::Noun | Upos::Propn))
    }

    /// The evaluative `A` frame of the complement of a rating verb (`als problematisch`,
    /// `nannte … völkerrechtswidrig`, `called the move a mistake`): the first predicative
    /// adjective, or head noun, outside the subject and the rated phrase whose lemma has an
    /// event frame of part of speech `A`; failing a row, a German adjective complement
    /// rates by its prior polarity ([`PolarityLexicon`]).
    fn evaluation<'f>(
        &self,
        frames: &'f Frames,
        polarity: &'f PolarityLexicon,
        f: &Frame,
    ) -> Option<(&'f Frame, usize)> {
        let rated = f.target.iter().find_map(|r| self.phrase(r));
        let subj = self.phrase(&Role::Subj);
        // the complement outside the rated phrase; failing that, inside it (`sprach von
        // einer Provokation`, where the rated thing is the complement)
        let outside = self.clause.words.iter().map(|&i| (i as usize, true));
        let inside = rated
            .map(|p| p.words.clone())
            .unwrap_or(0..0)
            .map(|i| (i, false));
        for (i, out) in outside.chain(inside) {
            if out && [rated, subj].iter().flatten().any(|p| p.words.contains(&i)) {
                continue;
            }
            let w = &self.s.ws[i];
            let candidate = match w.a.upos {
                Upos::Adj => self.s.lang == Language::En || w.a.xpos == Xpos::Stts(Stts::Adjd),
                Upos::Noun => self.phrases.iter().any(|p| p.heads.contains(&i)),
                _ => false,
            };
            if !candidate {
                continue;
            }
            // (a rating that needs negation, `nicht zumutbar`, only in a negated clause)
            let negated = self
                .clause
                .verb
                .as_ref()
                .is_some_and(|v| v.negation.is_some());
            // (by polarity adjectives, `als seltsam`, `findet … besorgniserregend`, and the
            // head noun of the complement; no praise, `als Durchbruch`; and no passive,
            // `sind … gefunden worden` is a find)
            let passive = self
                .clause
                .verb
                .as_ref()
                .is_some_and(|v| v.passive.is_some());
            // (and only the complement itself: an adjective outside the clause's phrases or
            // in its `als`/`für` phrase, not `die strikt … blickenden Soldaten`; before a
            // colon it heads another statement, `Besonders unerfreulich: … finden sich`;
            // a superlative describes, `als den traurigsten Tag`)
            let verb_at = self.clause.verb.as_ref().map(|v| v.main.index as usize);
            // a noun by polarity only as the head of the phrase predicated of the rated
            // thing: an `als`/`für` phrase beside a rated object (`hält das für einen
            // Wermutstropfen`, `als Zumutung`), the rated `von` phrase itself (`sprach von
            // einer Erpressung`), the object beside a rated `pp` (`sieht darin eine
            // Gefahr`); not another verb's `für` (`die mehr für eine Affekttat sprachen`)
            let rated_obj = f.target.contains(&Role::Obj);
            let noun_complement = |k: usize| {
                self.s.ws[k].a.upos == Upos::Noun
                    && !passive
                    && self.phrases.iter().any(|p| {
                        p.heads.contains(&k)
                            && match &p.role {
                                Some(Role::Pp(x)) if x == "als" || x == "für" => rated_obj,
                                Some(Role::Pp(x)) if x == "von" => {
                                    rated.is_some_and(|r| r.words == p.words)
                                }
                                Some(Role::Obj) => !rated_obj,
                                _ => false,
                            }
                    })
            };
            let complement = |k: usize| {
                let w = &self.s.ws[k];
                noun_complement(k)
                    || w.a.upos == Upos::Adj
                    && !passive
                    && !superlative(w)
                    // (`die strikt … blickenden`: an adverb of the next word)
                    && (w.a.xpos != Xpos::Stts(Stts::Adjd)
                        || !self
                            .s
                            .ws
                            .get(k + 1)
                            .is_some_and(|n| matches!(n.a.upos, Upos::Adj | Upos::Noun)))
                    && self.phrases.iter().filter(|p| p.words.contains(&k)).all(|p| {
                        matches!(&p.role, Some(Role::Pp(x)) if x == "als" || x == "für")
                    })
                    && verb_at.is_none_or(|v| {
                        !self.s.ws[k.min(v)..k.max(v)].iter().any(|x| x.text == ":")
                    })
            };
            let rating = |k: usize, attributive: bool| {
                rating_frames(frames, polarity, &self.s.ws[k], self.s.lang, complement(k)).find(
                    |x| {
                        x.event.is_some()
                            && (negated || !x.requires.contains(&Require::Negated))
                            && (attributive || !x.requires.contains(&Require::Attributive))
                            && (!x.requires.contains(&Require::Excess) || self.after_zu(k))
                    },
                )
            };
            if let Some(e) = rating(i, false) {
                return Some((e, i));
            }
            // a neutral complement noun after `als` rated by its attributive adjective
            // (`als gutes Zeichen`, `als falsches Signal`; German: the noun's own rating
            // wins, `als schweren Fehler`); praise or disapproval only (`ein offenes
            // Gesprächsklima` agrees to nothing)
            let als = self
                .phrases
                .iter()
                .find(|p| p.heads.contains(&i) && p.role == Some(Role::Pp("als".into())));
            if let (Language::De, Some(p)) = (self.s.lang, als) {
                if let Some((e, k)) = (p.words.start..i)
                    .filter(|&k| self.s.ws[k].a.xpos == Xpos::Stts(Stts::Adja))
                    .filter_map(|k| rating(k, true).map(|e| (e, k)))
                    .find(|(e, _)| matches!(e.event, Some(EventType::Accuse | EventType::Support)))
                {
                    return Some((e, k));
                }
            }
        }
        None
    }

    /// Word `i` right after the degree particle `zu` / `too` (`zu wenig`, `viel zu spät`,
    /// `too late`).
    fn after_zu(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|j| {
            let t = self.s.ws[j].text.to_lowercase();
            t == "zu" || t == "too"
        })
    }

    /// The hyphen compound that ends at word `h` (`cease-fire`), lower case.
    fn hyphen_compound(&self, h: usize) -> Option<String> {
        let ws = self.s.ws;
        let mut j = h;
        while j >= 2 && ws[j - 1].text == "-" && ws[j - 1].joined && ws[j - 2].joined {
            j -= 2;
        }
        (j < h).then(|| {
            ws[j..=h]
                .iter()
                .map(|w| w.text.to_lowercase())
                .collect::<String>()
        })
    }

    /// The clause's verb is a copula: a predicate after it rates or describes the subject.
    fn copula(&self) -> bool {
        self.elliptic
            || self.clause.verb.as_ref().is_some_and(|v| {
                v.voice != Voice::Pass
                    && matches!(
                        v.lemma.as_str(),
                        "sein" | "bleiben" | "scheinen" | "be" | "remain" | "seem" | "appear"
                    )
            })
    }

    fn role_actors(&self, role: &Role, doc: &DocState) -> Vec<Actor> {
        if *role == Role::Spk {
            if !doc.speaker.is_empty() {
                return doc.speaker.clone();
            }
            // whose view the clause states: `laut X`, `X zufolge`, and in a copula clause
            // `für X` (`Für die Grünen ist das ein Skandal`)
            let holders: &[&str] = if self.copula() {
                &["laut", "zufolge", "für"]
            } else {
                &["laut", "zufolge"]
            };
            for p in holders {
                if let Some(ph) = self.phrase(&Role::Pp((*p).into())) {
                    let a = self.phrase_actors(ph, doc);
                    if !a.is_empty() {
                        return a;
                    }
                }
            }
            // `aus Sicht der EU-Kommission`, `nach Ansicht des ÖGB`: the genitive holds
            // the view
            if self.s.lang == Language::De {
                let view = |ph: &&Phrase| {
                    matches!(&ph.role, Some(Role::Pp(p)) if p == "aus" || p == "nach")
                        && matches!(
                            self.s.ws[ph.head()].a.lemma.as_str(),
                            "Sicht" | "Ansicht" | "Meinung" | "Auffassung" | "Einschätzung"
                        )
                };
                if let Some(ph) = self.phrases.iter().find(view) {
                    return self.phrase_actors(ph, doc);
                }
            }
            return Vec::new();
        }
        match self.phrase(role) {
            Some(ph) => {
                let a = self.phrase_actors(ph, doc);
                if a.iter().all(|x| x.inferred) {
                    if let Some(local) = self.located_body(ph).or_else(|| self.origin(ph)) {
                        return vec![local];
                    }
                }
                a
            }
            None => Vec::new(),
        }
    }

    /// Whether a phrase without an actor names someone who can act: a noun or name head
    /// that is no event noun (`die Junge Kurie`, `der Landeschef`, not `die Kritik`), or
    /// `man`.
    fn unnamed_agent(&self, ph: &Phrase, frames: &Frames) -> bool {
        let head = &self.s.ws[ph.head()];
        match head.a.upos {
            Upos::Noun | Upos::Propn => {
                frames.lookup(Pos::Noun, &head.a.lemma).is_empty()
                    && !self.s.places.iter().any(|p| p.tokens.contains(&ph.head()))
            }
            Upos::Pron => head.text.eq_ignore_ascii_case("man"),
            _ => false,
        }
    }

    /// The home country standing for the unnamed person `ph` names ([`Self::unnamed_person`];
    /// gold convention: suspects of unstated nationality), inferred, at the phrase's head.
    fn home_person(&self, ph: &Phrase, doc: &DocState) -> Option<Actor> {
        let home = doc.home.as_ref()?;
        self.unnamed_person(ph).then(|| Actor {
            code: home.clone(),
            entity: None,
            span: self.s.ws[ph.head()].span,
            inferred: true,
        })
    }

    /// Whether a phrase without an actor names an unnamed person or group of people: a
    /// common-noun head of the `people` word class (`den Mann`, `einen 40-Jährigen`, `die
    /// Tatverdächtigen`), no name, no body or sector word (`die Polizei`).
    fn unnamed_person(&self, ph: &Phrase) -> bool {
        let h = ph.head();
        self.people_head(h)
            && self.s.sectors.of(h).is_none()
            && !self.s.mentions.iter().any(|m| m.tokens.contains(&h))
    }

    /// `forderte eine Debatte in der EU`, `müsse die Verteilung innerhalb der EU erfolgen`:
    /// what is demanded to happen within a body (an organisation the clause's `in` or
    /// `innerhalb` phrase names, no place: `in Österreich` is where, not whom) is demanded
    /// of that body (German). Never the demanding `source` itself (`in der SPÖ`).
    fn scope_body(&self, source: &[Actor], doc: &DocState) -> Vec<Actor> {
        if self.s.lang != Language::De {
            return Vec::new();
        }
        for ph in self
            .phrases
            .iter()
            .filter(|p| matches!(&p.role, Some(Role::Pp(x)) if x == "in" || x == "innerhalb"))
        {
            if self.s.places.iter().any(|p| p.tokens.contains(&ph.head())) {
                continue;
            }
            let body: Vec<Actor> = self
                .phrase_actors(ph, doc)
                .into_iter()
                .filter(|a| !a.inferred && !source.iter().any(|x| x.code == a.code))
                .collect();
            if !body.is_empty() {
                return body;
            }
        }
        Vec::new()
    }

    /// `a court in Guyana`, `die Polizei in Wien`, `protesters in Paris`: a word for a body
    /// or group followed by `in` and a place stands for the place's state.
    fn located_body(&self, ph: &Phrase) -> Option<Actor> {
        let head = &self.s.ws[ph.head()];
        if head.a.upos != Upos::Noun || self.s.sectors.of(ph.head()).is_none() {
            return None;
        }
        self.state_after(ph, "in")
    }

    /// `der Schlepper aus Ungarn`, `ein Mann aus dem Kreis Celle`: a person named by a
    /// common noun and followed by `aus` and a place is of that place's state (German;
    /// citizens carry their state's code). Bodies and forces (sector words: `Truppen aus
    /// Syrien` are withdrawn from there) are left out.
    fn origin(&self, ph: &Phrase) -> Option<Actor> {
        if self.s.lang != Language::De {
            return None;
        }
        let head = &self.s.ws[ph.head()];
        if head.a.upos != Upos::Noun || self.s.sectors.of(ph.head()).is_some() {
            return None;
        }
        self.state_after(ph, "aus")
    }

    /// The state of the first place named in the `prep` phrase right after `ph`.
    fn state_after(&self, ph: &Phrase, prep: &str) -> Option<Actor> {
        let next = self.phrases.iter().find(|p| {
            p.words.start == ph.words.end && matches!(&p.role, Some(Role::Pp(x)) if x == prep)
        })?;
        self.states_in(next).into_iter().next()
    }

    /// The actors of the first of `roles` that names any; failing that, the first
    /// inferred ones.
    fn first_actors(&self, roles: &[Role], doc: &DocState) -> Vec<Actor> {
        let mut inferred = Vec::new();
        for r in roles {
            let a = self.role_actors(r, doc);
            if a.iter().any(|x| !x.inferred) {
                return a;
            }
            if inferred.is_empty() {
                inferred = a;
            }
        }
        inferred
    }

    fn first_actors_with_subject(
        &self,
        roles: &[Role],
        subject: &[Actor],
        doc: &DocState,
    ) -> Vec<Actor> {
        for r in roles {
            let a = if *r == Role::Subj {
                subject.to_vec()
            } else {
                self.role_actors(r, doc)
            };
            if !a.is_empty() {
                return a;
            }
        }
        Vec::new()
    }

    /// The states of the places named in the first of `roles` that names one.
    fn place_states(&self, roles: &[Role]) -> Vec<Actor> {
        for r in roles {
            let Some(ph) = self.phrase(r) else { continue };
            let states = self.states_in(ph);
            if !states.is_empty() {
                return states;
            }
        }
        Vec::new()
    }

    /// The states of the places named in a phrase.
    fn states_in(&self, ph: &Phrase) -> Vec<Actor> {
        self.s
            .places
            .iter()
            .filter(|p| ph.words.start <= p.tokens.start && p.tokens.end <= ph.words.end)
            .filter_map(|p| {
                p.code.clone().map(|code| Actor {
                    code,
                    entity: None,
                    span: p.span,
                    inferred: false,
                })
            })
            .collect()
    }

    /// The actors of a phrase, else of the `von`/`of`/`by` phrase right after it: the
    /// author attached to a thing made (`den Vorschlag von Kanzler Faymann`, `the proposal
    /// by France`).
    fn author_actors(&self, ph: &Phrase, doc: &DocState) -> Vec<Actor> {
        let a = self.phrase_actors(ph, doc);
        if !a.is_empty() {
            return a;
        }
        match self.phrases.iter().find(|p| {
            p.words.start == ph.words.end
                && matches!(&p.role, Some(Role::Pp(x)) if matches!(x.as_str(), "von" | "of" | "by"))
        }) {
            Some(next) => self.phrase_actors(next, doc),
            None => Vec::new(),
        }
    }

    /// The actors of a phrase, one per conjunct where one is found.
    fn phrase_actors(&self, ph: &Phrase, doc: &DocState) -> Vec<Actor> {
        let mut out: Vec<Actor> = Vec::new();
        for (k, conj) in ph.conjuncts.iter().enumerate() {
            let head = ph.heads[k];
            if let Some(a) = self.conjunct_actor(conj, head, &ph.genitives, doc) {
                if !out.iter().any(|o| o.code == a.code) {
                    out.push(a);
                }
            }
        }
        out
    }

    /// Whom a German object pronoun (`ihn`, `ihm`) or lone demonstrative (`diesen`) at
    /// `head` means: the person named last before it in the sentence, else in an earlier
    /// one, but never its own clause's subject (`Er lobte ihn`, `Merkel, die diesen
    /// kritisiert hatte` are two people; the clause has already made its subject the
    /// last actors, so those are no answer). As a subject (`Dieser stellte das Verfahren
    /// ein`) a demonstrative takes up a thing or body as often as a person: no actor.
    fn object_person(&self, conj: &Range<usize>, head: usize, doc: &DocState) -> Option<Actor> {
        let subj = self.phrase(&Role::Subj);
        if subj.is_some_and(|p| p.heads.contains(&head)) {
            return None;
        }
        // a relative subject (`Merkel, die diesen …`) is the mention right before it
        let antecedent = subj
            .filter(|p| self.s.ws[p.head()].a.xpos == Xpos::Stts(Stts::Prels))
            .and_then(|p| {
                let h = p.head();
                self.s.mentions.iter().rev().find(|m| m.tokens.end <= h)
            })
            .map(|m| m.tokens.clone());
        let in_subject = |m: &Men| {
            subj.is_some_and(|p| p.words.start <= m.tokens.start && m.tokens.end <= p.words.end)
                || antecedent.as_ref() == Some(&m.tokens)
        };
        if let Some(m) = self
            .s
            .mentions
            .iter()
            .rev()
            .find(|m| m.person && m.tokens.end <= conj.start && !in_subject(m))
        {
            return Some(m.actor.clone());
        }
        // an earlier sentence's person, unless the subject is that person (`Er … ihn`)
        let subject = subj.map(|p| self.phrase_actors(p, doc)).unwrap_or_default();
        doc.last_person
            .clone()
            .filter(|a| !subject.iter().any(|x| x.span == a.span))
    }

    fn conjunct_actor(
        &self,
        conj: &Range<usize>,
        head: usize,
        genitives: &[Range<usize>],
        doc: &DocState,
    ) -> Option<Actor> {
        let in_gen = |m: &Men| {
            genitives
                .iter()
                .any(|g| g.start <= m.tokens.start && m.tokens.end <= g.end)
        };
        // `der Russland-kritischen Finnen`, `EU-skeptische Abgeordnete`: a name before
        // a hyphen and an adjective of attitude is what the attitude is towards (German)
        let ws = self.s.ws;
        let attitude = |m: &Men| {
            let e = m.tokens.end;
            self.s.lang == Language::De
                && ws.get(e).is_some_and(|w| w.text == "-")
                && ws.get(e + 1).is_some_and(|w| {
                    w.a.upos == Upos::Adj
                        && self
                            .s
                            .classes
                            .has(WordClass::Attitude, self.s.lang, &w.a.lemma)
                })
        };
        let inside: Vec<&Men> = self
            .s
            .mentions
            .iter()
            .filter(|m| {
                conj.start <= m.tokens.start
                    && m.tokens.end <= conj.end.max(m.tokens.start + 1)
                    && m.tokens.start < conj.end
                    && !attitude(m)
            })
            .collect();
        // a person's name: `der russische UNO-Diplomat Dmitri Poljanski`
        if let Some(m) = inside.iter().rev().find(|m| m.person && !in_gen(m)) {
            // a person the knowledge base does not know takes a named affiliation in the
            // phrase (`Karl Huber (ÖVP)`, `der russische Diplomat X`) over the home country
            if m.actor.inferred {
                if let Some(named) = inside.iter().find(|x| !x.actor.inferred && !in_gen(x)) {
                    return Some(named.actor.clone());
                }
                if let Some(a) = self.apposition_actor(m.tokens.end) {
                    return Some(a);
                }
            }
            return Some(m.actor.clone());
        }
        // the mention on the head
        if let Some(m) = inside.iter().find(|m| m.tokens.contains(&head)) {
            return Some(m.actor.clone());
        }
        // the nearest mention before the head, outside genitives (`russische Soldaten`)
        if let Some(m) = inside
            .iter()
            .rev()
            .find(|m| !in_gen(m) && m.tokens.start < head)
        {
            return Some(m.actor.clone());
        }
        if let Some(m) = inside.iter().find(|m| !in_gen(m)) {
            return Some(m.actor.clone());
        }
        if let Some(m) = inside.first() {
            return Some(m.actor.clone());
        }
        // pronouns
        let w = &self.s.ws[head];
        // a German demonstrative standing alone (`der … diesen mehrfach kritisiert hatte`);
        // its masculine and plural object forms only (neuter `dieses` is mostly a thing,
        // feminine `dieser` often a body)
        if self.s.lang == Language::De
            && args::is_lone_demonstrative(w)
            && matches!(
                w.text.to_lowercase().as_str(),
                "diesen" | "diesem" | "jenen" | "jenem"
            )
        {
            return self.object_person(conj, head, doc);
        }
        if w.a.upos == Upos::Pron {
            let l = w.text.to_lowercase();
            let personal_sg = matches!(l.as_str(), "er" | "he" | "him" | "she" | "her");
            // German `ihn`, `ihm` (never subjects)
            if self.s.lang == Language::De && matches!(l.as_str(), "ihn" | "ihm") {
                return self.object_person(conj, head, doc);
            }
            let relative = matches!(w.a.xpos, Xpos::Stts(Stts::Prels))
                || matches!(l.as_str(), "who" | "which" | "that");
            if relative {
                // the nearest actor before the pronoun in this sentence
                if let Some(m) = self.s.mentions.iter().rev().find(|m| m.tokens.end <= head) {
                    return Some(m.actor.clone());
                }
                return None;
            }
            if personal_sg {
                // (German `er` never means a feminine, neuter or plural subject: `Die
                // Polizei nahm den Mann fest. Er hatte …` is the man, no actor)
                let agrees = l != "er" || doc.last_actors_masculine;
                return doc
                    .last_person
                    .clone()
                    .or_else(|| doc.last_actors.first().filter(|_| agrees).cloned());
            }
            // first person in reported speech: the speaker
            if matches!(l.as_str(), "ich" | "wir" | "uns" | "i" | "we" | "us") {
                if let Some(a) = doc.speaker.first() {
                    return Some(a.clone());
                }
            }
            if matches!(l.as_str(), "sie" | "they" | "them" | "wir" | "we") {
                return doc.last_actors.first().cloned();
            }
        }
        // German: a region or town named as the head stands for its state (`habe Tirol
        // angeboten`, `Kärnten lehnt ab`)
        if self.s.lang == Language::De {
            if let Some(p) = self.s.places.iter().find(|p| p.tokens.contains(&head)) {
                if let Some(code) = &p.code {
                    return Some(Actor {
                        code: code.clone(),
                        entity: None,
                        span: p.span,
                        inferred: false,
                    });
                }
            }
        }
        // German `das Land`, `dem Land`, `des Landes` refers back to the state named last
        // (`Griechenland beantragte … Das Land bleibt am Verhandlungstisch`), in this
        // sentence before it or in an earlier one; not `Bund und Land`, where it is a
        // province
        let singular_article = head > conj.start
            && matches!(
                &*lower(self.s.ws[head - 1].text),
                "das" | "dem" | "des" | "dieses" | "diesem"
            );
        if self.s.lang == Language::De && w.a.lemma == "Land" && singular_article {
            let earlier = self
                .s
                .places
                .iter()
                .rev()
                .find(|p| !p.town && p.tokens.end <= conj.start && p.code.is_some())
                .map(|p| Actor {
                    code: p.code.clone().unwrap_or_default(),
                    entity: None,
                    span: p.span,
                    inferred: true,
                });
            if let Some(a) = earlier.or_else(|| doc.last_state.clone()) {
                return Some(Actor { span: w.span, ..a });
            }
        }
        // German `der Konzern`, `das Unternehmen`, `der Hersteller` refers back to the
        // organisation named last (`Fiat Chrysler … Demnach bietet der Hersteller … an`)
        if self.s.lang == Language::De
            && head > conj.start
            && self
                .s
                .classes
                .has(WordClass::CompanyRef, self.s.lang, &w.a.lemma)
            && matches!(
                &*lower(self.s.ws[head - 1].text),
                "der" | "die" | "das" | "dem" | "den" | "des" | "dieser" | "dieses" | "diesem"
            )
        {
            let earlier = self
                .s
                .mentions
                .iter()
                .rev()
                .find(|m| m.org && !m.actor.inferred && m.tokens.end <= conj.start)
                .map(|m| Actor {
                    inferred: true,
                    ..m.actor.clone()
                });
            if let Some(a) = earlier.or_else(|| doc.last_org.clone()) {
                return Some(Actor { span: w.span, ..a });
            }
        }
        // a sector word without nationality: `die Polizei`, `Vizekanzler …`
        let home = doc.home.as_ref()?;
        let sector_word = (conj.start..conj.end.min(head + 1)).rev().find(|&j| {
            let w = &self.s.ws[j];
            w.a.upos == Upos::Noun && self.s.sectors.of(j).is_some()
                // (`Army arrested …`: an English headline-style capital makes no name)
                || self.s.lang == Language::En
                    && w.a.upos == Upos::Propn
                    && self.sectors.sector(&w.a.lemma.to_lowercase()).is_some()
        })?;
        // `In Baqubah, guerrillas detonated …`, `a police station in Baqubah`: unnamed
        // fighters, crowds and police are people of the place the clause puts them in when
        // that is abroad (a US blog on Iraq: the story's home is the reporter's, not theirs)
        if self.s.lang == Language::En {
            let w = &self.s.ws[sector_word];
            let group = matches!(
                self.sectors.sector(&w.a.lemma.to_lowercase()),
                Some(Sector::Reb | Sector::Cvl | Sector::Cop)
            );
            if group {
                if let Some(there) = self.clause_place_state().filter(|a| a.code != *home) {
                    return Some(Actor {
                        span: w.span,
                        inferred: true,
                        ..there
                    });
                }
            }
        }
        Some(Actor {
            code: home.clone(),
            entity: None,
            span: self.s.ws[sector_word].span,
            inferred: true,
        })
    }

    /// The state of the first named place in one of the clause's `in` phrases.
    fn clause_place_state(&self) -> Option<Actor> {
        self.phrases
            .iter()
            .filter(|p| p.role == Some(Role::Pp("in".into())))
            .find_map(|p| self.states_in(p).into_iter().next())
    }

    /// `Ghulam Lone, a LeT man,`, `Ali Hassan, a member of the Kurdistan Democratic Party`:
    /// the named actor of an English apposition right after a name (a comma, an article,
    /// then up to six words before the next comma).
    fn apposition_actor(&self, end: usize) -> Option<Actor> {
        let ws = self.s.ws;
        if self.s.lang != Language::En
            || ws.get(end).is_none_or(|w| w.text != ",")
            || ws
                .get(end + 1)
                .is_none_or(|w| !matches!(&*lower(w.text), "a" | "an" | "the"))
        {
            return None;
        }
        let stop = (end + 2..ws.len().min(end + 9))
            .find(|&j| matches!(ws[j].text, "," | "." | ";" | ":"))
            .unwrap_or(ws.len().min(end + 9));
        self.s
            .mentions
            .iter()
            .find(|m| end + 2 <= m.tokens.start && m.tokens.end <= stop && !m.actor.inferred)
            .map(|m| m.actor.clone())
    }

    /// The roles of an event noun at word `i` of phrase `ph`.
    fn noun_roles(
        &self,
        f: &Frame,
        ph: &Phrase,
        i: usize,
        subject: &[Actor],
        doc: &DocState,
    ) -> NounRoles {
        // `Kumaratunga's India tour`, `his China visit`: a name (no adjective) right before
        // a visit noun is where the visit goes (English)
        let visited = |m: &Men| {
            self.s.lang == Language::En
                && f.mode.as_deref() == Some("visit")
                && !m.derived
                && m.tokens.end == i
                && ph.words.start <= m.tokens.start
        };
        let get =
            |roles: &[Role]| -> Vec<Actor> {
                for r in roles {
                    let a: Vec<Actor> =
                        match r {
                            Role::Gen => {
                                let mut out = Vec::new();
                                for g in &ph.genitives {
                                    if let Some(m) = self.s.mentions.iter().find(|m| {
                                        g.start <= m.tokens.start && m.tokens.start < g.end
                                    }) {
                                        if !out.iter().any(|o: &Actor| o.code == m.actor.code) {
                                            out.push(m.actor.clone());
                                        }
                                    }
                                }
                                out
                            }
                            Role::Adj => self
                                .s
                                .mentions
                                .iter()
                                .filter(|m| {
                                    ph.words.start <= m.tokens.start
                                        && m.tokens.start <= i
                                        && !ph.genitives.iter().any(|g| {
                                            g.start <= m.tokens.start && m.tokens.start < g.end
                                        })
                                        && !visited(m)
                                })
                                .map(|m| m.actor.clone())
                                .take(1)
                                .collect(),
                            Role::Pp(_) => {
                                // the prepositional phrases right after the noun's phrase
                                let mut found = self
                                    .pp_after(ph, r)
                                    .map(|p| self.phrase_actors(p, doc))
                                    .unwrap_or_default();
                                // `Kritik kam auch von den Grünen`: a German event noun that
                                // is the subject takes the clause's phrase
                                if found.is_empty()
                                    && ph.role == Some(Role::Subj)
                                    && self.s.lang == Language::De
                                {
                                    if let Some(p) =
                                        self.phrases.iter().find(|p| p.role.as_ref() == Some(r))
                                    {
                                        found = self.phrase_actors(p, doc);
                                    }
                                }
                                found
                            }
                            Role::Subj if ph.role != Some(Role::Subj) => subject.to_vec(),
                            _ => Vec::new(),
                        };
                    if !a.is_empty() {
                        return a;
                    }
                }
                Vec::new()
            };
        let mut source = get(&f.source);
        let mut target = get(&f.target);
        if target.is_empty() {
            if let Some(m) = self.s.mentions.iter().find(|m| visited(m)) {
                target.push(m.actor.clone());
            }
        }
        if f.flags.mutual {
            for a in target.drain(..) {
                if !source.iter().any(|s| s.code == a.code) {
                    source.push(a);
                }
            }
            target = source.clone();
        }
        NounRoles { source, target }
    }

    /// `die geplante Verlegung`, `the planned withdrawal`.
    fn attributive_plan(&self, ph: &Phrase, i: usize) -> bool {
        (ph.words.start..i).any(|j| {
            let l = self.s.ws[j].a.lemma.to_lowercase();
            matches!(
                l.as_str(),
                "geplant"
                    | "angekündigt"
                    | "beabsichtigt"
                    | "vorgesehen"
                    | "planned"
                    | "proposed"
                    | "announced"
                    | "intended"
            )
        })
    }

    /// The modality of events stated by this clause.
    /// A conditional clause: `wenn`, `falls`, `sofern`, `if`, `unless`, or German verb-first
    /// `sollte` (`…, sollte die Türkei nicht einlenken`, `Sollten die Gespräche scheitern,
    /// …`; not a question).
    /// Word `i`, an evaluative word, rates nothing here: an intensifier (`unfassbar viel
    /// Qualität`), a comparison (`befremdlicher als Fiktion`), a word in a question (`Wäre
    /// das ein attraktives Modell?`), or the speaker's rating of their own self (`ich bin
    /// ein fairer Spieler`, `meine Karriere wird großartig sein`).
    fn no_rating(&self, i: usize) -> bool {
        let ws = self.s.ws;
        let intensifier = ws.get(i + 1).is_some_and(|n| {
            n.a.upos == Upos::Adj || matches!(n.a.lemma.as_str(), "viel" | "wenig" | "mehr")
        });
        // (the tagger leaves some comparatives unmarked: `befremdlicher` = lemma + `er`)
        let comparative = ws[i].a.feats.degree == Some(sitrep_core::Degree::Cmp) || {
            let (t, l) = (ws[i].text.to_lowercase(), ws[i].a.lemma.to_lowercase());
            t.strip_prefix(l.as_str())
                .is_some_and(|e| e == "er" || e == "r" && l.ends_with('e'))
        };
        let compared = comparative
            && ws[i + 1..]
                .iter()
                .take(4)
                .any(|w| matches!(w.text, "als" | "than"));
        let question = ws.last().is_some_and(|w| w.text == "?");
        let own = self.phrase(&Role::Subj).is_some_and(|p| {
            p.words.clone().any(|k| {
                let t = ws[k].text.to_lowercase();
                matches!(t.as_str(), "ich" | "wir" | "i" | "we" | "my" | "our")
                    || t.starts_with("mein")
                    || t.starts_with("unser")
            })
        });
        intensifier || compared || question || own
    }

    /// A rating by polarity alone (no row of its own) rates this clause's subject as
    /// conduct: the subject is a body, a party, an act or a demonstrative (`die Regierung
    /// ist säumig`, `Die Pläne Ungarns seien unsinnig`), not a person, a personal pronoun
    /// or a group of people, whose negative words say how they are (`verzweifelt`,
    /// `erschöpft`, `verunsichert`).
    fn rates_conduct(&self) -> bool {
        let Some(p) = self.phrase(&Role::Subj) else {
            return false;
        };
        let h = p.head();
        let head = &self.s.ws[h];
        let person = self
            .s
            .mentions
            .iter()
            .any(|m| m.person && m.tokens.start <= h && h < m.tokens.end);
        // (a demonstrative takes up an act, `diese seien indiskutabel`, whose actor must
        // still be found, as for every rating by polarity; the tagger gives a lone
        // `diese` PDAT as often as PDS)
        let demonstrative = matches!(head.a.xpos, Xpos::Stts(Stts::Pds | Stts::Pdat));
        !person
            && (demonstrative || !matches!(head.a.upos, Upos::Pron | Upos::Det))
            && !self.s.classes.counts_people(self.s.lang, head.text)
    }

    /// The clause states a condition: a subordinate clause opened by `wenn`, `falls`,
    /// `sofern` (`wenn … nicht zumutbar ist`). What it rates, the speaker does not assert.
    fn condition(&self, at: usize) -> bool {
        self.clause.kind == ClauseKind::Subordinate
            && self.opening_reaches(at)
            && self
                .clause
                .words
                .first()
                .is_some_and(|&i| conditional_conjunction(self.s.ws[i as usize].text))
    }

    /// Whether the word that opens the clause reaches word `at`: no comma, colon or dash
    /// lies between them. (A subordinate clause whose verb the tagger missed runs on into
    /// the main clause after it: `Ob sie das … zu erhöhen vermögen, sieht X skeptisch`.)
    fn opening_reaches(&self, at: usize) -> bool {
        let Some(&first) = self.clause.words.first() else {
            return false;
        };
        let ws = self.s.ws;
        (first as usize..at.min(ws.len()))
            .all(|j| !matches!(ws[j].text, "," | ":" | ";" | "–" | "—"))
    }

    /// The sentence holds a condition (a conjunction, or a verb-first `sollte` clause:
    /// `Sollte die Regierung scheitern, müsse Italien neu wählen`): what it says must be
    /// done is a rule for a case, no demand of an actor (German).
    fn conditional_sentence(&self) -> bool {
        let ws = self.s.ws;
        ws.iter().any(|w| conditional_conjunction(w.text))
            || self.conditional()
            || ws
                .first()
                .is_some_and(|w| matches!(w.text, "Sollte" | "Sollten"))
                && ws.last().is_some_and(|w| w.text != "?")
    }

    /// The clause asks (German): a direct question (the sentence ends in `?`), an
    /// indirect one (`ob`, or a subordinate clause opened by an interrogative: `erklärte,
    /// warum die Forderung nicht so abwegig sei`), or a reported one (a main clause whose
    /// interrogative is right before its finite verb: `Warum müsse Italien jetzt sparen`).
    /// Asking asserts no rating and makes no demand.
    fn question(&self, at: usize) -> bool {
        let ws = self.s.ws;
        if ws.last().is_some_and(|w| w.text == "?")
            || self.open_question() && self.opening_reaches(at)
        {
            return true;
        }
        let Some(&first) = self.clause.words.first() else {
            return false;
        };
        let interrogative = matches!(
            ws[first as usize].a.xpos,
            Xpos::Stts(Stts::Pwav | Stts::Pws | Stts::Pwat)
        );
        interrogative
            && match self.clause.kind {
                ClauseKind::Subordinate => self.opening_reaches(at),
                ClauseKind::Main => self.clause.verb.as_ref().is_some_and(|v| {
                    v.finite
                        .is_some_and(|f| self.clause.words.get(1) == Some(&f.index))
                }),
                _ => false,
            }
    }

    /// A rating the speaker does not assert of anyone's conduct (German): one in a
    /// condition or a question; a counter-claim (a word of untruth, `falsch`, `Lüge`,
    /// rating a claim: a `dass` clause, a claim noun or a lone demonstrative taking up
    /// what was said: `Falsch sei auch, dass …`; a claim whose holder its phrase names is
    /// rated as theirs), which rebuts whoever made the claim and is coded only as a marked
    /// reply (gold rule 7); a rating of a state of affairs
    /// (`Die Stimmung sei positiv`, `sein Zustand sei nicht kritisch`), which rates no
    /// one's act (gold rule 5); an adverb of manner beside a verb that makes no rating
    /// (`lächelte zufrieden`, `sagte sie zufrieden`: how someone acted). The gold rules are
    /// `evaluation/gold/README.md`'s.
    fn unasserted_rating(&self, f: &Frame, key: &str, at: usize, doc: &DocState) -> bool {
        let s = self.s;
        if self.condition(at) || self.question(at) {
            return true;
        }
        let rated = f
            .target
            .iter()
            .filter(|r| **r == Role::Subj || **r == Role::Obj)
            .find_map(|r| self.phrase(r));
        let head = rated.map(|p| &s.ws[p.head()]);
        let counter = s.classes.has(WordClass::Untruth, s.lang, key)
            && match (rated, head) {
                (None, _) => self.that_follows,
                // (a `dass` clause right after the rating word is what it rates, also when
                // the clause's subject was read from beyond it: a main clause that goes on
                // after a dash, `Falsch sei, dass es Vorgaben gebe – etwa eine Pflicht …`)
                (Some(p), _)
                    if self.that_follows
                        && p.words.start > at
                        && (at..p.words.start).any(|j| s.ws[j].text == ",") =>
                {
                    true
                }
                (Some(p), Some(h)) => {
                    p.words.len() == 1
                        && (matches!(h.a.xpos, Xpos::Stts(Stts::Pds))
                            && s.ws[at].a.upos == Upos::Noun
                            || h.text.eq_ignore_ascii_case("es") && self.that_follows)
                        || h.a.upos == Upos::Noun
                            && s.classes.ends_in(WordClass::Claim, s.lang, &h.a.lemma)
                            // (a claim whose holder the phrase names is rated as theirs:
                            // `Die Behauptung der Regierung sei eine Lüge`)
                            && self.author_actors(p, doc).is_empty()
                }
                _ => false,
            };
        let state = f.source.contains(&Role::Spk)
            && head.is_some_and(|h| {
                h.a.upos == Upos::Noun && s.classes.ends_in(WordClass::State, s.lang, &h.a.lemma)
            });
        // (a predicative rating needs one of the verbs a rating is made with, `rating-verb`:
        // a copula, `zeigt sich`, `reagiert`, `sieht … skeptisch`; any verb of the clause,
        // as a subordinate clause whose verb the tagger missed runs on into the main clause)
        let manner = s.ws[at].a.xpos == Xpos::Stts(Stts::Adjd)
            && !self.elliptic
            && self.clause.verb.is_some()
            && !self.clause.words.iter().any(|&j| {
                let w = &s.ws[j as usize];
                matches!(w.a.upos, Upos::Verb | Upos::Aux)
                    && s.classes.has(WordClass::RatingVerb, s.lang, &w.a.lemma)
            });
        counter || state || manner
    }

    /// What a speaker says must or should be done that demands nothing of an actor
    /// (German): in a question or in a sentence with a condition (a rule for a case); a
    /// past obligation (`Die Regierung musste die Steuern erhöhen`: what had to be done
    /// was done); a habitual one (`müsse immer wieder … zurücknehmen`, `müsse jedes Jahr
    /// … kaufen`: a state of things); a requirement a thing meets (`müsse mit der Bahn zu
    /// erreichen sein`: the modal infinitive of a rule's criteria); a hedged one
    /// (`höchstwahrscheinlich`: a forecast).
    fn unasserted_demand(&self, v: &sitrep_clause::VerbComplex) -> bool {
        let s = self.s;
        if s.lang != Language::De {
            return false;
        }
        let at = v.modal.as_ref().map_or(v.main.index, |md| md.at.index) as usize;
        let past = v.mood != Some(ClauseMood::KonjII)
            && matches!(
                v.tense,
                Some(ClauseTense::Past | ClauseTense::Perf | ClauseTense::Pqp)
            )
            && v.modal.as_ref().is_some_and(|md| md.lemma == "müssen");
        let words = &self.clause.words;
        let habitual = words.iter().enumerate().any(|(k, &i)| {
            let t = lower(s.ws[i as usize].text);
            let next = || words.get(k + 1).map(|&j| lower(s.ws[j as usize].text));
            match &*t {
                "jährlich" | "täglich" | "wöchentlich" | "monatlich" | "oft" | "häufig"
                | "bisher" | "bislang" => true,
                "immer" => next().is_some_and(|n| n == "wieder"),
                "jedes" | "jeden" | "jede" => next()
                    .is_some_and(|n| matches!(&*n, "jahr" | "monat" | "tag" | "woche" | "mal")),
                _ => false,
            }
        });
        // `müsse … höchstwahrscheinlich vergrößert werden`: a hedge makes it a forecast
        let hedged = words.iter().any(|&i| {
            matches!(
                &*lower(s.ws[i as usize].text),
                "wahrscheinlich"
                    | "höchstwahrscheinlich"
                    | "vermutlich"
                    | "voraussichtlich"
                    | "möglicherweise"
                    | "eventuell"
            )
        });
        let main = v.main.index as usize;
        let criterion = main > 0
            && s.ws[main - 1].a.xpos == Xpos::Stts(Stts::Ptkzu)
            && v.verbs
                .iter()
                .any(|a| s.ws[a.index as usize].a.lemma == "sein");
        self.conditional_sentence() || self.question(at) || past || habitual || hedged || criterion
    }

    /// The clause is an indirect yes-no question (`ob`, `whether`).
    fn open_question(&self) -> bool {
        self.clause.kind == ClauseKind::Subordinate
            && self
                .clause
                .words
                .first()
                .is_some_and(|&i| matches!(&*lower(self.s.ws[i as usize].text), "ob" | "whether"))
    }

    fn conditional(&self) -> bool {
        let Some(v) = &self.clause.verb else {
            return false;
        };
        let Some(&first) = self.clause.words.first() else {
            return false;
        };
        if self.clause.kind == ClauseKind::Subordinate
            && conditional_conjunction(self.s.ws[first as usize].text)
        {
            return true;
        }
        // a verb-first `sollte` clause is a condition, unless a dependent clause before it
        // fills its Vorfeld (`Statt zu streiten, sollte man reden`, `Wenn …, sollte …`)
        self.s.lang == Language::De
            && !self.after_dependent
            && v.finite.is_some_and(|f| {
                f.index == first
                    && matches!(
                        &*lower(self.s.ws[first as usize].text),
                        "sollte" | "sollten"
                    )
            })
            && self.s.ws.last().is_some_and(|w| w.text != "?")
    }

    fn modality(&self, governing: Option<&str>) -> Modality {
        let Some(v) = &self.clause.verb else {
            return Modality::Asserted;
        };
        if v.negation.is_some() {
            return Modality::Negated;
        }
        if self.conditional() {
            return Modality::Conditional;
        }
        if self.clause.kind == ClauseKind::Infinitive {
            if let Some(g) = governing {
                if matches!(
                    g,
                    "planen"
                        | "beabsichtigen"
                        | "vorhaben"
                        | "wollen"
                        | "plan"
                        | "intend"
                        | "want"
                        | "aim"
                        | "seek"
                ) {
                    return Modality::Intended;
                }
                if matches!(g, "schedule" | "prepare" | "vorbereiten" | "ansetzen") {
                    return Modality::Planned;
                }
                // `declined to meet`, `failed to agree`: what one declines or fails to do
                // did not happen
                if matches!(g, "decline" | "refuse" | "fail") {
                    return Modality::Negated;
                }
            }
        }
        if let Some(m) = &v.modal {
            match m.lemma.as_str() {
                "sollen" => return Modality::Planned,
                "wollen" => return Modality::Intended,
                "können" | "dürfen" | "could" | "might" | "may" | "would" => {
                    return Modality::Hypothetical
                }
                "will" | "shall" => return Modality::Planned,
                "can" if v.mood == Some(ClauseMood::KonjII) => return Modality::Hypothetical,
                _ => {}
            }
        }
        if v.mood == Some(ClauseMood::KonjII) {
            return Modality::Hypothetical;
        }
        if v.tense == Some(ClauseTense::Fut) {
            return Modality::Planned;
        }
        let _ = self.passive;
        Modality::Asserted
    }
}

/// English, after the PLOVER manual: cooperation (CONSULT, SUPPORT, COOPERATE, AID)
/// reported as intended (`wants to help Israel`, `plans to cooperate`) "is taken to imply
/// intentions and should be coded as AGREE"; an intended attack (`wants to attack X`) is a
/// THREATEN. Gives the new type, modality and CAMEO code. Scheduled or `will` events keep
/// their type as planned, as both CAMEO-coded English dev sets (PETR-2, NGEC) code them
/// (`is scheduled to attend a summit` CONSULT, `will supply arms` AID), where the manual
/// would make them AGREE too. A named actor's hypothetical sanction, coercion or attack
/// (`Slovakia could suspend relations`, `would strike`) is a THREATEN: the manual's example
/// of a type that must not be split into another type plus a mode.
fn english_intent(
    lang: Language,
    ty: EventType,
    m: Modality,
    has_source: bool,
) -> Option<(EventType, Modality, &'static str)> {
    if lang != Language::En {
        return None;
    }
    if m == Modality::Hypothetical && has_source {
        return match ty {
            EventType::Assault => Some((EventType::Threaten, Modality::Asserted, "138")),
            EventType::Sanction => Some((EventType::Threaten, Modality::Asserted, "131")),
            EventType::Coerce => Some((EventType::Threaten, Modality::Asserted, "132")),
            _ => None,
        };
    }
    if m != Modality::Intended {
        return None;
    }
    Some(match ty {
        EventType::Consult => (EventType::Agree, Modality::Asserted, "036"),
        EventType::Support => (EventType::Agree, Modality::Asserted, "032"),
        EventType::Cooperate => (EventType::Agree, Modality::Asserted, "031"),
        EventType::Aid => (EventType::Agree, Modality::Asserted, "033"),
        EventType::Assault => (EventType::Threaten, Modality::Asserted, "138"),
        _ => return None,
    })
}

/// A charge, suit, complaint or inquiry: ACCUSE of mode `allege` or `investigate`.
fn legal_step(ty: EventType, f: &Frame) -> bool {
    ty == EventType::Accuse && matches!(f.mode.as_deref(), Some("allege" | "investigate"))
}

/// Whether a German clause (its words `clause`, told in a past tense by the caller) is dated
/// back: a year (`2011 klagte …`, `im Jahr 2014 wurden 35 Beschwerden eingebracht`), `im
/// Vorjahr`, `im vergangenen`/`letzten`/`vorigen Jahr`, `damals` or `einst` (gold rule 2:
/// background, optional; yearly figures are no events). A year after `seit`, `bis`, `ab`
/// or `für` is a span that reaches the story's time (`Seit 2014 ermittelt …`), one after
/// `wegen` or `in den Jahren` dates the grounds, not the step (`Anklage wegen Betrugs in den
/// Jahren 2011 bis 2013`), and a four-digit number before a plural noun counts things
/// (`2000 Anzeigen`). A year counts when it is before the story's own `year` (`2026 klagte
/// …` in a story of 2026 is news); with no publication date, any year from 1900 to 2100.
fn dated_back(ws: &[W<'_>], clause: &[u32], year: Option<i32>) -> bool {
    let earlier = |y: i32| match year {
        Some(now) => (1900..now).contains(&y),
        None => (1900..=2100).contains(&y),
    };
    clause.iter().enumerate().any(|(k, &i)| {
        let i = i as usize;
        let w = &ws[i];
        let t = lower(w.text);
        let dated = t.len() == 4
            && t.parse::<i32>().is_ok_and(earlier)
            && !ws[i.saturating_sub(3)..i]
                .iter()
                .any(|p| matches!(&*lower(p.text), "seit" | "bis" | "ab" | "für" | "jahren"))
            && !clause[..k]
                .iter()
                .any(|&j| ws[j as usize].text.eq_ignore_ascii_case("wegen"))
            && !ws.get(i + 1).is_some_and(|n| {
                n.a.upos == Upos::Noun && n.a.feats.number == Some(sitrep_core::Number::Plur)
            });
        let last_year = t == "jahr"
            && i > 0
            && matches!(
                &*lower(ws[i - 1].text),
                "vergangenen" | "letzten" | "vorigen"
            );
        dated || last_year || t.starts_with("vorjahr") || t == "damals" || t == "einst"
    })
}

#[allow(clippy::too_many_arguments)]
fn push_event(
    events: &mut Vec<Event>,
    doc: &mut DocState,
    s: &Sentence<'_>,
    f: &Frame,
    ty: EventType,
    mut source: Vec<Actor>,
    mut target: Vec<Actor>,
    modality: Modality,
    trigger: Span,
    confidence: f32,
) {
    if f.flags.mutual {
        for a in target.drain(..) {
            if !source.iter().any(|x| x.code == a.code) {
                source.push(a);
            }
        }
        target = source.clone();
    }
    let codes = |a: &[Actor]| {
        let mut c: Vec<String> = a.iter().map(|x| x.code.clone()).collect();
        c.sort();
        c
    };
    let key_s = codes(&source);
    let key_t = codes(&target);
    let dup = events.iter().any(|e| {
        e.event_type == ty
            && e.evidence == s.span
            && codes_of(&e.source) == key_s
            && codes_of(&e.target) == key_t
    });
    if !source.is_empty() {
        doc.last_of_type.insert(ty, source.clone());
    }
    if dup
        || doc.clause_state
        || s.lang == Language::De && private_violence(ty, f, &source, &target, trigger, doc, s)
        || doc.clause_background && source.iter().chain(&target).all(|a| a.inferred)
        || doc.clause_dated_back && legal_step(ty, f)
        || doc.after_lead && source.is_empty() && !(doc.clause_passive && named_victim(ty, &target))
    {
        return;
    }
    let conf = confidence + if source.is_empty() { -0.2 } else { 0.1 };
    let out = |a: Vec<Actor>| -> Vec<EventActor> {
        a.into_iter().map(|x| event_actor(x, s.text)).collect()
    };
    let movement = matches!(
        ty,
        EventType::Mobilize | EventType::Retreat | EventType::Aid
    );
    doc.event_clauses.push((doc.clause_span, doc.clause_tense));
    events.push(Event {
        id: String::new(),
        event_type: ty,
        mode: f.mode.clone(),
        cameo: f.cameo.clone(),
        source: out(source),
        target: out(target),
        modality,
        quantity: None,
        origin: if movement {
            doc.clause_places.origin.clone()
        } else {
            Vec::new()
        },
        destination: if movement {
            doc.clause_places.destination.clone()
        } else {
            Vec::new()
        },
        location: doc.clause_places.location.clone(),
        date: None,
        reported_by: Vec::new(),
        speaker: None,
        quote: None,
        trigger: Mention {
            start: trigger.start,
            end: trigger.end,
            text: trigger.get(s.text).unwrap_or("").to_string(),
        },
        evidence: s.span,
        rule: f.id.clone(),
        confidence: conf,
    });
}

fn event_actor(x: Actor, text: &str) -> EventActor {
    EventActor {
        text: x.span.get(text).unwrap_or("").to_string(),
        code: x.code,
        entity: x.entity,
        start: x.span.start,
        end: x.span.end,
        inferred: x.inferred,
    }
}

fn codes_of(a: &[EventActor]) -> Vec<String> {
    let mut c: Vec<String> = a.iter().map(|x| x.code.clone()).collect();
    c.sort();
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A language's frames, sector words and (German) polarity are built when that
    /// language is loaded or first asked for, never for the other language, and are the
    /// shipped ones.
    #[test]
    fn language_parts_load_on_first_use_only() {
        let x = EventExtractor::new();
        assert!(x.frames.iter().all(|f| f.get().is_none()));
        assert!(x.sectors.iter().all(|f| f.get().is_none()) && x.polarity.get().is_none());
        x.load(Language::De);
        assert!(x.frames[0].get().is_some() && x.sectors[0].get().is_some());
        assert!(x.polarity.get().is_some());
        assert!(x.frames[1].get().is_none() && x.sectors[1].get().is_none());
        for l in Language::ALL {
            assert_eq!(x.frames(l).all(), Frames::new(l).unwrap().all(), "{l}");
        }
        assert!(x.frames[1].get().is_some());
    }

    /// The per-sentence cache answers what the sector index answers for each lemma, also
    /// when asked again and out of order.
    #[test]
    fn lemma_sectors_give_what_the_index_gives() {
        let extractor = EventExtractor::new();
        let lemmas = [
            "Polizei",
            "Polizist",
            "Tisch",
            "Bundesheer",
            "Regierungssprecher",
            "Gewerkschaft",
            "Landwirt",
            "",
            "laufen",
            "Soldat",
            "police",
            "soldier",
            "table",
            "Army",
        ];
        let analyses: Vec<WordAnalysis> = lemmas
            .iter()
            .map(|l| WordAnalysis {
                upos: Upos::Noun,
                xpos: Xpos::Stts(Stts::Nn),
                lemma: l.to_string(),
                feats: Feats::default(),
            })
            .collect();
        let ws: Vec<W<'_>> = analyses
            .iter()
            .zip(lemmas)
            .map(|(a, l)| W {
                text: l,
                span: Span::new(0, 0),
                a,
                joined: false,
                weekday: false,
            })
            .collect();
        for lang in Language::ALL {
            let index = extractor.sectors(lang);
            let cached = LemmaSectors::new(index, &ws);
            let direct: Vec<Option<Sector>> = lemmas.iter().map(|l| index.sector(l)).collect();
            // (the list must hold both answers, or the comparison shows nothing)
            assert!(direct.iter().any(Option::is_some), "{lang}: a sector word");
            assert!(
                direct.iter().any(Option::is_none),
                "{lang}: a word of no sector"
            );
            for i in (0..ws.len()).rev().chain(0..ws.len()) {
                assert_eq!(cached.of(i), direct[i], "{lang}: {:?}", lemmas[i]);
            }
        }
    }
}
