"""The coder must not score below the floors pinned in tests/eval_floor.json on the dev gold sets
and on the document-level gold (whole articles).

Lowering a floor needs an entry in the file's "changes" list with a reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.evaluation import evaluate_documents, evaluate_file
from tests.paths import DATA, GOLD_DIR

TESTS = Path(__file__).resolve().parents[1]
FLOORS = json.loads((TESTS / "eval_floor.json").read_text(encoding="utf-8"))
TOLERANCE = 1e-9
DOCUMENTS_DIR = DATA / "documents"


@pytest.mark.parametrize("change", FLOORS.get("changes", []) or [None])
def test_eval_floor_lowering_has_reason(change):
    if change is None:
        return
    assert {"gold", "metric", "from", "to", "reason"} <= change.keys()
    if change["to"] < change["from"]:
        assert change["reason"].strip(), f"lowering {change['metric']} needs a reason"


@pytest.mark.model
@pytest.mark.parametrize("gold_name", sorted(FLOORS["gold_sets"]))
def test_eval_floor(gold_name: str):
    spec = FLOORS["gold_sets"][gold_name]
    _, scores, _ = evaluate_file(GOLD_DIR / gold_name, scheme=spec["scheme"], model=spec.get("model", "md"))
    values = scores.to_dict()
    low = {m: (values[m], floor) for m, floor in spec.get("min", {}).items() if values[m] < floor - TOLERANCE}
    high = {m: (values[m], cap) for m, cap in spec.get("max", {}).items() if values[m] > cap + TOLERANCE}
    assert not low, f"{gold_name}: below floor (score, floor): {low}"
    assert not high, f"{gold_name}: above ceiling (score, ceiling): {high}"


@pytest.mark.model
@pytest.mark.parametrize("gold_name", sorted(FLOORS.get("document_sets", {})))
def test_eval_floor_documents(gold_name: str):
    """Whole articles (docs/document_eval.md): recall and precision floors, ceilings on political
    articles with no event and false events per non-political article."""
    spec = FLOORS["document_sets"][gold_name]
    scores, _ = evaluate_documents(DOCUMENTS_DIR / gold_name, model=spec.get("model", "md"))
    values = scores.to_dict()
    low = {m: (values[m], floor) for m, floor in spec.get("min", {}).items() if values[m] < floor - TOLERANCE}
    high = {m: (values[m], cap) for m, cap in spec.get("max", {}).items() if values[m] > cap + TOLERANCE}
    assert not low, f"{gold_name}: below floor (score, floor): {low}"
    assert not high, f"{gold_name}: above ceiling (score, ceiling): {high}"
