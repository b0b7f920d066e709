//! The API against a real server on 127.0.0.1: hostile and broken requests (each its own
//! test), limits, the token, paging, and the routes against `openapi.json`.

use sitrep_core::Document;
use sitrep_pipeline::Pipeline;
use sitrep_server::client::{Client, Response};
use sitrep_server::{App, Config, Running, ROUTES};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// One pipeline for every server of this test binary (loading it takes a while).
fn pipeline() -> Arc<Pipeline> {
    static P: OnceLock<Arc<Pipeline>> = OnceLock::new();
    P.get_or_init(|| Arc::new(Pipeline::new())).clone()
}

struct Server {
    running: Running,
    app_db: String,
    _dir: tempfile::TempDir,
}

impl Server {
    fn client(&self) -> Client {
        Client::new(self.running.addr)
    }
    fn get(&self, path: &str) -> Response {
        self.client().get(path).expect("the server answers")
    }
}

/// A server over a fresh store seeded with `docs` short German reports.
fn server(config: Config, docs: usize) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("api.db").to_string_lossy().into_owned();
    let app = App::new(
        Config {
            db: db.clone(),
            log: false,
            ..config
        },
        pipeline(),
    )
    .unwrap();
    if docs > 0 {
        let r = app.ingest(corpus(docs)).unwrap();
        assert_eq!(r.stored, docs, "{r:?}");
    }
    let running = Running::start(app, "127.0.0.1:0".parse().unwrap(), 2).unwrap();
    Server {
        running,
        app_db: db,
        _dir: dir,
    }
}

const PLACES: &[(&str, &str)] = &[
    ("Estland", "Frankreich"),
    ("Litauen", "Deutschland"),
    ("Polen", "Italien"),
];

/// `n` distinct short German reports over several days.
fn corpus(n: usize) -> Vec<(usize, Document)> {
    (0..n)
        .map(|i| {
            let (to, from) = PLACES[i % PLACES.len()];
            let mut d = Document::new(
                format!("n{i}"),
                format!(
                    "{from} schickt {} Soldaten nach {to}. Die Regierung in Moskau kritisierte den Schritt am Montag scharf. Meldung {i}.",
                    100 + i
                ),
            );
            d.language = Some(sitrep_core::Language::De);
            d.published = Some(format!("2022-02-{:02}", 1 + i % 5).parse().unwrap());
            (i + 1, d)
        })
        .collect()
}

