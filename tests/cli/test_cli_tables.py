"""Articles in CSV, TSV and Parquet through the commands that read articles, and the undated warning."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from detente.cli import main

pytestmark = pytest.mark.model

EXPEL = "Poland expelled four Russian diplomats on Monday."
CONDEMN = "France condemned Iran on Monday over the arrest of two French aid workers."
UNDATED = "warning: 1 of 2 document(s) have no publication date"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def events(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "articles.csv"
    pd.DataFrame({"story": [EXPEL, CONDEMN], "key": ["p1", "f1"], "day": ["2018-03-27", ""]}).to_csv(
        path, index=False)
    return path


def test_cli_tables_csv_with_named_columns(table: Path) -> None:
    code, out, err = run("code", str(table), "--text-column", "story", "--id-column", "key",
                         "--date-column", "day")
    assert code == 0
    found = events(out)
    assert {e["doc_id"] for e in found} == {"p1", "f1"}
    assert {e["date"] for e in found if e["doc_id"] == "p1"} == {"2018-03-26"}  # Monday before
    assert UNDATED in err and "--date-column" in err


def test_cli_tables_missing_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(f"key,summary\np1,{EXPEL}\n", encoding="utf-8")
    code, _, err = run("code", str(path))
    assert code == 1
    assert "[D430] no text column" in err and "the columns are: key, summary" in err
    code, _, err = run("code", str(path), "--text-column", "body")
    assert (code, "text column 'body' not found" in err) == (1, True)


@pytest.mark.parametrize("suffix", [".tsv", ".parquet"])
def test_cli_tables_tsv_and_parquet_with_default_names(tmp_path: Path, suffix: str) -> None:
    frame = pd.DataFrame({"id": ["p1"], "date": ["2018-03-27"], "text": [EXPEL]})
    path = tmp_path / f"articles{suffix}"
    if suffix == ".tsv":
        frame.to_csv(path, sep="\t", index=False)
    else:
        frame.to_parquet(path)
    code, out, err = run("code", str(path))
    assert code == 0 and "warning" not in err
    assert {e["doc_id"] for e in events(out)} == {"p1"}


def test_cli_tables_ingest_and_quotes_take_the_options(table: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    code, _, err = run("ingest", str(table), "--db", str(db), "--text-column", "story",
                       "--id-column", "key", "--date-column", "day")
    assert code == 0, err
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT list(doc_id ORDER BY doc_id) FROM documents").fetchone() == (["f1", "p1"],)
    code, _, err = run("quotes", str(table), "--text-column", "story", "--date", "2018-03-27")
    assert code == 0 and "warning" not in err


def test_cli_tables_undated_text_warns(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(EXPEL, encoding="utf-8")
    code, out, err = run("code", str(path))
    assert code == 0
    assert "warning: 1 of 1 document(s) have no publication date" in err
    assert all(e["date"] is None for e in events(out))
    assert "warning" not in run("code", str(path), "--date", "2018-03-27")[2]
