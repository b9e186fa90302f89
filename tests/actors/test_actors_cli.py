"""`detente resolve` prints {id, text, name, country, sector, code, match} per input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["resolve", *args])
    return result.exit_code, result.output


def test_actors_cli_text_json() -> None:
    code, out = _run("Antonov", "--context", "Russian Ambassador Anatoly Antonov said the talks went well.",
                     "--date", "2021-03-18")
    assert code == 0
    match = {"table": "people", "key": "anatoly antonov", "name": "Anatoly Antonov",
             "source": "public record",
             "role": {"role": "ambassador to the United States", "country": "RUS", "sector": "GOV",
                      "start": "2017-08-21", "end": "2024-10-05"}, "former": False}
    assert out == json.dumps({"id": None, "text": "Antonov", "name": "Anatoly Antonov", "country": "RUS",
                              "sector": "GOV", "code": "RUSGOV", "match": match}, indent=2) + "\n"


@pytest.mark.parametrize("date,code,role", [("2005-06-01", "USALEG", "senator"),
                                           ("2021-06-01", "USAGOV", "president")])
def test_actors_cli_text_jsonl_dates(date: str, code: str, role: str) -> None:
    status, out = _run("Biden", "--date", date, "--output-format", "jsonl")
    assert status == 0
    record = json.loads(out)
    assert record["code"] == code and record["name"] == "Joe Biden"
    assert record["match"]["role"]["role"] == role and record["match"]["key"] == "biden"


def test_actors_cli_file_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "phrases.jsonl"
    lines = [{"id": "a", "text": "Medvedev", "date": "2010-06-01"}, {"id": "b", "text": "the price"}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    status, out = _run(str(path))
    assert status == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"id": "a", "text": "Medvedev", "name": "Dmitry Medvedev", "country": "RUS", "sector": "GOV",
         "code": "RUSGOV", "match": {"table": "people", "key": "medvedev", "name": "Dmitry Medvedev",
                                     "source": "public record", "former": False,
                                     "role": {"role": "president", "country": "RUS", "sector": "GOV",
                                              "start": "2008-05-07", "end": "2012-05-07"}}},
        {"id": "b", "text": "the price", "name": None, "country": None, "sector": None, "code": None,
         "match": None},
    ]


@pytest.mark.parametrize("content,message", [
    ('{"id": "a", "text": "Russia"}\nnot json\n', ":2: not valid JSON"),
    ('{"id": "a"}\n', ':1: expected an object with a non-empty "text"'),
    ('{"id": "a", "text": "Russia", "date": "soon"}\n', ":1: bad date 'soon'"),
])
def test_actors_cli_bad_lines(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    status, out = _run(str(path))
    assert status == 1
    assert message in out and "Traceback" not in out


def test_actors_cli_bad_date() -> None:
    status, out = _run("Russia", "--date", "2021-13-01")
    assert status == 1 and "bad date" in out


def test_actors_cli_shows_phoenix_entry() -> None:
    status, out = _run("Nguyen Tan Dung", "--date", "2010-06-01")
    record = json.loads(out)
    assert status == 0 and record["code"] == "VNMGOV"
    assert record["match"]["source"].startswith("Phoenix.Countries.actors.txt:")
