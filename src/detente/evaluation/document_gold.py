"""Document-level gold: whole articles with every event a professional coder would code.

The format and the matching rules are in docs/document_eval.md; `read_articles` reads one article
per line and reports a malformed one as ``file:line: field``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.errors import InputError

PRECISIONS = frozenset({"day", "month", "year"})


@dataclass(frozen=True)
class GoldActor:
    text: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class GoldPlace:
    name: str
    country: str | None


@dataclass(frozen=True)
class GoldDocEvent:
    """One event of an article as a professional coder lists it."""

    event_id: str
    source: GoldActor | None
    target: GoldActor | None
    plover: str
    alt_plover: tuple[str, ...] = ()
    cameo_root: str | None = None
    date: dt.date | None = None
    date_precision: str = "day"
    place: GoldPlace | None = None
    evidence: str = ""
    mutual: bool = False  # no direction: the dyad may match either way round

    @property
    def types(self) -> frozenset[str]:
        return frozenset((self.plover, *self.alt_plover))


@dataclass(frozen=True)
class GoldArticle:
    doc_id: str
    text: str
    date: dt.date | None
    political: bool
    events: tuple[GoldDocEvent, ...]
    title: str | None = None
    topic: str | None = None
    origin: str | None = None


def _actor(value: Any) -> GoldActor | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise TypeError("an actor must be an object or null")
    return GoldActor(text=str(value.get("text") or ""), country=value.get("country") or None,
                     sector=value.get("sector") or None)


def _place(value: Any) -> GoldPlace | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise TypeError("a place must be an object or null")
    return GoldPlace(name=str(value.get("name") or ""), country=value.get("country") or None)


def _date(value: Any) -> dt.date | None:
    """A gold date: YYYY-MM-DD, or YYYY-MM / YYYY for month and year precision."""
    if not value:
        return None
    text = str(value)
    parts = [*text.split("-"), "01", "01"]
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError as err:
        raise ValueError(f"not a date: {text!r}") from err


def _event(record: dict[str, Any], number: int) -> GoldDocEvent:
    precision = record.get("date_precision") or "day"
    if precision not in PRECISIONS:
        raise ValueError(f"date_precision must be one of {sorted(PRECISIONS)}")
    return GoldDocEvent(
        event_id=str(record.get("id") or f"e{number}"),
        source=_actor(record.get("source")),
        target=_actor(record.get("target")),
        plover=str(record["plover"]),
        alt_plover=tuple(str(t) for t in record.get("alt_plover") or ()),
        cameo_root=str(record["cameo_root"]) if record.get("cameo_root") else None,
        date=_date(record.get("date")),
        date_precision=precision,
        place=_place(record.get("place")),
        evidence=str(record.get("evidence") or ""),
        mutual=record.get("mutual") is True,
    )


def article_from_record(record: dict[str, Any]) -> GoldArticle:
    """One gold line as a GoldArticle; KeyError, TypeError or ValueError when malformed."""
    if not isinstance(record.get("political"), bool):
        raise TypeError("'political' must be true or false")
    return GoldArticle(
        doc_id=str(record["doc_id"]),
        text=str(record["text"]),
        date=_date(record.get("date")),
        political=record["political"],
        events=tuple(_event(event, n) for n, event in enumerate(record.get("events") or (), 1)),
        title=record.get("title"),
        topic=record.get("topic"),
        origin=record.get("origin"),
    )


def read_articles(path: str | Path) -> list[GoldArticle]:
    """Read a document gold file (JSON Lines, one article a line)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read document gold file ({err.strerror})", code="D101") from err
    articles = [_article_at(path, number, line) for number, line in enumerate(lines, 1) if line.strip()]
    if not articles:
        raise InputError(f"{path}: document gold file has no articles", code="D102")
    seen: set[str] = set()
    for article in articles:
        if article.doc_id in seen:
            raise InputError(f"{path}: doc_id {article.doc_id!r} appears twice", code="D102")
        seen.add(article.doc_id)
    return articles


def _article_at(path: Path, number: int, line: str) -> GoldArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{number}: not JSON ({err.msg})", code="D102") from err
    if not isinstance(record, dict):
        raise InputError(f"{path}:{number}: an article must be a JSON object", code="D102")
    try:
        return article_from_record(record)
    except KeyError as err:
        raise InputError(f"{path}:{number}: article lacks the field {err}", code="D102") from err
    except (TypeError, ValueError) as err:
        raise InputError(f"{path}:{number}: {err}", code="D102") from err


__all__ = ["GoldActor", "GoldArticle", "GoldDocEvent", "GoldPlace", "article_from_record", "read_articles"]
