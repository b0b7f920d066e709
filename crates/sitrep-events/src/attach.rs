//! Event attributes from the sentence around each event: places by preposition (origin,
//! destination, location), and — from [`sitrep_attrs`] — quantities, dates, cited sources,
//! direct quotes and speakers.
//!
//! * **Places** come from the prepositional phrases of the event's clause that hold a state
//!   or a place: `aus`/`from` → origin; `nach`/`to`/`into`, German `in` with an accusative →
//!   destination; other `in`, `an`, `bei`, `at`, `near` → location. A place phrase right
//!   before an attributive participle (`1.000 bereits in Deutschland stationierte
//!   Soldaten`) is the origin of a movement. Origin and destination are kept for movements
//!   (MOBILIZE, RETREAT, AID); location for every type. `an` and a state after a noun is an
//!   addressee (`Antwort an Russland`), no place; a town's adjective names the place
//!   (`am Bozner …`), a state's (`russischen`) only on a noun of territory. An event whose
//!   clause names no place takes the sentence's only location phrase (`bereit, Truppen in
//!   der Ukraine zu stationieren`).
//! * **Quantity**: the first amount in the event's clause, for the types that count people
//!   or things (MOBILIZE, ASSAULT, COERCE, PROTEST, AID, RETREAT, SANCTION).
//! * **Date**: the time expression in the event's clause, else the sentence's only one,
//!   resolved with the clause's tense.
//! * **Cited sources**: every source the sentence cites, for every event of the sentence;
//!   and those cited within [`CITE_REACH`] sentences before in the same paragraph when the
//!   sentence points back (`demnach`, `den Schriftstücken zufolge`, `laut der Zeitung`) or
//!   goes on in reported speech (Konjunktiv I). The author's own sentences take none.
//!   Sentences without events are read for citations only when a later one needs them.
//! * **Dateline** (`Wien –`, `MOSKAU (dpa) –`, `WASHINGTON (Reuters) -`, within the first
//!   300 tokens): its place is the location of every event that has none, its agency the
//!   cited source of every event that cites none.
//! * **Quotes**: a sentence with a quotation mark is read with its paragraph, so quotes
//!   over several sentences are whole and a quote that goes on after another keeps its
//!   speaker; every direct quote goes to the analysis's `quotes` with its speaker (a
//!   mention; a pronoun resolved to the last person; a definite role such as `der
//!   CSU-Chef` resolved to the person named just before; else the role's words, `ein
//!   Sprecher der Staatsanwaltschaft`). Place adjectives (`russischen`) name no place.
//! * **Speakers**: a verbal event's speaker is its quote's, else the sentence's (`…, sagte
//!   Lupi`; German also a reporting clause after the content with any verb, `…, wich
//!   Mikl-Leitner nicht vom Kurs ab`), else its source when a person, else its clause's
//!   subject: a person, a role phrase's person (`Vizekanzler … Reinhold Mitterlehner`; `der
//!   Bundeskanzler` → the person that title was given before, else the person named last
//!   before the sentence), `er`/`sie` → the last speaker, else the last person. Any other
//!   event in a sentence with a speaker (`Er werde Fischer kontaktieren, erklärte Platter`)
//!   or inside a quote takes that speaker.
//! * **Modality**: what follows from a condition (`Wenn es nötig ist, werden wir …`, `If
//!   Russia attacks, NATO will …`) is conditional, unless negated, denied or hypothetical.

use crate::args::{Phrase, W};
use crate::frames::Role;
use crate::word_classes::{WordClass, WordClasses};
use crate::{Actor, PlaceMen};
use sitrep_attrs::{Attrs, Sent, TenseHint};
use sitrep_core::lower::lower;
use sitrep_core::{
    Case, Citation, Date, EntityKind, Event, EventDate, EventPlace, EventQuantity, EventType,
    Language, Mention, Modality, Quote, Span, Speaker, Stts, Upos, Xpos,
};
use sitrep_entities::Found;

/// The places of one clause, by role.
#[derive(Debug, Clone, Default)]
pub(crate) struct Places {
    pub origin: Vec<EventPlace>,
    pub destination: Vec<EventPlace>,
    pub location: Vec<EventPlace>,
}

fn place_out(text: &str, p: &PlaceMen) -> EventPlace {
    EventPlace {
        code: p.code.clone(),
        name: p.name.clone(),
        text: p.span.get(text).unwrap_or("").to_string(),
        start: p.span.start,
        end: p.span.end,
    }
}

