"""Opening a store: files that persist, and clear StoreErrors for files that cannot be used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from detente.errors import StoreError
from detente.query import query_events
from detente.store import SCHEMA_VERSION, Store
from tests.store.store_records import make_coded


def test_store_file_persists(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    coded = make_coded("a1")
    with Store(path) as store:
        store.add(coded)
    with Store(path, read_only=True) as store:
        assert query_events(store.connection) == [event.to_dict() for event in coded.events]
    with Store(path) as store:
        assert store.add(coded) == "unchanged"


def test_store_records_schema_version(tmp_path: Path) -> None:
    with Store(tmp_path / "x.duckdb") as store:
        assert store.connection.execute("SELECT version FROM schema_version").fetchall() == [
            (SCHEMA_VERSION,)]


@pytest.mark.parametrize("content", [b"hello, this is not a database\n" * 200, b"\x00" * 8192])
def test_store_error_not_duckdb(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"\[D301\] .*notes.duckdb is not a DuckDB database"):
        Store(path)


def test_store_error_missing_for_reading(tmp_path: Path) -> None:
    path = tmp_path / "absent.duckdb"
    with pytest.raises(StoreError, match=r"\[D306\] database .*absent.duckdb does not exist"):
        Store(path, read_only=True)
    assert not path.exists()


def test_store_error_directory_missing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"\[D303\] cannot open database .*nowhere"):
        Store(tmp_path / "nowhere" / "x.duckdb")


def test_store_error_other_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE schema_version SET version = 99")
    con.close()
    with pytest.raises(StoreError, match=r"\[D305\] .*schema version 99"):
        Store(path)


def test_store_error_not_a_detente_database(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match=r"\[D305\] .*not a detente database"):
        Store(path, read_only=True)


HOLD_LOCK = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
sys.stdin.read()
"""


def test_store_error_locked(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match=r"\[D302\] .*busy.duckdb is locked by another process"):
            Store(path, lock_timeout=0.3)
    finally:
        holder.communicate("")
