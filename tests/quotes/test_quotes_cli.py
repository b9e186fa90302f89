"""`detente quotes`: one JSON record per quote, a table, and clear errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.models import Actor, CodedDocument, Document, Quote
from detente.store import Store

TEXT = "Russian President Vladimir Putin spoke on Monday. \"We will respond,\" he said.\n"


@pytest.mark.model
def test_quotes_cli_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["quotes", str(path), "--date", "2021-03-22"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["text"], r["kind"], r["verb"], r["speaker"]["country"]) for r in records] == [
        ("We will respond", "direct", "said", "RUS")]


@pytest.mark.model
def test_quotes_cli_table(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    args = ["quotes", str(path), "--date", "2021-03-22", "--output-format", "table"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["speaker", "name", "kind", "verb", "quote"]
    assert lines[2].split() == ["RUSGOV", "Vladimir", "Putin", "direct", "said", "We", "will", "respond"]
    assert lines[-1] == "1 quote(s)"


@pytest.mark.parametrize(("args", "message"), [
    (["quotes", "/no/such/file.txt"], "no such file"),
    (["quotes", "-", "--date", "yesterday"], "not a valid date"),
])
def test_quotes_cli_bad_input(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args, input="")
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


# `detente quotes --db FILE`: quotes read back from a store, no spaCy needed.

LAVROV = Actor(text="Lavrov", name="Sergei Lavrov", country="RUS", sector="GOV")
SPOKESMAN = Actor(text="the spokesman", name=None, country="USA", sector="GOV")
ANTONOV = Actor(text="Antonov", name="Anatoly Antonov", country="RUS", sector=None)
STORED = (
    Quote("d1-q1", "d1", LAVROV, "We will respond in kind", 40, 63, "direct", "said"),
    Quote("d1-q2", "d1", SPOKESMAN, "sanctions would follow", 90, 112, "indirect", "warned"),
    Quote("d2-q1", "d2", None, "Nobody wants a war", 5, 23, "partial", None),
    Quote("d2-q2", "d2", ANTONOV, "The door stays open", 60, 79, "direct", "told"),
)


def _coded(doc_id: str) -> CodedDocument:
    document = Document(doc_id=doc_id, text=f"Text of {doc_id}.", date=dt.date(2021, 3, 21))
    return CodedDocument(document=document, quotes=tuple(q for q in STORED if q.doc_id == doc_id))


@pytest.fixture
def quote_db(tmp_path: Path) -> str:
    path = str(tmp_path / "quotes.duckdb")
    with Store(path) as store:
        for doc_id in ("d2", "d1"):
            store.add(_coded(doc_id))
    return path


@pytest.mark.parametrize(("filters", "expected"), [
    ([], ["d1-q1", "d1-q2", "d2-q1", "d2-q2"]),
    (["--speaker", "RUS"], ["d1-q1", "d2-q2"]),
    (["--speaker", "RUSGOV"], ["d1-q1"]),
    (["--speaker", "rusgov"], ["d1-q1"]),
    (["--speaker", "sergei lavrov"], ["d1-q1"]),
    (["--speaker", "The Spokesman"], ["d1-q2"]),
    (["--doc-id", "d2"], ["d2-q1", "d2-q2"]),
    (["--doc-id", "d2", "--speaker", "RUS"], ["d2-q2"]),
    (["--speaker", "CHN"], []),
    (["--doc-id", "nope"], []),
])
def test_quotes_cli_db_jsonl(quote_db: str, filters: list[str], expected: list[str]) -> None:
    result = CliRunner().invoke(main, ["quotes", "--db", quote_db, *filters])
    assert result.exit_code == 0, result.output
    by_id = {q.quote_id: q.to_dict() for q in STORED}
    assert result.output == "".join(json.dumps(by_id[i], ensure_ascii=False) + "\n" for i in expected)


def test_quotes_cli_db_jsonl_record_shape(quote_db: str) -> None:
    result = CliRunner().invoke(main, ["quotes", "--db", quote_db, "--doc-id", "d1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.splitlines()[0]) == {
        "quote_id": "d1-q1", "doc_id": "d1",
        "speaker": {"text": "Lavrov", "name": "Sergei Lavrov", "country": "RUS", "sector": "GOV",
                    "code": "RUSGOV", "country_source": None},
        "text": "We will respond in kind", "start": 40, "end": 63, "kind": "direct", "verb": "said"}


def test_quotes_cli_db_table(quote_db: str) -> None:
    result = CliRunner().invoke(main, ["quotes", "--db", quote_db, "--output-format", "table"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "speaker         name                    kind      verb            quote",
        "--------------- ----------------------- --------- --------------- " + "-" * 70,
        "RUSGOV          Sergei Lavrov           direct    said            We will respond in kind",
        "USAGOV          -                       indirect  warned          sanctions would follow",
        "-               -                       partial   -               Nobody wants a war",
        "RUS             Anatoly Antonov         direct    told            The door stays open",
        "4 quote(s)",
    ]


def test_quotes_cli_db_table_empty(quote_db: str) -> None:
    args = ["quotes", "--db", quote_db, "--speaker", "CHN", "--output-format", "table"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2:] == ["0 quote(s)"]


@pytest.mark.parametrize(("args", "message"), [
    (["quotes"], "give either PATH"),
    (["quotes", "article.txt", "--db", "{db}"], "give either PATH"),
    (["quotes", "article.txt", "--speaker", "RUS"], "--speaker only applies with --db"),
    (["quotes", "-", "--doc-id", "d1", "--speaker", "RUS"], "--speaker, --doc-id only applies with --db"),
    (["quotes", "--db", "{db}", "--date", "2021-03-21"], "--date only applies with PATH"),
])
def test_quotes_cli_db_usage_errors(quote_db: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, [arg.replace("{db}", quote_db) for arg in args], input="")
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.duckdb", None, "does not exist"),
    ("notes.txt", "not a database\n", "not a DuckDB database file"),
])
def test_quotes_cli_db_bad_file(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["quotes", "--db", str(path)])
    assert result.exit_code == 1
    assert message in result.output
    assert str(path) in result.output
    assert "Traceback" not in result.output