/// The places named in a clause's prepositional phrases.
pub(crate) fn clause_places(
    lang: Language,
    text: &str,
    ws: &[W<'_>],
    phrases: &[Phrase],
    places: &[PlaceMen],
    classes: &WordClasses,
) -> Places {
    let mut out = Places::default();
    for ph in phrases {
        let Some(Role::Pp(prep)) = &ph.role else {
            continue;
        };
        // `vor einer russischen Besetzung`: an adjective names no place, unless its noun
        // is part of a territory (`an der ukrainischen Grenze`, `on Ukrainian soil`)
        let territory = ws[ph.words.clone()]
            .iter()
            .rev()
            .find(|w| w.a.upos == Upos::Noun)
            .is_some_and(|w| classes.has(WordClass::Territory, lang, &w.a.lemma));
        // `am Bozner Landesgericht`: a town's adjective names where (a state's adjective,
        // `russischen`, is also a nationality)
        let inside: Vec<&PlaceMen> = places
            .iter()
            .filter(|p| ph.words.start <= p.tokens.start && p.tokens.start < ph.words.end)
            .filter(|p| {
                territory || p.town || ws.get(p.tokens.start).is_none_or(|w| w.a.upos != Upos::Adj)
            })
            .collect();
        if inside.is_empty() {
            continue;
        }
        // the phrase's own case (German `in die Ukraine` vs `in der Ukraine`)
        let accusative = lang == Language::De
            && (ph.words.start + 1..ph.words.end)
                .find(|&k| ws[k].a.feats.case.is_some())
                .is_some_and(|k| ws[k].a.feats.case == Some(Case::Acc));
        // `bereits in Deutschland stationierte Soldaten`: where the counted ones are now
        let before_participle = ws.get(ph.words.end).is_some_and(|w| {
            w.a.xpos == Xpos::Stts(Stts::Adja) || w.a.xpos == Xpos::Penn(sitrep_core::Penn::Vbn)
        });
        // `ihre Antwort an Russland`, `Lieferungen an die Ukraine`: `an` and a state after a
        // noun name an addressee, no place (`Truppen an der Grenze`, `Kontrollen am
        // Brenner` name where)
        let after_noun = ph.words.start > 0
            && ws
                .get(ph.words.start - 1)
                .is_some_and(|w| matches!(w.a.upos, Upos::Noun | Upos::Propn));
        let addressee = prep == "an" && after_noun && !territory;
        let role = match prep.as_str() {
            "aus" | "from" => &mut out.origin,
            "nach" | "to" | "into" | "towards" | "toward" => &mut out.destination,
            "in" if before_participle => &mut out.origin,
            "in" if accusative => &mut out.destination,
            "in" | "an" | "bei" | "at" | "near" | "im" | "vor" | "inside" | "across" => {
                &mut out.location
            }
            // `on the Ukrainian border`, `along the coast`; `talks on Ukraine` names no place
            "on" | "along" | "auf" | "entlang" if territory => &mut out.location,
            _ => continue,
        };
        for p in inside {
            if addressee && !p.town {
                continue;
            }
            let place = place_out(text, p);
            if !role.iter().any(|x| x.start == place.start) {
                role.push(place);
            }
        }
    }
    out
}

/// What [`attach`] reads of one sentence.
pub(crate) struct SentenceAttrs<'a> {
    pub text: &'a str,
    pub sent: Sent<'a>,
    pub found: &'a [Found],
    pub entity_of: &'a dyn Fn(Span) -> Option<String>,
    pub published: Option<Date>,
    /// The speaker the event stage found for the sentence, and the last person named (for
    /// `sagte er`).
    pub speaker: Option<&'a Actor>,
    pub last_person: Option<&'a Actor>,
    /// The sentence's main clause is in Konjunktiv I: reported speech that goes on.
    pub reported: bool,
    pub classes: &'a WordClasses,
}

/// What [`attach`] carries from one sentence of a document to the next.
#[derive(Debug, Clone, Default)]
pub(crate) struct Carry {
    /// Sentences seen.
    sentence: usize,
    /// The end of the last sentence seen (a line break after it ends a paragraph).
    last_end: u32,
    /// The sources cited last, and the sentence that cited (or carried) them.
    cited: Vec<Citation>,
    cited_at: usize,
    /// The last sentences without events (number, tokens), read for citations only when
    /// a later sentence needs them: most sentences cite nothing another one uses.
    unread: Vec<(usize, std::ops::Range<usize>)>,
    /// The last speaker of a sentence, and that sentence (`er`, `sie` as a speaker).
    speaker: Option<Speaker>,
    speaker_at: usize,
}

/// How many sentences a citation covers the reported speech after it (`Wie die Polizei
/// mitteilte, …. … seien …`).
const CITE_REACH: usize = 3;

