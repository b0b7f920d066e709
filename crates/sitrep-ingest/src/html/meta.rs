//! Page metadata: title, publication date, canonical URL, site name, language.

use super::dom::{Dom, NodeId};
use html5ever::local_name;
use sitrep_core::Date;
use std::collections::HashMap;

/// What the page's head (and a few body attributes) say about it.
#[derive(Debug, Default)]
pub struct Meta {
    /// `<meta>` contents by lower-cased `property`, `name`, `itemprop` or `http-equiv`; the
    /// first of each wins.
    by_key: HashMap<String, String>,
    title_tag: Option<String>,
    canonical: Option<String>,
    html_lang: Option<String>,
    /// `datePublished` given as `itemprop` on an element other than `<meta>`.
    itemprop_date: Option<String>,
    /// Bodies of `<script type="application/ld+json">`.
    json_ld: Vec<String>,
}

/// Meta names that carry a publication date, in order of trust (after `article:published_time`
/// and `og:published_time`).
const DATE_NAMES: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "datepublished",
];

impl Meta {
    pub fn collect(dom: &Dom, order: &[NodeId]) -> Meta {
        let mut m = Meta::default();
        for &id in order {
            let Some(name) = dom.html_name(id) else {
                continue;
            };
            match *name {
                local_name!("meta") => {
                    let Some(content) = dom.attr(id, "content") else {
                        continue;
                    };
                    for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                        if let Some(key) = dom.attr(id, key_attr) {
                            m.by_key
                                .entry(key.trim().to_ascii_lowercase())
                                .or_insert_with(|| content.trim().to_string());
                        }
                    }
                }
                local_name!("title") if m.title_tag.is_none() => {
                    m.title_tag = Some(collapse(&dom.text_content(id)));
                }
                local_name!("link") if m.canonical.is_none() => {
                    let canonical = dom.attr(id, "rel").is_some_and(|rel| {
                        rel.split_ascii_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical {
                        m.canonical = dom
                            .attr(id, "href")
                            .map(|h| h.trim().to_string())
                            .filter(|h| !h.is_empty());
                    }
                }
                local_name!("html") if m.html_lang.is_none() => {
                    m.html_lang = dom
                        .attr(id, "lang")
                        .or_else(|| dom.attr(id, "xml:lang"))
                        .map(str::to_string);
                }
                local_name!("script") => {
                    let json = dom
                        .attr(id, "type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if json {
                        m.json_ld.push(dom.text_content(id));
                    }
                }
                _ => {
                    let is_date = dom
                        .attr(id, "itemprop")
                        .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "datePublished"));
                    if is_date && m.itemprop_date.is_none() {
                        let value = dom
                            .attr(id, "datetime")
                            .or_else(|| dom.attr(id, "content"))
                            .map(str::to_string);
                        m.itemprop_date = value.or_else(|| Some(collapse(&dom.text_content(id))));
                    }
                }
            }
        }
        m
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.by_key
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    pub fn outlet(&self) -> Option<String> {
        self.get("og:site_name")
            .or_else(|| self.get("application-name"))
            .map(collapse)
    }

    pub fn url(&self) -> Option<String> {
        self.canonical
            .clone()
            .or_else(|| self.get("og:url").map(str::to_string))
    }

    pub fn language(&self) -> Option<String> {
        let lang = self
            .html_lang
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty());
        lang.or_else(|| self.get("content-language"))
            .map(str::to_string)
    }

    /// `og:title`, `twitter:title` or `<title>`, without a trailing " | Site name".
    pub fn title(&self) -> Option<String> {
        let raw = self
            .get("og:title")
            .or_else(|| self.get("twitter:title"))
            .or(self.title_tag.as_deref())?;
        let title = collapse(raw);
        let title = match self.outlet() {
            Some(site) => strip_site_name(&title, &site).to_string(),
            None => title,
        };
        (!title.is_empty()).then_some(title)
    }

    /// The first parsable date among the meta tags, `itemprop="datePublished"` and JSON-LD.
    pub fn published(&self) -> Option<Date> {
        DATE_NAMES
            .iter()
            .filter_map(|k| self.get(k))
            .chain(self.itemprop_date.as_deref())
            .find_map(parse_date)
            .or_else(|| self.json_ld.iter().find_map(|j| json_ld_date(j)))
    }
}

