"""Vector-similarity fallback: code a verb the pattern table misses through its nearest table verb.

"Lambasted" is not in the table, but its word vector sits next to "criticize" and "condemn". The
matrix of table verbs is built once from the spaCy model's vectors (en_core_web_md); the sm model
has no real vectors, so the fallback is off there.
"""

from __future__ import annotations

import logging

import numpy as np
from spacy.language import Language
from spacy.tokens import Token

from detente.ontology import Ontology
from detente.ontology.patterns import VerbPattern

log = logging.getLogger(__name__)

MIN_SIMILARITY = 0.62
WEIGHT = 0.7  # confidence multiplier on top of the similarity


class SimilarVerbs:
    """Nearest pattern verbs by cosine similarity of word vectors."""

    def __init__(self, nlp: Language, lemmas: list[str], *, min_similarity: float = MIN_SIMILARITY) -> None:
        vocab = nlp.vocab
        kept = [lemma for lemma in lemmas if vocab.has_vector(lemma)]
        self.lemmas = kept
        self.min_similarity = min_similarity
        matrix = np.array([vocab.get_vector(lemma) for lemma in kept], dtype="float32")
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self.matrix = matrix / np.where(norms == 0, 1, norms)
        self._cache: dict[str, tuple[str, float] | None] = {}
        log.info("vector fallback over %d table verbs", len(kept))

    @classmethod
    def for_model(cls, nlp: Language, ontology: Ontology) -> SimilarVerbs | None:
        if nlp.vocab.vectors.shape[0] < 1000:
            return None
        return cls(nlp, sorted({p.lemma for p in ontology.patterns if p.pos == "VERB"}))

    def nearest(self, token: Token) -> tuple[str, float] | None:
        lemma = token.lemma_.lower()
        if lemma not in self._cache:
            self._cache[lemma] = self._nearest(token)
        return self._cache[lemma]

    def _nearest(self, token: Token) -> tuple[str, float] | None:
        if not token.has_vector or not self.lemmas:
            return None
        vector = token.vocab.get_vector(token.lemma_.lower()) if token.vocab.has_vector(
            token.lemma_.lower()) else token.vector
        norm = float(np.linalg.norm(vector))
        if norm == 0:
            return None
        scores = self.matrix @ (vector / norm)
        best = int(np.argmax(scores))
        score = float(scores[best])
        return (self.lemmas[best], score) if score >= self.min_similarity else None

    def patterns_like(self, token: Token, ontology: Ontology) -> list[tuple[VerbPattern, float]]:
        found = self.nearest(token)
        if found is None:
            return []
        lemma, score = found
        return [(pattern, score * WEIGHT) for pattern in ontology.patterns_for(lemma, "VERB")]


__all__ = ["SimilarVerbs"]
