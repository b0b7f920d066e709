//! The web page (`web/`, bundled by `bash web/build.sh` into `web/dist/`), embedded in the
//! binary so that `cargo install` gives the page with the server and nothing is fetched at
//! run time. The page calls only this server's API.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

/// (path, content type, bytes) of every file the page needs.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "/",
        "text/html; charset=utf-8",
        include_bytes!("../../../web/dist/index.html"),
    ),
    (
        "/app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../../web/dist/app.js"),
    ),
    (
        "/app.css",
        "text/css; charset=utf-8",
        include_bytes!("../../../web/dist/app.css"),
    ),
    (
        "/THIRD-PARTY-NOTICES.txt",
        "text/plain; charset=utf-8",
        include_bytes!("../../../web/dist/THIRD-PARTY-NOTICES.txt"),
    ),
];

/// Scripts and styles only from this server (inline `style` attributes are the views'
/// colours); no frames, no other origins.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

fn asset(content_type: &'static str, bytes: &'static [u8]) -> Response {
    let mut resp = bytes.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The bundle is part of the binary: a new binary may bring a new page.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}

/// The page's routes, to merge into the API's router.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    let mut r = Router::new();
    for &(path, content_type, bytes) in ASSETS {
        r = r.route(path, get(move || async move { asset(content_type, bytes) }));
    }
    r
}