/// Parses a published date leniently: RFC 3339 or a plain date, and also a date with a
/// local time but no offset (`2024-03-12T09:30:00`, `2024-03-12 09:30`), whose day is the
/// publisher's as with an offset.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = Date::parse_published(s) {
        return Some(d);
    }
    let (day, rest) = (s.get(..10)?, s.get(10..)?);
    let mut rest = rest.chars();
    let sep = rest.next()?;
    ((sep == 'T' || sep == ' ') && rest.next()?.is_ascii_digit())
        .then(|| Date::parse_published(day).ok())?
}

/// `datePublished` of the first JSON-LD object that has one, looking into arrays and
/// `@graph`; iterative, and `serde_json` caps nesting at 128 levels.
fn json_ld_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let text = text.strip_prefix("<!--").unwrap_or(text);
    let text = text.strip_suffix("-->").unwrap_or(text);
    let value: serde_json::Value = serde_json::from_str(text.trim()).ok()?;
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(map) => {
                if let Some(d) = map
                    .get("datePublished")
                    .and_then(|d| d.as_str())
                    .and_then(parse_date)
                {
                    return Some(d);
                }
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
    }
    None
}

/// "Headline | Site" → "Headline" when "Site" is the site's name (also with " - ", " – ",
/// " — ", " :: ", " · ").
fn strip_site_name<'a>(title: &'a str, site: &str) -> &'a str {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(site.trim()) && !head.trim().is_empty() {
                return head.trim();
            }
        }
    }
    title
}

/// Collapses whitespace runs (NBSP included) to single spaces and trims.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_leniently_but_not_wrongly() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2024-03-12", Some("2024-03-12")),
            ("2024-03-12T09:30:00+01:00", Some("2024-03-12")),
            ("2024-03-12T09:30:00", Some("2024-03-12")),
            ("2024-03-12 09:30", Some("2024-03-12")),
            (" 2024-03-12T23:30:00-08:00 ", Some("2024-03-12")),
            ("12.03.2024", None),
            ("2024-02-30", None),
            ("2024-03-12junk", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(
                parse_date(s).map(|d| d.to_string()).as_deref(),
                *want,
                "{s:?}"
            );
        }
    }

    #[test]
    fn json_ld_dates_in_graphs_and_arrays() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                r#"{"@type":"NewsArticle","datePublished":"2024-03-12T08:00:00Z"}"#,
                Some("2024-03-12"),
            ),
            (
                r#"[{"@type":"Organization"},{"datePublished":"2023-01-02"}]"#,
                Some("2023-01-02"),
            ),
            (
                r#"{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2022-05-06"}]}"#,
                Some("2022-05-06"),
            ),
            (r#"{"datePublished":"gestern"}"#, None),
            ("{not json", None),
        ];
        for (j, want) in cases {
            assert_eq!(
                json_ld_date(j).map(|d| d.to_string()).as_deref(),
                *want,
                "{j}"
            );
        }
        // Deep nesting is an error from serde_json, not a stack overflow.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(json_ld_date(&deep), None);
    }

    #[test]
    fn site_names_are_stripped_only_when_they_are_the_site_name() {
        let cases = [
            (
                "Flut in Bayern | Tagesblatt",
                "Tagesblatt",
                "Flut in Bayern",
            ),
            (
                "Flut in Bayern - tagesblatt ",
                "Tagesblatt",
                "Flut in Bayern",
            ),
            ("Krieg - und Frieden", "Tagesblatt", "Krieg - und Frieden"),
            ("Tagesblatt", "Tagesblatt", "Tagesblatt"),
        ];
        for (title, site, want) in cases {
            assert_eq!(strip_site_name(title, site), want);
        }
    }
}
