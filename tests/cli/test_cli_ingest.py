"""`detente ingest` through click's CliRunner, with a hand-built coder in place of spaCy: what it
reads, codes, aliases and skips, the summary line, --rejects, and the exit status."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import detente.ingestion
from detente.cli import main
from detente.models import CodedDocument, Document
from detente.store import Store
from tests.store.store_records import make_coded


def fake_code_items(seen: list[Document]) -> Callable[..., Iterator[CodedDocument]]:
    """A stand-in with the pipeline's signature that records the documents it is given."""
    def code_items(documents: Iterable[Document], **_: object) -> Iterator[CodedDocument]:
        for document in documents:
            seen.append(document)
            coded = make_coded(document.doc_id, document.text)
            yield CodedDocument(document=document, sentences=coded.sentences, actors=coded.actors,
                                events=coded.events)
    return code_items


@pytest.fixture
def coded_inputs(monkeypatch: pytest.MonkeyPatch) -> list[Document]:
    seen: list[Document] = []
    monkeypatch.setattr(detente.ingestion, "code_items", fake_code_items(seen))
    return seen


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def write_inputs(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def summary(result: Result) -> str:
    return result.stderr.splitlines()[-1]


GOOD = {"one.txt": "The ministers met in Geneva on Monday.", "two.txt": "The talks ended without a deal."}


def test_cli_ingest_counts(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", {**GOOD, "empty.txt": ""})
    db = str(tmp_path / "x.duckdb")
    result = run("ingest", str(folder), "--db", db, "--date", "2024-03-05")
    assert result.exit_code == 0, result.output
    assert "skipped: [D101]" in result.stderr
    assert summary(result) == (
        "3 documents read: 2 coded (0 of them changed), 0 aliased (same text as a stored document), "
        "0 unchanged, 1 skipped (D101: 1); 4 events and 0 quotes written")
    assert {document.date.isoformat() for document in coded_inputs} == {"2024-03-05"}
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == 4


def test_cli_ingest_stdin(tmp_path: Path, coded_inputs: list[Document]) -> None:
    result = run("ingest", "-", "--db", str(tmp_path / "x.duckdb"), stdin="The envoy visited Kyiv.\n")
    assert result.exit_code == 0, result.output
    assert summary(result).startswith("1 documents read: 1 coded")
    assert [document.doc_id for document in coded_inputs] == ["stdin"]


def test_cli_ingest_twice_codes_nothing_and_still_clusters(tmp_path: Path, coded_inputs: list[Document],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = detente.ingestion.update_clusters

    def update_clusters(con: object) -> int:
        calls.append(con.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[attr-defined]
        return real(con)  # type: ignore[arg-type]

    monkeypatch.setattr(detente.ingestion, "update_clusters", update_clusters)
    folder = write_inputs(tmp_path / "in", GOOD)
    db = str(tmp_path / "x.duckdb")
    run("ingest", str(folder), "--db", db)
    with Store(db, read_only=True) as store:
        before = store.counts()
    result = run("ingest", str(folder), "--db", db)
    assert result.exit_code == 0, result.output
    assert summary(result).startswith("2 documents read: 0 coded (0 of them changed), 0 aliased")
    assert "2 unchanged, 0 skipped; 0 events and 0 quotes written" in summary(result)
    assert len(coded_inputs) == 2  # the second run coded nothing
    assert calls == [4, 4]  # a run that stores nothing still completes the clustering
    with Store(db, read_only=True) as store:
        assert store.counts() == before


@pytest.mark.issue(13)
def test_cli_ingest_same_text_is_an_alias(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", {**GOOD, "three.txt": GOOD["one.txt"]})
    db = str(tmp_path / "x.duckdb")
    result = run("ingest", str(folder), "--db", db)
    assert result.exit_code == 0, result.output
    assert "2 coded (0 of them changed), 1 aliased" in summary(result)
    with Store(db, read_only=True) as store:
        aliases = store.connection.execute("SELECT alias_id, doc_id FROM document_aliases").fetchall()
    assert aliases == [("three", "one")]
    again = run("ingest", str(folder), "--db", db)
    assert "0 aliased (same text as a stored document), 3 unchanged" in summary(again)


@pytest.mark.issue(13)
def test_cli_ingest_changed_text_and_metadata(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", GOOD)
    db = str(tmp_path / "x.duckdb")
    run("ingest", str(folder), "--db", db, "--date", "2024-03-05")
    (folder / "two.txt").write_text("The talks ended with a deal.", encoding="utf-8")
    result = run("ingest", str(folder), "--db", db)  # no --date: the stored dates stay
    assert "1 coded (1 of them changed), 0 aliased (same text as a stored document), 1 unchanged" in (
        summary(result))
    result = run("ingest", str(folder), "--db", db, "--date", "2024-03-09")  # a corrected date
    assert "2 coded (2 of them changed)" in summary(result)
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 2 and store.counts()["events"] == 4
        dates = store.connection.execute("SELECT DISTINCT CAST(date AS VARCHAR) FROM documents").fetchall()
    assert dates == [("2024-03-09",)]


@pytest.mark.issue(13)
def test_cli_ingest_rejects_file(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", GOOD)
    (folder / "feed.jsonl").write_text('{"id": "a", "text": ""}\nnot json\n', encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    result = run("ingest", str(folder), "--db", str(tmp_path / "x.duckdb"), "--rejects", str(rejects))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["input"], r["code"]) for r in records] == [(f"{folder / 'feed.jsonl'}:1", "D101"),
                                                          (f"{folder / 'feed.jsonl'}:2", "D104")]
    assert records[0]["reason"] == "id 'a': empty text: field 'text' is empty"
    assert "2 skipped (D101: 1, D104: 1)" in summary(result)


def test_cli_ingest_all_rejected(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", {"a.txt": "", "b.txt": "   \n"})
    result = run("ingest", str(folder), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 1
    assert "nothing to process: all 2 input(s) were rejected" in result.stderr
    assert "2 skipped (D101: 2)" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "2024-02-30"], "2024-02-30"),
    (["--model", "lg"], "lg"),
    (["--limit", "pages=3"], "unknown limit 'pages'"),
    (["--limit", "events=0"], "'0' is not a positive whole number"),
])
def test_cli_ingest_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    folder = write_inputs(tmp_path / "in", GOOD)
    result = run("ingest", str(folder), "--db", str(tmp_path / "x.duckdb"), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_cli_ingest_missing_path(tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "nothing"), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 1
    assert "nothing: no such file or directory" in result.stderr
    assert "Traceback" not in result.output


def test_cli_ingest_not_a_database(tmp_path: Path, coded_inputs: list[Document]) -> None:
    folder = write_inputs(tmp_path / "in", GOOD)
    db = tmp_path / "notes.txt"
    db.write_text("shopping list\n" * 500, encoding="utf-8")
    result = run("ingest", str(folder), "--db", str(db))
    assert result.exit_code == 1
    assert "[D301]" in result.stderr and "notes.txt is not a DuckDB database" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.model
@pytest.mark.issue(13)
def test_cli_ingest_calendar_ends_and_hostile_folder(tmp_path: Path) -> None:
    """The real coder and clustering over dates at the calendar's ends and the hostile corpus."""
    from tests.ingest.hostile import write_corpus

    folder = tmp_path / "hostile"
    write_corpus(folder)
    texts = ("Russia imposed sanctions on Ukraine yesterday. France will meet Germany next month. "
             "Iran accused Israel last week, and China will visit Japan tomorrow.",
             "Russia sanctioned Ukraine last month. Germany met France in December.")
    with (folder / "calendar.jsonl").open("w", encoding="utf-8") as feed:
        for date in ("0001-01-01", "9999-12-31"):
            for number, text in enumerate(texts):
                record = {"id": f"{date}-{number}", "date": date, "text": f"{text} Filed {date}."}
                feed.write(json.dumps(record) + "\n")
    db = str(tmp_path / "x.duckdb")
    limits = ["--limit", "document_chars=2000", "--limit", "file_bytes=20000", "--limit", "line_bytes=5000"]
    result = run("ingest", str(folder), "--db", db, *limits)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "D121" not in result.output
    with Store(db, read_only=True) as store:
        dated = store.connection.execute("SELECT min(date), max(date) FROM events").fetchone()
    assert [day.year for day in dated] == [1, 9999]
    checked = run("check", "--db", db)
    assert checked.exit_code == 0, checked.output
