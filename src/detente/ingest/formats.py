"""One reader per input kind: plain text, JSON Lines, JSON, HTML and standard input.

Each turns raw content into ``Document`` or ``Rejected`` records; the common checks (empty text,
duplicate ids, default date, language) are applied afterwards by ``detente.ingest.reader``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from typing import Any

import trafilatura

from detente.ingest import codes
from detente.ingest.decode import decode_bytes, looks_binary, normalise_text
from detente.ingest.records import parse_date, parse_json_line, record_to_document
from detente.models import Document, Rejected

logger = logging.getLogger(__name__)

Item = Document | Rejected


def read_text(data: bytes, *, label: str, doc_id: str) -> Iterator[Item]:
    """A whole file as one document."""
    text = decode_bytes(data, label)
    if isinstance(text, Rejected):
        yield text
        return
    yield Document(doc_id=doc_id, text=text, path=label)


def read_jsonl(data: bytes, *, label: str) -> Iterator[Item]:
    """One article object per line; each bad line is rejected on its own."""
    if looks_binary(data):
        yield Rejected(label, codes.BINARY, "binary data (NUL or control bytes), not JSON Lines")
        return
    offset = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line_label = f"{label}:{number}"
        yield from _jsonl_line(raw, offset, line_label)
        offset += len(raw) + 1


def _jsonl_line(raw: bytes, offset: int, label: str) -> Iterator[Item]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        yield Rejected(label, codes.BAD_UTF8, f"invalid UTF-8 at byte offset {offset + err.start} "
                       f"(byte {err.start} of the line)")
        return
    line = normalise_text(line).strip()
    if not line:
        return
    record = parse_json_line(line, label)
    yield record if isinstance(record, Rejected) else record_to_document(record, label)


def read_jsonl_text(text: str, *, label: str) -> Iterator[Item]:
    """JSON Lines already decoded (standard input)."""
    for number, line in enumerate(normalise_text(text).split("\n"), start=1):
        if not line.strip():
            continue
        line_label = f"{label}:{number}"
        record = parse_json_line(line, line_label)
        yield record if isinstance(record, Rejected) else record_to_document(record, line_label)


def read_json(data: bytes, *, label: str) -> Iterator[Item]:
    """A .json file holding one article object or a list of them."""
    text = decode_bytes(data, label)
    if isinstance(text, Rejected):
        yield text
        return
    if not text.strip():
        yield Rejected(label, codes.EMPTY, "empty file")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        yield Rejected(label, codes.BAD_JSON, f"bad JSON: {err.msg} at line {err.lineno} column {err.colno}")
        return
    yield from _json_value(value, label)


def _json_value(value: Any, label: str) -> Iterator[Item]:
    if isinstance(value, dict):
        yield record_to_document(value, label)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            item_label = f"{label}[{index}]"
            if isinstance(item, dict):
                yield record_to_document(item, item_label)
            else:
                yield Rejected(item_label, codes.WRONG_TYPE, "wrong type: expected a JSON object")
    else:
        yield Rejected(label, codes.WRONG_TYPE, "wrong type: expected a JSON object or a list of objects")


def read_html(data: bytes, *, label: str, doc_id: str) -> Iterator[Item]:
    """Main text, title, date, site name and URL of one web page (trafilatura)."""
    if looks_binary(data):
        yield Rejected(label, codes.BINARY, "binary data (NUL or control bytes), not an HTML page")
        return
    if not data.strip():
        yield Rejected(label, codes.EMPTY, "empty file")
        return
    decoded = decode_bytes(data, label)
    page: str | bytes = decoded if isinstance(decoded, str) else data  # trafilatura guesses the charset
    extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                            include_tables=False, date_extraction_params={
                                                "original_date": True, "extensive_search": True})
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        yield Rejected(label, codes.NO_MAIN_TEXT, "no main text found in the HTML page")
        return
    yield Document(doc_id=doc_id, text=_paragraphs(text), title=_meta(extracted, "title"),
                   date=_html_date(_meta(extracted, "date"), label), source=_meta(extracted, "sitename"),
                   url=_meta(extracted, "url"), path=label)


def _paragraphs(text: str) -> str:
    """trafilatura joins blocks with one newline; a blank line keeps them apart as paragraphs."""
    blocks = [block.strip() for block in normalise_text(text).split("\n")]
    return "\n\n".join(block for block in blocks if block)


def _meta(extracted: Any, name: str) -> str | None:
    value = getattr(extracted, name, None)
    return value.strip() or None if isinstance(value, str) else None


def _html_date(value: str | None, label: str) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        logger.info("%s: ignoring unreadable page date %r", label, value)
        return None


def read_stdin_text(text: str, *, label: str = "-") -> Iterator[Item]:
    """JSON Lines when every non-blank line is a JSON object, otherwise one plain document."""
    text = normalise_text(text)
    if _is_jsonl(text):
        yield from read_jsonl_text(text, label=label)
    else:
        yield Document(doc_id="stdin", text=text, path=label)


def _is_jsonl(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return False
    for line in lines:
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            return False
        if not isinstance(value, dict):
            return False
    return True


__all__ = ["read_html", "read_json", "read_jsonl", "read_jsonl_text", "read_stdin_text", "read_text"]
