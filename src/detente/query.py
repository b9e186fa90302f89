"""Read events and quotes back from a detente store.

Filters are keyword-only and combined with AND; every value reaches DuckDB as a parameter.
``source``, ``target`` and ``speaker`` take a country code ("RUS") or a full actor code ("RUSGOV").
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from detente.errors import ConfigError
from detente.models import ACTOR_KEYS
from detente.store.sql import date_bounds

_EVENT_ORDER = "ORDER BY date NULLS LAST, doc_id, sentence_index, trigger_start, event_id"
_QUOTE_COLUMNS = ("quote_id", "doc_id", *(f"speaker_{key}" for key in ACTOR_KEYS), "text", "start", "end",
                  "kind", "verb")

Clauses = tuple[list[str], list[object]]


def as_date(value: dt.date | str, option: str) -> dt.date:
    """A date given as a date or as YYYY-MM-DD; ConfigError naming ``option`` otherwise."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise ConfigError(f"{option}: {value!r} is not a date (use YYYY-MM-DD)", code="D401") from err


def _cameo_root(value: str | int) -> str:
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 20:
        raise ConfigError(f"cameo_root: {value!r} is not a CAMEO root code (01 to 20)", code="D402")
    return f"{int(text):02d}"


def _actor_clause(column: str, code: str) -> tuple[str, list[object]]:
    code = code.strip().upper()
    return f"({column}_country = ? OR {column}_code = ?)", [code, code]


def _event_clauses(source: str | None, target: str | None, since: dt.date | str | None,
                   until: dt.date | str | None, cameo_root: str | int | None,
                   plover: str | None) -> Clauses:
    clauses: list[str] = []
    params: list[object] = []
    for column, code in (("source", source), ("target", target)):
        if code:
            clause, values = _actor_clause(column, code)
            clauses.append(clause)
            params.extend(values)
    bounds, values = date_bounds("date", as_date(since, "since") if since is not None else None,
                                 as_date(until, "until") if until is not None else None)
    clauses += bounds
    params += values
    if cameo_root is not None:
        clauses.append("cameo_root = ?")
        params.append(_cameo_root(cameo_root))
    if plover:
        clauses.append("plover = ?")
        params.append(plover.strip().upper())
    return clauses, params


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def _limit(limit: int | None, params: list[object]) -> str:
    if limit is None:
        return ""
    if limit < 1:
        raise ConfigError(f"limit: {limit} must be at least 1", code="D403")
    params.append(limit)
    return "LIMIT ?"


def query_events(con: duckdb.DuckDBPyConnection, *, source: str | None = None,
                 target: str | None = None, since: dt.date | str | None = None,
                 until: dt.date | str | None = None, cameo_root: str | int | None = None,
                 plover: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored events matching every filter given, as Event.to_dict() dicts.

    Ordered by date (undated last), document, sentence and trigger position. ``since`` and
    ``until`` are inclusive and leave out undated events.
    """
    clauses, params = _event_clauses(source, target, since, until, cameo_root, plover)
    sql = f"SELECT record FROM events {_where(clauses)} {_EVENT_ORDER} {_limit(limit, params)}"
    return [json.loads(record) for (record,) in con.execute(sql, params).fetchall()]


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
    sql = f"SELECT {columns} FROM quotes {_where(clauses)} ORDER BY doc_id, start, quote_id"
    return [_quote_dict(row) for row in con.execute(sql, params).fetchall()]


__all__ = ["as_date", "query_events", "query_quotes"]
