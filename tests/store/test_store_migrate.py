"""Schema versions: a database written by detente with schema version 1 (tests/data/store/v1) is
upgraded in place without losing a row, and `detente check` finds it whole."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.errors import StoreError
from detente.store import SCHEMA_VERSION, Store
from detente.store.check import check_store
from detente.store.schema import TABLE_DDL, stored_schema_version

V1 = Path(__file__).resolve().parents[1] / "data" / "store" / "v1"
V1_COUNTS = {"documents": 3, "sentences": 19, "actors": 78, "events": 15, "quotes": 12, "clusters": 13,
             "cluster_members": 15}


def v1_database(path: Path) -> Path:
    """The version-1 database rebuilt from its dump."""
    con = duckdb.connect(str(path))
    con.execute((V1 / "schema.sql").read_text(encoding="utf-8"))
    con.execute((V1 / "load.sql").read_text(encoding="utf-8").replace("{folder}", V1.as_posix()))
    con.close()
    return path


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in V1_COUNTS}


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]


@pytest.mark.issue(13)
def test_store_v1_fixture_is_version_1(tmp_path: Path) -> None:
    con = duckdb.connect(str(v1_database(tmp_path / "v1.duckdb")))
    assert stored_schema_version(con) == 1
    assert "status" not in columns(con, "events") and counts(con) == V1_COUNTS


@pytest.mark.issue(13)
def test_store_migrates_v1_in_place(tmp_path: Path) -> None:
    path = v1_database(tmp_path / "v1.duckdb")
    before = duckdb.connect(str(path))
    events = before.execute("SELECT event_id, cameo, record FROM events ORDER BY event_id").fetchall()
    before.close()
    with Store(path) as store:
        con = store.connection
        assert stored_schema_version(con) == SCHEMA_VERSION
        assert counts(con) == V1_COUNTS
        after = con.execute("SELECT event_id, cameo, record FROM events ORDER BY event_id").fetchall()
        assert after == events
        for table in ("events", "quotes"):  # columns where the current DDL puts them
            fresh = duckdb.connect(":memory:")
            fresh.execute(TABLE_DDL[table])
            assert columns(con, table) == columns(fresh, table)
        assert con.execute("SELECT count(*) FROM events WHERE status IS NULL").fetchone() == (15,)
        assert check_store(con) == []


@pytest.mark.issue(13)
def test_store_v1_for_reading_says_how_to_upgrade(tmp_path: Path) -> None:
    path = v1_database(tmp_path / "v1.duckdb")
    with pytest.raises(StoreError, match=r"\[D305\] .*version 1.*detente check --db .* --upgrade"):
        Store(path, read_only=True)
    result = CliRunner().invoke(main, ["events", "--db", str(path)])
    assert result.exit_code == 1 and "--upgrade" in result.stderr


@pytest.mark.issue(13)
def test_store_check_upgrade_then_ok(tmp_path: Path) -> None:
    path = str(v1_database(tmp_path / "v1.duckdb"))
    result = CliRunner().invoke(main, ["check", "--db", path, "--upgrade"])
    assert result.exit_code == 0, result.output
    assert f"upgraded from schema version 1 to {SCHEMA_VERSION}" in result.stderr
    assert result.stdout.strip() == (f"{path}: ok (schema version {SCHEMA_VERSION}; 3 documents, 0 aliases, "
                                     "15 events, 12 quotes, 13 clusters)")
