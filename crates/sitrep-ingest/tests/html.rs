//! HTML ingest: main text and metadata of whole pages, broken and hostile input.

use sitrep_core::{Limits, Problem};
use sitrep_ingest::html::{extract, HtmlDocument};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/html")
        .join(name)
}

fn html(s: &str) -> HtmlDocument {
    extract(s.as_bytes(), &Limits::default()).unwrap_or_else(|e| panic!("{e} for {s:?}"))
}

/// Shows both texts whole when they differ, so a changed block is easy to spot.
fn assert_text(got: &str, want: &str, what: &str) {
    assert!(
        got == want,
        "{what}: text differs\n--- got ---\n{got}\n--- want ---\n{want}\n"
    );
}

#[test]
fn news_pages_give_article_text_and_metadata() {
    struct Case {
        page: &'static str,
        text: &'static str,
        title: &'static str,
        published: &'static str,
        language: Option<&'static str>,
        url: &'static str,
        outlet: &'static str,
    }
    let cases = [
        Case {
            page: "de_hochwasser.html",
            text: "de_hochwasser.txt",
            title: "Hochwasser an der Mosel: Pegel steigt weiter",
            published: "2024-01-05",
            language: Some("de"),
            url: "https://kurier.example/region/hochwasser-mosel-123",
            outlet: "Rheinland-Kurier",
        },
        Case {
            page: "en_storm.html",
            text: "en_storm.txt",
            title: "Storm closes ports along the east coast",
            published: "2024-02-10",
            language: Some("en-GB"),
            url: "https://gazette.example/news/2024/02/10/storm-ports",
            outlet: "The Harbour Gazette",
        },
    ];
    for c in cases {
        let bytes = std::fs::read(data(c.page)).unwrap();
        let want = std::fs::read_to_string(data(c.text)).unwrap();
        let doc = extract(&bytes, &Limits::default()).unwrap();
        assert_text(&doc.text, want.trim_end_matches('\n'), c.page);
        assert_eq!(doc.title.as_deref(), Some(c.title), "{}", c.page);
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some(c.published),
            "{}",
            c.page
        );
        assert_eq!(doc.language.as_deref(), c.language, "{}", c.page);
        assert_eq!(doc.url.as_deref(), Some(c.url), "{}", c.page);
        assert_eq!(doc.outlet.as_deref(), Some(c.outlet), "{}", c.page);
    }
}

#[test]
fn latin1_page_is_decoded_by_its_meta_charset() {
    let bytes = std::fs::read(data("de_latin1.html")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "test page must be Latin-1"
    );
    let doc = extract(&bytes, &Limits::default()).unwrap();
    let want = "Bürgerversammlung in Görlitz\n\n\
        Über 300 Bürgerinnen und Bürger kamen am Dienstagabend in die Stadthalle, um über die Zukunft des Bahnhofs zu diskutieren.\n\n\
        Die Oberbürgermeisterin kündigte an, die Pläne im Frühjahr öffentlich auszulegen. Größere Änderungen seien möglich.";
    assert_text(&doc.text, want, "de_latin1.html");
    assert_eq!(doc.title.as_deref(), Some("Bürgerversammlung in Görlitz"));
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some("2023-11-28")
    );

    // Where the declaration and the Windows-1252 fallback disagree (0xA4 is € in Latin-9,
    // ¤ in Windows-1252), the declaration wins, in either form of meta tag.
    let cases: &[(&[u8], &str)] = &[
        (b"<meta charset=\"iso-8859-15\"><p>Preis: 5 \xA4</p>", "Preis: 5 \u{20AC}"),
        (
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\"><p>5 \xA4</p>",
            "5 \u{20AC}",
        ),
        (b"<p>Preis: 5 \xA4</p>", "Preis: 5 \u{A4}"),
    ];
    for (bytes, want) in cases {
        let got = extract(bytes, &Limits::default()).unwrap().text;
        assert_text(&got, want, &String::from_utf8_lossy(bytes));
    }
}

