"""The DuckDB store: coded documents, their sentences, actors, events and quotes, and aliases.

    with Store("detente.duckdb") as store:
        store.plan(documents)     # what storing each takes (detente.store.plan)
        store.add(coded)          # "stored", "replaced", "aliased" or "unchanged"
        store.connection          # a duckdb connection for detente.query

Each document is written in one transaction with all its rows (and the promotion of its aliases,
``detente.store.plan``), so a reader or a crash never sees half a document. A document with the
text of a stored one under another id is stored as an alias of it (``document_aliases``).

Concurrency: DuckDB lets one process open a file for writing and no reader at the same time, or
any number of readers. Opening retries while the file is locked, for ``lock_timeout`` seconds, so
that readers wait for a writer's short batch write instead of failing (``detente.ingestion``
holds the file only for those writes).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Literal

import duckdb

from detente.errors import StoreError
from detente.models import CodedDocument, Document
from detente.store.plan import Plan, metadata, plan_documents, stored_version, text_owner
from detente.store.rows import Row, alias_row, table_rows
from detente.store.schema import ALIASES, SCHEMA_VERSION, TABLES, check_schema, prepare_schema

log = logging.getLogger(__name__)

MEMORY = ":memory:"
INSERT_CHUNK = 500  # rows per INSERT statement
READ_LOCK_TIMEOUT = 30.0  # seconds a reader waits for a writer's batch
WRITE_LOCK_TIMEOUT = 120.0  # seconds a writer waits for readers to finish
Outcome = Literal["stored", "replaced", "aliased", "unchanged"]


def _open_problem(path: str, err: duckdb.Error) -> StoreError:
    reason = str(err)
    if "not a valid DuckDB database" in reason:
        return StoreError(f"{path} is not a DuckDB database file", code="D301")
    if _is_lock_error(err):
        return StoreError(f"{path} is locked by another process (is another detente command "
                          "using it?)", code="D302")
    return StoreError(f"cannot open database {path}: {reason}", code="D303")


def _is_lock_error(err: duckdb.Error) -> bool:
    return "Could not set lock" in str(err) or "Conflicting lock" in str(err)


def connect(path: str, *, read_only: bool = False,
            lock_timeout: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, retrying while another process holds its lock (up to ``lock_timeout``
    seconds; default 30 for readers, 120 for writers); every failure is a StoreError naming the file."""
    if read_only and path != MEMORY and not Path(path).is_file():
        raise StoreError(f"database {path} does not exist (create it with `detente ingest`)",
                         code="D306")
    timeout = lock_timeout if lock_timeout is not None else (READ_LOCK_TIMEOUT if read_only
                                                            else WRITE_LOCK_TIMEOUT)
    deadline = time.monotonic() + timeout
    pause = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only and path != MEMORY)
        except duckdb.Error as err:
            if not _is_lock_error(err) or time.monotonic() + pause > deadline:
                raise _open_problem(path, err) from err
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


