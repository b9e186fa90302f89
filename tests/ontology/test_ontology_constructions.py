"""The construction table: it loads, and a wrong entry names its field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.errors import OntologyError
from detente.ontology import DATA_DIR, load_ontology
from detente.ontology.constructions import load_constructions

TABLE = json.loads((DATA_DIR / "constructions.json").read_text(encoding="utf-8"))


def test_ontology_constructions_bundled():
    table = load_ontology().constructions
    assert table.implied_agent("173") == "COP"  # from the root 17 entry
    assert table.implied_agent("1724") == "GOV"  # its own entry wins over the root's
    assert table.implied_agent("190") is None  # attacks keep an unknown source
    assert table.light_verbs["carry"] == "out"
    assert table.weapon_nouns["shell"] == "194"


@pytest.mark.parametrize(("key", "value", "field"), [
    ("implied_agents", {"999": "COP"}, "implied_agents.999"),
    ("implied_agents", {"17": "XYZ"}, "implied_agents.17"),  # no words for the sector
    ("weapon_nouns", {"shell": "999"}, "weapon_nouns.shell"),
    ("victim_roots", ["1x"], "victim_roots"),
    ("light_verbs", ["carry"], "light_verbs"),
    ("victim_nouns", ["People"], "victim_nouns"),
])
def test_ontology_constructions_errors(tmp_path: Path, key: str, value: object, field: str):
    path = tmp_path / "constructions.json"
    path.write_text(json.dumps({**TABLE, key: value}), encoding="utf-8")
    codes = frozenset(load_ontology().codes)
    with pytest.raises(OntologyError, match=f"constructions.json:1:{field}:"):
        load_constructions(path, codes)
