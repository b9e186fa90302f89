"""A malformed table stops loading with an OntologyError naming file:line:field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.errors import OntologyError
from detente.ontology import load_ontology

GOOD = {"id": "zz-test", "lemma": "zz", "cameo": "111", "note": "test row"}


def append_pattern(folder: Path, line: str) -> int:
    """Append one line to the copied pattern file; returns its line number."""
    path = folder / "verb_patterns.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    return len(lines) + 1


def row(**changes: object) -> str:
    record = {**GOOD, **changes}
    return json.dumps({k: v for k, v in record.items() if v is not None})


@pytest.mark.parametrize(("line", "field", "message"), [
    (row(cameo="999"), "cameo", "unknown CAMEO code"),
    (row(cameo=None), "cameo", "missing"),
    (row(colour="red"), "colour", "unknown field"),
    ('{"id": "zz", "lemma": ', "-", "bad JSON"),
    ("[1, 2]", "-", "JSON object"),
    (row(confidence=1.5), "confidence", "(0, 1]"),
    (row(confidence=0), "confidence", "(0, 1]"),
    (row(confidence="high"), "confidence", "(0, 1]"),
    (row(lemma=""), "lemma", "missing or empty"),
    (row(lemma="Recall"), "lemma", "lower-case"),
    (row(object=["@NO_SUCH_CLASS"]), "object", "unknown word class"),
    (row(object="ambassador"), "object", "expected a list"),
    (row(xcomp=["Attack"]), "xcomp", "lower-case lemma"),
    (row(pos="ADJ"), "pos", "not one of"),
    (row(target="elsewhere"), "target", "not one of"),
    (row(object_country="mine"), "object_country", "not one of"),
    (row(prep_object=["court"]), "prep_object", "needs 'prep'"),
    (row(id="recall-diplomat"), "id", "duplicate id"),
])
def test_ontology_bad_pattern_row(data_copy: Path, line: str, field: str, message: str) -> None:
    number = append_pattern(data_copy, line)
    with pytest.raises(OntologyError) as caught:
        load_ontology(data_copy)
    text = str(caught.value)
    assert f"verb_patterns.jsonl:{number}:{field}:" in text
    assert message in text
    assert text.startswith("[D2")


def test_ontology_good_extra_row_loads(data_copy: Path) -> None:
    append_pattern(data_copy, row(object=["@DIPLOMAT"]))
    patterns = load_ontology(data_copy).patterns_for("zz", "VERB")
    assert [p.id for p in patterns] == ["zz-test"]
    assert "ambassador" in patterns[0].object


@pytest.mark.parametrize(("text", "field"), [
    ('{"DIPLOMAT": ["ambassador"], "bad name": ["x"]}', "bad name"),
    ('{"DIPLOMAT": []}', "DIPLOMAT"),
    ('{"DIPLOMAT": ["Ambassador"]}', "DIPLOMAT"),
    ('{"DIPLOMAT": ["ambassador"],', "-"),
])
def test_ontology_bad_lemma_classes(data_copy: Path, text: str, field: str) -> None:
    (data_copy / "lemma_classes.json").write_text(text, encoding="utf-8")
    with pytest.raises(OntologyError, match=rf"lemma_classes\.json:\d+:{field}:"):
        load_ontology(data_copy)


def _edit_line(path: Path, number: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(("line", "old", "new", "field"), [
    (2, ",0,0,1,", ",0,12,1,", "goldstein_gdelt"),
    (2, ",0,0,1,", ",x,0,1,", "goldstein_icews"),
    (2, ",0,0,1,", ",0,0,7,", "quad_class"),
    (3, "010,01,", "010,02,", "root"),
    (3, "010,01,", "01,01,", "code"),
])
def test_ontology_bad_event_code_row(data_copy: Path, line: int, old: str, new: str, field: str) -> None:
    _edit_line(data_copy / "event_codes.csv", line, old, new)
    with pytest.raises(OntologyError, match=rf"event_codes\.csv:{line}:{field}:"):
        load_ontology(data_copy)


def test_ontology_bad_crosswalk_row(data_copy: Path) -> None:
    path = data_copy / "cameo_plover.csv"
    path.write_text(path.read_text(encoding="utf-8") + "999,ACCUSE,,\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=r"cameo_plover\.csv:\d+:cameo: unknown CAMEO code"):
        load_ontology(data_copy)


def test_ontology_manifest_needs_every_table(data_copy: Path) -> None:
    path = data_copy / "MANIFEST.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('quad = "gdelt"\n', ""), encoding="utf-8")
    with pytest.raises(OntologyError, match=r"MANIFEST\.toml:0:tables\.quad: missing version"):
        load_ontology(data_copy)


def test_ontology_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match=r"MANIFEST\.toml"):
        load_ontology(tmp_path / "nowhere")
