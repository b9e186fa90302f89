"""The DuckDB tables of a detente store, and the check that an existing file matches them.

Bump ``SCHEMA_VERSION`` whenever a table changes; a database written by another version is
refused with a clear message rather than read wrongly.
"""

from __future__ import annotations

import duckdb

from detente.errors import StoreError

SCHEMA_VERSION = 2

TABLES = ("documents", "sentences", "actors", "events", "quotes")

_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, title VARCHAR, date DATE,
        source VARCHAR, url VARCHAR, language VARCHAR, path VARCHAR, text VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR NOT NULL, sentence_index INTEGER NOT NULL, text VARCHAR NOT NULL,
        start INTEGER, "end" INTEGER)""",
    """CREATE TABLE IF NOT EXISTS actors (
        doc_id VARCHAR NOT NULL, text VARCHAR NOT NULL, name VARCHAR, country VARCHAR,
        sector VARCHAR, code VARCHAR, start INTEGER, "end" INTEGER)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, sentence_index INTEGER,
        sentence VARCHAR, source_text VARCHAR, source_name VARCHAR, source_country VARCHAR,
        source_sector VARCHAR, source_code VARCHAR, source_country_source VARCHAR, target_text VARCHAR,
        target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_code VARCHAR,
        target_country_source VARCHAR, cameo VARCHAR NOT NULL,
        cameo_root VARCHAR, cameo_name VARCHAR, plover VARCHAR, plover_mode VARCHAR,
        goldstein DOUBLE, quad_class INTEGER, date DATE, date_precision VARCHAR, negated BOOLEAN,
        modality VARCHAR, status VARCHAR, confidence DOUBLE, coder VARCHAR, trigger_text VARCHAR,
        trigger_start INTEGER, trigger_end INTEGER, ontology_version VARCHAR,
        detente_version VARCHAR, location JSON, quote_id VARCHAR, record JSON NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        quote_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, speaker_text VARCHAR,
        speaker_name VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR, speaker_code VARCHAR,
        speaker_country_source VARCHAR,
        text VARCHAR NOT NULL, start INTEGER, "end" INTEGER, kind VARCHAR, verb VARCHAR)""",
    "CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash)",
    "CREATE INDEX IF NOT EXISTS sentences_doc ON sentences (doc_id)",
    "CREATE INDEX IF NOT EXISTS actors_doc ON actors (doc_id)",
    "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
    "CREATE INDEX IF NOT EXISTS quotes_doc ON quotes (doc_id)",
)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and index that is missing, and record the schema version."""
    con.begin()
    try:
        for statement in _DDL:
            con.execute(statement)
        if con.execute("SELECT count(*) FROM schema_version").fetchone() == (0,):
            con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        con.commit()
    except duckdb.Error:
        con.rollback()
        raise


def stored_schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The version recorded in the database, or None when it has no detente tables."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if found == (0,):
        return None
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return None if row is None or row[0] is None else int(row[0])


def check_schema(con: duckdb.DuckDBPyConnection, path: str, *, required: bool) -> None:
    """Raise StoreError when the database was written by another schema version.

    ``required`` makes a database without detente tables an error (for read-only use).
    """
    version = stored_schema_version(con)
    if version is None:
        if required:
            raise StoreError(f"{path}: not a detente database (no schema_version table)", code="D305")
        return
    if version != SCHEMA_VERSION:
        raise StoreError(f"{path}: database schema version {version}, this detente reads version "
                         f"{SCHEMA_VERSION}; ingest into a new database file", code="D305")


__all__ = ["SCHEMA_VERSION", "TABLES", "check_schema", "create_schema", "stored_schema_version"]