/// The error object of a response, checking its form and status.
fn error(r: &Response, status: u16) -> String {
    assert_eq!(r.status, status, "{}", r.text());
    let j = r.json();
    assert_eq!(j["error"]["status"], status, "{}", r.text());
    j["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn post(s: &Server, path: &str, kind: &str, body: &[u8]) -> Response {
    s.client()
        .request("POST", path, &[("Content-Type", kind)], body)
        .unwrap()
}

#[test]
fn a_body_over_the_limit_is_413_and_the_server_keeps_serving() {
    let s = server(
        Config {
            max_body_bytes: 1000,
            ..Config::default()
        },
        0,
    );
    let big = "Wort ".repeat(400);
    let m = error(&post(&s, "/v1/extract", "text/plain", big.as_bytes()), 413);
    assert!(m.contains("1000"), "{m}");
    // without a Content-Length (chunked): the limit holds while reading
    let mut raw = b"POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..3 {
        raw.extend_from_slice(format!("{:x}\r\n{}\r\n", 600, "a".repeat(600)).as_bytes());
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    error(&s.client().raw(&raw).unwrap(), 413);
    assert_eq!(s.get("/healthz").status, 200);
}

#[test]
fn broken_json_is_400_naming_the_problem() {
    let s = server(Config::default(), 0);
    for path in ["/v1/extract", "/v1/documents"] {
        let m = error(
            &post(&s, path, "application/json", b"{\"text\": \"abc\""),
            400,
        );
        assert!(m.contains("JSON"), "{path}: {m}");
        let m = error(&post(&s, path, "application/json", b"[1, 2]"), 400);
        assert!(m.contains("object"), "{path}: {m}");
    }
    // JSON Lines: the broken line is named, the good one stored
    let body = b"{\"id\": \"a\", \"language\": \"de\", \"text\": \"Die Polizei nahm in Wien drei Verd\xc3\xa4chtige fest.\"}\n{\"id\": \"b\", \"text\": \n";
    let r = post(&s, "/v1/documents", "application/x-ndjson", body);
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["stored"], 1);
    assert_eq!(j["errors"][0]["line"], 2);
    assert!(j["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("line 2:"));
}

#[test]
fn invalid_utf8_is_400() {
    let s = server(Config::default(), 0);
    for (path, kind) in [
        ("/v1/extract", "text/plain"),
        ("/v1/extract", "application/json"),
        ("/v1/documents", "application/x-ndjson"),
    ] {
        let m = error(&post(&s, path, kind, b"Stra\xdfe \xff\xfe in Wien"), 400);
        assert!(m.contains("UTF-8"), "{path} {kind}: {m}");
    }
}

#[test]
fn unknown_fields_and_parameters_are_400_naming_them() {
    let s = server(Config::default(), 0);
    let m = error(
        &post(
            &s,
            "/v1/extract",
            "application/json",
            br#"{"text": "abc", "publshed": "2024-01-01"}"#,
        ),
        400,
    );
    assert!(m.contains("publshed"), "{m}");
    let m = error(
        &post(
            &s,
            "/v1/documents",
            "application/json",
            br#"{"id": "x", "text": "abc", "lang": "de"}"#,
        ),
        400,
    );
    assert!(m.contains("\"lang\""), "{m}");
    let m = error(&s.get("/v1/events?actr=RUS"), 400);
    assert!(m.contains("\"actr\""), "{m}");
    let m = error(&s.get("/v1/events?limit=0"), 400);
    assert!(m.contains("\"limit\""), "{m}");
    let m = error(&s.get("/v1/events?limit=10&limit=20"), 400);
    assert!(m.contains("twice"), "{m}");
    let m = error(&s.get("/v1/stats/timeline?since=gestern"), 400);
    assert!(m.contains("\"since\""), "{m}");
    let m = error(&s.get("/v1/network?type=PARTY"), 400);
    assert!(m.contains("\"type\""), "{m}");
}

const HOSTILE: &[&str] = &[
    "' OR 1=1 --",
    "\"; DROP TABLE events; --",
    "../../etc/passwd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "RUS%' OR '%'='",
];

/// `s` percent-encoded for a query value or path segment (`%` itself too, so that the
/// server sees the string as written; the `%2e` forms are also sent raw below).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `h` encoded and, when it can stand in a request line as it is (no space or quote),
/// also raw: then `%2e%2e` reaches the server as percent-encoding.
fn variants(h: &str) -> Vec<String> {
    let mut v = vec![encode(h)];
    if !h.contains([' ', '"']) {
        v.push(h.to_string());
    }
    v
}

#[test]
fn sql_like_strings_and_traversal_in_every_parameter_change_nothing() {
    let s = server(Config::default(), 6);
    let events = s.get("/v1/events").json()["events"]
        .as_array()
        .unwrap()
        .len();
    assert!(events > 0);
    let endpoints = [
        "/v1/events",
        "/v1/actors",
        "/v1/stats/timeline",
        "/v1/stats/places",
        "/v1/network",
    ];
    let params = [
        "actor", "source", "target", "type", "modality", "place", "since", "until", "text",
        "cursor", "limit",
    ];
    for e in endpoints {
        for p in params {
            for h in HOSTILE {
                for value in variants(h) {
                    let r = s.get(&format!("{e}?{p}={value}"));
                    // a code or a word that matches nothing, or a 400 naming the parameter
                    match r.status {
                        200 => {
                            let j = r.json();
                            for key in ["events", "actors", "days", "edges", "places"] {
                                if let Some(a) = j[key].as_array() {
                                    assert!(a.is_empty(), "{e}?{p}={value}: {}", r.text());
                                }
                            }
                        }
                        400 => {
                            let m = error(&r, 400);
                            assert!(
                                m.contains(&format!("\"{p}\"")) || m.contains("query string"),
                                "{e}?{p}={value}: {m}"
                            );
                        }
                        _ => panic!("{e}?{p}={value}: {} {}", r.status, r.text()),
                    }
                }
            }
        }
    }
    for h in HOSTILE {
        for path in ["/v1/events/", "/v1/documents/"] {
            for seg in variants(h) {
                let r = s.get(&format!("{path}{seg}"));
                assert!(
                    [400, 404].contains(&r.status),
                    "{path}{seg}: {} {}",
                    r.status,
                    r.text()
                );
                error(&r, r.status);
            }
        }
    }
    for raw in [
        "/../../etc/passwd",
        "/v1/%2e%2e/%2e%2e/etc/passwd",
        "/v1/events/..%2F..%2Fetc%2Fpasswd",
        "/v1/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    ] {
        let r = s.get(raw);
        assert!([400, 404].contains(&r.status), "{raw}: {}", r.text());
        assert!(!r.text().contains("root:"), "{raw}");
    }
    // the store is untouched and answers as before
    assert_eq!(
        s.get("/v1/events").json()["events"]
            .as_array()
            .unwrap()
            .len(),
        events
    );
    let store = sitrep_store::open(&s.app_db, &Default::default()).unwrap();
    assert_eq!(store.counts().unwrap().events as usize, events);
}

#[test]
fn hostile_strings_in_documents_are_stored_as_text() {
    let s = server(Config::default(), 0);
    for (i, h) in HOSTILE.iter().enumerate() {
        let doc = serde_json::json!({"id": format!("{h}-{i}"), "language": "en", "title": h, "text": format!("{h} The police arrested three men in Vienna.")});
        let r = post(
            &s,
            "/v1/documents",
            "application/json",
            doc.to_string().as_bytes(),
        );
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(r.json()["stored"], 1, "{}", r.text());
        let back = s.get(&format!("/v1/documents/{}", encode(&format!("{h}-{i}"))));
        assert_eq!(back.status, 200, "{h}: {}", back.text());
        assert_eq!(back.json()["title"], *h);
    }
}

#[test]
fn a_client_trickling_its_headers_is_cut_off_and_others_are_served() {
    let s = server(
        Config {
            request_timeout: Duration::from_millis(500),
            ..Config::default()
        },
        0,
    );
    let mut slow = TcpStream::connect(s.running.addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let start = Instant::now();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    // others are served meanwhile
    assert_eq!(s.get("/healthz").status, 200);
    let mut cut = false;
    for _ in 0..40 {
        std::thread::sleep(Duration::from_millis(100));
        if slow.write_all(b"X-Slow: 1\r\n").is_err() {
            cut = true;
            break;
        }
        let mut buf = [0u8; 256];
        slow.set_nonblocking(true).unwrap();
        let r = slow.read(&mut buf);
        slow.set_nonblocking(false).unwrap();
        match r {
            Ok(0) => {
                cut = true;
                break;
            }
            Ok(n) => {
                // an answer before the headers ended can only be a refusal
                assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 408"));
                cut = true;
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => {
                cut = true;
                break;
            }
        }
    }
    assert!(
        cut,
        "a client sending a header every 100 ms was never cut off"
    );
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(s.get("/healthz").status, 200);
}

#[test]
fn a_client_trickling_its_body_gets_408_and_others_are_served() {
    let s = server(
        Config {
            request_timeout: Duration::from_millis(500),
            ..Config::default()
        },
        0,
    );
    let mut slow = TcpStream::connect(s.running.addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    slow.write_all(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nDie ").unwrap();
    let start = Instant::now();
    let other = std::thread::spawn({
        let addr = s.running.addr;
        move || Client::new(addr).get("/healthz").unwrap().status
    });
    let mut reader = std::io::BufReader::new(slow.try_clone().unwrap());
    let writer = std::thread::spawn(move || {
        for _ in 0..30 {
            std::thread::sleep(Duration::from_millis(100));
            if slow.write_all(b"x").is_err() {
                break;
            }
        }
    });
    let r = sitrep_server::client::read_response(&mut reader).unwrap();
    assert_eq!(r.status, 408, "{}", r.text());
    assert!(r.text().contains("500 ms"), "{}", r.text());
    assert!(start.elapsed() < Duration::from_secs(3));
    assert_eq!(other.join().unwrap(), 200);
    let _ = writer.join();
}

#[test]
fn writes_need_the_token_when_one_is_set() {
    let s = server(
        Config {
            token: Some("s3cret-token".into()),
            ..Config::default()
        },
        0,
    );
    let doc = br#"{"id": "t1", "language": "de", "text": "Die Polizei nahm in Wien drei Verdaechtige fest."}"#;
    let m = error(&post(&s, "/v1/documents", "application/json", doc), 401);
    assert!(m.contains("Bearer"), "{m}");
    let wrong = s
        .client()
        .request(
            "POST",
            "/v1/documents",
            &[
                ("Content-Type", "application/json"),
                ("Authorization", "Bearer s3cret-tokeN"),
            ],
            doc,
        )
        .unwrap();
    error(&wrong, 401);
    assert_eq!(s.get("/healthz").json()["documents"], 0);
    let ok = s
        .client()
        .request(
            "POST",
            "/v1/documents",
            &[
                ("Content-Type", "application/json"),
                ("Authorization", "Bearer s3cret-token"),
            ],
            doc,
        )
        .unwrap();
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.json()["stored"], 1);
    // posting it again stores nothing twice
    let again = s
        .client()
        .request(
            "POST",
            "/v1/documents",
            &[
                ("Content-Type", "application/json"),
                ("Authorization", "Bearer s3cret-token"),
            ],
            doc,
        )
        .unwrap();
    assert_eq!(again.json()["already"], 1, "{}", again.text());
    assert_eq!(s.get("/healthz").json()["documents"], 1);
    // reads and extraction need no token
    assert_eq!(s.get("/v1/events").status, 200);
    assert_eq!(
        post(
            &s,
            "/v1/extract?language=de",
            "text/plain",
            "Die Polizei nahm drei Männer fest.".as_bytes()
        )
        .status,
        200
    );
}

#[test]
fn paging_by_cursor_returns_every_event_once_in_the_listing_order() {
    let s = server(Config::default(), 12);
    let all: Vec<serde_json::Value> = s.get("/v1/events?limit=1000").json()["events"]
        .as_array()
        .unwrap()
        .clone();
    assert!(all.len() >= 12, "{}", all.len());
    for size in [1, 5, 7] {
        let mut seen = Vec::new();
        let mut url = format!("/v1/events?limit={size}");
        loop {
            let j = s.get(&url).json();
            let page = j["events"].as_array().unwrap();
            assert!(page.len() <= size);
            seen.extend(page.iter().cloned());
            match j["next_cursor"].as_str() {
                Some(c) => url = format!("/v1/events?limit={size}&cursor={c}"),
                None => break,
            }
        }
        assert_eq!(seen, all, "pages of {size}");
    }
    // a filtered listing pages the same way
    let agree = s.get("/v1/events?type=MOBILIZE&limit=1000").json()["events"]
        .as_array()
        .unwrap()
        .len();
    let mut n = 0;
    let mut url = "/v1/events?type=MOBILIZE&limit=2".to_string();
    loop {
        let j = s.get(&url).json();
        n += j["events"].as_array().unwrap().len();
        match j["next_cursor"].as_str() {
            Some(c) => url = format!("/v1/events?type=MOBILIZE&limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(n, agree);
    // every listed event is found by its id
    for e in &all {
        let id = e["id"].as_str().unwrap();
        let one = s.get(&format!("/v1/events/{}", encode(id)));
        assert_eq!(one.status, 200, "{id}");
        assert_eq!(&one.json(), e);
    }
}

#[test]
fn the_views_count_what_the_event_listing_holds() {
    let s = server(Config::default(), 9);
    let all = s.get("/v1/events?limit=1000").json()["events"]
        .as_array()
        .unwrap()
        .clone();
    let days = s.get("/v1/stats/timeline").json()["days"]
        .as_array()
        .unwrap()
        .clone();
    let total: u64 = days.iter().map(|d| d["events"].as_u64().unwrap()).sum();
    let with_day = all.iter().filter(|e| !e["day"].is_null()).count() as u64;
    assert_eq!(total, with_day);
    let edges = s.get("/v1/network").json()["edges"]
        .as_array()
        .unwrap()
        .clone();
    for edge in &edges {
        let (src, tgt) = (
            edge["source"].as_str().unwrap(),
            edge["target"].as_str().unwrap(),
        );
        let n = all
            .iter()
            .filter(|e| {
                let has = |role: &str, c: &str| {
                    e["event"][role]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|a| a["code"] == c)
                };
                has("source", src) && has("target", tgt)
            })
            .count() as u64;
        assert_eq!(edge["events"].as_u64().unwrap(), n, "{edge}");
    }
    let places = s.get("/v1/stats/places").json();
    assert!(!places["places"].as_array().unwrap().is_empty(), "{places}");
    let actors = s.get("/v1/actors").json()["actors"]
        .as_array()
        .unwrap()
        .clone();
    assert!(!actors.is_empty());
    // a filter narrows every view alike
    let first = actors[0]["code"].as_str().unwrap();
    let n = s
        .get(&format!("/v1/events?actor={first}&limit=1000"))
        .json()["events"]
        .as_array()
        .unwrap()
        .len() as u64;
    assert_eq!(actors[0]["events"].as_u64().unwrap(), n);
}

#[test]
fn unsupported_language_is_422_and_unknown_media_type_415() {
    let s = server(Config::default(), 0);
    let m = error(
        &post(
            &s,
            "/v1/extract",
            "application/json",
            br#"{"text": "Le gouvernement a dit non.", "language": "fr"}"#,
        ),
        422,
    );
    assert!(m.contains("fr"), "{m}");
    error(
        &post(
            &s,
            "/v1/extract?language=fr",
            "text/plain",
            b"Le gouvernement.",
        ),
        422,
    );
    error(&post(&s, "/v1/extract", "application/xml", b"<a/>"), 415);
    error(
        &s.client()
            .request("POST", "/v1/extract", &[], b"abc")
            .unwrap(),
        415,
    );
    error(&post(&s, "/v1/documents", "text/plain", b"abc"), 415);
}

#[test]
fn unknown_paths_are_404_and_wrong_methods_405_as_json() {
    let s = server(Config::default(), 0);
    let m = error(&s.get("/v2/events"), 404);
    assert!(m.contains("/v2/events"), "{m}");
    error(&s.get("/v1/documents/missing"), 404);
    error(&s.get("/v1/events/missing:v1"), 404);
    error(&s.get("/v1/events/no-colon"), 400);
    let m = error(
        &s.client()
            .request("DELETE", "/v1/events", &[], b"")
            .unwrap(),
        405,
    );
    assert!(m.contains("GET"), "{m}");
    error(&s.get("/v1/extract"), 405);
}

#[test]
fn openapi_describes_exactly_the_routes_the_router_answers() {
    let s = server(Config::default(), 0);
    let spec = s.get("/openapi.json").json();
    let mut described: Vec<(String, String)> = spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(|m| (m.to_uppercase(), path.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    described.sort();
    let mut routes: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    routes.sort();
    assert_eq!(described, routes);
    // and the router answers each of them (not the fallback, not 405)
    for (method, path) in ROUTES {
        let concrete = path.replace("{id}", "x:v1");
        let r = s
            .client()
            .request(
                method,
                &concrete,
                &[("Content-Type", "application/json")],
                b"{}",
            )
            .unwrap();
        assert_ne!(r.status, 405, "{method} {path}");
        if r.status == 404 {
            assert!(
                !error(&r, 404).contains("no such endpoint"),
                "{method} {path}"
            );
        }
    }
}

#[test]
fn extract_answers_the_analysis_without_storing_it() {
    let s = server(Config::default(), 0);
    let r = post(
        &s,
        "/v1/extract?id=t&language=de&published=2024-03-04",
        "text/plain",
        "Russland schickt 300 Soldaten nach Belarus.".as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["id"], "t");
    assert_eq!(j["schema"], "sitrep/1");
    assert!(!j["events"].as_array().unwrap().is_empty(), "{j}");
    assert_eq!(s.get("/healthz").json()["documents"], 0);
}

#[test]
fn the_page_is_served_from_the_binary_with_its_bundle() {
    let s = server(Config::default(), 0);
    let page = s.get("/");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    let html = String::from_utf8(page.body.clone()).unwrap();
    // Every file the page names is served, with its type, and only from this origin.
    for (file, kind) in [("app.js", "text/javascript"), ("app.css", "text/css")] {
        assert!(
            html.contains(&format!("\"{file}\"")),
            "index.html names {file}"
        );
        let r = s.get(&format!("/{file}"));
        assert_eq!(r.status, 200, "/{file}");
        assert!(r.header("content-type").unwrap().starts_with(kind));
        assert!(r.body.len() > 1000, "/{file} is the bundle, not a stub");
    }
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    // Paths beside the bundle are the API's 404, not files.
    let r = s.get("/../Cargo.toml");
    assert_ne!(r.status, 200);
    assert_eq!(s.get("/app.js.map").status, 404);
}
