"""`detente code`: exact output shapes and bad input, through the real pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.cli.output import CSV_COLUMNS
from detente.models import EVENT_FIELDS

pytestmark = pytest.mark.model

ARTICLE = ("Poland expelled four Russian diplomats on Monday. "
           "The Kremlin condemned the decision and vowed to retaliate.\n")
ACTOR_KEYS = ["text", "name", "country", "sector", "code", "country_source"]


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "poland.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_code_jsonl_fields_are_exact(article: Path) -> None:
    code, out, _ = run("code", str(article), "--date", "2018-03-27")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert events, "the article has events"
    for event in events:
        assert list(event) == list(EVENT_FIELDS)
        assert event["doc_id"] == "poland"
        for role in ("source", "target"):
            assert event[role] is None or list(event[role]) == ACTOR_KEYS
        assert list(event["trigger"]) == ["text", "start", "end"]
        assert ARTICLE[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
    expel = next(e for e in events if e["trigger"]["text"] == "expelled")
    assert expel["source"]["code"] == "POLGOV"
    assert (expel["target"]["country"], expel["date"]) == ("RUS", "2018-03-26")


def test_cli_code_csv_header_is_exact(article: Path) -> None:
    code, out, _ = run("code", str(article), "--date", "2018-03-27", "--output-format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0
    assert rows[0] == list(CSV_COLUMNS)
    assert len(rows) > 1 and all(len(row) == len(CSV_COLUMNS) for row in rows)


def test_cli_code_table_shape(article: Path) -> None:
    code, out, _ = run("code", str(article), "--date", "2018-03-27", "--output-format", "table")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["date", "source", "target", "cameo", "plover", "mode", "conf", "trigger",
                                "evidence"]
    assert set(lines[1]) == {"-", " "}
    assert lines[-1].endswith("event(s)")


def test_cli_code_reads_standard_input() -> None:
    code, out, _ = run("code", "-", "--date", "2018-03-27", stdin=ARTICLE)
    assert code == 0
    assert {json.loads(line)["doc_id"] for line in out.splitlines()} == {"stdin"}


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"\x00\x01\x02\x03" * 64, "binary"),
    ("latin1.txt", "Caf\xe9 talks".encode("latin-1"), "UTF-8"),
])
def test_cli_code_bad_file_alone_fails_cleanly(tmp_path: Path, name: str, content: bytes,
                                               expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run("code", str(path))
    assert code == 1
    assert out == ""
    assert name in err and expected in err
    assert "Traceback" not in err + out


def test_cli_code_bad_inputs_beside_good_ones_still_code(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    lines = [json.dumps({"id": "a", "text": ARTICLE, "date": "2018-03-27"}), "{not json",
             json.dumps({"id": "b", "text": ARTICLE, "date": "2018-02-30"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("code", str(tmp_path), "--date", "2018-03-27")
    assert code == 0
    assert {json.loads(line)["doc_id"] for line in out.splitlines()} == {"good", "a"}
    assert "feed.jsonl:2" in err and "feed.jsonl:3" in err and "2018-02-30" in err
    assert "empty.txt" in err
    assert "Traceback" not in err


def test_cli_code_impossible_date_option_is_a_usage_error(article: Path) -> None:
    code, _, err = run("code", str(article), "--date", "2021-02-30")
    assert code == 2
    assert "2021-02-30" in err


def test_cli_code_missing_path(tmp_path: Path) -> None:
    code, _, err = run("code", str(tmp_path / "nowhere.txt"))
    assert code == 1
    assert "nowhere.txt" in err and "Traceback" not in err
