"""Numbered schema migrations, applied in order and recorded in `schema_migrations`."""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "documents, mentions and events",
        """
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            title VARCHAR,
            published DATE,
            url VARCHAR,
            origin VARCHAR,
            text VARCHAR NOT NULL,
            stored_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL,
            sentence INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            name VARCHAR,
            sector VARCHAR,
            kind VARCHAR,
            rule VARCHAR,
            PRIMARY KEY (doc_id, start_char, end_char)
        );
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            sentence INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            trigger VARCHAR NOT NULL,
            evidence VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            source_name VARCHAR,
            source_sector VARCHAR,
            source_kind VARCHAR,
            target VARCHAR,
            target_name VARCHAR,
            target_sector VARCHAR,
            cameo VARCHAR NOT NULL,
            root VARCHAR NOT NULL,
            goldstein DOUBLE,
            quad_class INTEGER,
            plover VARCHAR,
            plover_mode VARCHAR,
            count DOUBLE,
            count_qualifier VARCHAR,
            count_unit VARCHAR,
            date VARCHAR,
            date_precision VARCHAR,
            date_fallback BOOLEAN,
            modality VARCHAR NOT NULL,
            confidence DOUBLE,
            "symmetric" BOOLEAN,
            rule VARCHAR
        );
        CREATE INDEX events_doc ON events (doc_id);
        CREATE INDEX mentions_doc ON mentions (doc_id);
        """,
    ),
    (
        2,
        "mentions say whether they name a place rather than an actor",
        "ALTER TABLE mentions ADD COLUMN place BOOLEAN DEFAULT false;",
    ),
    (
        3,
        "mentions say whether they name a seat of power, and how sure the reading is",
        """
        ALTER TABLE mentions ADD COLUMN seat BOOLEAN DEFAULT false;
        ALTER TABLE mentions ADD COLUMN certainty DOUBLE DEFAULT 1.0;
        ALTER TABLE mentions ADD COLUMN doubt VARCHAR DEFAULT '';
        """,
    ),
    (
        4,
        "merged events: one row per real-world event, linked to the events that report it",
        # No primary keys: a merge deletes and rewrites whole blocks in one transaction, and
        # DuckDB's index checks make that slow and can reject a key deleted and re-inserted
        # in the same transaction. Ids are unique by construction (events/merged.py).
        """
        CREATE TABLE merged_events (
            id VARCHAR NOT NULL,
            block VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            target VARCHAR,
            cameo VARCHAR NOT NULL,
            root VARCHAR NOT NULL,
            plover VARCHAR,
            plover_mode VARCHAR,
            modality VARCHAR NOT NULL,
            "symmetric" BOOLEAN,
            date VARCHAR,
            date_precision VARCHAR,
            date_fallback BOOLEAN,
            count DOUBLE,
            count_qualifier VARCHAR,
            count_low DOUBLE,
            count_high DOUBLE,
            documents INTEGER NOT NULL,
            sources INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            first_seen DATE,
            last_seen DATE
        );
        CREATE TABLE merged_mentions (
            merged_id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            block VARCHAR NOT NULL,
            fingerprint UBIGINT NOT NULL  -- what the merge read; a change means merge again
        );
        -- Who published each document, worked out once when it is stored (events/merged.py
        -- outlet_of); documents stored before this migration get the host of their url here.
        ALTER TABLE documents ADD COLUMN outlet VARCHAR DEFAULT '';
        UPDATE documents SET outlet = coalesce(
            regexp_extract(lower(url), '^[a-z][a-z0-9+.-]*://(www[.])?([^/:?#@]+)', 2), '');
        """,
    ),
)