class Store:
    """A detente database. ``read_only`` opens an existing file for queries only (of the current
    schema version unless ``check`` is off); otherwise it is created or upgraded as needed."""

    def __init__(self, path: str | Path = MEMORY, *, read_only: bool = False,
                 lock_timeout: float | None = None, check: bool = True) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.connection = connect(self.path, read_only=read_only, lock_timeout=lock_timeout)
        try:
            if read_only and check:
                check_schema(self.connection, self.path, required=True)
            elif not read_only:
                found = prepare_schema(self.connection, self.path)
                if found is not None and found != SCHEMA_VERSION:
                    log.info("%s: schema version %d upgraded to %d", self.path, found, SCHEMA_VERSION)
        except duckdb.Error as err:
            self.connection.close()
            raise StoreError(f"cannot prepare database {self.path}: {err}", code="D303") from err
        except BaseException:
            self.connection.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def checkpoint(self) -> None:
        """Write everything in the write-ahead log into the database file itself."""
        self.connection.execute("CHECKPOINT")

    def contains(self, document: Document) -> bool:
        """True when a document with this text is already stored (under any doc_id)."""
        return text_owner(self.connection, document.content_hash) is not None

    def holds(self, document: Document) -> bool:
        """True when this id holds this text: as a document, or as an alias of the document that has it."""
        row = self.connection.execute(
            "SELECT count(*) FROM documents WHERE doc_id = ? AND content_hash = ?",
            [document.doc_id, document.content_hash]).fetchone()
        alias = self.connection.execute(
            f"SELECT count(*) FROM {ALIASES} a JOIN documents d ON d.doc_id = a.doc_id "
            "AND d.content_hash = a.content_hash WHERE a.alias_id = ? AND a.content_hash = ?",
            [document.doc_id, document.content_hash]).fetchone()
        return (row is not None and row[0] > 0) or (alias is not None and alias[0] > 0)

    def plan(self, documents: list[Document]) -> list[Plan]:
        """What storing each document takes, in order (see detente.store.plan)."""
        return plan_documents(self.connection, documents)

    def add(self, coded: CodedDocument, *, promoted: Sequence[CodedDocument] = ()) -> Outcome:
        """Store one coded document (and the aliases it promotes) in a single transaction.

        The same id, text and metadata already stored: "unchanged". The text of another stored
        document under a new id: "aliased". Raises StoreError (having rolled back) when the rows
        cannot be written.
        """
        document = coded.document
        stored = stored_version(self.connection, document.doc_id)
        if stored is not None and stored == (document.content_hash, *metadata(document)):
            return "unchanged"
        if text_owner(self.connection, document.content_hash, besides=document.doc_id) is not None:
            return self.add_alias(document, promoted=promoted)
        if stored is not None:
            log.info("%s: text or metadata changed since it was stored; replacing its rows", document.doc_id)
        self._transaction(document.doc_id, lambda now: self._put_all([*promoted, coded], now))
        return "replaced" if stored is not None else "stored"

    def add_alias(self, document: Document, *, promoted: Sequence[CodedDocument] = ()) -> Outcome:
        """Store ``document`` as a second report of the stored document with its text.

        Its own rows go (it was a document with other text), its own aliases follow ``promoted``.
        Raises StoreError when no stored document has this text.
        """
        owner = text_owner(self.connection, document.content_hash, besides=document.doc_id)
        if owner is None:
            raise StoreError(f"{self.path}: no stored document has the text of {document.doc_id}, so it "
                             "cannot be stored as an alias", code="D307")
        row = self.connection.execute(f"SELECT doc_id, content_hash, title, date, source, url FROM {ALIASES} "
                                      "WHERE alias_id = ?", [document.doc_id]).fetchone()
        if row is not None and row == (owner, document.content_hash, *metadata(document)):
            return "unchanged"
        log.info("%s: same text as stored document %s; stored as a second report of it", document.doc_id,
                 owner)

        def write(now: dt.datetime) -> None:
            self._put_all(promoted, now)
            self._delete(document.doc_id)
            self._insert(ALIASES, [alias_row(document, owner, now)])
            self._follow_texts([document.doc_id, *(p.document.doc_id for p in promoted)])

        self._transaction(document.doc_id, write)
        return "aliased"

    def counts(self) -> dict[str, int]:
        """Number of rows in each table."""
        return {table: self._scalar(f"SELECT count(*) FROM {table}") for table in (*TABLES, ALIASES)}

    def _transaction(self, doc_id: str, write: Callable[[dt.datetime], None]) -> None:
        con = self.connection
        try:
            con.begin()
            write(dt.datetime.now(dt.UTC).replace(tzinfo=None))
            con.commit()
        except duckdb.Error as err:
            con.rollback()
            raise StoreError(f"{self.path}: could not store document {doc_id} (nothing of it was "
                             f"written): {err}", code="D304") from err
        except BaseException:
            con.rollback()
            raise

    def _put_all(self, coded: Sequence[CodedDocument], now: dt.datetime) -> None:
        for item in coded:
            self._delete(item.document.doc_id)
            for table, rows in table_rows(item, now).items():
                self._insert(table, rows)
        self._follow_texts([item.document.doc_id for item in coded])

    def _follow_texts(self, doc_ids: list[str]) -> None:
        """Aliases of these documents whose text is no longer theirs point to its new owner."""
        rows = self.connection.execute(
            f"SELECT a.alias_id, a.content_hash FROM {ALIASES} a "
            "LEFT JOIN documents d ON d.doc_id = a.doc_id WHERE a.doc_id IN (SELECT unnest(?::VARCHAR[])) "
            "AND d.content_hash IS DISTINCT FROM a.content_hash",
            [doc_ids]).fetchall()
        for alias_id, content_hash in rows:
            owner = text_owner(self.connection, content_hash)
            if owner is None:
                log.warning("%s: alias %s lost the text it shared", self.path, alias_id)
                continue
            self.connection.execute(f"UPDATE {ALIASES} SET doc_id = ? WHERE alias_id = ?", [owner, alias_id])

    def _delete(self, doc_id: str) -> None:
        for table in TABLES:
            self.connection.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self.connection.execute(f"DELETE FROM {ALIASES} WHERE alias_id = ?", [doc_id])

    def _insert(self, table: str, rows: list[Row]) -> None:
        # Multi-row INSERTs: executemany costs DuckDB about a millisecond per row.
        for first in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[first:first + INSERT_CHUNK]
            marks = "(" + ", ".join("?" * len(chunk[0])) + ")"
            params = [value for row in chunk for value in row]
            self.connection.execute(f"INSERT INTO {table} VALUES {', '.join([marks] * len(chunk))}", params)

    def _scalar(self, sql: str, params: list[object] | None = None) -> int:
        row = self.connection.execute(sql, params or []).fetchone()
        return int(row[0]) if row else 0


__all__ = ["SCHEMA_VERSION", "Outcome", "Plan", "Store", "connect"]
