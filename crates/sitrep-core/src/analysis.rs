//! The `sitrep/1` output contract: one [`Analysis`] per document.
//!
//! Field names are stable; new fields may be added. All offsets are UTF-8 byte offsets into
//! `text`. Entity, event and quote records are filled by later stages; the shapes here follow
//! the contract in `ARCHITECTURE.md`.

use crate::{Date, EntityKind, EventType, Language, Modality, Sector, Span, Upos};
use serde::{Deserialize, Serialize};

/// The schema tag every analysis carries.
pub const SCHEMA: &str = "sitrep/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: String,
    pub id: String,
    pub language: Option<Language>,
    pub published: Option<Date>,
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    pub text: String,
    pub sentences: Vec<Span>,
    /// Present only when tokens were asked for (`sitrep extract --tokens`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenOut>>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
}

/// A token as written in the output: span, UD part of speech, language-specific tag (STTS
/// or Penn), lemma and UD features (null where the word analysis has not run).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenOut {
    pub start: u32,
    pub end: u32,
    pub upos: Option<Upos>,
    /// The tag as a string: STTS and Penn share tag names (`NN`), so the document's
    /// language says which tagset it is from.
    #[serde(default)]
    pub xpos: Option<String>,
    pub lemma: Option<String>,
    #[serde(default)]
    pub feats: Option<String>,
}

/// A mention as written in the output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// An entity's actor: the state or international body it stands for (`code`: `USA`,
/// `NATO`) and its sector (`GOV`, `BUS`, `CVL`, …). Either may be missing, not both: a
/// company of unknown seat is `{"code": null, "sector": "BUS"}` (CAMEO's and PETRARCH's
/// sector-only codes), a state named as such `{"code": "AUT", "sector": null}`; with
/// neither the entity has no actor (`Entity::actor` is `None`), which the constructor and
/// the JSON reader both enforce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ActorCodeJson")]
pub struct ActorCode {
    code: Option<String>,
    sector: Option<Sector>,
}

impl ActorCode {
    /// The actor of a code and a sector, `None` when both are missing.
    pub fn new(code: Option<String>, sector: Option<Sector>) -> Option<ActorCode> {
        (code.is_some() || sector.is_some()).then_some(ActorCode { code, sector })
    }

    /// An actor with a state or body code (and a sector if known).
    pub fn coded(code: impl Into<String>, sector: Option<Sector>) -> ActorCode {
        ActorCode {
            code: Some(code.into()),
            sector,
        }
    }

    /// An actor the text gives a sector but no state for (`CVL`, `BUS`, `MED`).
    pub fn sector_only(sector: Sector) -> ActorCode {
        ActorCode {
            code: None,
            sector: Some(sector),
        }
    }

    /// The state or body code; `None` for a sector-only actor.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    pub fn sector(&self) -> Option<Sector> {
        self.sector
    }
}

/// The JSON shape of [`ActorCode`], checked on reading: `code` may be null or absent.
#[derive(Deserialize)]
struct ActorCodeJson {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    sector: Option<Sector>,
}

impl TryFrom<ActorCodeJson> for ActorCode {
    type Error = &'static str;

    fn try_from(j: ActorCodeJson) -> Result<Self, Self::Error> {
        ActorCode::new(j.code, j.sector).ok_or(
            "an actor needs a code or a sector (an entity without either has `\"actor\": null`)",
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// The actor it stands for: code and sector, or a sector alone; `None` for places and
    /// for entities with neither.
    pub actor: Option<ActorCode>,
    pub kb: Option<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub mode: Option<String>,
    pub cameo: Option<String>,
    /// Who acts; several for coordinated actors (`USA und NATO fordern`).
    #[serde(default)]
    pub source: Vec<EventActor>,
    /// Who is acted upon; empty where the type has none or the text gives none.
    #[serde(default)]
    pub target: Vec<EventActor>,
    pub modality: Modality,
    /// How many (`2.000 Soldaten`), tied to the argument it counts.
    #[serde(default)]
    pub quantity: Option<EventQuantity>,
    /// Where from, where to, where (`aus den USA`, `nach Polen`, `in Peking`).
    #[serde(default)]
    pub origin: Vec<EventPlace>,
    #[serde(default)]
    pub destination: Vec<EventPlace>,
    #[serde(default)]
    pub location: Vec<EventPlace>,
    /// When, resolved against `published` (`heute`, `am Freitag`).
    #[serde(default)]
    pub date: Option<EventDate>,
    /// Who the text cites for the event (`wie das „Wall Street Journal“ berichtete`).
    #[serde(default)]
    pub reported_by: Vec<Citation>,
    /// Who said it, for verbal events.
    #[serde(default)]
    pub speaker: Option<Speaker>,
    /// The speaker's quoted words.
    #[serde(default)]
    pub quote: Option<Mention>,
    pub trigger: Mention,
    pub evidence: Span,
    pub rule: String,
    pub confidence: f32,
}

impl Event {
    /// An event of `event_type` with its trigger and evidence and nothing else known:
    /// no actors or attributes, asserted, confidence 1. Stages and tests fill in the rest.
    pub fn new(
        id: impl Into<String>,
        event_type: EventType,
        trigger: Mention,
        evidence: Span,
    ) -> Event {
        Event {
            id: id.into(),
            event_type,
            mode: None,
            cameo: None,
            source: Vec::new(),
            target: Vec::new(),
            modality: Modality::Asserted,
            quantity: None,
            origin: Vec::new(),
            destination: Vec::new(),
            location: Vec::new(),
            date: None,
            reported_by: Vec::new(),
            speaker: None,
            quote: None,
            trigger,
            evidence,
            rule: String::new(),
            confidence: 1.0,
        }
    }
}

/// An event's actor: its code, the entity it was read from (when one was), and the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    pub code: String,
    pub entity: Option<String>,
    pub text: String,
    /// The words in the document (the mention, or the argument it was read from).
    pub start: u32,
    pub end: u32,
    /// Not stated for this event but inferred from the document (its home country, its
    /// main counterpart); the words are the actor's first mention or the cue.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub kind: String,
    #[serde(default)]
    pub speaker: Option<Speaker>,
}

/// A counted amount: value (none for `Tausende`), the counted noun's lemma, the words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventQuantity {
    #[serde(serialize_with = "integral")]
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// Whole numbers are written as integers (`2000`, not `2000.0`).
fn integral<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

/// A place of an event: its state's code when known, its name and the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPlace {
    pub code: Option<String>,
    pub name: String,
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// A resolved date: ISO value (`2022-02-04`, `2022-W05`, `2022-02`, `2022`; none when
/// it needs a publication date the document lacks), granularity and words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    pub value: Option<String>,
    pub granularity: String,
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// A source the text cites: its name (none for unnamed `Medienberichten`), kind, entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub name: Option<String>,
    pub kind: Option<EntityKind>,
    pub entity: Option<String>,
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// Who said something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub entity: Option<String>,
    pub name: String,
    pub code: Option<String>,
}

