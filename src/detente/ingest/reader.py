"""``read_documents``: walk the input, pick a reader per kind, apply the common checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from detente.errors import InputError
from detente.ingest import codes, formats, tables
from detente.ingest.decode import decode_bytes
from detente.ingest.language import language_problem
from detente.models import Document, Rejected

logger = logging.getLogger(__name__)

Item = Document | Rejected
STDIN = "-"
DIRECTORY_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})


def read_documents(path: str | Path, *, default_date: dt.date | None = None,
                   stdin: TextIO | None = None,
                   columns: tables.TableColumns | None = None) -> Iterator[Document | Rejected]:
    """Yield one ``Document`` per readable article and one ``Rejected`` per bad one.

    ``path`` is a file, a directory (walked recursively in sorted order) or "-" for standard input
    (``stdin`` or ``sys.stdin``). ``default_date`` is the publication date of documents that have
    none. ``columns`` names the columns of a .csv, .tsv or .parquet file of articles. Raises
    ``InputError`` (at once, not on iteration) only when ``path`` does not exist.
    """
    items = _read_stdin(stdin) if str(path) == STDIN else _read_path(Path(path), columns)
    return check_documents(items, default_date)


def _read_path(path: Path, columns: tables.TableColumns | None) -> Iterator[Item]:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory", code=codes.NOT_FOUND)
    if path.is_dir():
        return _read_directory(path)
    if path.suffix.lower() in tables.TABLE_SUFFIXES:
        return tables.read_table(path, columns or tables.TableColumns())
    return _read_file(path, doc_id=path.stem)


def _read_stdin(stdin: TextIO | None) -> Iterator[Item]:
    stream = stdin if stdin is not None else sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        yield from formats.read_stdin_text(stream.read(), label=STDIN)
        return
    text = decode_bytes(buffer.read(), STDIN)
    if isinstance(text, Rejected):
        yield text
        return
    yield from formats.read_stdin_text(text, label=STDIN)


def _read_directory(root: Path) -> Iterator[Item]:
    files = sorted((p for p in root.rglob("*") if p.is_file()), key=lambda p: p.relative_to(root).as_posix())
    for file in files:
        if file.suffix.lower() not in DIRECTORY_SUFFIXES:
            logger.info("skipping %s: not a .txt, .html, .htm, .json or .jsonl file", file)
            continue
        doc_id = file.relative_to(root).with_suffix("").as_posix()
        yield from _read_file(file, doc_id=doc_id)


def _read_file(path: Path, *, doc_id: str) -> Iterator[Item]:
    label = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Rejected(label, codes.UNREADABLE, f"cannot read file: {err.strerror or err}")
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from formats.read_jsonl(data, label=label)
    elif suffix == ".json":
        yield from formats.read_json(data, label=label)
    elif suffix in HTML_SUFFIXES:
        yield from formats.read_html(data, label=label, doc_id=doc_id)
    else:
        yield from formats.read_text(data, label=label, doc_id=doc_id)


def check_documents(items: Iterable[Item], default_date: dt.date | None = None) -> Iterator[Item]:
    """Empty text, duplicate ids, the default date and the language, for every reader alike
    (and for the Python API's documents)."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Rejected):
            logger.info("%s", item.message())
            yield item
            continue
        result = _check_document(item, seen, default_date)
        if isinstance(result, Rejected):
            logger.info("%s", result.message())
        yield result


def _check_document(document: Document, seen: dict[str, str], default_date: dt.date | None) -> Item:
    label = document.path or document.doc_id
    if not document.text.strip():
        return Rejected(label, codes.EMPTY, "empty text" if document.text else "empty file")
    if document.doc_id in seen:
        return Rejected(label, codes.DUPLICATE_ID,
                        f"duplicate id {document.doc_id!r} (first seen at {seen[document.doc_id]})")
    seen[document.doc_id] = label
    language, reason = language_problem(f"{document.title or ''}\n{document.text}", document.language)
    if reason:
        return Rejected(label, codes.LANGUAGE, reason)
    return dataclasses.replace(document, language=language, date=document.date or default_date)


__all__ = ["check_documents", "read_documents"]
