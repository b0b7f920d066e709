-- sitrep store, schema version 2, PostgreSQL dialect: as ../0002_drop_unused_indexes.sql
-- (SQLite), the indexes that no query reads are dropped. Applied by sitrep-store
-- (src/postgres.rs) in one transaction under the store's advisory lock, like 0001.
DROP INDEX entities_actor;
DROP INDEX quotes_speaker;
DROP INDEX citations_name;
DROP INDEX signature_keys_document;
