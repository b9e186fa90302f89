"""The DuckDB tables of a detente store, their version, and the migrations between versions.

``SCHEMA_VERSION`` is stored in the ``schema_version`` table. A writer (``prepare_schema``) creates
a new database, or brings an older one up to date through ``MIGRATIONS`` in one transaction; a
reader (``check_schema``) refuses any other version with a message saying what to do, rather than
read it wrongly. A database newer than this detente is never touched.

To change a table: edit its DDL below, bump ``SCHEMA_VERSION`` and add ``MIGRATIONS[old]``, a
function that turns a database of version ``old`` into one of ``old + 1``. ``rebuild_table``
re-creates a table from the current DDL keeping its rows by column name (new columns NULL), which
covers added, reordered and dropped columns; new tables need nothing, since every missing table is
created after the migrations run. Modules that keep their own tables (``detente.dedup``) may
register steps here the same way.

History: 1 -> 2 added ``events.status``, ``events.source_country_source``,
``events.target_country_source`` and ``quotes.speaker_country_source`` (NULL for events coded
before: their status and country source were never decided); 2 -> 3 added ``document_aliases``
(the same text stored under another id: a second report of a stored document).
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from detente.errors import StoreError

SCHEMA_VERSION = 3

# The rows of one document, deleted and written together.
TABLES = ("documents", "sentences", "actors", "events", "quotes")
ALIASES = "document_aliases"

TABLE_DDL: dict[str, str] = {
    "schema_version": "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
    "documents": """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, title VARCHAR, date DATE,
        source VARCHAR, url VARCHAR, language VARCHAR, path VARCHAR, text VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL)""",
    "sentences": """CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR NOT NULL, sentence_index INTEGER NOT NULL, text VARCHAR NOT NULL,
        start INTEGER, "end" INTEGER)""",
    "actors": """CREATE TABLE IF NOT EXISTS actors (
        doc_id VARCHAR NOT NULL, text VARCHAR NOT NULL, name VARCHAR, country VARCHAR,
        sector VARCHAR, code VARCHAR, start INTEGER, "end" INTEGER)""",
    "events": """CREATE TABLE IF NOT EXISTS events (
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
    "quotes": """CREATE TABLE IF NOT EXISTS quotes (
        quote_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, speaker_text VARCHAR,
        speaker_name VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR, speaker_code VARCHAR,
        speaker_country_source VARCHAR,
        text VARCHAR NOT NULL, start INTEGER, "end" INTEGER, kind VARCHAR, verb VARCHAR)""",
    ALIASES: f"""CREATE TABLE IF NOT EXISTS {ALIASES} (
        alias_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
        title VARCHAR, date DATE, source VARCHAR, url VARCHAR, language VARCHAR, path VARCHAR,
        ingested_at TIMESTAMP NOT NULL)""",
}

INDEX_DDL: dict[str, tuple[str, ...]] = {
    "documents": ("CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash)",),
    "sentences": ("CREATE INDEX IF NOT EXISTS sentences_doc ON sentences (doc_id)",),
    "actors": ("CREATE INDEX IF NOT EXISTS actors_doc ON actors (doc_id)",),
    "events": ("CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",),
    "quotes": ("CREATE INDEX IF NOT EXISTS quotes_doc ON quotes (doc_id)",),
    ALIASES: (f"CREATE INDEX IF NOT EXISTS aliases_doc ON {ALIASES} (doc_id)",),
}


def rebuild_table(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Re-create ``table`` from its current DDL, keeping its rows by column name."""
    for (index,) in con.execute("SELECT index_name FROM duckdb_indexes() WHERE table_name = ?",
                                [table]).fetchall():
        con.execute(f'DROP INDEX "{index}"')  # DuckDB renames no table that an index depends on
    old = f"{table}__v_old"
    con.execute(f"ALTER TABLE {table} RENAME TO {old}")
    con.execute(TABLE_DDL[table])
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {old}")
    con.execute(f"DROP TABLE {old}")
    for statement in INDEX_DDL.get(table, ()):
        con.execute(statement)


def _status_and_country_sources(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("events", "quotes"):
        rebuild_table(con, table)


Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: dict[int, Migration] = {
    1: _status_and_country_sources,
    2: lambda con: None,  # document_aliases: created with the other missing tables
}


def stored_schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The version recorded in the database, or None when it has no detente tables."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if found == (0,):
        return None
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _too_new(path: str, version: int) -> StoreError:
    return StoreError(f"{path}: database schema version {version} was written by a newer detente (this "
                      f"one reads version {SCHEMA_VERSION}); upgrade detente", code="D305")


def prepare_schema(con: duckdb.DuckDBPyConnection, path: str) -> int | None:
    """Create a new database, or migrate an older one, in one transaction; returns the version found."""
    version = stored_schema_version(con)
    if version is not None and version > SCHEMA_VERSION:
        raise _too_new(path, version)
    if version == SCHEMA_VERSION:
        return version
    con.begin()
    try:
        for step in range(version or SCHEMA_VERSION, SCHEMA_VERSION):
            MIGRATIONS[step](con)
        _create_missing(con)
        con.execute("DELETE FROM schema_version")
        con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return version


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables of a new database (or bring an older one up to date)."""
    prepare_schema(con, "database")


def _create_missing(con: duckdb.DuckDBPyConnection) -> None:
    for table, statement in TABLE_DDL.items():
        con.execute(statement)
        for index in INDEX_DDL.get(table, ()):
            con.execute(index)


def check_schema(con: duckdb.DuckDBPyConnection, path: str, *, required: bool) -> None:
    """Raise StoreError when the database is not of this detente's schema version (for reading).

    ``required`` makes a database without detente tables an error.
    """
    version = stored_schema_version(con)
    if version is None:
        if required:
            raise StoreError(f"{path}: not a detente database (no schema_version table)", code="D305")
        return
    if version > SCHEMA_VERSION:
        raise _too_new(path, version)
    if version < SCHEMA_VERSION:
        raise StoreError(f"{path}: database schema version {version}, this detente reads version "
                         f"{SCHEMA_VERSION}; upgrade it in place with `detente check --db {path} --upgrade` "
                         "(or any `detente ingest` into it)", code="D305")


__all__ = [
    "ALIASES", "INDEX_DDL", "MIGRATIONS", "SCHEMA_VERSION", "TABLES", "TABLE_DDL", "check_schema",
    "create_schema", "prepare_schema", "rebuild_table", "stored_schema_version",
]