impl Analysis {
    /// An analysis with only the document's metadata and text filled in.
    pub fn from_document(doc: crate::Document) -> Analysis {
        Analysis {
            schema: SCHEMA.to_string(),
            id: doc.id,
            language: doc.language,
            published: doc.published,
            title: doc.title,
            url: doc.url,
            outlet: doc.outlet,
            text: doc.text,
            sentences: Vec::new(),
            tokens: None,
            entities: Vec::new(),
            events: Vec::new(),
            quotes: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_follows_the_contract() {
        let mut doc = crate::Document::new("d1", "Hallo Welt.");
        doc.language = Some(Language::De);
        doc.published = Some("2022-02-02".parse().unwrap());
        let mut a = Analysis::from_document(doc);
        a.sentences.push(Span::new(0, 11));
        let v: serde_json::Value = serde_json::to_value(&a).unwrap();
        assert_eq!(v["schema"], "sitrep/1");
        assert_eq!(v["language"], "de");
        assert_eq!(v["published"], "2022-02-02");
        assert_eq!(v["title"], serde_json::Value::Null);
        assert_eq!(v["sentences"][0]["end"], 11);
        assert!(v.get("tokens").is_none());
        for k in ["entities", "events", "quotes"] {
            assert_eq!(v[k], serde_json::json!([]), "{k}");
        }
        let back: Analysis = serde_json::from_value(v).unwrap();
        assert_eq!(back, a);
    }

    fn entity(actor: Option<ActorCode>) -> Entity {
        Entity {
            id: "e1".into(),
            kind: EntityKind::Person,
            name: "Karl".into(),
            actor,
            kb: None,
            mentions: vec![],
        }
    }

    #[test]
    fn an_actor_may_have_a_sector_and_no_code() {
        let e = entity(ActorCode::new(None, Some(Sector::Cvl)));
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v["actor"],
            serde_json::json!({"code": null, "sector": "CVL"})
        );
        let back: Entity = serde_json::from_value(v).unwrap();
        assert_eq!(back, e);
        let a = back.actor.unwrap();
        assert_eq!((a.code(), a.sector()), (None, Some(Sector::Cvl)));
        assert_eq!(a, ActorCode::sector_only(Sector::Cvl));
        // the older shape (a code always present) reads as before
        let old: Entity = serde_json::from_value(serde_json::json!({"id": "e1",
            "kind": "person", "name": "Karl", "actor": {"code": "AUT", "sector": null},
            "kb": null, "mentions": []}))
        .unwrap();
        assert_eq!(old.actor, Some(ActorCode::coded("AUT", None)));
    }

    #[test]
    fn an_actor_without_code_and_sector_is_no_actor() {
        assert_eq!(ActorCode::new(None, None), None);
        assert_eq!(entity(ActorCode::new(None, None)).actor, None);
        let e = serde_json::from_value::<Entity>(serde_json::json!({"id": "e1",
            "kind": "person", "name": "Karl", "actor": {"code": null, "sector": null},
            "kb": null, "mentions": []}))
        .unwrap_err();
        assert!(e.to_string().contains("needs a code or a sector"), "{e}");
    }
}
