"""`detente check` and check_store: a whole database passes; each kind of damage is named."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.dedup import update_clusters
from detente.store import Store
from detente.store.check import check_store
from tests.store.store_records import make_coded, make_quote


@pytest.fixture
def whole(tmp_path: Path) -> Path:
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        store.add(make_coded("a1", quotes=(make_quote("a1", 1),)))
        store.add(make_coded("b2", "Text of b2, another."))
        store.add(make_coded("c3", "Text of b2, another."))  # an alias of b2
        update_clusters(store.connection)
    return path


def damage(path: Path, sql: str) -> None:
    con = duckdb.connect(str(path))
    con.execute(sql)
    con.close()


@pytest.mark.issue(13)
def test_store_check_whole_database(whole: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--db", str(whole)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().startswith(f"{whole}: ok (schema version")
    assert "2 documents, 1 aliases, 4 events, 1 quotes" in result.stdout


def test_store_check_clustered_corpus(corpus_db: duckdb.DuckDBPyConnection) -> None:
    """The dedup corpus as clustering leaves it: counts as check counts them."""
    assert [p for p in check_store(corpus_db) if "cluster" in p.check] == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(("sql", "named"), [
    ("DELETE FROM documents WHERE doc_id = 'a1'", "events without their document: 2"),
    ("DELETE FROM sentences WHERE doc_id = 'a1' AND sentence_index = 1", "events without their sentence: 1"),
    ("UPDATE events SET quote_id = 'nowhere' WHERE sentence_index = 0 AND doc_id = 'a1'",
     "events naming a quote that is not stored: 1"),
    ("UPDATE documents SET text = 'edited' WHERE doc_id = 'b2'", "content_hash is not the sha256"),
    ("UPDATE document_aliases SET doc_id = 'a1'", "aliases of a document that is not stored or has"),
    ("DELETE FROM events WHERE doc_id = 'b2'", "cluster members whose event is not stored: 2"),
    ("UPDATE clusters SET num_mentions = num_mentions + 1", "clusters whose counts do not match"),
    ("DELETE FROM cluster_members", "clusters without members"),
])
def test_store_check_names_damage(whole: Path, sql: str, named: str) -> None:
    damage(whole, sql)
    result = CliRunner().invoke(main, ["check", "--db", str(whole)])
    assert result.exit_code == 1
    assert named in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.issue(13)
def test_store_check_json(whole: Path) -> None:
    damage(whole, "DELETE FROM documents WHERE doc_id = 'a1'")
    result = CliRunner().invoke(main, ["check", "--db", str(whole), "--output-format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert {"check": "events without their document", "count": 2} in [
        {key: p[key] for key in ("check", "count")} for p in report["problems"]]
