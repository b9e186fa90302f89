from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.dedup import story_id_for, update_clusters
from tests.dedup.eventdb import load_corpus


@pytest.fixture
def local_file(tmp_path: Path) -> Path:
    """The local crime and protest corpus in a DuckDB file, clustered as `detente ingest` leaves it."""
    path = tmp_path / "local.duckdb"
    con = duckdb.connect(str(path))
    load_corpus(con, part="local_")
    update_clusters(con)
    con.close()
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_stories_table(local_file):
    output = _run("stories", "--db", str(local_file), "--since", "2023-10-01")
    assert output == (
        "story_id          first_date  last_date   documents  sources  events  title\n"
        "----------------- ----------- ----------- ---------- -------- ------- "
        "----------------------------------------------------\n"
        f"{story_id_for('b27')}  2023-10-06  2023-10-07  2          2        2       "
        "Protesters block Colfax Avenue after police shooting\n"
        f"{story_id_for('b29')}  2023-10-06  2023-10-06  1          1        0       "
        "Denver council approves transit budget\n"
    )


def test_cli_stories_jsonl(local_file):
    lines = _run("stories", "--db", str(local_file), "--min-documents", "3", "--output-format", "jsonl")
    records = [json.loads(line) for line in lines.splitlines()]
    assert [r["doc_ids"] for r in records] == [
        ["b12", "b13", "b14"],
        ["b01", "b02", "b03"],
        ["b08", "b09", "b10"],
        ["b17", "b19", "b18"],  # by publication date: b18 appeared a day later
    ]
    assert list(records[0]) == ["story_id", "title", "first_date", "last_date", "num_documents",
                                "num_sources", "num_events", "doc_ids", "outlets", "cluster_ids", "alias_ids"]


def test_cli_stories_missing_database(tmp_path):
    result = CliRunner().invoke(main, ["stories", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 1
    assert "[D306]" in result.output
