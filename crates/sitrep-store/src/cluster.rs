//! Cross-article event clusters: reports of one event in several documents.
//!
//! An event joins a cluster when it has the same type, one of the cluster's events that
//! shares an actor (by [`root`], in the same role) lies within
//! [`ClusterSettings::window_days`] of its day, and its actors and places are compatible
//! with the cluster's:
//!
//! * actors, per role (source, target): either side names none, or a code of one is a
//!   prefix of a code of the other (`USA` and `USAGOV` are compatible, `USA` and `RUS` not);
//! * places: either side names none, or they share a code;
//! * and at least one role names actors on both sides that match, so that two events
//!   with no actors are never merged on type and day alone.
//!
//! Among compatible clusters the one matching on most roles and places wins (then the
//! oldest). Events without a day (no resolved date and no publication date) stay
//! unclustered. A cluster keeps the union of its events' codes, so it can grow along a
//! chain of compatible reports; documents and outlets count every report of its events'
//! documents, copies included.

/// Clustering settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClusterSettings {
    /// How many days apart two reports of one event may date it.
    pub window_days: u32,
}

impl Default for ClusterSettings {
    fn default() -> Self {
        ClusterSettings { window_days: 3 }
    }
}

/// Sorted, distinct codes joined by `|` (the storage form).
pub(crate) fn join_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = codes.into_iter().filter(|c| !c.is_empty()).collect();
    v.sort_unstable();
    v.dedup();
    v.join("|")
}

pub(crate) fn split_codes(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').filter(|c| !c.is_empty())
}

/// Do two actor code lists fit (see the module documentation)? `Some(true)` when both name
/// actors and they match, `Some(false)` when one side names none, `None` when they clash.
fn actors_fit(a: &str, b: &str) -> Option<bool> {
    if a.is_empty() || b.is_empty() {
        return Some(false);
    }
    let hit = split_codes(a).any(|x| split_codes(b).any(|y| x.starts_with(y) || y.starts_with(x)));
    hit.then_some(true)
}

fn places_fit(a: &str, b: &str) -> Option<bool> {
    if a.is_empty() || b.is_empty() {
        return Some(false);
    }
    split_codes(a)
        .any(|x| split_codes(b).any(|y| x == y))
        .then_some(true)
}

/// The codes of an event or a cluster, in storage form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Codes {
    pub sources: String,
    pub targets: String,
    pub places: String,
}

/// How well an event fits a cluster (of the same type and within the window): `None` when
/// it must not join, else a score (higher is better).
pub(crate) fn fit(event: &Codes, cluster: &Codes) -> Option<u32> {
    let s = actors_fit(&event.sources, &cluster.sources)?;
    let t = actors_fit(&event.targets, &cluster.targets)?;
    let p = places_fit(&event.places, &cluster.places)?;
    if !s && !t {
        return None;
    }
    Some(u32::from(s) + u32::from(t) + u32::from(p))
}

/// The part of an actor code that candidates are looked up by: its first three characters
/// (the state in `USAGOV`). Codes that are prefixes of each other share it, except codes
/// shorter than three characters, whose root is the whole code.
pub(crate) fn root(code: &str) -> &str {
    match code.char_indices().nth(3) {
        Some((i, _)) => &code[..i],
        None => code,
    }
}

/// The union of two code lists.
pub(crate) fn union(a: &str, b: &str) -> String {
    join_codes(split_codes(a).chain(split_codes(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str, t: &str, p: &str) -> Codes {
        Codes {
            sources: s.into(),
            targets: t.into(),
            places: p.into(),
        }
    }

    #[test]
    fn same_actors_fit_and_more_agreement_scores_higher() {
        let c = codes("DEU", "UKR", "UKR");
        assert_eq!(fit(&codes("DEU", "UKR", "UKR"), &c), Some(3));
        assert_eq!(fit(&codes("DEU", "UKR", ""), &c), Some(2));
        assert_eq!(fit(&codes("DEUGOV", "", ""), &c), Some(1));
    }

    #[test]
    fn clashing_actors_or_places_and_actorless_events_stay_apart() {
        let c = codes("DEU", "UKR", "UKR");
        assert_eq!(fit(&codes("RUS", "UKR", ""), &c), None);
        assert_eq!(fit(&codes("DEU", "UKR", "POL"), &c), None);
        assert_eq!(fit(&codes("", "", "UKR"), &c), None);
        assert_eq!(fit(&codes("", "", ""), &codes("", "", "")), None);
    }

    #[test]
    fn codes_are_sorted_distinct_and_united() {
        assert_eq!(join_codes(["USA", "DEU", "USA", ""]), "DEU|USA");
        assert_eq!(union("DEU|USA", "FRA|USA"), "DEU|FRA|USA");
        assert_eq!(union("", ""), "");
        assert_eq!(
            (root("USAGOV"), root("USA"), root("EU"), root("ÖST")),
            ("USA", "USA", "EU", "ÖST")
        );
    }
}
