"""The derived tables rebuild identically from the reference files; hashes match MANIFEST."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.ontology import DATA_DIR, Ontology, load_ontology
from detente.ontology.build import (
    build_noun_patterns,
    build_tables,
    parse_crosswalk_line,
    quad_class_gdelt,
    refresh_manifest_hashes,
)
from detente.ontology.tables import sha256_of


@pytest.mark.parametrize("name", ["event_codes.csv", "cameo_plover.csv"])
def test_ontology_tables_rebuild_from_reference(reference_dir: Path, name: str) -> None:
    rebuilt = build_tables(reference_dir)[name]
    assert rebuilt == (DATA_DIR / name).read_text(encoding="utf-8")


def test_ontology_noun_patterns_rebuild_from_the_verb_rows() -> None:
    derived = (DATA_DIR / "derived_noun_patterns.jsonl").read_text(encoding="utf-8")
    assert build_noun_patterns(DATA_DIR) == derived


@pytest.mark.parametrize(("noun", "prep", "cameo"), [
    ("seizure", "of", "1711"),  # "seized property" -> "the seizure of property"
    ("suspension", "of", "164"),  # "suspended talks" -> "the suspension of talks"
])
def test_ontology_noun_patterns_derive_from_verbs(ontology: Ontology, noun: str, prep: str,
                                                  cameo: str) -> None:
    rows = [p for p in ontology.patterns_for(noun, "NOUN") if p.cameo == cameo]
    assert rows and rows[0].prep == prep and rows[0].id.endswith("-nominal")


def test_ontology_hand_written_nouns_are_not_derived(ontology: Ontology) -> None:
    assert not [p for p in ontology.patterns_for("arrest", "NOUN") if p.id.endswith("-nominal")]


def test_ontology_manifest_hashes_match(ontology: Ontology) -> None:
    assert set(ontology.manifest.files) == {"event_codes.csv", "cameo_plover.csv",
                                             "plover_extensions.csv", "verb_patterns.jsonl",
                                             "lemma_classes.json", "constructions.json",
                                             "derived_noun_patterns.jsonl"}
    assert ontology.check_files() == []


def test_ontology_manifest_detects_edit(data_copy: Path) -> None:
    path = data_copy / "lemma_classes.json"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    problems = load_ontology(data_copy).check_files()
    assert [problem.split(":")[0] for problem in problems] == ["lemma_classes.json"]


def test_ontology_refresh_manifest_hashes(data_copy: Path) -> None:
    path = data_copy / "verb_patterns.jsonl"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    text = (data_copy / "MANIFEST.toml").read_text(encoding="utf-8")
    refreshed = refresh_manifest_hashes(text, data_copy)
    assert sha256_of(path) in refreshed
    assert sha256_of(data_copy / "event_codes.csv") in refreshed
    assert refreshed.count("sha256 = ") == text.count("sha256 = ")


@pytest.mark.parametrize(("line", "expected"), [
    ("161: SANCTION, withdraw,   diplomatic      # Reduce", ("161", "SANCTION", "withdraw", "diplomatic")),
    ("0861: RETREAT, access , peacekeeping # x", ("0861", "RETREAT", "access", "peacekeeping")),
    ("1121: ACCUSE, allege, crime; corruption # x", ("1121", "ACCUSE", "allege", "crime;corruption")),
    ("035: AGREE,  ,      # Express intent to yield", ("035", "AGREE", "", "")),
    ("08: RETREAT", ("08", "RETREAT", "", "")),
    ("0813: RETREAT, ,   legal # Ease curfew  21.09.17: note", ("0813", "RETREAT", "", "legal")),
])
def test_ontology_crosswalk_line_parsed(line: str, expected: tuple[str, str, str, str]) -> None:
    entry = parse_crosswalk_line(line, 1)
    assert entry is not None
    assert (entry.cameo, entry.plover_type, entry.plover_mode, entry.plover_context) == expected


@pytest.mark.parametrize("line", ["# CAMEO to PLOVER conversion table", "", "~~~~~", "# 03: AGREE"])
def test_ontology_crosswalk_non_code_lines_skipped(line: str) -> None:
    assert parse_crosswalk_line(line, 1) is None


@pytest.mark.parametrize(("root", "quad"), [("01", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3),
                                            ("14", 3), ("15", 4), ("20", 4)])
def test_ontology_quad_class_of_root(root: str, quad: int) -> None:
    assert quad_class_gdelt(root) == quad
