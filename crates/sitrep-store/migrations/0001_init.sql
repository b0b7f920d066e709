-- sitrep store, schema version 1.
-- Applied by sitrep-store (src/sqlite.rs) inside one transaction; the version is recorded
-- in schema_migrations and PRAGMA user_version, the store is marked by PRAGMA application_id.

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- One row per analysed document. `analysis` is the sitrep/1 JSON with `text` left empty
-- (the text is in its own column; reading puts it back), so nothing of the analysis is lost.
CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL UNIQUE,
    text_hash        TEXT NOT NULL,
    signature        BLOB,
    text             TEXT NOT NULL,
    language         TEXT,
    published        TEXT,
    title            TEXT,
    url              TEXT,
    outlet           TEXT,
    analysis_version INTEGER NOT NULL,
    analysis         TEXT NOT NULL,
    ingested_at      TEXT NOT NULL
);
CREATE INDEX documents_text_hash ON documents (text_hash);
CREATE INDEX documents_version ON documents (analysis_version);

-- Candidate keys of near-duplicate signatures (LSH bands): documents sharing a key are
-- compared.
CREATE TABLE signature_keys (
    key      INTEGER NOT NULL,
    document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (key, document)
) WITHOUT ROWID;
CREATE INDEX signature_keys_document ON signature_keys (document);

-- Further reports of a stored document (agency copies): their own id, url, outlet and
-- title, never analysed twice.
CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    document    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    doc_id      TEXT NOT NULL UNIQUE,
    text_hash   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
    similarity  REAL,
    published   TEXT,
    title       TEXT,
    url         TEXT,
    outlet      TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX reports_document ON reports (document);
CREATE INDEX reports_text_hash ON reports (text_hash);

CREATE TABLE entities (
    document    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    actor_code  TEXT,
    sector      TEXT,
    kb          TEXT,
    PRIMARY KEY (document, entity)
);
CREATE INDEX entities_actor ON entities (actor_code);

CREATE TABLE mentions (
    document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity   TEXT NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL
);
CREATE INDEX mentions_document ON mentions (document, entity);

-- Cross-article event clusters: the codes are the union of their events' codes ('|'
-- joined, sorted), days the range of their events' days.
CREATE TABLE clusters (
    id           INTEGER PRIMARY KEY,
    type         TEXT NOT NULL,
    source_codes TEXT NOT NULL,
    target_codes TEXT NOT NULL,
    place_codes  TEXT NOT NULL,
    day_first    TEXT NOT NULL,
    day_last     TEXT NOT NULL,
    events       INTEGER NOT NULL,
    documents    INTEGER NOT NULL,
    outlets      INTEGER NOT NULL
);

-- One row per event, flattened for querying, with the event's sitrep/1 JSON.
-- `day`: the event's date when it names a day, else the document's publication date.
CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    document         INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event            TEXT NOT NULL,
    type             TEXT NOT NULL,
    mode             TEXT,
    cameo            TEXT,
    modality         TEXT NOT NULL,
    source_codes     TEXT NOT NULL,
    target_codes     TEXT NOT NULL,
    place_codes      TEXT NOT NULL,
    date             TEXT,
    date_granularity TEXT,
    day              TEXT,
    quantity         REAL,
    quantity_unit    TEXT,
    trigger          TEXT NOT NULL,
    evidence         TEXT NOT NULL,
    evidence_start   INTEGER NOT NULL,
    evidence_end     INTEGER NOT NULL,
    confidence       REAL NOT NULL,
    cluster          INTEGER REFERENCES clusters (id),
    json             TEXT NOT NULL,
    UNIQUE (document, event)
);
CREATE INDEX events_type_day ON events (type, day);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_cluster ON events (cluster);

-- `root` (the code's first three characters), `type` and `day` repeat what clustering
-- looks up, so that finding the clusters an event may join is one bounded index range.
CREATE TABLE event_actors (
    event    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('source', 'target')),
    code     TEXT NOT NULL,
    entity   TEXT,
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    inferred INTEGER NOT NULL,
    root     TEXT NOT NULL,
    type     TEXT NOT NULL,
    day      TEXT
);
CREATE INDEX event_actors_code ON event_actors (code, role, event);
CREATE INDEX event_actors_event ON event_actors (event);
CREATE INDEX event_actors_cluster ON event_actors (root, role, type, day);

CREATE TABLE event_places (
    event INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role  TEXT NOT NULL CHECK (role IN ('origin', 'destination', 'location')),
    code  TEXT,
    name  TEXT NOT NULL,
    text  TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX event_places_code ON event_places (code, event);
CREATE INDEX event_places_event ON event_places (event);

-- Sources an event cites (`wie das „Wall Street Journal“ berichtete`).
CREATE TABLE citations (
    event  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name   TEXT,
    kind   TEXT,
    entity TEXT,
    text   TEXT NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL
);
CREATE INDEX citations_event ON citations (event);
CREATE INDEX citations_name ON citations (name);

CREATE TABLE quotes (
    document       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    speaker_name   TEXT,
    speaker_code   TEXT,
    speaker_entity TEXT
);
CREATE INDEX quotes_document ON quotes (document);
CREATE INDEX quotes_speaker ON quotes (speaker_code);