fn speaker_of(found: &Found, entity: Option<String>) -> Speaker {
    Speaker {
        entity,
        name: found.name.clone(),
        code: found.code.clone().or_else(|| found.country.clone()),
    }
}

fn actor_speaker(a: &Actor, found: &[Found]) -> Speaker {
    let name = found
        .iter()
        .find(|f| f.span == a.span)
        .map(|f| f.name.clone())
        .unwrap_or_default();
    Speaker {
        entity: a.entity.clone(),
        name,
        code: Some(a.code.clone()),
    }
}

fn verbal(t: EventType) -> bool {
    matches!(
        t,
        EventType::Accuse
            | EventType::Request
            | EventType::Reject
            | EventType::Support
            | EventType::Threaten
            | EventType::Agree
            | EventType::Concede
    )
}

fn counted(t: EventType) -> bool {
    matches!(
        t,
        EventType::Mobilize
            | EventType::Assault
            | EventType::Coerce
            | EventType::Protest
            | EventType::Aid
            | EventType::Retreat
            | EventType::Sanction
    )
}

/// How far back (bytes) a definite role phrase (`sagte der Kanzler`) looks for the person
/// it stands for: the sentence before, or two.
const ROLE_REACH: usize = 400;

/// Longest run of tokens read around a sentence for quotes over several sentences.
const PARAGRAPH_REACH: usize = 200;

/// The direct quotes that open in the sentence `s`. A sentence with a quotation mark is
/// read with its paragraph (up to [`PARAGRAPH_REACH`] tokens each way), so that a quote
/// over several sentences is found whole, and one that goes on after another (`„…“, sagte
/// Selenskyj. „…“`) keeps its speaker; sentences without a mark (most) cost nothing.
fn sentence_quotes(attrs: &Attrs, s: &Sent<'_>, found: &[Found]) -> Vec<sitrep_attrs::QuoteFound> {
    let here = s.range.clone();
    if !here.clone().any(|i| {
        s.tokens[i]
            .span
            .get(s.text)
            .is_some_and(|w| w.chars().count() == 1 && w.chars().all(is_quote_mark))
    }) {
        return Vec::new();
    }
    let gap_breaks = |i: usize| {
        // a line break between tokens i - 1 and i
        let g = s.tokens[i - 1].span.end as usize..s.tokens[i].span.start as usize;
        s.text.get(g).is_some_and(|g| g.contains('\n'))
    };
    let mut start = here.start;
    while start > 0 && here.start - start < PARAGRAPH_REACH && !gap_breaks(start) {
        start -= 1;
    }
    let mut end = here.end;
    while end < s.tokens.len() && end - here.end < PARAGRAPH_REACH && !gap_breaks(end) {
        end += 1;
    }
    let par = Sent::new(s.lang, s.text, s.tokens, s.words, start..end);
    attrs
        .quotes(&par, found)
        .into_iter()
        .filter(|q| here.contains(&q.tokens.start.saturating_sub(1)))
        .collect()
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”' | '«' | '»')
}

/// A document's dateline (`Wien –`, `MOSKAU (dpa) –`, `WASHINGTON (Reuters) -`): the
/// default location and cited source of its events.
#[derive(Debug, Clone, Default)]
struct Dateline {
    place: Option<EventPlace>,
    sources: Vec<Citation>,
}

/// The first run of dateline shape ([`sitrep_entities::dateline::datelines`]) whose words
/// hold a place mention (the location), or begin with a word in capitals the recogniser
/// did not link (`MOSKAU (dpa) –`); the agency in its head is the cited source.
fn find_dateline(attrs: &Attrs, a: &SentenceAttrs<'_>) -> Dateline {
    let s = &a.sent;
    let toks = s.tokens;
    let word = |i: usize| toks[i].span.get(a.text).unwrap_or("");
    for d in sitrep_entities::dateline::datelines(a.text, toks) {
        let (b, k) = (d.words.start, d.words.end);
        let place = a
            .found
            .iter()
            .find(|f| {
                f.tokens.start >= b
                    && f.tokens.end <= k
                    && matches!(f.kind, EntityKind::Place | EntityKind::State)
            })
            .map(|f| EventPlace {
                code: f.state(),
                name: f.name.clone(),
                text: f.span.get(a.text).unwrap_or("").to_string(),
                start: f.span.start,
                end: f.span.end,
            })
            .or_else(|| {
                // `MOSKAU (dpa) –`: capitals read as an acronym; the word stays unlinked
                let w = word(b);
                (w.chars().count() >= 3
                    && w.chars().all(|c| c.is_alphabetic() && !c.is_lowercase()))
                .then(|| EventPlace {
                    code: None,
                    name: w.to_string(),
                    text: w.to_string(),
                    start: toks[b].span.start,
                    end: toks[b].span.end,
                })
            });
        let Some(place) = place else { continue };
        let head = Sent::new(s.lang, a.text, toks, s.words, d.head);
        let sources = attrs
            .sources(&head, a.found)
            .into_iter()
            .filter(|c| c.rule == sitrep_attrs::SourceRule::Dateline)
            .map(|c| citation(a, &c))
            .collect();
        return Dateline {
            place: Some(place),
            sources,
        };
    }
    Dateline::default()
}

