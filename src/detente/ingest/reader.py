"""``read_documents``: walk the input, pick a reader per kind, apply the common checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import os
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from detente.errors import InputError
from detente.ingest import codes, files, formats, tables
from detente.ingest.decode import decode_bytes
from detente.ingest.language import language_problem
from detente.ingest.limits import DEFAULT_LIMITS, Limits, split_document
from detente.ingest.records import parse_json_line
from detente.models import Document, Rejected

logger = logging.getLogger(__name__)

Item = Document | Rejected
STDIN = "-"
KINDS = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})


def read_documents(path: str | Path, *, default_date: dt.date | None = None,
                   stdin: TextIO | None = None, columns: tables.TableColumns | None = None,
                   limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | Rejected]:
    """Yield one ``Document`` per readable article and one ``Rejected`` per bad one.

    ``path`` is a file, a directory (walked recursively in sorted order) or "-" for standard input
    (``stdin`` or ``sys.stdin``). ``default_date`` is the publication date of documents that have
    none. ``columns`` names the columns of a .csv, .tsv or .parquet file of articles. ``limits``
    bound what one input may cost (``detente.ingest.limits``); a document over
    ``limits.document_chars`` comes out as its parts. Raises ``InputError`` (at once, not on
    iteration) only when ``path`` does not exist.
    """
    items = _read_stdin(stdin, limits) if str(path) == STDIN else _read_path(Path(path), columns, limits)
    return _split(check_documents(items, default_date), limits)


def _read_path(path: Path, columns: tables.TableColumns | None, limits: Limits) -> Iterator[Item]:
    if not path.exists() and not path.is_symlink():
        raise InputError(f"{path}: no such file or directory", code=codes.NOT_FOUND)
    if path.is_dir():
        return _read_directory(path, limits)
    if path.suffix.lower() in tables.TABLE_SUFFIXES:
        return tables.read_table(path, columns or tables.TableColumns())
    return _read_file(path, doc_id=files.stem_of(path.name), limits=limits)


def _read_stdin(stdin: TextIO | None, limits: Limits) -> Iterator[Item]:
    """JSON Lines when the first non-blank line is a JSON object, otherwise one plain document."""
    stream = stdin if stdin is not None else sys.stdin
    buffer: BinaryIO = getattr(stream, "buffer", None) or io.BytesIO(
        stream.read(limits.file_bytes + 1).encode("utf-8", "surrogatepass"))
    head = b""
    while not head.strip() and len(head) <= limits.line_bytes:
        line = buffer.readline(limits.line_bytes + 1)
        if not line:
            break
        head += line
    if head.strip() and _is_json_object(head):
        yield from formats.read_jsonl_stream(buffer, label=STDIN, limits=limits, first=head)
        return
    try:
        data = head + files.read_capped(buffer, limits.file_bytes, STDIN, already=len(head))
    except files.InputProblem as problem:
        yield problem.rejected
        return
    text = decode_bytes(data, STDIN)
    yield text if isinstance(text, Rejected) else Document(doc_id="stdin", text=text, path=STDIN)


def _is_json_object(line: bytes) -> bool:
    try:
        text = line.decode("utf-8").strip()
    except UnicodeDecodeError:
        return False
    return text.startswith("{") and isinstance(parse_json_line(text, STDIN), dict)


def _read_directory(root: Path, limits: Limits) -> Iterator[Item]:
    entries = sorted(_walk(root), key=lambda p: p.relative_to(root).as_posix())
    stems = Counter(_stem_id(root, entry) for entry in entries)
    for entry in entries:
        label = str(entry)
        if entry.is_symlink() and not entry.exists():
            yield Rejected(label, codes.DANGLING_LINK, f"symbolic link to {os.readlink(entry)!r}, which "
                           "does not exist")
        elif entry.is_dir():
            yield Rejected(label, codes.UNSUPPORTED, "symbolic link to a directory: not followed")
        elif not _readable_kind(entry.name):
            yield Rejected(label, codes.UNSUPPORTED, "not a .txt, .html, .htm, .json or .jsonl file "
                           "(or one of those compressed as .gz, .bz2, .xz or in a .zip)")
        else:
            stem = _stem_id(root, entry)
            # Two files that differ only in their suffix (b.txt, b.html) keep it in their ids.
            doc_id = stem if stems[stem] == 1 else entry.relative_to(root).as_posix()
            yield from _read_file(entry, doc_id=doc_id, limits=limits)


def _walk(root: Path) -> Iterator[Path]:
    """Every entry under ``root`` that is not a real directory; links to directories are not followed."""
    for folder, dirs, names in os.walk(root, followlinks=False):
        base = Path(folder)
        yield from (base / name for name in names)
        yield from (base / name for name in dirs if (base / name).is_symlink())


def _stem_id(root: Path, entry: Path) -> str:
    relative = entry.relative_to(root)
    return (relative.parent / files.stem_of(relative.name)).as_posix()


def _readable_kind(name: str) -> bool:
    """A kind detente reads; a compressed file with no kind suffix (``notes.gz``) holds plain text."""
    suffix = Path(name).suffix.lower()
    kind = files.kind_suffix(name)
    return suffix == files.ARCHIVE or kind in KINDS or (suffix in files.COMPRESSED and kind == "")


def _read_file(path: Path, *, doc_id: str, limits: Limits) -> Iterator[Item]:
    label = str(path)
    try:
        with files.open_regular(path, label) as raw:
            if path.suffix.lower() == files.ARCHIVE:
                yield from _read_archive(raw, label=label, doc_id=doc_id, limits=limits)
            else:
                yield from _read_stream(files.decompressed(raw, path.name), path.name, label=label,
                                        doc_id=doc_id, limits=limits)
    except files.InputProblem as problem:
        yield problem.rejected


def _read_stream(stream: BinaryIO, name: str, *, label: str, doc_id: str, limits: Limits) -> Iterator[Item]:
    kind = files.kind_suffix(name)
    if kind == ".jsonl":
        yield from formats.read_jsonl_stream(stream, label=label, limits=limits)
        return
    data = files.read_capped(stream, limits.file_bytes, label)
    if kind == ".json":
        yield from formats.read_json(data, label=label)
    elif kind in HTML_SUFFIXES:
        yield from formats.read_html(data, label=label, doc_id=doc_id)
    else:
        yield from formats.read_text(data, label=label, doc_id=doc_id)


def _read_archive(raw: BinaryIO, *, label: str, doc_id: str, limits: Limits) -> Iterator[Item]:
    """Each file of a .zip archive by its own suffix; ids ``ARCHIVE/MEMBER`` (member suffix dropped)."""
    try:
        archive = zipfile.ZipFile(raw)
    except files.BAD_DATA as err:
        yield Rejected(label, codes.BAD_ARCHIVE, f"not a readable zip archive: {err}")
        return
    with archive:
        for info in files.zip_members(archive):
            member_label = f"{label}/{info.filename}"
            if not _readable_kind(info.filename) or info.filename.lower().endswith(files.ARCHIVE):
                yield Rejected(member_label, codes.UNSUPPORTED, "not a .txt, .html, .htm, .json or .jsonl "
                               "file (archives inside archives are not read)")
                continue
            yield from _read_member(archive, info, label=member_label,
                                    doc_id=f"{doc_id}/{_member_stem(info.filename)}", limits=limits)


def _member_stem(name: str) -> str:
    path = Path(name)
    return (path.parent / files.stem_of(path.name)).as_posix()


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, label: str, doc_id: str,
                 limits: Limits) -> Iterator[Item]:
    try:
        with archive.open(info) as member:
            yield from _read_stream(files.decompressed(member, info.filename), info.filename,  # type: ignore[arg-type]
                                    label=label, doc_id=doc_id, limits=limits)
    except files.InputProblem as problem:
        yield problem.rejected
    except (*files.BAD_DATA, RuntimeError, NotImplementedError) as err:  # encrypted, unknown method
        yield Rejected(label, codes.BAD_ARCHIVE, f"cannot read this archive member: {err}")


def check_documents(items: Iterable[Item], default_date: dt.date | None = None) -> Iterator[Item]:
    """Empty text, duplicate ids, the default date and the language, for every reader alike
    (and for the Python API's documents)."""
    seen: dict[str, str] = {}
    for item in items:
        result = item if isinstance(item, Rejected) else _check_document(item, seen, default_date)
        if isinstance(result, Rejected):
            logger.info("%s", result.message())
        yield result


def _split(items: Iterable[Item], limits: Limits) -> Iterator[Item]:
    """Documents over ``limits.document_chars`` as their parts (or rejected)."""
    for item in items:
        parts = [item] if isinstance(item, Rejected) else split_document(item, limits)
        if isinstance(parts, Rejected):
            logger.info("%s", parts.message())
            parts = [parts]
        yield from parts


def _check_document(document: Document, seen: dict[str, str], default_date: dt.date | None) -> Item:
    label = document.path or document.doc_id
    if not document.text.strip():
        return Rejected(label, codes.EMPTY, "empty text (only spaces or invisible characters)")
    if document.doc_id in seen:
        return Rejected(label, codes.DUPLICATE_ID,
                        f"duplicate id {document.doc_id!r} (first seen at {seen[document.doc_id]})")
    seen[document.doc_id] = label
    language, reason = language_problem(f"{document.title or ''}\n{document.text}", document.language)
    if reason:
        return Rejected(label, codes.LANGUAGE, reason)
    return dataclasses.replace(document, language=language, date=document.date or default_date)


__all__ = ["check_documents", "read_documents"]
