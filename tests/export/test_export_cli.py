from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from detente.cli import main
from detente.export import read_export

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
    "status",
    "modality",
    "confidence",
    "story_ids",
]


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _run(*args: str) -> str:
    result = _invoke(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_cli_clusters_jsonl(corpus_file: Path):
    lines = _run("clusters", "--db", str(corpus_file), "--output-format", "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 17 and all(list(r) == CLUSTER_KEYS for r in records)  # less the denial
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
    result = _invoke("clusters", "--db", str(corpus_file), "--include", "denied")
    lines = result.stdout.splitlines()
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
    assert result.stderr == ""


@pytest.mark.issue(10)
def test_export_cli_reading_commands_say_what_they_left_out(status_file: Path):
    result = _invoke("clusters", "--db", str(status_file), "--min-confidence", "0.5")
    assert len(result.stdout.splitlines()) == 2 + 3
    assert result.stderr == ("6 events left out (1 background, 1 future, 1 hypothetical, 2 denied, "
                             "1 confidence below 0.5); --include and --min-confidence change this\n")
    events = _invoke("events", "--db", str(status_file), "--include", "background", "--include", "future")
    assert events.stdout.splitlines()[-1] == "6 event(s)"
    assert events.stderr.startswith("3 events left out (1 hypothetical, 2 denied)")


def test_export_cli_dyad_csv_and_png(corpus_file: Path, tmp_path: Path):
    out = _run("dyad", "RUS", "USA", "--db", str(corpus_file), "--by", "day", "--output-format", "csv")
    header, row = out.splitlines()
    assert header.startswith("period,a_to_b_q1,a_to_b_q2,a_to_b_q3,a_to_b_q4,a_to_b_total,")
    assert header.endswith(",both_net_cooperation,empty")
    assert row.startswith("2021-03-17,0,0,0,1,1,-4.0,-4.0,-1,") and row.endswith(",False")
    png = tmp_path / "dyad.png"
    _run("dyad", "RUS", "USA", "--db", str(corpus_file), "--output-format", "png", "--output", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.issue(14)
@pytest.mark.parametrize(("fmt", "magic"), [("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_export_cli_dyad_svg_and_pdf(status_file: Path, tmp_path: Path, fmt: str, magic: bytes):
    path = tmp_path / f"dyad.{fmt}"
    _run("dyad", "RUS", "USA", "--db", str(status_file), "--by", "month", "--output-format", fmt,
         "--output", str(path))
    assert path.read_bytes().startswith(magic)
    result = _invoke("dyad", "RUS", "USA", "--db", str(status_file), "--output-format", fmt)
    assert result.exit_code == 2 and f"--output-format {fmt} needs --output FILE.{fmt}" in result.output


def test_export_cli_dyad_json(corpus_file: Path):
    rows = json.loads(_run("dyad", "TUR", "SYR", "--db", str(corpus_file), "--output-format", "json"))
    assert [(r["period"], r["a_to_b_q4"], r["b_to_a_total"]) for r in rows] == [
        ("2021-03-15", 1, 0),
        ("2021-03-22", 1, 0),
    ]


@pytest.mark.issue(14)
@pytest.mark.parametrize("command", [
    ["dyad", "RUS", "USX"], ["events", "--source", "USX"], ["clusters", "--target", "USX"],
    ["counts", "--country", "USX"], ["export", "--country", "USX"], ["actors", "--source", "USX"],
    ["network", "--target", "USX"]])
def test_export_cli_unknown_actor_is_an_error(status_file: Path, command: list[str]):
    result = _invoke(*command, "--db", str(status_file))
    assert result.exit_code == 2
    assert "unknown actor code 'USX'; close matches: USA" in result.output


@pytest.mark.issue(14)
def test_export_cli_counts(status_file: Path):
    out = _run("counts", "--db", str(status_file), "--by", "dyad", "--period", "month",
               "--output-format", "csv", "--source", "RUS", "--target", "USA")
    assert out.splitlines() == [
        "source,target,period,events,q1,q2,q3,q4,goldstein_sum,goldstein_mean,empty",
        "RUS,USA,2021-01-01,1,1,0,0,0,4.0,4.0,False",
        "RUS,USA,2021-02-01,0,0,0,0,0,0.0,,True",
        "RUS,USA,2021-03-01,1,0,0,0,1,-4.0,-4.0,False",
    ]
    table = _run("counts", "--db", str(status_file), "--period", "year", "--include", "all")
    assert table.splitlines()[0].split() == ["country", "period", "events", "q1", "q2", "q3", "q4",
                                             "goldstein_sum", "goldstein_mean", "empty"]
    assert len(table.splitlines()) == 2 + 5  # DEU, FRA, RUS, UKR, USA


def test_export_cli_actors_and_network(corpus_file: Path):
    actors = _run("actors", "--db", str(corpus_file), "--top", "2").splitlines()
    assert [line.split() for line in actors] == [
        ["actor", "as_source", "as_target", "total"],
        ["-------", "----------", "----------", "-----"],
        ["USAGOV", "1", "3", "4"],
        ["CHNGOV", "1", "2", "3"],
    ]
    edges = _run("network", "--db", str(corpus_file), "--since", "2021-03-20", "--until", "2021-03-20")
    assert edges == "source,target,weight,goldstein_sum\nTUR,SYR,1,-10.0\n"


@pytest.mark.issue(14)
def test_export_cli_format_is_a_deprecated_alias(corpus_file: Path):
    new = _invoke("network", "--db", str(corpus_file), "--output-format", "json")
    old = _invoke("network", "--db", str(corpus_file), "--format", "json")
    assert old.exit_code == 0 and old.stdout == new.stdout
    assert old.stderr == "--format is deprecated; use --output-format\n" and new.stderr == ""
    assert "--format" not in _run("network", "--help").replace("--output-format", "")


@pytest.mark.parametrize(("fmt", "rows"), [("gdelt", 18), ("plover", 17), ("csv", 18), ("icews", 18),
                                           ("polecat", 18)])
def test_export_cli_export_to_stdout(corpus_file: Path, fmt: str, rows: int):
    result = _invoke("export", "--db", str(corpus_file), "--output-format", fmt)
    assert len(result.stdout.splitlines()) == rows  # 17 events (a header for all but plover)
    assert result.stderr == "exported 17 events; 1 left out: 1 denied\n"
    if fmt == "gdelt":
        assert all(len(line.split("\t")) == 61 for line in result.stdout.splitlines())


@pytest.mark.issue(14)
def test_export_cli_export_file_with_schema(status_file: Path, tmp_path: Path):
    path = tmp_path / "events.tsv"
    result = _invoke("export", "--db", str(status_file), "--output-format", "gdelt", "--no-header",
                     "--include", "future", "--output", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"exported 5 events to {path}; 4 left out: 1 background, 1 hypothetical, "
                             "2 denied\n")
    assert not path.read_text(encoding="utf-8").startswith("GLOBALEVENTID")
    frame = read_export(path)
    assert len(frame) == 5 and str(frame["EventCode"].dtype) == "str"


def test_export_cli_parquet_needs_output(corpus_file: Path, tmp_path: Path):
    result = _invoke("export", "--db", str(corpus_file), "--output-format", "parquet")
    assert result.exit_code == 2 and "needs --output FOLDER" in result.output
    _run("export", "--db", str(corpus_file), "--output-format", "parquet", "--output", str(tmp_path / "pq"))
    assert (tmp_path / "pq" / "year_month=2021-03").is_dir()
    assert len(read_export(tmp_path / "pq")) == 17


def test_export_cli_bad_filter_is_a_usage_error(corpus_file: Path):
    result = _invoke("export", "--db", str(corpus_file), "--include", "rumours")
    assert result.exit_code == 2 and "include: unknown status 'rumours'" in result.output


def test_export_cli_missing_database(tmp_path: Path):
    result = _invoke("clusters", "--db", str(tmp_path / "nope.duckdb"))
    assert result.exit_code == 1
    assert (
        result.output == f"Error: [D306] database {tmp_path / 'nope.duckdb'} does not exist "
        "(create it with `detente ingest`)\n"
    )
