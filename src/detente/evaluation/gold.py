"""Gold-standard sentences: read the two dev gold formats into one record shape.

``plover`` files (PLOVER GSR) carry a PLOVER type and ISO3 source/target lists per event;
``cameo`` files (PETRARCH-2 GSR) carry a CAMEO code and CAMEO actor codes, whose first three
letters are the country ("---" means none). The event *type* compared is the PLOVER type for the
plover scheme and the two-digit CAMEO root for the cameo scheme.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from detente.errors import InputError

Scheme = Literal["plover", "cameo"]
SCHEMES: tuple[Scheme, ...] = ("plover", "cameo")
DEFAULT_DATE = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class GoldEvent:
    """One expected event: its type, and the countries acceptable as source and target."""

    type: str
    code: str | None = None  # CAMEO code (cameo scheme)
    mode: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldSentence:
    gold_id: str
    text: str
    date: dt.date
    events: tuple[GoldEvent, ...]

    @property
    def expects_events(self) -> bool:
        return bool(self.events)


def infer_scheme(record: dict[str, Any]) -> Scheme:
    """plover when events carry a "plover" field, cameo when they carry a "code" or the record has meta."""
    events = record.get("events") or []
    if any("plover" in event for event in events):
        return "plover"
    if any("code" in event for event in events) or "meta" in record:
        return "cameo"
    return "plover"


def country_of_cameo_actor(code: str | None) -> str | None:
    """First three letters of a CAMEO actor code; None for "---" or empty."""
    if not code or code.startswith("---"):
        return None
    return code[:3]


def clean_text(text: str) -> str:
    """Gold texts are sometimes wrapped in braces; strip them and surrounding space."""
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip()
    return text


def parse_date(value: str | None) -> dt.date:
    """YYYYMMDD (or YYYY-MM-DD) from the record; the default date when absent or unreadable."""
    if not value:
        return DEFAULT_DATE
    digits = value.replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        return DEFAULT_DATE
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return DEFAULT_DATE


def _plover_event(event: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        type=str(event["plover"]),
        mode=event.get("mode") or None,
        source=tuple(event.get("source") or ()),
        target=tuple(event.get("target") or ()),
    )


def _cameo_event(event: dict[str, Any]) -> GoldEvent:
    code = str(event["code"])
    source = country_of_cameo_actor(event.get("source"))
    target = country_of_cameo_actor(event.get("target"))
    return GoldEvent(
        type=code[:2], code=code, source=(source,) if source else (), target=(target,) if target else ()
    )


def sentence_from_record(record: dict[str, Any], scheme: Scheme) -> GoldSentence:
    """One gold record as a GoldSentence; KeyError/TypeError on a malformed record."""
    meta = record.get("meta") or {}
    to_event = _plover_event if scheme == "plover" else _cameo_event
    events = tuple(to_event(event) for event in record.get("events") or ())
    if meta.get("expect_no_events"):
        events = ()
    date = parse_date(record.get("date") or meta.get("date"))
    return GoldSentence(
        gold_id=str(record["id"]), text=clean_text(str(record["text"])), date=date, events=events
    )


def read_gold(path: str | Path, *, scheme: Scheme | None = None) -> tuple[Scheme, list[GoldSentence]]:
    """Read a gold JSONL file; the scheme is inferred from the first record when not given."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read gold file ({err.strerror})", code="D101") from err
    records = [_parse_line(path, number, line) for number, line in enumerate(lines, 1) if line.strip()]
    if not records:
        raise InputError(f"{path}: gold file has no records", code="D102")
    chosen = scheme or infer_scheme(records[0][1])
    sentences = [_sentence_at(path, number, record, chosen) for number, record in records]
    return chosen, sentences


def _parse_line(path: Path, number: int, line: str) -> tuple[int, dict[str, Any]]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{number}: not JSON ({err.msg})", code="D102") from err
    if not isinstance(record, dict):
        raise InputError(f"{path}:{number}: a gold record must be a JSON object", code="D102")
    return number, record


def _sentence_at(path: Path, number: int, record: dict[str, Any], scheme: Scheme) -> GoldSentence:
    try:
        return sentence_from_record(record, scheme)
    except (KeyError, TypeError) as err:
        raise InputError(f"{path}:{number}: gold record lacks a {scheme} field ({err})", code="D102") from err


__all__ = [
    "DEFAULT_DATE",
    "SCHEMES",
    "GoldEvent",
    "GoldSentence",
    "Scheme",
    "clean_text",
    "country_of_cameo_actor",
    "infer_scheme",
    "parse_date",
    "read_gold",
    "sentence_from_record",
]
