"""The DuckDB store: coded documents, their sentences, actors, events and quotes.

    with Store("detente.duckdb") as store:
        store.add(coded)          # True when written, False when that content is already stored
        store.connection          # a duckdb connection for detente.query

Each document is written in one transaction. A document whose text (``content_hash``) is already
stored is skipped; the same ``doc_id`` with new text replaces that document's rows.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from types import TracebackType

import duckdb

from detente.errors import StoreError
from detente.models import CodedDocument, Document
from detente.store.rows import Row, table_rows
from detente.store.schema import SCHEMA_VERSION, TABLES, check_schema, create_schema

log = logging.getLogger(__name__)

MEMORY = ":memory:"
INSERT_CHUNK = 500  # rows per INSERT statement


def _open_problem(path: str, err: duckdb.Error) -> StoreError:
    reason = str(err)
    if "not a valid DuckDB database" in reason:
        return StoreError(f"{path} is not a DuckDB database file", code="D301")
    if "Could not set lock" in reason:
        return StoreError(f"{path} is locked by another process (is another detente command "
                          "using it?)", code="D302")
    return StoreError(f"cannot open database {path}: {reason}", code="D303")


def connect(path: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, turning every failure into a StoreError that names the file."""
    if read_only and path != MEMORY and not Path(path).is_file():
        raise StoreError(f"database {path} does not exist (create it with `detente ingest`)",
                         code="D306")
    try:
        return duckdb.connect(path, read_only=read_only and path != MEMORY)
    except duckdb.Error as err:
        raise _open_problem(path, err) from err


class Store:
    """A detente database. ``read_only`` opens an existing file for queries only."""

    def __init__(self, path: str | Path = MEMORY, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.connection = connect(self.path, read_only=read_only)
        try:
            check_schema(self.connection, self.path, required=read_only)
            if not read_only:
                create_schema(self.connection)
        except duckdb.Error as err:
            self.connection.close()
            raise StoreError(f"cannot prepare database {self.path}: {err}", code="D303") from err
        except StoreError:
            self.connection.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def contains(self, document: Document) -> bool:
        """True when a document with this text is already stored (under any doc_id)."""
        return self._doc_with_hash(document.content_hash) is not None

    def add(self, coded: CodedDocument) -> bool:
        """Store one coded document in a single transaction; False when its text is already stored.

        Raises StoreError (having rolled back) when the rows cannot be written.
        """
        document = coded.document
        same = self._doc_with_hash(document.content_hash)
        if same is not None:
            if same != document.doc_id:
                log.info("%s: same text as stored document %s; not stored again", document.doc_id, same)
            return False
        replacing = self._has_doc(document.doc_id)
        if replacing:
            log.info("%s: text changed since it was stored; replacing its rows", document.doc_id)
        self._write(coded, replacing=replacing)
        return True

    def counts(self) -> dict[str, int]:
        """Number of rows in each table."""
        return {table: self._scalar(f"SELECT count(*) FROM {table}") for table in TABLES}

    def _write(self, coded: CodedDocument, *, replacing: bool) -> None:
        doc_id = coded.document.doc_id
        rows = table_rows(coded, dt.datetime.now(dt.UTC).replace(tzinfo=None))
        con = self.connection
        try:
            con.begin()
            if replacing:
                self._delete(doc_id)
            for table, table_rows_ in rows.items():
                self._insert(table, table_rows_)
            con.commit()
        except duckdb.Error as err:
            con.rollback()
            raise StoreError(f"{self.path}: could not store document {doc_id} (nothing of it was "
                             f"written): {err}", code="D304") from err
        except BaseException:
            con.rollback()
            raise

    def _delete(self, doc_id: str) -> None:
        for table in TABLES:
            self.connection.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])

    def _insert(self, table: str, rows: list[Row]) -> None:
        # Multi-row INSERTs: executemany costs DuckDB about a millisecond per row.
        for first in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[first:first + INSERT_CHUNK]
            marks = "(" + ", ".join("?" * len(chunk[0])) + ")"
            params = [value for row in chunk for value in row]
            self.connection.execute(f"INSERT INTO {table} VALUES {', '.join([marks] * len(chunk))}", params)

    def _doc_with_hash(self, content_hash: str) -> str | None:
        row = self.connection.execute(
            "SELECT doc_id FROM documents WHERE content_hash = ? ORDER BY doc_id LIMIT 1",
            [content_hash]).fetchone()
        return None if row is None else str(row[0])

    def _has_doc(self, doc_id: str) -> bool:
        return self._scalar("SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]) > 0

    def _scalar(self, sql: str, params: list[object] | None = None) -> int:
        row = self.connection.execute(sql, params or []).fetchone()
        return int(row[0]) if row else 0


__all__ = ["SCHEMA_VERSION", "Store", "connect"]
