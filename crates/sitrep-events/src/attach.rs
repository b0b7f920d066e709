//! Event attributes from the sentence around each event: places by preposition (origin,
//! destination, location), and — from [`sitrep_attrs`] — quantities, dates, cited sources,
//! direct quotes and speakers.
//!
//! * **Places** come from the prepositional phrases of the event's clause that hold a state
//!   or a place: `aus`/`from` → origin; `nach`/`to`/`into`, German `in` with an accusative →
//!   destination; other `in`, `an`, `bei`, `at`, `near` → location. A place phrase right
//!   before an attributive participle (`1.000 bereits in Deutschland stationierte
//!   Soldaten`) is the origin of a movement. Origin and destination are kept for movements
//!   (MOBILIZE, RETREAT, AID); location for every type.
//! * **Quantity**: the first amount in the event's clause, for the types that count people
//!   or things (MOBILIZE, ASSAULT, COERCE, PROTEST, AID, RETREAT, SANCTION).
//! * **Date**: the time expression in the event's clause, else the sentence's only one,
//!   resolved with the clause's tense.
//! * **Cited sources**: every source the sentence cites, for every event of the sentence.
//! * **Dateline** (`Wien –`, `MOSKAU (dpa) –`, `WASHINGTON (Reuters) -`, within the first
//!   300 tokens): its place is the location of every event that has none, its agency the
//!   cited source of every event that cites none.
//! * **Quotes**: a sentence with a quotation mark is read with its paragraph, so quotes
//!   over several sentences are whole and a quote that goes on after another keeps its
//!   speaker; every direct quote goes to the analysis's `quotes` with its speaker (a
//!   mention; a pronoun resolved to the last person; a definite role such as `der
//!   CSU-Chef` resolved to the person named just before; else the role's words, `ein
//!   Sprecher der Staatsanwaltschaft`). Verbal events take the quote in their clause (else
//!   the sentence's) and their speaker: the quote's speaker, a person source, or the
//!   sentence's speaker. Place adjectives (`russischen`) name no place.

use crate::args::{Phrase, W};
use crate::frames::Role;
use crate::{Actor, PlaceMen};
use sitrep_attrs::{Attrs, Sent, TenseHint};
use sitrep_core::fnv::FnvSet;
use sitrep_core::{
    Case, Citation, Date, EntityKind, Event, EventDate, EventPlace, EventQuantity, EventType,
    Language, Mention, Quote, Span, Speaker, Stts, Upos, Xpos,
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
    place_nouns: &FnvSet<String>,
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
            .is_some_and(|w| place_nouns.contains(&w.a.lemma.to_lowercase()));
        let inside: Vec<&PlaceMen> = places
            .iter()
            .filter(|p| ph.words.start <= p.tokens.start && p.tokens.start < ph.words.end)
            .filter(|p| territory || ws.get(p.tokens.start).is_none_or(|w| w.a.upos != Upos::Adj))
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
}

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

/// How far into a document (tokens) a dateline is looked for: GNAD puts a sub-headline
/// and a teaser before it.
const DATELINE_REACH: usize = 300;

/// A document's dateline (`Wien –`, `MOSKAU (dpa) –`, `WASHINGTON (Reuters) -`): the
/// default location and cited source of its events.
#[derive(Debug, Clone, Default)]
struct Dateline {
    place: Option<EventPlace>,
    sources: Vec<Citation>,
}

/// The dateline within the first [`DATELINE_REACH`] tokens: at the start of the text, of
/// a line or after a sentence end, one to four capitalised words (places joined by `/`),
/// maybe an agency in parentheses, then a dash with space around it; the first place
/// mention among the words is the location.
fn find_dateline(attrs: &Attrs, a: &SentenceAttrs<'_>) -> Dateline {
    let s = &a.sent;
    let toks = s.tokens;
    let word = |i: usize| toks[i].span.get(a.text).unwrap_or("");
    let boundary = |i: usize| {
        i == 0
            || matches!(word(i - 1), "." | "!" | "?" | ":")
            || a.text
                .get(toks[i - 1].span.end as usize..toks[i].span.start as usize)
                .is_some_and(|g| g.contains('\n'))
    };
    for j in 1..toks.len().min(DATELINE_REACH) {
        let dash = matches!(word(j), "–" | "—") || word(j) == "-" && !toks[j - 1].joined;
        if !dash || toks[j].joined {
            continue;
        }
        // an agency in parentheses right before the dash
        let mut k = j;
        if word(k - 1) == ")" {
            match (k.saturating_sub(6)..k - 1).rev().find(|&i| word(i) == "(") {
                Some(o) => k = o,
                None => continue,
            }
        }
        // the place words back to a boundary
        let mut b = k;
        while b > 0 && k - b < 6 && !boundary(b) {
            let w = word(b - 1);
            let ok = w == "/" || w.chars().next().is_some_and(char::is_uppercase);
            if !ok {
                break;
            }
            b -= 1;
        }
        if b == k || !boundary(b) {
            continue;
        }
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
        let head = Sent::new(s.lang, a.text, toks, s.words, b..j);
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
) -> Vec<Quote> {
    let s = &a.sent;
    let found_quotes = sentence_quotes(attrs, s, a.found);
    // the rest serves events only: most sentences have none
    let (quantities, sources, sentence_hint) = if events.is_empty() {
        (Vec::new(), Vec::new(), TenseHint::Unknown)
    } else {
        (
            attrs.quantities(s),
            attrs.sources(s, a.found),
            TenseHint::of(s),
        )
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
    let citations: Vec<Citation> = sources.iter().map(|c| citation(a, c)).collect();
    for (e, (clause, hint)) in events.iter_mut().zip(clauses) {
        let in_clause = |sp: Span| clause.start <= sp.start && sp.end <= clause.end;
        if counted(e.event_type) {
            if let Some(q) = quantities.iter().find(|q| in_clause(q.span)) {
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
            e.speaker = quote
                .and_then(|k| quote_speakers[k].clone())
                .or(person_source)
                .or_else(|| a.speaker.map(|p| actor_speaker(p, a.found)));
        }
    }
    quotes
}
