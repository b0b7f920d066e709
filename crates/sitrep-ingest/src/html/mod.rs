//! HTML → the article's main text and metadata.
//!
//! The page is decoded ([`charset`]), parsed by html5ever into an arena ([`dom`]), pruned
//! of boilerplate, and the main container's blocks are joined with blank lines
//! ([`content`]); the metadata comes from meta tags, JSON-LD and the like ([`meta`]).
//!
//! Policies, in short:
//! * Dropped: scripts, styles, forms and their controls, `nav`, `aside`, `footer`, `menu`,
//!   `figure` (captions are not article text), embedded media, SVG/MathML, comments,
//!   hidden elements (`hidden`, `aria-hidden="true"`, inline `display:none`), page-level
//!   `header`s, furniture roles (`navigation`, `banner`, `contentinfo`, ...), and elements
//!   whose class or id has a boilerplate token (`cookie-banner`, `shareButtons`, `ad`),
//!   unless they hold the `h1` or the marked-up main content.
//! * Main container: `itemprop=articleBody`, else the `<article>`, else `<main>`/`role=main`
//!   with the most paragraph text, unless the paragraphs mostly sit elsewhere; then the
//!   element whose child paragraphs score best (text length less link text); else `<body>`.
//! * Depth: elements nested deeper than `Limits::max_html_depth` are dropped as tags, their
//!   text is kept in the deepest allowed element.

mod charset;
mod content;
mod dom;
mod meta;

use html5ever::local_name;
use sitrep_core::Date;
use sitrep_core::{Document, Limits, Problem};

/// What an HTML page yields: the article's main text and the metadata found in the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDocument {
    /// Main text; paragraphs (and headings, list items, ...) as blank-line-separated blocks,
    /// starting with the headline.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<Date>,
    /// The `lang` attribute of `<html>` or a `content-language` meta tag, as written.
    pub language: Option<String>,
    /// Canonical URL (`<link rel=canonical>`, `og:url`).
    pub url: Option<String>,
    /// Site name (`og:site_name`, `application-name`).
    pub outlet: Option<String>,
}

impl HtmlDocument {
    /// The document to analyse, under `id`. A page's `lang` attribute is often the site
    /// template's, not the article's, so the language is left to identification.
    pub fn into_document(self, id: String) -> Document {
        Document {
            id,
            text: self.text,
            language: None,
            published: self.published,
            title: self.title,
            url: self.url,
            outlet: self.outlet,
        }
    }
}

/// Extracts the main text and metadata from an HTML page given as raw bytes; the charset
/// comes from a BOM, a `<meta charset>` declaration, or defaults to UTF-8 (Windows-1252 if
/// the bytes are not UTF-8). Binary input is [`Problem::NotText`]; an empty page is an
/// empty document.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<HtmlDocument, Problem> {
    let html = charset::decode(bytes)?;
    if html.trim().is_empty() {
        return Ok(HtmlDocument::default());
    }
    let dom = dom::parse(&html, limits.max_html_depth);
    let page = content::Analysis::new(&dom);
    let meta = meta::Meta::collect(&dom, &page.order);

    let container = page.main_container(&dom);
    let mut blocks = page.blocks(&dom, container);
    let article = page.article_of(&dom, container).unwrap_or(container);
    let page_h1 = || {
        page.find(&dom, dom::DOCUMENT, &local_name!("h1"))
            .map(|h| page.line(&dom, h))
    };
    let title = meta.title().or_else(page_h1).filter(|t| !t.is_empty());

    // The text starts with the headline, as a news article does.
    let headline = page
        .find(&dom, article, &local_name!("h1"))
        .map(|h| page.line(&dom, h))
        .filter(|h| !h.is_empty())
        .or_else(|| title.clone());
    if let Some(h) = headline {
        if !blocks.contains(&h) {
            blocks.insert(0, h);
        }
    }

    let published = meta.published().or_else(|| {
        // A <time datetime> in the article, else one marked `pubdate` anywhere.
        let in_article = dom
            .preorder(article)
            .into_iter()
            .filter(|&id| dom.html_name(id) == Some(&local_name!("time")))
            .find_map(|id| dom.attr(id, "datetime").and_then(meta::parse_date));
        in_article.or_else(|| {
            page.order
                .iter()
                .filter(|&&id| {
                    dom.html_name(id) == Some(&local_name!("time"))
                        && dom.attr(id, "pubdate").is_some()
                })
                .find_map(|&id| dom.attr(id, "datetime").and_then(meta::parse_date))
        })
    });

    Ok(HtmlDocument {
        text: blocks.join("\n\n"),
        title,
        published,
        language: meta.language(),
        url: meta.url(),
        outlet: meta.outlet(),
    })
}
