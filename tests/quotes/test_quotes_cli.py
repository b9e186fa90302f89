"""`detente quotes`: one JSON record per quote, a table, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main

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
