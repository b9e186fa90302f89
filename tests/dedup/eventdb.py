"""A hand-built event store for dedup, relations and export tests.

Creates the store's own tables (``detente.store.schema``) in a DuckDB database and fills them from
hand-written rows, so these tests do not depend on the NLP pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb

from detente.models import make_event_id
from detente.store.schema import create_schema

CORPUS = Path(__file__).resolve().parents[1] / "data" / "dedup_corpus"


def create_store(con: duckdb.DuckDBPyConnection) -> None:
    create_schema(con)


def gdelt_quad(cameo: str) -> int:
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def add_document(
    con: duckdb.DuckDBPyConnection,
    doc_id: str,
    *,
    date: str | None = None,
    source: str | None = None,
    url: str | None = None,
    text: str = "",
    title: str | None = None,
    ingested_at: str = "2021-04-02 08:30:00",
) -> None:
    con.execute(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, 'en', NULL, ?, ?)",
        [doc_id, f"hash-{doc_id}", title, date, source, url, text, ingested_at],
    )


def _actor_columns(actor: dict[str, Any] | None) -> list[Any]:
    if actor is None:
        return [None] * 6
    code = None
    if actor.get("country") or actor.get("sector"):
        code = f"{actor.get('country') or '---'}{actor.get('sector') or ''}"
    return [actor.get("text"), actor.get("name"), actor.get("country"), actor.get("sector"), code,
            actor.get("country_source")]


def add_event(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> str:
    """Insert one coding (the codings.jsonl shape); returns its event_id."""
    trigger = row.get("trigger") or {"text": "did", "start": 0, "end": 3}
    cameo = row["cameo"]
    event_id = row.get("event_id") or make_event_id(
        row["doc_id"], row.get("sentence_index", 0), trigger["start"], cameo
    )
    location = row.get("location")
    values = [
        event_id,
        row["doc_id"],
        row.get("sentence_index", 0),
        row.get("sentence", ""),
        *_actor_columns(row.get("source")),
        *_actor_columns(row.get("target")),
        cameo,
        cameo[:2],
        row.get("cameo_name"),
        row.get("plover"),
        row.get("plover_mode"),
        row.get("goldstein"),
        row.get("quad_class", gdelt_quad(cameo)),
        row.get("date"),
        "day",
        bool(row.get("negated", False)),
        "asserted",
        row.get("status", "current"),
        row.get("confidence", 0.8),
        "test",
        trigger["text"],
        trigger["start"],
        trigger["end"],
        "test-ontology",
        "0.1.0",
        json.dumps(location) if location else None,
        None,
        json.dumps(row, default=str),
    ]
    con.execute(f"INSERT INTO events VALUES ({', '.join('?' * len(values))})", values)
    return event_id


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_corpus(
    con: duckdb.DuckDBPyConnection, *, order: list[int] | None = None, part: str = ""
) -> dict[str, str]:
    """Fill the store with the dedup corpus (``part`` "" for the political articles, "local_" for
    the local ones); returns coding key -> event_id. Exact copies of a stored text are left out,
    as the store leaves them out."""
    create_store(con)
    hashes: set[str] = set()
    for article in read_jsonl(CORPUS / f"{part}articles.jsonl"):
        if article["text"] in hashes:
            continue
        hashes.add(article["text"])
        add_document(
            con,
            article["id"],
            date=article["date"],
            source=article.get("source"),
            url=article.get("url"),
            text=article["text"],
            title=article.get("title"),
        )
    stored = {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}
    codings = [row for row in read_jsonl(CORPUS / f"{part}codings.jsonl") if row["doc_id"] in stored]
    if order is not None:
        codings = [codings[i] for i in order]
    return {row["key"]: add_event(con, row) for row in codings}


def expected_clusters(part: str = "") -> dict[str, str]:
    """Coding key -> gold cluster label."""
    data = json.loads((CORPUS / f"{part}expected_clusters.json").read_text(encoding="utf-8"))
    return {key: cluster["label"] for cluster in data["clusters"] for key in cluster["members"]}


def expected_stories() -> dict[str, str]:
    """Local article id -> gold story label."""
    data = json.loads((CORPUS / "expected_stories.json").read_text(encoding="utf-8"))
    return {doc_id: cluster["label"] for cluster in data["clusters"] for doc_id in cluster["members"]}


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def add_alias(con: duckdb.DuckDBPyConnection, alias_id: str, doc_id: str, *, source: str | None = None,
              date: str | None = None) -> None:
    """Store ``alias_id`` as a second report of ``doc_id`` (its text under another id)."""
    con.execute(
        "INSERT INTO document_aliases SELECT ?, doc_id, content_hash, title, coalesce(?::DATE, date), ?, "
        "NULL, language, NULL, TIMESTAMP '2021-04-03 09:00:00' FROM documents WHERE doc_id = ?",
        [alias_id, date, source, doc_id],
    )