#[test]
fn small_pages_give_the_expected_blocks() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "only <title> and body text, no <p>",
            "<html><head><title>Nur ein Titel</title></head><body>Text direkt im Body.<br>Zweite Zeile.</body></html>",
            "Nur ein Titel\n\nText direkt im Body.\nZweite Zeile.",
        ),
        (
            "broken HTML: no <html>/<body>, unclosed <p>, stray end tags, misnested formatting",
            "<title>Kaputt</title><div><p>Erster Absatz ohne Ende<p>Zweiter <b>fett <i>kursiv</b> weiter</i> Absatz\
             <ul><li>Punkt eins<li>Punkt zwei</div></div></span></p></ul>",
            "Kaputt\n\nErster Absatz ohne Ende\n\nZweiter fett kursiv weiter Absatz\n\nPunkt eins\n\nPunkt zwei",
        ),
        (
            "entities in text and attributes",
            "<html><head><meta property=\"og:title\" content=\"Tom &amp; Jerry &#8222;live&#8220;\"></head><body>\
             <p>Preis:&nbsp;10&nbsp;&euro; &amp; mehr, &#8222;so&#8220; &#x201E;hex&#x201C; &auml;&Ouml;&szlig; &lt;tag&gt;</p></body></html>",
            "Tom & Jerry „live“\n\nPreis: 10 € & mehr, „so“ „hex“ äÖß <tag>",
        ),
        (
            "double <br> splits blocks; whitespace collapses; soft hyphens go",
            "<div>Erste   Zeile<br><br>\n  Zweiter\tBlock mit Bundes&shy;regierung</div>",
            "Erste Zeile\n\nZweiter Block mit Bundesregierung",
        ),
        (
            "hidden elements and comments are dropped",
            "<article><h1>Titel</h1><p>Sichtbar.</p><p hidden>Versteckt A</p><p aria-hidden=\"true\">Versteckt B</p>\
             <p style=\"color:red; DISPLAY : none\">Versteckt C</p><!-- Kommentar --><p>Auch sichtbar.</p></article>",
            "Titel\n\nSichtbar.\n\nAuch sichtbar.",
        ),
        (
            "class tokens: shadow/download/headline are not boilerplate, ad/shareBar are",
            "<article><h1 class=\"headline\">Titel</h1><p class=\"shadow\">Eins.</p><p class=\"download-hint\">Zwei.</p>\
             <p class=\"ad\">Werbung.</p><div class=\"shareBar\">Teilen</div><p class=\"loaded\">Drei.</p></article>",
            "Titel\n\nEins.\n\nZwei.\n\nDrei.",
        ),
        (
            "taxonomy classes (tag-social, category-werbung) do not make an article boilerplate",
            "<article class=\"post type-post tag-social category-werbung\"><p>Ein Artikel über soziale Netzwerke.</p></article>",
            "Ein Artikel über soziale Netzwerke.",
        ),
        (
            "a header inside the article is kept, the page header is not",
            "<header><h2>Seitenname</h2></header><article><header class=\"article-header\"><h1>Schlagzeile</h1>\
             <p>Vorspann zum Artikel.</p></header><p>Erster Absatz des Artikels mit genug Text.</p></article>",
            "Schlagzeile\n\nVorspann zum Artikel.\n\nErster Absatz des Artikels mit genug Text.",
        ),
        (
            "table cells and pre blocks",
            "<article><h1>Tabelle</h1><table><tr><td>Ort</td><td>Pegel</td></tr><tr><td>Trier</td><td>8,20 m</td></tr></table>\
             <pre>Zeile 1\n  Zeile 2\n\n\nZeile 3</pre></article>",
            "Tabelle\n\nOrt\n\nPegel\n\nTrier\n\n8,20 m\n\nZeile 1\nZeile 2\n\nZeile 3",
        ),
        (
            "an ASP.NET-style page-wide form is not dropped",
            "<body><form id=\"aspnetForm\"><h1>Meldung</h1><p>Absatz eins.</p><p>Absatz zwei.</p><p>Absatz drei.</p>\
             <input type=\"submit\" value=\"Senden\"></form></body>",
            "Meldung\n\nAbsatz eins.\n\nAbsatz zwei.\n\nAbsatz drei.",
        ),
        ("whitespace only", "  \n\t ", ""),
        ("markup without text", "<html><body><div></div></body></html>", ""),
    ];
    for (what, page, want) in cases {
        assert_text(&html(page).text, want, what);
    }
}

