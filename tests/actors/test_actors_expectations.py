"""Actor resolution must not fall below the floors in tests/data/actors/floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.actors import ActorResolver
from detente.evaluation.actors import read_cases, score_expectations, score_surname_probe

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"
FLOORS = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))
TOLERANCE = 1e-9


@pytest.mark.parametrize("change", FLOORS["changes"] or [None])
def test_actors_floor_lowering_has_reason(change):
    if change is None:
        return
    assert {"metric", "from", "to", "reason"} <= change.keys()
    assert change["to"] >= change["from"] or change["reason"].strip()


@pytest.mark.parametrize("name", ["expectations.jsonl", "heldout.jsonl", "surname_probe.jsonl"])
def test_actors_expectation_files_are_well_formed(name):
    cases = read_cases(DATA / name)
    assert len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        if name != "surname_probe.jsonl":
            assert case["text"] in case["context"], case["id"]
            assert case["sector"], case["id"]
        else:
            assert case["mention"] in case["text"], case["id"]


@pytest.mark.model
@pytest.mark.parametrize("name,floor", [("expectations.jsonl", "expectations"), ("heldout.jsonl", "heldout")])
def test_actors_expectations_floor(name, floor):
    scores = score_expectations(read_cases(DATA / name), ActorResolver.default())
    floors = FLOORS[floor]["min"]
    assert scores.country >= floors["country"] - TOLERANCE, scores.misses
    assert scores.sector >= floors["sector"] - TOLERANCE, scores.misses


@pytest.mark.model
def test_actors_surname_probe_floor():
    probe = score_surname_probe(read_cases(DATA / "surname_probe.jsonl"), ActorResolver.default())
    assert probe.false_leaders <= FLOORS["surname_probe"]["max"]["false_leaders"], probe.misses
    assert probe.leaders_right >= FLOORS["surname_probe"]["min"]["leaders_right"], probe.misses
