from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main

CLUSTER_KEYS = [
    "cluster_id",
    "event_ids",
    "doc_ids",
    "num_mentions",
    "num_articles",
    "num_sources",
    "first_seen",
    "last_seen",
    "date",
    "source",
    "target",
    "cameo",
    "plover",
    "location",
]


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_export_cli_clusters_jsonl(corpus_file: Path):
    lines = _run("clusters", "--db", str(corpus_file), "--output-format", "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 18 and all(list(r) == CLUSTER_KEYS for r in records)
    first = records[0]
    assert first["doc_ids"] == ["a32", "a33"] and first["num_mentions"] == 2
    assert first["source"] == {
        "text": "The armies of India",
        "name": "Military of India",
        "country": "IND",
        "sector": "MIL",
        "code": "INDMIL",
    }


def test_export_cli_clusters_table(corpus_file: Path):
    lines = _run("clusters", "--db", str(corpus_file)).splitlines()
    assert lines[0].split() == [
        "cluster_id",
        "date",
        "source",
        "target",
        "cameo",
        "plover",
        "mentions",
        "articles",
        "sources",
    ]
    assert set(lines[1]) == {"-", " "} and len(lines) == 2 + 18
    assert lines[2].split()[1:] == ["2021-02-25", "INDMIL", "PAKMIL", "0871", "RETREAT", "2", "2", "2"]


def test_export_cli_dyad_csv_and_png(corpus_file: Path, tmp_path: Path):
    out = _run("dyad", "RUS", "USA", "--db", str(corpus_file), "--by", "day", "--output-format", "csv")
    header, row = out.splitlines()
    assert header.startswith("period,a_to_b_q1,a_to_b_q2,a_to_b_q3,a_to_b_q4,a_to_b_total,")
    assert row.startswith("2021-03-17,0,0,0,1,1,-4.0,-4.0,-1,")
    png = tmp_path / "dyad.png"
    _run("dyad", "RUS", "USA", "--db", str(corpus_file), "--output-format", "png", "--output", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_export_cli_dyad_json(corpus_file: Path):
    rows = json.loads(_run("dyad", "TUR", "SYR", "--db", str(corpus_file), "--output-format", "json"))
    assert [(r["period"], r["a_to_b_q4"], r["b_to_a_total"]) for r in rows] == [
        ("2021-03-15", 1, 0),
        ("2021-03-22", 1, 0),
    ]


def test_export_cli_actors_and_network(corpus_file: Path):
    actors = _run("actors", "--db", str(corpus_file), "--top", "2").splitlines()
    assert [line.split() for line in actors] == [
        ["actor", "as_source", "as_target", "total"],
        ["------", "---------", "---------", "-----"],
        ["USAGOV", "1", "3", "4"],
        ["CHNGOV", "1", "2", "3"],
    ]
    edges = _run("network", "--db", str(corpus_file), "--since", "2021-03-20", "--until", "2021-03-20")
    assert edges == "source,target,weight,goldstein_sum\nTUR,SYR,1,-10.0\n"


@pytest.mark.parametrize(("fmt", "rows"), [("gdelt", 17), ("plover", 18), ("csv", 19)])
def test_export_cli_export_to_stdout(corpus_file: Path, fmt: str, rows: int):
    out = _run("export", "--db", str(corpus_file), "--format", fmt)
    assert len(out.splitlines()) == rows
    if fmt == "gdelt":
        assert all(len(line.split("\t")) == 61 for line in out.splitlines())


def test_export_cli_parquet_needs_output(corpus_file: Path, tmp_path: Path):
    result = CliRunner().invoke(main, ["export", "--db", str(corpus_file), "--format", "parquet"])
    assert result.exit_code == 2 and "needs --output FOLDER" in result.output
    _run("export", "--db", str(corpus_file), "--format", "parquet", "--output", str(tmp_path / "pq"))
    assert (tmp_path / "pq" / "year_month=2021-03").is_dir()


def test_export_cli_missing_database(tmp_path: Path):
    result = CliRunner().invoke(main, ["clusters", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 1
    assert (
        result.output == f"Error: [D306] database {tmp_path / 'nope.duckdb'} does not exist "
        "(create it with `detente ingest`)\n"
    )