#[test]
fn published_date_sources_in_order() {
    let page = |head: &str, body: &str| {
        format!("<html><head>{head}</head><body>{body}<p>Text.</p></body></html>")
    };
    let cases: &[(&str, String, Option<&str>)] = &[
        (
            "article:published_time",
            page(
                r#"<meta property="article:published_time" content="2024-03-01T10:00:00+01:00">"#,
                "",
            ),
            Some("2024-03-01"),
        ),
        (
            "og before name=date",
            page(
                r#"<meta name="date" content="2024-03-03"><meta property="og:published_time" content="2024-03-02">"#,
                "",
            ),
            Some("2024-03-02"),
        ),
        (
            "dc.date case-insensitive",
            page(r#"<meta name="DC.date.issued" content="2024-03-04">"#, ""),
            Some("2024-03-04"),
        ),
        (
            "sailthru.date with local time",
            page(
                r#"<meta name="sailthru.date" content="2024-03-05 08:15:00">"#,
                "",
            ),
            Some("2024-03-05"),
        ),
        (
            "itemprop on a time element",
            page(
                "",
                r#"<span>am <time itemprop="datePublished" datetime="2024-03-06T12:00:00Z">6. März</time></span>"#,
            ),
            Some("2024-03-06"),
        ),
        (
            "JSON-LD array",
            page(
                r#"<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2024-03-07T06:00:00+01:00"}]</script>"#,
                "",
            ),
            Some("2024-03-07"),
        ),
        (
            "<time datetime> in the article",
            page(
                "",
                r#"<article><time datetime="2024-03-08">8.3.</time><p>Mehr Text hier.</p></article>"#,
            ),
            Some("2024-03-08"),
        ),
        (
            "unparsable values are skipped",
            page(
                r#"<meta name="date" content="gestern"><meta name="pubdate" content="2024-03-09">"#,
                "",
            ),
            Some("2024-03-09"),
        ),
        (
            "nothing usable",
            page(r#"<meta name="date" content="31.12.2023">"#, ""),
            None,
        ),
    ];
    for (what, page, want) in cases {
        assert_eq!(
            html(page).published.map(|d| d.to_string()).as_deref(),
            *want,
            "{what}"
        );
    }
}

#[test]
fn title_sources_and_site_name_stripping() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            r#"<meta property="og:title" content="OG"><meta name="twitter:title" content="TW"><title>T</title>"#,
            Some("OG"),
        ),
        (
            r#"<meta name="twitter:title" content="TW"><title>T</title>"#,
            Some("TW"),
        ),
        (
            r#"<meta property="og:site_name" content="Kurier"><title>Wahl in Hessen – Kurier</title>"#,
            Some("Wahl in Hessen"),
        ),
        (
            r#"<meta property="og:site_name" content="Kurier"><title>Wahl - Ergebnisse | Zeitung</title>"#,
            Some("Wahl - Ergebnisse | Zeitung"),
        ),
        ("<body><h1>Nur H1</h1></body>", Some("Nur H1")),
        ("<p>nichts</p>", None),
    ];
    for (page, want) in cases {
        assert_eq!(html(page).title.as_deref(), *want, "{page}");
    }
}

#[test]
fn empty_input_is_an_empty_document() {
    assert_eq!(
        extract(b"", &Limits::default()).unwrap(),
        HtmlDocument::default()
    );
}

#[test]
fn binary_input_is_not_text() {
    for bytes in [
        &b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..],
        b"<html>\x00\x01\x02\x03</html>",
        b"\x7fELF\x02\x01\x01\x00",
    ] {
        let e = extract(bytes, &Limits::default()).unwrap_err();
        assert!(matches!(e, Problem::NotText(_)), "{e}");
    }
    // UTF-16 with a BOM has NUL bytes but is text.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("<p>Grüße</p>".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(extract(&utf16, &Limits::default()).unwrap().text, "Grüße");
}

/// Each shape nested `n` deep, with its text inside. Shapes that defeat a naive guard: plain
/// nesting, formatting elements (their own list in the tree builder), implied-end lists,
/// formatting elements reopened after every block, tables, and stray end tags.
fn hostile_pages(n: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            "div",
            format!("{}Tiefer Text{}", "<div>".repeat(n), "</div>".repeat(n)),
        ),
        ("div unclosed", format!("{}Tiefer Text", "<div>".repeat(n))),
        ("b", format!("{}Tiefer Text", "<b>".repeat(n))),
        ("ul li", format!("{}Tiefer Text", "<ul><li>".repeat(n / 2))),
        (
            "reopened b",
            format!(
                "{}Tiefer Text",
                (0..n / 4)
                    .map(|i| format!("<div><b id={i}></div>"))
                    .collect::<String>()
            ),
        ),
        (
            "table",
            format!("{}Tiefer Text", "<table><tr><td>".repeat(n / 3)),
        ),
        ("span in p", format!("<p>{}Tiefer Text", "<span>".repeat(n))),
        (
            "stray end tags",
            format!("<div><div>Tiefer Text{}", "</div>".repeat(n)),
        ),
        ("a", format!("{}Tiefer Text", "<a href=x>".repeat(n))),
        (
            "svg",
            format!("<svg>{}</svg><p>Tiefer Text</p>", "<g>".repeat(n)),
        ),
    ]
}