/// A cited source as the output writes it.
fn citation(a: &SentenceAttrs<'_>, c: &sitrep_attrs::Source) -> Citation {
    let (entity, kind) = match c.mention.and_then(|m| a.found.get(m)) {
        Some(f) => ((a.entity_of)(f.span), Some(f.kind)),
        None => (None, c.kind),
    };
    let words = c.name_span.unwrap_or(c.span);
    Citation {
        name: c.name.clone(),
        kind: kind.or(if c.name.is_none() {
            Some(EntityKind::Media)
        } else {
            None
        }),
        entity,
        text: words.get(a.text).unwrap_or("").to_string(),
        start: words.start,
        end: words.end,
    }
}

/// Fills the attributes of `events` (the sentence's events, each with its clause span and
/// tense hint) and returns the sentence's quotes.
pub(crate) fn attach(
    attrs: &Attrs,
    a: &SentenceAttrs<'_>,
    events: &mut [Event],
    clauses: &[(Span, TenseHint)],
    carry: &mut Carry,
) -> Vec<Quote> {
    let s = &a.sent;
    // a line break since the last sentence ends the paragraph, and what it cited
    let here = s.tokens.get(s.range.start).map_or(0, |t| t.span.start);
    if a.text
        .get(carry.last_end as usize..here as usize)
        .is_some_and(|g| g.contains('\n'))
    {
        carry.cited.clear();
        carry.unread.clear();
    }
    carry.sentence += 1;
    carry.last_end = s
        .range
        .end
        .checked_sub(1)
        .and_then(|i| s.tokens.get(i))
        .map_or(here, |t| t.span.end);
    let found_quotes = sentence_quotes(attrs, s, a.found);
    // the rest serves events only: most sentences have none
    let (quantities, sentence_hint) = if events.is_empty() {
        (Vec::new(), TenseHint::Unknown)
    } else {
        (attrs.quantities(s), TenseHint::of(s))
    };
    // a sentence without events is read for citations only when a later one needs them
    let sources = if events.is_empty() {
        if carry.unread.len() == CITE_REACH {
            carry.unread.remove(0);
        }
        carry.unread.push((carry.sentence, s.range.clone()));
        Vec::new()
    } else {
        attrs.sources(s, a.found)
    };
    let mut dateline: Option<Dateline> = None;
    // dates per tense hint, computed once each
    let mut dates_by_hint: Vec<(TenseHint, Vec<sitrep_attrs::TimeExpr>)> = Vec::new();
    let mut quotes = Vec::new();
    let mut quote_speakers: Vec<Option<Speaker>> = Vec::new();
    for q in &found_quotes {
        let speaker = q.speaker.as_ref().and_then(|sp| {
            // `sagte der CSU-Chef` right after his name: the last person named before
            // the quote, not long before
            if sp.definite {
                let recent = a.found.iter().rev().find(|f| {
                    f.kind == EntityKind::Person
                        && f.span.end <= q.outer.start
                        && f.span.start as usize + ROLE_REACH >= q.outer.start as usize
                });
                if let Some(f) = recent {
                    return Some(speaker_of(f, (a.entity_of)(f.span)));
                }
            }
            if let Some(m) = sp.mention.and_then(|m| a.found.get(m)) {
                return Some(speaker_of(m, (a.entity_of)(m.span)));
            }
            // `sagte er`
            if let Some(p) = sp.pronoun.and(a.last_person) {
                return Some(actor_speaker(p, a.found));
            }
            let (first, last) = sp.noun.as_ref().and_then(|r| {
                Some((s.tokens.get(r.start)?, s.tokens.get(r.end.checked_sub(1)?)?))
            })?;
            Some(Speaker {
                entity: None,
                name: a
                    .text
                    .get(first.span.start as usize..last.span.end as usize)
                    .unwrap_or("")
                    .to_string(),
                code: None,
            })
        });
        quotes.push(Quote {
            start: q.span.start,
            end: q.span.end,
            text: q.text(a.text).to_string(),
            kind: match q.kind {
                sitrep_attrs::QuoteKind::Direct => "direct".into(),
                _ => "term".into(),
            },
            speaker: speaker.clone(),
        });
        quote_speakers.push(speaker);
    }
    let citations = if events.is_empty() {
        Vec::new()
    } else {
        carried_citations(attrs, a, &sources, carry)
    };
    let sentence_place = if events.is_empty() {
        None
    } else {
        sentence_location(a)
    };
    let conditions = if events.is_empty() {
        Vec::new()
    } else {
        conditions(s)
    };
    let recent_speaker = carry
        .speaker
        .clone()
        .filter(|_| carry.sentence <= carry.speaker_at + 2);
    // the speaker of this sentence: a name (or a pronoun's person) in its say clause, else
    // in a reporting clause after the content (`…, wich Mikl-Leitner nicht vom Kurs ab`)
    let sentence_speaker = a
        .speaker
        .map(|p| actor_speaker(p, a.found))
        .filter(|sp| !sp.name.is_empty())
        .or_else(|| {
            if events.is_empty() {
                None
            } else {
                trailing_speaker(a, recent_speaker.as_ref())
            }
        });
    let mut spoke: Option<Speaker> = None;
    for (e, (clause, hint)) in events.iter_mut().zip(clauses) {
        let in_clause = |sp: Span| clause.start <= sp.start && sp.end <= clause.end;
        // a verbal event counts only its people (`Drei Männer müssen sich verantworten`,
        // `von über 200 Parlamentariern mitunterzeichnet`)
        let counts = |q: &&sitrep_attrs::Quantity| {
            counted(e.event_type)
                || q.unit
                    .as_deref()
                    .is_some_and(|u| a.classes.counts_people(s.lang, u))
        };
        {
            if let Some(q) = quantities.iter().filter(counts).find(|q| in_clause(q.span)) {
                e.quantity = Some(EventQuantity {
                    value: q.value,
                    unit: q.unit.clone(),
                    text: q.span.get(a.text).unwrap_or("").to_string(),
                    start: q.span.start,
                    end: q.span.end,
                });
            }
        }
        let hint = if *hint == TenseHint::Unknown {
            sentence_hint
        } else {
            *hint
        };
        if !dates_by_hint.iter().any(|(h, _)| *h == hint) {
            dates_by_hint.push((hint, attrs.dates(s, a.published, hint)));
        }
        let dates = &dates_by_hint
            .iter()
            .find(|(h, _)| *h == hint)
            .expect("just added")
            .1;
        let date = dates
            .iter()
            .find(|d| in_clause(d.span))
            .or(if dates.len() == 1 {
                dates.first()
            } else {
                None
            });
        if let Some(d) = date {
            e.date = Some(EventDate {
                value: d.value.clone(),
                granularity: d.granularity.as_str().to_string(),
                text: d.span.get(a.text).unwrap_or("").to_string(),
                start: d.span.start,
                end: d.span.end,
            });
        }
        e.reported_by = citations.clone();
        // `bereit, Truppen in der Ukraine zu stationieren`: the sentence's only place
        if e.location.is_empty() {
            e.location.extend(sentence_place.clone());
        }
        // `Wenn es nötig ist, werden wir Zäune errichten`: what follows from a condition
        if conditions.iter().any(|c| {
            !(c.start <= e.trigger.start && e.trigger.end <= c.end) && c.start < e.evidence.end
        }) && matches!(
            e.modality,
            Modality::Asserted | Modality::Planned | Modality::Intended
        ) {
            e.modality = Modality::Conditional;
        }
        // the dateline: where the story was filed, and the agency that filed it
        if e.location.is_empty() || e.reported_by.is_empty() {
            let d = dateline.get_or_insert_with(|| find_dateline(attrs, a));
            if e.location.is_empty() {
                e.location.extend(d.place.clone());
            }
            if e.reported_by.is_empty() {
                e.reported_by.clone_from(&d.sources);
            }
        }
        if verbal(e.event_type) {
            let quote = found_quotes.iter().position(|q| in_clause(q.span)).or(
                if found_quotes.len() == 1 {
                    Some(0)
                } else {
                    None
                },
            );
            if let Some(k) = quote {
                e.quote = Some(Mention {
                    start: quotes[k].start,
                    end: quotes[k].end,
                    text: quotes[k].text.clone(),
                });
            }
            let person_source = e.source.iter().find_map(|x| {
                a.found
                    .iter()
                    .find(|f| {
                        f.span.start == x.start
                            && f.span.end == x.end
                            && f.kind == EntityKind::Person
                    })
                    .map(|f| speaker_of(f, x.entity.clone()))
            });
            // who said it: the quote's speaker, the sentence's (`…, sagte Lupi`), the
            // source when a person, else the clause's subject (a role phrase's person,
            // `er`/`sie`)
            e.speaker = quote
                .and_then(|k| quote_speakers[k].clone())
                .or_else(|| sentence_speaker.clone())
                .or(person_source)
                .or_else(|| {
                    clause_speaker(attrs, a, *clause, e.trigger.start, recent_speaker.as_ref())
                })
                .or_else(|| a.speaker.map(|p| actor_speaker(p, a.found)));
        } else if e.speaker.is_none() {
            // reported content (`Er werde Fischer kontaktieren, erklärte Platter`): the
            // words of the sentence's speaker, or of the quote around the event
            let quoted = found_quotes
                .iter()
                .position(|q| q.span.start <= e.trigger.start && e.trigger.end <= q.span.end);
            e.speaker = quoted
                .and_then(|k| quote_speakers[k].clone())
                .or_else(|| sentence_speaker.clone());
        }
        if let Some(sp) = &e.speaker {
            if !sp.name.is_empty() {
                spoke = Some(sp.clone());
            }
        }
    }
    if let Some(sp) = spoke.or(sentence_speaker) {
        carry.speaker = Some(sp);
        carry.speaker_at = carry.sentence;
    }
    quotes
}

