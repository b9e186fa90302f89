"""`detente eval` with the pipeline replaced by a fixed answer, and the report renderings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import detente.evaluation
from detente.evaluation.gold import GoldSentence, Scheme
from detente.evaluation.metrics import PredictedEvent, SentenceResult, score
from detente.evaluation.report import format_errors, format_table

RECORDS = [
    {
        "id": "P1",
        "text": "Ruritania agreed to talk with Freedonia.",
        "events": [{"plover": "AGREE", "source": ["RUR"], "target": ["FRE"]}],
    },
    {
        "id": "P2",
        "text": "Crowds marched in the capital of Ruritania.",
        "events": [{"plover": "PROTEST", "source": ["RUR"], "target": []}],
    },
]
ANSWERS = {"P1": (PredictedEvent("AGREE", 0.9, source="RUR", target="FRE"),), "P2": ()}


def fake_pipeline(
    sentences: list[GoldSentence], *, scheme: Scheme, model: str = "md"
) -> list[SentenceResult]:
    return [SentenceResult(s, ANSWERS[s.gold_id]) for s in sentences]


@pytest.fixture
def gold_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(detente.evaluation, "run_pipeline", fake_pipeline)
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def run_cli(*args: str):
    from detente.cli import main

    return CliRunner().invoke(main, ["eval", *args])


def test_evaluation_cli_json(gold_file: Path):
    result = run_cli(str(gold_file), "--output-format", "json", "--errors")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["scheme"] == "plover"
    assert payload["top_accuracy"] == 0.5
    assert payload["per_type"]["PROTEST"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
    }
    assert [e["id"] for e in payload["errors"]] == ["P2"]


def test_evaluation_cli_table_errors(gold_file: Path):
    result = run_cli(str(gold_file), "--errors")
    assert result.exit_code == 0, result.output
    assert "macro-F1: 0.500" in result.output
    assert (
        "P2: Crowds marched in the capital of Ruritania.\n  gold: PROTEST RUR -> -\n  ours: no event"
        in result.output
    )


def test_evaluation_cli_missing_file(tmp_path: Path):
    result = run_cli(str(tmp_path / "absent.jsonl"))
    assert result.exit_code == 1
    assert "cannot read gold file" in result.output
    assert "Traceback" not in result.output


def test_evaluation_format_table_lines():
    sentence = GoldSentence("C1", "x", __import__("datetime").date(2000, 1, 1), ())
    table = format_table(score([SentenceResult(sentence, (PredictedEvent("11", 0.5),))]), scheme="cameo")
    assert table.splitlines()[1].split() == ["11", "0.000", "0.000", "0.000", "0", "1", "0"]
    assert "false events: 1 of 1 no-event sentences (1 events)" in table
    assert "cameo root accuracy (top event): 0.000" in table


def test_evaluation_format_errors_lists_only_misses():
    sentence = GoldSentence("C1", "x", __import__("datetime").date(2000, 1, 1), ())
    assert format_errors([SentenceResult(sentence, ())]) == ""
