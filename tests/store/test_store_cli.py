"""`detente events` and `detente ingest` through click's CliRunner.

The ingest tests here replace the spaCy pipeline with a hand-built coder, so they check the
command's reading, counting, storing and exit status; test_store_ingest_model runs the real one.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.store import Store
from tests.store.store_records import make_coded, make_event

CSV_HEADER = (
    "event_id,doc_id,sentence_index,date,date_precision,source_text,source_name,source_country,"
    "source_sector,source_code,source_country_source,target_text,target_name,target_country,"
    "target_sector,target_code,target_country_source,"
    "cameo,cameo_root,cameo_name,plover,plover_mode,goldstein,quad_class,negated,modality,status,confidence,"
    "coder,trigger_text,trigger_start,trigger_end,location_name,location_country,location_admin1,"
    "location_lat,location_lon,location_geonames_id,location_precision,quote_id,sentence,"
    "ontology_version,detente_version"
)


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, list[dict]]:
    """A database file with three events in two documents; returns its path and the events in order."""
    path = str(tmp_path / "events.duckdb")
    first = make_coded("a1")
    second = make_coded("b2", events=(make_event("b2", 0, source="USAGOV", target="RUS", cameo="112",
                                                 plover="ACCUSE", date=None),))
    with Store(path) as store:
        store.add(first)
        store.add(second)
    return path, [event.to_dict() for event in (*first.events, *second.events)]


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_store_cli_events_jsonl(db: tuple[str, list[dict]]) -> None:
    path, events = db
    result = run("events", "--db", path, "--output-format", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout == "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)


def test_store_cli_events_csv(db: tuple[str, list[dict]]) -> None:
    path, events = db
    result = run("events", "--db", path, "--output-format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == CSV_HEADER
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["event_id"], row["source_code"], row["target_code"], row["location_name"])
            for row in rows] == [(e["event_id"], e["source"]["code"], e["target"]["code"],
                                  (e["location"] or {}).get("name", "")) for e in events]


def test_store_cli_events_table(db: tuple[str, list[dict]]) -> None:
    path, _ = db
    result = run("events", "--db", path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["date", "source", "target"]
    assert lines[-1] == "3 event(s)"
    assert lines[2].split()[:4] == ["2024-03-01", "RUSGOV", "UKR", "163"]


@pytest.mark.parametrize(("options", "expected"), [
    (["--source", "RUS"], ["163", "042"]),
    (["--source", "USAGOV", "--target", "RUS"], ["112"]),
    (["--cameo-root", "4"], ["042"]),
    (["--plover", "consult"], ["042"]),
    (["--since", "2024-03-01", "--until", "2024-03-01"], ["163", "042"]),
    (["--limit", "1"], ["163"]),
])
def test_store_cli_events_filters(db: tuple[str, list[dict]], options: list[str],
                                  expected: list[str]) -> None:
    result = run("events", "--db", db[0], "--output-format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["cameo"] for line in result.stdout.splitlines()] == expected


def test_store_cli_events_missing_db(tmp_path: Path) -> None:
    path = tmp_path / "absent.duckdb"
    result = run("events", "--db", str(path))
    assert result.exit_code == 1
    assert "[D306]" in result.stderr and "absent.duckdb does not exist" in result.stderr
    assert "Traceback" not in result.output
    assert not path.exists()


@pytest.mark.parametrize(("options", "named"), [
    (["--since", "2024-02-30"], "2024-02-30"),
    (["--until", "yesterday"], "yesterday"),
    (["--cameo-root", "42"], "42"),
    (["--limit", "0"], "0"),
    (["--output-format", "xml"], "xml"),
])
def test_store_cli_events_usage_errors(db: tuple[str, list[dict]], options: list[str], named: str) -> None:
    result = run("events", "--db", db[0], *options)
    assert result.exit_code == 2
    assert named in result.stderr


@pytest.mark.model
def test_store_ingest_model(tmp_path: Path) -> None:
    text = ("Russia imposed sanctions on Ukraine on Monday.\n\n"
            "The foreign minister of France met the German chancellor in Paris.")
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    result = run("ingest", str(source), "--db", db, "--date", "2024-03-06")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith("1 documents read: 1 coded")
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == 1 and counts["sentences"] == 2
    listed = run("events", "--db", db, "--output-format", "jsonl", "--source", "RUS")
    assert listed.exit_code == 0, listed.output
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    assert events and events[0]["doc_id"] == "article" and events[0]["target"]["country"] == "UKR"
    again = run("ingest", str(source), "--db", db)
    assert "1 unchanged" in again.stderr.splitlines()[-1]
