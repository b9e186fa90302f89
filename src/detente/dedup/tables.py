"""The tables de-duplication keeps beside the store's own, and the transaction every step runs in.

Event clusters:
    cluster_members(event_id PK, cluster_id)         which real-world event each report belongs to
    clusters(cluster_id PK, ...)                     one row per event, its counts and representative
Story clusters:
    story_members(doc_id PK, story_id, ...)          which story each document belongs to, with the
                                                     features it was compared on (its TF-IDF vector,
                                                     blocking keys, places, ages and the dyads of its
                                                     events) and its score
    stories(story_id PK, ...)                        one row per story, its counts and title
    story_terms(feature PK, df)                      document frequencies of the hashed features
Aliases (the store's ``document_aliases``: the same text under another id, a second report):
    alias_members(alias_id PK, doc_id, ...)          the aliases the counts of stories and clusters
                                                     last included, to notice when they change

All are created here (``CREATE ... IF NOT EXISTS``: a store written before them gains them on
first use) and only ever changed inside ``transaction``: a run killed at any moment leaves either
the clusters before a step or those after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import pyarrow as pa

from detente.errors import StoreError

DEDUP_DDL = """
CREATE TABLE IF NOT EXISTS cluster_members (event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id VARCHAR PRIMARY KEY, founder_event_id VARCHAR, representative_event_id VARCHAR,
    date DATE, negated BOOLEAN, num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,
    first_seen TIMESTAMP, last_seen TIMESTAMP, first_added TIMESTAMP,
    source_country VARCHAR, source_sector VARCHAR, source_code VARCHAR,
    target_country VARCHAR, target_sector VARCHAR, target_code VARCHAR,
    cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, quad_class INTEGER, goldstein DOUBLE
);
CREATE TABLE IF NOT EXISTS story_members (
    doc_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, day DATE NOT NULL,
    features INTEGER[] NOT NULL, weights DOUBLE[] NOT NULL, keys INTEGER[] NOT NULL,
    places STRUCT(geonames_id INTEGER, precision VARCHAR, country VARCHAR, admin1 VARCHAR)[] NOT NULL,
    ages INTEGER[] NOT NULL, score DOUBLE, dyads VARCHAR[], meaning FLOAT[]
);
CREATE TABLE IF NOT EXISTS stories (
    story_id VARCHAR PRIMARY KEY, founder_doc_id VARCHAR NOT NULL, title VARCHAR,
    first_date DATE, last_date DATE, num_documents INTEGER, num_sources INTEGER,
    first_added TIMESTAMP, last_added TIMESTAMP
);
CREATE TABLE IF NOT EXISTS story_terms (feature INTEGER PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS alias_members (
    alias_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, date DATE, source VARCHAR, url VARCHAR,
    title VARCHAR, ingested_at TIMESTAMP
);
"""

# Columns added after the tables were first released: a store written before gains them on first use
# (its earlier members have none of the new evidence, which only weakens their matches).
ADDED_COLUMNS = (("story_members", "dyads", "VARCHAR[]"), ("story_members", "meaning", "FLOAT[]"))
DEDUP_TABLES = ("cluster_members", "clusters", "story_members", "stories", "story_terms", "alias_members")


def outlet_sql(doc: str = "d", fallback: str = "d.doc_id") -> str:
    """SQL for a document's outlet: its source, else its URL host (without "www."), else ``fallback``
    (its id)."""
    return f"""coalesce(nullif(trim({doc}.source), ''),
    nullif(regexp_replace(lower(regexp_extract({doc}.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)', 1)),
                          '^www\\.', ''), ''),
    {fallback})"""


def cluster_counts_sql() -> str:
    """SQL giving every cluster's counts as ``refresh_clusters`` makes them: (cluster_id, mentions,
    articles, sources) over its reports and their documents' aliases."""
    return f"""
    WITH reports AS (
        SELECT m.cluster_id, e.doc_id AS doc, {outlet_sql("d", "e.doc_id")} AS outlet
        FROM cluster_members m JOIN events e ON e.event_id = m.event_id
        LEFT JOIN documents d ON d.doc_id = e.doc_id
        UNION ALL
        SELECT m.cluster_id, a.alias_id, {outlet_sql("a", "a.alias_id")}
        FROM cluster_members m JOIN events e ON e.event_id = m.event_id
        JOIN document_aliases a ON a.doc_id = e.doc_id)
    SELECT cluster_id, count(*) AS mentions, count(DISTINCT doc) AS articles,
           count(DISTINCT outlet) AS sources
    FROM reports GROUP BY cluster_id"""


def story_counts_sql() -> str:
    """SQL giving every story's counts as ``refresh_stories`` makes them: (story_id, documents,
    sources) over its documents and their aliases."""
    return f"""
    WITH reports AS (
        SELECT m.story_id, m.doc_id AS doc, {outlet_sql()} AS outlet
        FROM story_members m JOIN documents d ON d.doc_id = m.doc_id
        UNION ALL
        SELECT m.story_id, a.alias_id, {outlet_sql("a", "a.alias_id")}
        FROM story_members m JOIN document_aliases a ON a.doc_id = m.doc_id)
    SELECT story_id, count(*) AS documents, count(DISTINCT outlet) AS sources
    FROM reports GROUP BY story_id"""


def ensure_cluster_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the de-duplication tables when missing; runs nothing when they exist, so that readers
    on a read-only connection may call it (a read-only database without them is a StoreError)."""
    found = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    columns = set(con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall())
    if found >= set(DEDUP_TABLES) and all((table, name) in columns for table, name, _ in ADDED_COLUMNS):
        return
    try:
        con.execute(DEDUP_DDL)
        for table, column, kind in ADDED_COLUMNS:
            con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
    except duckdb.InvalidInputException as err:  # opened read-only
        raise StoreError("the database has no event or story clusters yet (its first ingest was stopped "
                         "before clustering, or it was written by a detente without stories); run "
                         "`detente ingest` into it again to build them", code="D308") from err


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[object, ...]]) -> None:
    """Insert rows (in the table's column order) in one statement through Arrow: executemany costs
    DuckDB about a millisecond per row."""
    if not rows:
        return
    columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
    values = pa.table({name: pa.array(list(column)) for name, column in zip(columns, zip(*rows, strict=True),
                                                                           strict=True)})
    con.register("_dedup_rows", values)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _dedup_rows")
    finally:
        con.unregister("_dedup_rows")


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block in one transaction: committed when it ends, rolled back when it raises."""
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


__all__ = [
    "DEDUP_DDL",
    "DEDUP_TABLES",
    "cluster_counts_sql",
    "ensure_cluster_tables",
    "insert_rows",
    "outlet_sql",
    "story_counts_sql",
    "transaction",
]