#[test]
fn deep_nesting_is_bounded_in_time_and_keeps_text() {
    // Generous for debug builds on a shared 2-core machine; a quadratic tree builder takes
    // minutes here.
    let bound = Duration::from_secs(if cfg!(debug_assertions) { 8 } else { 2 });
    for (shape, page) in hostile_pages(200_000) {
        let start = Instant::now();
        let doc = extract(page.as_bytes(), &Limits::default()).unwrap();
        let took = start.elapsed();
        println!("{shape}: {took:?}");
        assert!(took < bound, "{shape}: {took:?}");
        assert!(
            doc.text.contains("Tiefer Text"),
            "{shape}: text lost: {:?}",
            &doc.text[..doc.text.len().min(80)]
        );
    }
}

#[test]
fn depth_limit_drops_tags_not_text() {
    let limits = Limits {
        max_html_depth: 4,
        ..Limits::default()
    };
    let page =
        "<div><div><div><div><div><p>Eins</p><p>Zwei</p></div></div></div></div></div><p>Drei</p>";
    let doc = extract(page.as_bytes(), &limits).unwrap();
    // The <p>s below the limit are dropped as tags, so their text runs together; the
    // paragraph after the deep part is whole again.
    assert_text(&doc.text, "EinsZwei\n\nDrei", "depth 4");
    assert_text(
        &extract(page.as_bytes(), &Limits::default()).unwrap().text,
        "Eins\n\nZwei\n\nDrei",
        "default depth",
    );
}

/// Throughput on a large article page; run with
/// `cargo test --release -p sitrep-ingest --test html -- --ignored --nocapture throughput`.
#[test]
#[ignore]
fn throughput() {
    let page = std::fs::read_to_string(data("de_hochwasser.html")).unwrap();
    let (head, rest) = page.split_at(page.find("<div class=\"article-body\"").unwrap());
    let (body, tail) = rest.split_at(rest.find("<div class=\"ad-slot\"").unwrap());
    let paragraphs = &body[body.find('>').unwrap() + 1..];
    let big = format!(
        "{head}<div class=\"article-body\" itemprop=\"articleBody\">{}{tail}",
        paragraphs.repeat(2000)
    );
    let files = [("one big article", big), ("typical page", page.clone())];
    for (what, html) in files {
        let reps = (20_000_000 / html.len()).max(1);
        let start = Instant::now();
        let mut chars = 0;
        for _ in 0..reps {
            chars += extract(html.as_bytes(), &Limits::default())
                .unwrap()
                .text
                .len();
        }
        let secs = start.elapsed().as_secs_f64();
        let mb = (html.len() * reps) as f64 / 1e6;
        println!(
            "{what}: {:.1} MB in {secs:.2} s = {:.1} MB/s ({chars} text bytes)",
            mb,
            mb / secs
        );
    }
}

/// Cut and spliced versions of the test pages: whatever the damage, no panic and no hang.
#[test]
fn damaged_pages_do_not_panic() {
    let pages: Vec<Vec<u8>> = ["de_hochwasser.html", "en_storm.html", "de_latin1.html"]
        .iter()
        .map(|p| std::fs::read(data(p)).unwrap())
        .collect();
    let splices: [&[u8]; 6] = [
        b"<table>",
        b"</p></div>",
        b"<svg><foreignObject>",
        b"<template>",
        b"<!--",
        b"<script>",
    ];
    for page in &pages {
        for (i, cut) in (0..page.len()).step_by(61).enumerate() {
            let _ = extract(&page[..cut], &Limits::default());
            let mut spliced = page[..cut].to_vec();
            spliced.extend_from_slice(splices[i % splices.len()]);
            spliced.extend_from_slice(&page[cut..]);
            let _ = extract(
                &spliced,
                &Limits {
                    max_html_depth: 8,
                    ..Limits::default()
                },
            );
        }
    }
}

#[test]
fn a_page_becomes_a_document_with_its_metadata_but_not_its_lang_attribute() {
    let page = br#"<html lang="en"><head><title>T</title>
        <meta property="og:site_name" content="Der Kurier">
        <link rel="canonical" href="https://example.org/a"></head>
        <body><article><h1>Titel</h1><p>Die Regierung beschloss am Montag neue Hilfen.</p></article></body></html>"#;
    let h = sitrep_ingest::html::extract(page, &sitrep_core::Limits::default()).unwrap();
    assert_eq!(h.language.as_deref(), Some("en"));
    let d = h.clone().into_document("page-1".into());
    assert_eq!(d.id, "page-1");
    assert_eq!(d.text, h.text);
    assert_eq!(
        (d.title, d.url, d.outlet, d.published),
        (h.title, h.url, h.outlet, h.published)
    );
    // The template's `lang` is no evidence of the article's language: identification decides.
    assert_eq!(d.language, None);
}
