"""What storing each document of a batch will take, decided against the store before coding.

Identity rules (a document is its text, ``content_hash``, plus its metadata):

- an id stored with the same text and the same title, date, source and url: ``unchanged``;
- an id stored with other text or other metadata: ``recode`` (coded again, its rows replaced, so
  that a corrected date re-dates its events); a field the input leaves out keeps its stored value;
- a new id, or an id whose text changed, with the text of a stored document (or of one earlier in
  the batch): ``alias``, a second report of that document, stored in ``document_aliases``;
- otherwise ``new``.

When a document's own text goes away (its text changed, or it became an alias), its aliases would
lose the text they share; the first of them is ``promote``d to a document holding that text, coded
from the stored text with the alias's own metadata, and the others follow it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Literal

import duckdb

from detente.models import Document
from detente.store.schema import ALIASES

Action = Literal["new", "recode", "alias", "unchanged"]
Metadata = tuple[str | None, dt.date | None, str | None, str | None]


@dataclass(frozen=True)
class Plan:
    """One input document and what storing it takes."""

    document: Document
    action: Action
    target: str | None = None  # for an alias: the stored (or batch) document whose text it shares
    promote: Document | None = None  # an alias of this document that must become a document

    @property
    def needs_coding(self) -> bool:
        return self.action in ("new", "recode")


def metadata(document: Document) -> Metadata:
    return (document.title, document.date, document.source, document.url)


def with_stored_metadata(document: Document, stored: tuple[object, ...]) -> Document:
    """The document with each metadata field it lacks taken from the stored version: re-reading an
    article without ``--date`` keeps the date it was stored with; a new value replaces it."""
    title, date, source, url = stored
    return dataclasses.replace(document, title=document.title or title, date=document.date or date,
                               source=document.source or source, url=document.url or url)


def plan_documents(con: duckdb.DuckDBPyConnection, documents: list[Document]) -> list[Plan]:
    """The plan of each document, in order; later documents see the earlier ones' plans."""
    batch_ids = {document.doc_id for document in documents}
    new_texts: dict[str, str] = {}  # content_hash -> doc_id of a document this batch stores
    plans = []
    for document in documents:
        plan = _plan_one(con, document, new_texts, batch_ids)
        if plan.needs_coding:
            new_texts.setdefault(document.content_hash, document.doc_id)
        plans.append(plan)
    return plans


def _plan_one(con: duckdb.DuckDBPyConnection, document: Document, new_texts: dict[str, str],
              batch_ids: set[str]) -> Plan:
    content_hash = document.content_hash
    stored = stored_version(con, document.doc_id)
    if stored is not None:
        if stored[0] == content_hash:
            document = with_stored_metadata(document, stored[1:])
            same = tuple(stored[1:]) == metadata(document)
            return Plan(document, "unchanged" if same else "recode")
        promote = _promotion(con, document.doc_id, batch_ids)
        other = new_texts.get(content_hash) or text_owner(con, content_hash)
        if other is not None:
            return Plan(document, "alias", target=other, promote=promote)
        return Plan(document, "recode", promote=promote)
    alias = con.execute(f"SELECT a.doc_id, a.content_hash, a.title, a.date, a.source, a.url FROM {ALIASES} a "
                        "JOIN documents d ON d.doc_id = a.doc_id AND d.content_hash = a.content_hash "
                        "WHERE a.alias_id = ?", [document.doc_id]).fetchone()
    if alias is not None and alias[1] == content_hash:
        document = with_stored_metadata(document, alias[2:])
        same = tuple(alias[2:]) == metadata(document)
        return Plan(document, "unchanged" if same else "alias", target=alias[0])
    other = new_texts.get(content_hash) or text_owner(con, content_hash)
    return Plan(document, "new") if other is None else Plan(document, "alias", target=other)


def stored_version(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[object, ...] | None:
    """(content_hash, title, date, source, url) of the stored document ``doc_id``, or None."""
    row = con.execute("SELECT content_hash, title, date, source, url FROM documents WHERE doc_id = ?",
                      [doc_id]).fetchone()
    return None if row is None else tuple(row)


def text_owner(con: duckdb.DuckDBPyConnection, content_hash: str, *,
               besides: str | None = None) -> str | None:
    """The stored document with this text (the first by id), other than ``besides``."""
    row = con.execute("SELECT min(doc_id) FROM documents WHERE content_hash = ? "
                      "AND doc_id IS DISTINCT FROM ?", [content_hash, besides]).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def _promotion(con: duckdb.DuckDBPyConnection, doc_id: str, batch_ids: set[str]) -> Document | None:
    """The first alias of ``doc_id`` that is not in this batch, as a document with the shared text.

    An alias in the batch is stored by its own plan (``detente.ingestion`` plans it again when the
    text it shared is gone)."""
    rows = con.execute(f"SELECT a.alias_id, a.title, a.date, a.source, a.url, a.language, a.path, d.text, "
                       f"a.content_hash FROM {ALIASES} a JOIN documents d ON d.doc_id = a.doc_id "
                       "WHERE a.doc_id = ? ORDER BY a.alias_id", [doc_id]).fetchall()
    for alias_id, title, date, source, url, language, path, text, _content_hash in rows:
        if alias_id not in batch_ids:
            return Document(doc_id=alias_id, text=text, title=title, date=date, source=source, url=url,
                            language=language, path=path)
    return None


__all__ = ["Action", "Plan", "metadata", "plan_documents", "stored_version", "text_owner",
           "with_stored_metadata"]