/// The sources that cover a sentence's events: those it cites, and — when it only refers
/// back (`Den Schriftstücken zufolge`, `laut der Zeitung`, `demnach`) or goes on in
/// reported speech (Konjunktiv I) — the ones cited within [`CITE_REACH`] sentences before
/// in the same paragraph. The author's own sentences take none.
fn carried_citations(
    attrs: &Attrs,
    a: &SentenceAttrs<'_>,
    sources: &[sitrep_attrs::Source],
    carry: &mut Carry,
) -> Vec<Citation> {
    use sitrep_attrs::SourceRule;
    let anaphor = sources.iter().any(|c| c.rule == SourceRule::Anaphor);
    let mut own: Vec<Citation> = sources
        .iter()
        .filter(|c| c.rule != SourceRule::Anaphor)
        .map(|c| citation(a, c))
        .collect();
    let lang = a.sent.lang;
    let points_back = |c: &Citation| points_back(attrs, lang, c);
    let back = !own.is_empty() && own.iter().all(points_back);
    let wanted = anaphor || back || own.is_empty() && a.reported;
    if wanted {
        // the latest sentence without events since that cites something (and, when it
        // only points back, `laut der Zeitung`, the one that names the source)
        let unread = std::mem::take(&mut carry.unread);
        let mut gathered: Vec<Citation> = Vec::new();
        let mut at = None;
        for (no, range) in unread.into_iter().rev() {
            if no <= carry.cited_at && !carry.cited.is_empty() {
                break;
            }
            let before = Sent::new(a.sent.lang, a.text, a.sent.tokens, a.sent.words, range);
            let found: Vec<Citation> = attrs
                .sources(&before, a.found)
                .iter()
                .filter(|c| c.rule != SourceRule::Anaphor)
                .map(|c| citation(a, c))
                .collect();
            if found.is_empty() {
                continue;
            }
            at.get_or_insert(no);
            let named = !found.iter().all(points_back);
            gathered.extend(found);
            if named {
                break;
            }
        }
        if let Some(no) = at {
            if gathered.iter().all(points_back) {
                gathered.extend(carry.cited.iter().cloned());
            }
            carry.cited = gathered;
            carry.cited_at = no;
        }
    }
    let recent = !carry.cited.is_empty() && carry.sentence <= carry.cited_at + CITE_REACH;
    if recent && wanted {
        for c in &carry.cited {
            if !own.iter().any(|x| x.start == c.start) {
                own.push(c.clone());
            }
        }
    }
    if !own.is_empty() {
        carry.cited.clone_from(&own);
        carry.cited_at = carry.sentence;
    }
    own
}

