"""One reader per input kind: plain text, JSON Lines, JSON and HTML.

Each turns raw content into ``Document`` or ``Rejected`` records; the common checks (empty text,
duplicate ids, default date, language, length) are applied afterwards by ``detente.ingest.reader``.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from detente.ingest import codes
from detente.ingest.decode import decode_bytes, looks_binary, normalise_field, normalise_text
from detente.ingest.files import bounded_lines
from detente.ingest.limits import DEFAULT_LIMITS, Limits
from detente.ingest.records import load_json, parse_date, parse_json_line, record_to_document
from detente.models import Document, Rejected

logger = logging.getLogger(__name__)

Item = Document | Rejected
BINARY_LINES = 1_000  # binary lines with no line of text before them: the whole input is binary


def read_text(data: bytes, *, label: str, doc_id: str) -> Iterator[Item]:
    """A whole file as one document."""
    if not data:
        yield Rejected(label, codes.EMPTY, "empty file")
        return
    text = decode_bytes(data, label)
    if isinstance(text, Rejected):
        yield text
        return
    yield Document(doc_id=doc_id, text=text, path=label)


def read_jsonl(data: bytes, *, label: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """One article object per line; each bad line is rejected on its own."""
    yield from read_jsonl_stream(io.BytesIO(data), label=label, limits=limits)


def read_jsonl_stream(stream: BinaryIO, *, label: str, limits: Limits = DEFAULT_LIMITS,
                      first: bytes | None = None) -> Iterator[Item]:
    """JSON Lines read one line at a time (``first``: a line already taken from the stream).

    Each bad line (binary, invalid UTF-8, bad JSON, longer than ``limits.line_bytes``) is rejected
    on its own and the good ones are read. An input that is binary from its first line on, with no
    line of text in its first ``BINARY_LINES`` lines, is rejected once as a whole.
    """
    lines = bounded_lines(stream, limits.line_bytes, label)
    if first is not None:
        lines = itertools.chain([first.rstrip(b"\r\n")], lines)
    offset = 0
    held: list[Rejected] = []  # binary lines before the first line of text
    text_seen = False
    for number, raw in enumerate(lines, start=1):
        line_label = f"{label}:{number}"
        if raw is None:
            yield Rejected(line_label, codes.TOO_LARGE, f"line longer than {limits.line_bytes:,} bytes "
                           "(limit line_bytes)")
            continue
        if not text_seen and raw.strip() and _is_binary_line(raw):
            held.append(Rejected(line_label, codes.BINARY, "binary data (NUL or control bytes) on this line"))
            if len(held) >= BINARY_LINES:
                break
        else:
            if raw.strip() and not text_seen:
                text_seen = True
                yield from held
            yield from _jsonl_line(raw, offset, line_label)
        offset += len(raw) + 1
    if held and not text_seen:
        yield Rejected(label, codes.BINARY, "binary data (NUL or control bytes), not JSON Lines")


def _is_binary_line(raw: bytes) -> bool:
    return b"\x00" in raw or looks_binary(raw)


def _jsonl_line(raw: bytes, offset: int, label: str) -> Iterator[Item]:
    if _is_binary_line(raw):
        yield Rejected(label, codes.BINARY, "binary data (NUL or control bytes) on this line")
        return
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        yield Rejected(label, codes.BAD_UTF8, f"invalid UTF-8 at byte offset {offset + err.start} "
                       f"(byte {err.start} of the line)")
        return
    line = line.strip().lstrip("\ufeff")
    if not line:
        return
    record = parse_json_line(line, label)
    yield record if isinstance(record, Rejected) else record_to_document(record, label)


def read_json(data: bytes, *, label: str) -> Iterator[Item]:
    """A .json file holding one article object or a list of them."""
    text = decode_bytes(data, label)
    if isinstance(text, Rejected):
        yield text
        return
    if not text.strip():
        yield Rejected(label, codes.EMPTY, "empty file")
        return
    value = load_json(text, label)
    if isinstance(value, Rejected):
        yield value
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
    import trafilatura  # 0.2 s to import: only web pages need it, not the readers that share this package

    decoded = decode_bytes(data, label)
    page: str | bytes = decoded if isinstance(decoded, str) else data  # trafilatura guesses the charset
    # lxml bounds the depth it builds, so pages nested 20,000 deep parse (tests/ingest/hostile.py).
    extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                            include_tables=False, date_extraction_params={
                                                "original_date": True, "extensive_search": True})
    text = getattr(extracted, "text", None) if extracted is not None else None
    text = _paragraphs(text) if isinstance(text, str) else ""
    if not text:
        yield Rejected(label, codes.NO_MAIN_TEXT, "no main text found in the HTML page")
        return
    yield Document(doc_id=doc_id, text=text, title=_meta(extracted, "title"),
                   date=_html_date(_meta(extracted, "date"), label), source=_meta(extracted, "sitename"),
                   url=_meta(extracted, "url"), path=label)


def _paragraphs(text: str) -> str:
    """trafilatura joins blocks with one newline; a blank line keeps them apart as paragraphs."""
    blocks = [block.strip() for block in normalise_text(text).split("\n")]
    return "\n\n".join(block for block in blocks if block)


def _meta(extracted: Any, name: str) -> str | None:
    value = getattr(extracted, name, None)
    return normalise_field(value) if isinstance(value, str) else None


def _html_date(value: str | None, label: str) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        logger.info("%s: ignoring unreadable page date %r", label, value)
        return None


__all__ = ["read_html", "read_json", "read_jsonl", "read_jsonl_stream", "read_text"]
