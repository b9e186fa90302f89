"""JSON records (one article each) to ``Document``: required fields, types and dates."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from detente.ingest import codes
from detente.ingest.decode import normalise_field, normalise_text
from detente.models import Document, Rejected

REQUIRED_FIELDS = ("id", "text")
OPTIONAL_TEXT_FIELDS = ("title", "source", "url", "language")


def parse_date(value: str) -> dt.date:
    """An ISO 8601 date, or a full datetime whose date is taken. Raises ValueError."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return dt.datetime.fromisoformat(value).date()


def date_problem(value: str) -> str | None:
    """None when ``value`` is a valid date, else a readable reason."""
    try:
        parse_date(value)
    except ValueError as err:
        return f"date {value!r} is not a valid ISO 8601 date ({err})"
    return None


def load_json(text: str, label: str) -> Any:
    """The JSON value in ``text``, or a ``Rejected`` saying why it is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno} column {err.colno}" if "\n" in text.strip() else f"column {err.colno}"
        return Rejected(label, codes.BAD_JSON, f"bad JSON: {err.msg} at {where}")
    except RecursionError:
        return Rejected(label, codes.BAD_JSON, "bad JSON: nested too deeply")
    except ValueError as err:  # e.g. an integer of more digits than Python converts
        return Rejected(label, codes.BAD_JSON, f"bad JSON: {err}")


def parse_json_line(line: str, label: str) -> dict[str, Any] | Rejected:
    """One JSON Lines line to an object, or a ``Rejected`` saying what is wrong."""
    value = load_json(line, label)
    if isinstance(value, Rejected):
        return value
    if not isinstance(value, dict):
        return Rejected(label, codes.WRONG_TYPE,
                        f"wrong type: expected a JSON object, got {_json_type(value)}")
    return value


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _field_problem(record: dict[str, Any]) -> tuple[str, str] | None:
    """(code, detail) for the first missing or mistyped field, or None."""
    for name in REQUIRED_FIELDS:
        if record.get(name) is None:
            return codes.MISSING_FIELD, f"missing required field {name!r}"
    record_id = record["id"]
    if isinstance(record_id, bool) or not isinstance(record_id, str | int):
        got = _json_type(record_id)
        return codes.WRONG_TYPE, f"wrong type: field 'id' must be a string or integer, got {got}"
    for name in ("text", "date", *OPTIONAL_TEXT_FIELDS):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return codes.WRONG_TYPE, f"wrong type: field {name!r} must be a string, got {_json_type(value)}"
    return None


def record_to_document(record: dict[str, Any], label: str) -> Document | Rejected:
    """Validate one article record; the ``Rejected`` names the field and the problem."""
    problem = _field_problem(record)
    if problem:
        return Rejected(label, *problem)
    doc_id = normalise_text(str(record["id"])).strip()
    if not doc_id:
        return Rejected(label, codes.MISSING_FIELD, "field 'id' is empty")
    text = normalise_text(record["text"])
    if not text.strip():
        what = "is empty" if not record["text"] else "holds no text (only spaces or invisible characters)"
        return Rejected(label, codes.EMPTY, f"id {doc_id!r}: empty text: field 'text' {what}")
    date_value = record.get("date")
    if date_value is not None and date_value.strip():
        reason = date_problem(date_value)
        if reason:
            return Rejected(label, codes.BAD_DATE, f"id {doc_id!r}: {reason}")
    return Document(
        doc_id=doc_id,
        text=text,
        title=normalise_field(record.get("title")),
        date=parse_date(date_value) if date_value and date_value.strip() else None,
        source=normalise_field(record.get("source")),
        url=normalise_field(record.get("url")),
        language=normalise_field(record.get("language")),
        path=label,
    )


__all__ = ["date_problem", "load_json", "parse_date", "parse_json_line", "record_to_document"]
