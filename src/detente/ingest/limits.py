"""Limits on what one input may cost, and the split of an over-long document at paragraph breaks.

    file_bytes      50 MiB   one file read whole (text, HTML, JSON; a compressed file counts
                             what it decompresses to); larger files are rejected (D114)
    line_bytes      10 MiB   one JSON Lines record; a longer line is rejected on its own (D114)
    document_chars  100,000  longer texts are split at paragraph breaks (else line breaks, else
                             sentence ends) into parts ``ID#1``, ``ID#2``, ... (spaCy needs about
                             1 GB of memory per 100,000 characters it parses at once)
    document_parts  50       more parts than this, or a stretch with no break within
                             document_chars, rejects the document (D119)
    sentences       5,000    per document (part), checked after parsing (D120)
    quotes          5,000    per document (part), checked after coding (D120)
    events          5,000    per document (part), checked after coding (D120)

JSON Lines are read one line at a time, so a feed of any length costs at most ``line_bytes`` of
memory for the line being read; the coder holds at most one batch of documents.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from detente.errors import ConfigError
from detente.ingest import codes
from detente.models import Document, Rejected

_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])\s+"))


@dataclass(frozen=True)
class Limits:
    """What one input may cost; see the module docstring for each limit and what exceeding it does."""

    file_bytes: int = 50 * 2**20
    line_bytes: int = 10 * 2**20
    document_chars: int = 100_000
    document_parts: int = 50
    sentences: int = 5_000
    quotes: int = 5_000
    events: int = 5_000

    @classmethod
    def from_settings(cls, settings: list[str] | tuple[str, ...]) -> Limits:
        """Limits from NAME=VALUE strings ("document_chars=200000"); ConfigError names a bad one."""
        names = {f.name for f in dataclasses.fields(cls)}
        values: dict[str, int] = {}
        for setting in settings:
            name, _, raw = setting.partition("=")
            name = name.strip().replace("-", "_")
            if name not in names:
                raise ConfigError(f"unknown limit {name!r}: choose one of {', '.join(sorted(names))}",
                                  code="D403")
            if not raw.strip().isdigit() or int(raw) < 1:
                raise ConfigError(f"limit {name}: {raw!r} is not a positive whole number", code="D403")
            values[name] = int(raw)
        return cls(**values)


DEFAULT_LIMITS = Limits()


def split_document(document: Document, limits: Limits) -> list[Document] | Rejected:
    """The document itself when short enough, else its parts ``ID#1``, ``ID#2``, ... or a Rejected."""
    text = document.text
    if len(text) <= limits.document_chars:
        return [document]
    pieces = _pieces(text, 0, len(text), limits.document_chars, 0)
    label = document.path or document.doc_id
    if pieces is None:
        return Rejected(label, codes.TOO_LONG, f"id {document.doc_id!r}: {len(text):,} characters with a "
                        f"stretch of more than {limits.document_chars:,} without a paragraph, line or "
                        "sentence break (limit document_chars)")
    parts = _pack(text, pieces, limits.document_chars)
    if len(parts) > limits.document_parts:
        return Rejected(label, codes.TOO_LONG, f"id {document.doc_id!r}: {len(text):,} characters would make "
                        f"{len(parts)} parts of at most {limits.document_chars:,} (limit document_parts "
                        f"{limits.document_parts})")
    return [dataclasses.replace(document, doc_id=f"{document.doc_id}#{number}", text=text[start:end])
            for number, (start, end) in enumerate(parts, start=1)]


def _pieces(text: str, start: int, end: int, limit: int, level: int) -> list[tuple[int, int]] | None:
    """(start, end) spans of ``text[start:end]`` cut at the coarsest breaks that bring each span
    within ``limit``; None when some stretch has no break at all."""
    if end - start <= limit:
        return [(start, end)]
    if level == len(_BREAKS):
        return None
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BREAKS[level].finditer(text, start, end):
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    pieces: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        found = _pieces(text, span_start, span_end, limit, level + 1)
        if found is None:
            return None
        pieces.extend(found)
    return pieces


def _pack(text: str, pieces: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Join consecutive pieces into parts of at most ``limit`` characters, with no part starting or
    ending in the whitespace of a break."""
    parts: list[tuple[int, int]] = []
    for start, end in pieces:
        if parts and end - parts[-1][0] <= limit:
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((start, end))
    return [_trimmed(text, start, end) for start, end in parts]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


__all__ = ["DEFAULT_LIMITS", "Limits", "split_document"]
