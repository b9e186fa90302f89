"""Learned PLOVER event-type classifier: a second opinion for the rule coder.

A multinomial logistic regression over features read off a spaCy parse that is already there:
the lemmas of the main predicates (the root, the clause a reporting verb governs, open complements
and conjoined verbs), their objects and prepositional objects, negation, a bag of content lemmas,
and averaged 300-d word vectors of the predicates, their objects and the sentence (static vectors
of en_core_web_md; with a model that has none, such as en_core_web_sm, the vector part is zero).
Probabilities are temperature-scaled on held-out data. "NONE" is a class: no political event.

The artefact (``data/models/event_classifier.npz`` + ``.json``) is built by
``tools/train_classifier.py`` and loaded offline.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from detente.errors import OntologyError

log = logging.getLogger(__name__)

FEATURE_VERSION = "features.v1"
VECTOR_WIDTH = 300
MAX_PREDICATES = 4
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
ARTEFACT_STEM = "event_classifier"


def _vector(token: Token) -> np.ndarray | None:
    """Unit-length static vector of the token's lower-case form, or None."""
    vectors = token.vocab.vectors
    if vectors.shape[1] != VECTOR_WIDTH:
        return None
    key = token.lower  # hash of the lower-case form, the vectors' key
    if key not in vectors:
        return None
    row = np.asarray(vectors[key], dtype=np.float32)
    norm = float(np.linalg.norm(row))
    return row / norm if norm else None


def mean_vector(tokens: list[Token]) -> np.ndarray:
    rows = [row for row in (_vector(t) for t in tokens) if row is not None]
    if not rows:
        return np.zeros(VECTOR_WIDTH, dtype=np.float32)
    return np.mean(rows, axis=0).astype(np.float32)


def main_predicates(sent: Span, reporting: frozenset[str]) -> list[Token]:
    """The root, the clause complement of a reporting root, and their xcomp/conj verbs (in order)."""
    root = sent.root
    found: list[Token] = []
    queue = [root]
    while queue and len(found) < MAX_PREDICATES:
        token = queue.pop(0)
        if token in found:
            continue
        if not (token is root and token.lemma_.lower() in reporting and _has_clause(token)):
            found.append(token)
        queue += [
            c
            for c in token.children
            if c.dep_ in ("xcomp", "ccomp", "conj")
            and c.pos_ in ("VERB", "AUX")
            and (c.dep_ != "ccomp" or token.lemma_.lower() in reporting)
        ]
    return found or [root]


def _has_clause(token: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in token.children)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def predicate_features(predicate: Token, features: dict[str, float]) -> list[Token]:
    """Sparse features of one predicate; returns its argument tokens (objects, prepositional objects)."""
    lemma = _lemma(predicate)
    features[f"p={lemma}"] = 1.0
    arguments: list[Token] = []
    for child in predicate.children:
        if child.dep_ in OBJECT_DEPS:
            features[f"po={lemma}_{_lemma(child)}"] = 1.0
            features[f"o={_lemma(child)}"] = 1.0
            arguments.append(child)
        elif child.dep_ == "prep":
            features[f"pr={lemma}_{_lemma(child)}"] = 1.0
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                features[f"pp={lemma}_{_lemma(child)}_{_lemma(pobj)}"] = 1.0
                arguments.append(pobj)
        elif child.dep_ == "neg":
            features["neg"] = 1.0
        elif child.dep_ == "prt":
            features[f"pt={lemma}_{_lemma(child)}"] = 1.0
        elif child.dep_ == "xcomp":
            features[f"px={lemma}_{_lemma(child)}"] = 1.0
    return arguments


def sentence_features(sent: Span, predicates: list[Token]) -> tuple[dict[str, float], np.ndarray]:
    """Sparse features and the dense vector block (predicates, arguments, sentence) for one sentence."""
    features: dict[str, float] = {}
    arguments: list[Token] = []
    for rank, predicate in enumerate(predicates):
        if rank == 0:
            features[f"p0={_lemma(predicate)}"] = 1.0
        arguments += predicate_features(predicate, features)
    content = [t for t in sent if t.pos_ in CONTENT_POS and not t.is_stop]
    for token in content:
        features[f"w={_lemma(token)}"] = 1.0
    dense = np.concatenate([mean_vector(predicates), mean_vector(arguments), mean_vector(content)])
    return features, dense


@dataclass(frozen=True)
class EventClassifier:
    """Loaded model: sparse weights by feature name, dense weights, classes, temperature."""

    version: str
    classes: tuple[str, ...]
    index: dict[str, int]
    sparse_weights: np.ndarray  # (n_sparse, n_classes)
    dense_weights: np.ndarray  # (3 * VECTOR_WIDTH, n_classes)
    intercept: np.ndarray
    temperature: float
    reporting: frozenset[str]

    @classmethod
    def load(cls, directory: Path | None = None) -> EventClassifier:
        """The bundled model (cached), or one from ``directory``."""
        return _load_cached(str(directory) if directory else "")

    def predict(self, sent: Span) -> list[tuple[str, float]]:
        """PLOVER types (and "NONE") with probabilities, most likely first; an empty span is "NONE"."""
        if not len(sent):
            return [("NONE", 1.0), *((label, 0.0) for label in self.classes if label != "NONE")]
        return self._predict(sent, main_predicates(sent, self.reporting))

    def predict_token(self, sent: Span, trigger: Token) -> list[tuple[str, float]]:
        """As ``predict``, with ``trigger`` (and its open complements) as the predicates."""
        predicates = [trigger, *[c for c in trigger.children if c.dep_ == "xcomp"]][:MAX_PREDICATES]
        return self._predict(sent, predicates)

    def _predict(self, sent: Span, predicates: list[Token]) -> list[tuple[str, float]]:
        features, dense = sentence_features(sent, predicates)
        logits = self.intercept + dense @ self.dense_weights
        for name, value in features.items():
            row = self.index.get(name)
            if row is not None:
                logits = logits + value * self.sparse_weights[row]
        probabilities = softmax(logits / self.temperature)
        order = np.argsort(-probabilities, kind="stable")
        return [(self.classes[i], float(probabilities[i])) for i in order]


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max())
    return shifted / shifted.sum()


def _artefact_dir() -> Path:
    return Path(str(resources.files("detente") / "data" / "models"))


@cache
def _load_cached(directory: str) -> EventClassifier:
    base = Path(directory) if directory else _artefact_dir()
    meta_path, array_path = base / f"{ARTEFACT_STEM}.json", base / f"{ARTEFACT_STEM}.npz"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        arrays = np.load(array_path)
    except (OSError, ValueError) as err:
        raise OntologyError(
            f"{base}: cannot load the event classifier ({err}); run `make train`", code="D210"
        ) from err
    if meta.get("feature_version") != FEATURE_VERSION:
        raise OntologyError(
            f"{meta_path}: feature version {meta.get('feature_version')!r} is not "
            f"{FEATURE_VERSION!r}; run `make train`",
            code="D211",
        )
    features = meta["features"]
    log.info("loaded event classifier %s (%d features)", meta["version"], len(features))
    return EventClassifier(
        version=str(meta["version"]),
        classes=tuple(meta["classes"]),
        index={name: i for i, name in enumerate(features)},
        sparse_weights=arrays["sparse_weights"].astype(np.float32),
        dense_weights=arrays["dense_weights"].astype(np.float32),
        intercept=arrays["intercept"].astype(np.float32),
        temperature=float(meta["temperature"]),
        reporting=frozenset(meta["reporting"]),
    )


__all__ = ["FEATURE_VERSION", "EventClassifier", "main_predicates", "mean_vector", "sentence_features"]