/// German: the person of a reporting clause after the content — a comma, a finite verb,
/// then a name or `er`/`sie` (`…, wich Mikl-Leitner nicht vom Kurs ab`, `…, appelliert
/// Küberl`), as with a verb of saying.
fn trailing_speaker(a: &SentenceAttrs<'_>, recent: Option<&Speaker>) -> Option<Speaker> {
    let s = &a.sent;
    if s.lang != Language::De {
        return None;
    }
    let word = |i: usize| s.tokens[i].span.get(a.text).unwrap_or("");
    let finite = |i: usize| {
        s.words
            .get(i)
            .is_some_and(|w| matches!(w.xpos, Xpos::Stts(Stts::Vvfin | Stts::Vafin | Stts::Vmfin)))
    };
    let c = (s.range.start + 1..s.range.end.saturating_sub(2))
        .rev()
        .find(|&c| word(c) == "," && finite(c + 1))?;
    let after = c + 2;
    if let Some(f) = sentence_found(a).iter().find(|f| {
        f.tokens.start >= after
            && f.tokens.start < (after + 3).min(s.range.end)
            && f.kind == EntityKind::Person
            && !f.is_derived()
    }) {
        // only articles and role words between verb and name (`sagte ÖVP-Chef X`)
        let between_ok = (after..f.tokens.start).all(|i| {
            s.words
                .get(i)
                .is_some_and(|w| matches!(w.upos, Upos::Det | Upos::Noun | Upos::Propn | Upos::Adj))
                || word(i) == "-"
        });
        if between_ok {
            return Some(speaker_of(f, (a.entity_of)(f.span)));
        }
    }
    let l = word(after).to_lowercase();
    if matches!(l.as_str(), "er" | "sie") {
        return recent
            .cloned()
            .or_else(|| a.last_person.map(|p| actor_speaker(p, a.found)))
            .filter(|sp| !sp.name.is_empty());
    }
    None
}

