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
//! * **Quotes**: every direct quote goes to the analysis's `quotes` with its speaker;
//!   verbal events take the quote in their clause (else the sentence's) and their speaker:
//!   the quote's speaker, a person source, or the sentence's speaker.

use crate::args::{Phrase, W};
use crate::frames::Role;
use crate::{Actor, PlaceMen};
use sitrep_attrs::{Attrs, Sent, TenseHint};
use sitrep_core::{
    Case, Citation, Date, EntityKind, Event, EventDate, EventPlace, EventQuantity, EventType,
    Language, Mention, Quote, Span, Speaker, Stts, Xpos,
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
) -> Places {
    let mut out = Places::default();
    for ph in phrases {
        let Some(Role::Pp(prep)) = &ph.role else {
            continue;
        };
        let inside: Vec<&PlaceMen> = places
            .iter()
            .filter(|p| ph.words.start <= p.tokens.start && p.tokens.start < ph.words.end)
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

/// Fills the attributes of `events` (the sentence's events, each with its clause span and
/// tense hint) and returns the sentence's quotes.
pub(crate) fn attach(
    attrs: &Attrs,
    a: &SentenceAttrs<'_>,
    events: &mut [Event],
    clauses: &[(Span, TenseHint)],
) -> Vec<Quote> {
    let s = &a.sent;
    let found_quotes = attrs.quotes(s, a.found);
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
    // dates per tense hint, computed once each
    let mut dates_by_hint: Vec<(TenseHint, Vec<sitrep_attrs::TimeExpr>)> = Vec::new();
    let mut quotes = Vec::new();
    let mut quote_speakers: Vec<Option<Speaker>> = Vec::new();
    for q in &found_quotes {
        let speaker = q.speaker.as_ref().and_then(|sp| {
            if let Some(m) = sp.mention.and_then(|m| a.found.get(m)) {
                return Some(speaker_of(m, (a.entity_of)(m.span)));
            }
            sp.pronoun
                .and(a.last_person)
                .map(|p| actor_speaker(p, a.found))
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
    let citations: Vec<Citation> = sources
        .iter()
        .map(|c| {
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
        })
        .collect();
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
