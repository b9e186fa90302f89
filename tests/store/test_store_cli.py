"""`detente events` and `detente ingest` through click's CliRunner.

The ingest tests here replace the spaCy pipeline with a hand-built coder, so they check the
command's reading, counting, storing and exit status; test_store_ingest_model runs the real one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import detente.cli.store as cli_store
from detente.cli import main
from detente.models import CodedDocument, Document
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


def fake_code_items(seen: list[Document]) -> Callable[..., Iterator[CodedDocument]]:
    """A stand-in with the pipeline's signature that records the documents it is given."""
    def code_items(documents: Iterable[Document], *, model: str = "md",
                   **_: object) -> Iterator[CodedDocument]:
        for document in documents:
            seen.append(document)
            coded = make_coded(document.doc_id, document.text)
            yield CodedDocument(document=document, sentences=coded.sentences, actors=coded.actors,
                                events=coded.events)
    return code_items


@pytest.fixture
def coded_inputs(monkeypatch: pytest.MonkeyPatch) -> list[Document]:
    seen: list[Document] = []
    monkeypatch.setattr(cli_store, "code_items", fake_code_items(seen))
    return seen


def write_inputs(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


GOOD = {"one.txt": "The ministers met in Geneva on Monday.", "two.txt": "The talks ended without a deal."}


def test_store_cli_ingest_counts(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", {**GOOD, "empty.txt": ""})
    db = str(tmp_path / "x.duckdb")
    result = run("ingest", str(folder), "--db", db, "--date", "2024-03-05")
    assert result.exit_code == 0, result.output
    assert "[D101]" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "3 documents read: 2 stored, 0 unchanged (already stored), 1 rejected; 4 events, 0 quotes")
    assert {document.date.isoformat() for document in coded_inputs} == {"2024-03-05"}
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == 4


def test_store_cli_ingest_stdin(tmp_path: Path, coded_inputs: list[Document]) -> None:
    db = str(tmp_path / "x.duckdb")
    result = CliRunner().invoke(main, ["ingest", "-", "--db", db], input="The envoy visited Kyiv.\n")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith("1 documents read: 1 stored")
    assert [document.doc_id for document in coded_inputs] == ["stdin"]


def test_store_cli_ingest_updates_clusters(tmp_path: Path, coded_inputs: list[Document],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.dedup

    calls: list[int] = []

    def update_clusters(con: object) -> int:
        calls.append(con.execute("SELECT count(*) FROM events").fetchone()[0])
        return 0

    monkeypatch.setattr(detente.dedup, "update_clusters", update_clusters)
    folder = write_inputs(tmp_path / "in", GOOD)
    db = str(tmp_path / "x.duckdb")
    run("ingest", str(folder), "--db", db)
    run("ingest", str(folder), "--db", db)
    assert calls == [4]  # once after storing, not again when nothing new was stored


def test_store_cli_ingest_twice(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", GOOD)
    db = str(tmp_path / "x.duckdb")
    run("ingest", str(folder), "--db", db)
    with Store(db, read_only=True) as store:
        before = store.counts()
    result = run("ingest", str(folder), "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == (
        "2 documents read: 0 stored, 2 unchanged (already stored), 0 rejected; 0 events, 0 quotes")
    assert len(coded_inputs) == 2  # the second run coded nothing
    with Store(db, read_only=True) as store:
        assert store.counts() == before


def test_store_cli_ingest_changed_document(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", GOOD)
    db = str(tmp_path / "x.duckdb")
    run("ingest", str(folder), "--db", db)
    (folder / "two.txt").write_text("The talks ended with a deal.", encoding="utf-8")
    result = run("ingest", str(folder), "--db", db)
    assert result.stderr.splitlines()[-1].startswith("2 documents read: 1 stored, 1 unchanged")
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 2
        assert store.counts()["events"] == 4


def test_store_cli_ingest_all_rejected(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", {"a.txt": "", "b.txt": "   \n"})
    result = run("ingest", str(folder), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 1
    assert "2 documents read: 0 stored, 0 unchanged (already stored), 2 rejected" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--date", "2024-02-30"], 2, "2024-02-30"),
    (["--model", "lg"], 2, "lg"),
])
def test_store_cli_ingest_usage_errors(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    folder = write_inputs(tmp_path / "in", GOOD)
    result = run("ingest", str(folder), "--db", str(tmp_path / "x.duckdb"), *args)
    assert result.exit_code == code
    assert message in result.stderr


def test_store_cli_ingest_missing_path(tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "nothing"), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 1
    assert "nothing: no such file or directory" in result.stderr
    assert "Traceback" not in result.output


def test_store_cli_ingest_not_a_database(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", GOOD)
    db = tmp_path / "notes.txt"
    db.write_text("shopping list\n" * 500, encoding="utf-8")
    result = run("ingest", str(folder), "--db", str(db))
    assert result.exit_code == 1
    assert "[D301]" in result.stderr and "notes.txt is not a DuckDB database" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.model
def test_store_ingest_model(tmp_path: Path) -> None:
    text = ("Russia imposed sanctions on Ukraine on Monday.\n\n"
            "The foreign minister of France met the German chancellor in Paris.")
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    result = run("ingest", str(source), "--db", db, "--date", "2024-03-06")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith("1 documents read: 1 stored, 0 unchanged")
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == 1 and counts["sentences"] == 2
    listed = run("events", "--db", db, "--output-format", "jsonl", "--source", "RUS")
    assert listed.exit_code == 0, listed.output
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    assert events and events[0]["doc_id"] == "article" and events[0]["target"]["country"] == "UKR"
    again = run("ingest", str(source), "--db", db)
    assert again.stderr.splitlines()[-1].startswith("1 documents read: 0 stored, 1 unchanged")
