-- sitrep store, schema version 2: indexes that no query reads are dropped.
-- Applied by sitrep-store (src/sqlite.rs) inside one transaction, like 0001.
--
-- Every insert updates each index of its table, and no statement of the store, the CLI or
-- the HTTP API reads these four (`crates/sitrep-store/src/{read,read_api,sqlite}.rs`):
-- nothing looks up entities by actor code, quotes by speaker code or citations by name,
-- and `signature_keys_document` served only the cascade from a deleted document, which
-- the store never deletes (near-duplicate lookups go by key, the primary key's first
-- column). Together they cost 1.3 % of the instructions of an ingest of GNAD dev
-- (docs/issues/008-store.md, 2026-12-01, seventeenth sitting). A query that needs one
-- again brings it back in a migration of its own.
DROP INDEX entities_actor;
DROP INDEX quotes_speaker;
DROP INDEX citations_name;
DROP INDEX signature_keys_document;
