"""Read events, clusters and quotes back from a detente store.

Event and cluster readings take one :class:`~detente.filters.EventFilter` (keyword-only
``filters``); its defaults keep current, non-negated events only (see :mod:`detente.filters`).
Every value reaches DuckDB as a parameter. Each reading has an ``omitted_*`` companion that says
what the same filter left out, and why.

    filters = EventFilter.of(source="RUS", since="2021-03-01", include="background")
    events = query_events(con, filters=filters)
    left_out = omitted_events(con, filters=filters)   # Omitted({"future": 2, ...})
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from detente.dedup import ensure_cluster_tables
from detente.dedup.records import CLUSTERS_SQL, ClusterRecord, cluster_record
from detente.errors import ConfigError
from detente.filters import (
    CLUSTER_COLUMNS,
    CLUSTER_FROM,
    DEFAULT_FILTER,
    EventFilter,
    Omitted,
    check_actors,
    omitted,
    where_sql,
)
from detente.models import ACTOR_KEYS

_EVENT_ORDER = "ORDER BY date NULLS LAST, doc_id, sentence_index, trigger_start, event_id"
_QUOTE_COLUMNS = ("quote_id", "doc_id", *(f"speaker_{key}" for key in ACTOR_KEYS), "text", "start", "end",
                  "kind", "verb")


def _limit(limit: int | None, params: list[object]) -> str:
    if limit is None:
        return ""
    if limit < 1:
        raise ConfigError(f"limit: {limit} must be at least 1", code="D403")
    params.append(limit)
    return "LIMIT ?"


def query_events(con: duckdb.DuckDBPyConnection, *, filters: EventFilter = DEFAULT_FILTER,
                 limit: int | None = None) -> list[dict[str, Any]]:
    """Stored event reports that ``filters`` keeps, as Event.to_dict() dicts.

    Ordered by date (undated last), document, sentence and trigger position. An unknown actor
    code is a ConfigError listing close matches.
    """
    check_actors(con, filters)
    clauses, params = filters.where()
    sql = f"SELECT record FROM events {where_sql(clauses)} {_EVENT_ORDER} {_limit(limit, params)}"
    return [json.loads(record) for (record,) in con.execute(sql, params).fetchall()]


def omitted_events(con: duckdb.DuckDBPyConnection, *, filters: EventFilter = DEFAULT_FILTER) -> Omitted:
    """The event reports ``filters`` selects (dates, actors, types) but leaves out, by reason."""
    return omitted(con, filters)


def query_clusters(con: duckdb.DuckDBPyConnection, *,
                   filters: EventFilter = DEFAULT_FILTER) -> list[ClusterRecord]:
    """Real-world events (clusters) whose representative report ``filters`` keeps.

    The date bounds apply to the cluster's date. Ordered by date (undated last) and cluster id.
    """
    ensure_cluster_tables(con)
    check_actors(con, filters)
    clauses, params = filters.where(CLUSTER_COLUMNS)
    sql = f"{CLUSTERS_SQL} {where_sql(clauses)} ORDER BY c.date NULLS LAST, c.cluster_id"
    return [cluster_record(row) for row in con.execute(sql, params).fetchall()]


def omitted_clusters(con: duckdb.DuckDBPyConnection, *,
                     filters: EventFilter = DEFAULT_FILTER) -> Omitted:
    """The clusters ``filters`` selects but leaves out, by reason (their representative's)."""
    ensure_cluster_tables(con)
    return omitted(con, filters, from_sql=CLUSTER_FROM, columns=CLUSTER_COLUMNS)


def _quote_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    values = dict(zip(_QUOTE_COLUMNS, row, strict=True))
    speaker = None
    if values["speaker_text"] is not None:
        speaker = {key: values[f"speaker_{key}"] for key in ACTOR_KEYS}
    return {"quote_id": values["quote_id"], "doc_id": values["doc_id"], "speaker": speaker,
            "text": values["text"], "start": values["start"], "end": values["end"],
            "kind": values["kind"], "verb": values["verb"]}


def query_quotes(con: duckdb.DuckDBPyConnection, *, doc_id: str | None = None,
                 speaker: str | None = None) -> list[dict[str, Any]]:
    """Stored quotes as Quote.to_dict() dicts, ordered by document and position.

    ``speaker`` matches a country or actor code, or the speaker's name or text (any case).
    """
    clauses: list[str] = []
    params: list[object] = []
    if doc_id is not None:
        clauses.append("doc_id = ?")
        params.append(doc_id)
    if speaker:
        clauses.append("(speaker_country = ? OR speaker_code = ? OR lower(speaker_name) = ? "
                       "OR lower(speaker_text) = ?)")
        wanted = speaker.strip()
        params.extend([wanted.upper(), wanted.upper(), wanted.lower(), wanted.lower()])
    columns = ", ".join(f'"{column}"' for column in _QUOTE_COLUMNS)
    sql = f"SELECT {columns} FROM quotes {where_sql(clauses)} ORDER BY doc_id, start, quote_id"
    return [_quote_dict(row) for row in con.execute(sql, params).fetchall()]


__all__ = ["omitted_clusters", "omitted_events", "query_clusters", "query_events", "query_quotes"]