/// The mentions of the sentence (the document's are in text order).
fn sentence_found<'f>(a: &SentenceAttrs<'f>) -> &'f [Found] {
    let r = &a.sent.range;
    let from = a.found.partition_point(|f| f.tokens.start < r.start);
    let to = a.found.partition_point(|f| f.tokens.start < r.end);
    a.found.get(from..to.max(from)).unwrap_or(&[])
}

/// `der Zeitung`, `den Schriftstücken`: an article and a noun of a text or medium
/// without a name point back at the source named before.
fn points_back(attrs: &Attrs, lang: Language, c: &Citation) -> bool {
    let words: Vec<&str> = c.text.split(' ').collect();
    c.entity.is_none()
        && words.len() == 2
        && matches!(
            &*lower(words[0]),
            "der" | "die" | "das" | "den" | "dem" | "des" | "the"
        )
        && attrs.refers_back(lang, words[1])
}

/// The place of the sentence's only location phrase (`in`, `an`, `bei`, `at`, `near` and
/// a place or state, not an adjective), for events whose clause names none.
fn sentence_location(a: &SentenceAttrs<'_>) -> Option<EventPlace> {
    let s = &a.sent;
    let upos = |i: usize| s.words.get(i).map(|w| w.upos);
    let mut found: Option<&Found> = None;
    for f in sentence_found(a).iter().filter(|f| {
        s.range.start <= f.tokens.start
            && f.tokens.end <= s.range.end
            && matches!(f.kind, EntityKind::Place | EntityKind::State)
            && !f.is_derived()
    }) {
        // back over the article and adjectives to the preposition
        let mut j = f.tokens.start;
        while j > s.range.start && matches!(upos(j - 1), Some(Upos::Det | Upos::Adj)) {
            j -= 1;
        }
        let Some(p) = j.checked_sub(1).filter(|&p| p >= s.range.start) else {
            continue;
        };
        let prep = s.tokens[p].span.get(a.text).unwrap_or("").to_lowercase();
        // German `in` with the accusative is a direction
        let acc = s
            .words
            .get(f.tokens.start)
            .is_some_and(|w| w.feats.case == Some(Case::Acc))
            && j < f.tokens.start;
        let here = match prep.as_str() {
            "in" => !acc,
            "im" | "bei" | "at" | "near" => true,
            // `an` and a state after a noun name an addressee (`Antwort an Russland`)
            "an" | "am" => {
                f.kind == EntityKind::Place
                    || !(p > s.range.start && matches!(upos(p - 1), Some(Upos::Noun)))
            }
            // `vor einer Besetzung von Belarus`, `the bombing of Iraq`: the territory an
            // act of force is done to is where it happens
            "von" | "of" => {
                p > s.range.start
                    && matches!(upos(p - 1), Some(Upos::Noun))
                    && s.words
                        .get(p - 1)
                        .is_some_and(|w| a.classes.has(WordClass::TerritorialAct, s.lang, &w.lemma))
            }
            _ => false,
        };
        if !here {
            continue;
        }
        match found {
            Some(g) if g.name != f.name => return None,
            _ => found = Some(f),
        }
    }
    found.map(|f| EventPlace {
        code: f.state(),
        name: f.name.clone(),
        text: f.span.get(a.text).unwrap_or("").to_string(),
        start: f.span.start,
        end: f.span.end,
    })
}

/// The spans of a sentence's conditions: from `wenn`, `falls`, `sofern`, `if`, `unless`
/// (opening the sentence or after a comma) to the next comma or the sentence's end.
fn conditions(s: &Sent<'_>) -> Vec<Span> {
    let word = |i: usize| s.tokens[i].span.get(s.text).unwrap_or("");
    let mut out = Vec::new();
    for i in s.range.clone() {
        let w = word(i);
        if !crate::conditional_conjunction(w) {
            continue;
        }
        if i > s.range.start && word(i - 1) != "," {
            continue;
        }
        let mut end = i + 1;
        while end < s.range.end && word(end) != "," {
            end += 1;
        }
        let last = (end - 1).max(i);
        out.push(Span::new(
            s.tokens[i].span.start as usize,
            s.tokens[last].span.end as usize,
        ));
    }
    out
}

/// The speaker a verbal event's clause names as its subject when the event stage found no
/// person: a person not inside a prepositional phrase; a role phrase (`der Landeschef`,
/// `Vizekanzler … Reinhold Mitterlehner`) with the person named right after it, else the
/// person named last before the sentence; `er`/`sie` with a singular verb, the last
/// speaker (else the last person named).
fn clause_speaker(
    attrs: &Attrs,
    a: &SentenceAttrs<'_>,
    clause: Span,
    trigger: u32,
    recent: Option<&Speaker>,
) -> Option<Speaker> {
    let s = &a.sent;
    let upos = |i: usize| s.words.get(i).map(|w| w.upos);
    let word = |i: usize| s.tokens[i].span.get(a.text).unwrap_or("");
    let toks: Vec<usize> = s
        .range
        .clone()
        .filter(|&i| clause.start <= s.tokens[i].span.start && s.tokens[i].span.end <= clause.end)
        .collect();
    let (&first, &last) = (toks.first()?, toks.last()?);
    let in_pp = |i: usize| {
        let mut j = i;
        while j > first
            && (matches!(
                upos(j - 1),
                Some(Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn)
            ) || word(j - 1) == "-")
        {
            j -= 1;
        }
        j > first && upos(j - 1) == Some(Upos::Adp)
    };
    let here = sentence_found(a);
    let person_at = |i: usize| {
        here.iter()
            .find(|f| f.tokens.start == i && f.kind == EntityKind::Person && !f.is_derived())
    };
    let singular = toks.iter().any(|&i| {
        s.words.get(i).is_some_and(|w| {
            matches!(w.upos, Upos::Verb | Upos::Aux)
                && w.feats.number == Some(sitrep_core::Number::Sing)
        })
    });
    for &i in &toks {
        if in_pp(i) {
            continue;
        }
        if let Some(f) = person_at(i) {
            return Some(speaker_of(f, (a.entity_of)(f.span)));
        }
        let w = word(i);
        if matches!(upos(i), Some(Upos::Noun | Upos::Propn)) && attrs.is_role(s.lang, w) {
            // `Vizekanzler und ÖVP-Obmann Reinhold Mitterlehner`: the name in the phrase
            let mut k = i + 1;
            while k <= last
                && (matches!(upos(k), Some(Upos::Noun | Upos::Propn | Upos::Cconj))
                    || word(k) == "-")
            {
                if let Some(f) = person_at(k) {
                    return Some(speaker_of(f, (a.entity_of)(f.span)));
                }
                k += 1;
            }
            // `der Bundeskanzler`: the person named before with the same role word
            // (`Bundeskanzler Olaf Scholz`), else the person named last before the
            // sentence (`kritisierte der Landeschef`)
            let start = s.tokens[s.range.start].span.start;
            let earlier = a.found.partition_point(|f| f.tokens.start < s.range.start);
            let before = || {
                a.found[..earlier].iter().rev().filter(|f| {
                    f.kind == EntityKind::Person && !f.is_derived() && f.span.end <= start
                })
            };
            let lw = w.to_lowercase();
            let titled = before().find(|f| {
                (f.tokens.start.saturating_sub(3)..f.tokens.start)
                    .any(|k| k < s.tokens.len() && word(k).to_lowercase() == lw)
            });
            let back = titled.or_else(|| {
                before().find(|f| f.span.start as usize + ROLE_REACH >= start as usize)
            });
            return back.map(|f| speaker_of(f, (a.entity_of)(f.span)));
        }
        let l = w.to_lowercase();
        let pronoun = matches!(l.as_str(), "er" | "he" | "she")
            || l == "sie" && singular && s.lang == Language::De;
        if upos(i) == Some(Upos::Pron) && pronoun && s.tokens[i].span.start <= trigger + 40 {
            return recent
                .cloned()
                .or_else(|| a.last_person.map(|p| actor_speaker(p, a.found)))
                .filter(|sp| !sp.name.is_empty());
        }
    }
    None
}
