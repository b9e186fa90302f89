"""TF-IDF vectors of documents whose document frequencies grow with the store.

scikit-learn's HashingVectorizer turns feature lists into term counts (hashing needs no fitted
vocabulary, so a new word costs nothing). Its TfidfTransformer is not used: its IDF is fixed when
it is fitted, while here every new document updates the document frequencies and is weighted
with the frequencies of the store so far, so that a document's vector is the same whether it was
clustered in one run or in many. Weights follow TfidfTransformer(sublinear_tf=True,
smooth_idf=True): (1 + ln tf) * (ln((1 + n) / (1 + df)) + 1), L2-normalised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

N_FEATURES = 2**20  # hashed feature space: collisions are rare for a news vocabulary


@dataclass(frozen=True)
class Vector:
    """A sparse L2-normalised vector: sorted feature indices and their weights."""

    indices: np.ndarray  # int64, sorted, unique
    weights: np.ndarray  # float64

    def dot(self, other: Vector) -> float:
        _, mine, theirs = np.intersect1d(self.indices, other.indices, assume_unique=True, return_indices=True)
        return float(self.weights[mine] @ other.weights[theirs])

    def top(self, count: int) -> np.ndarray:
        """Indices of the ``count`` heaviest features (ties broken by index, for determinism)."""
        order = np.lexsort((self.indices, -self.weights))
        return self.indices[order[:count]]


def _tokens(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


_HASHER = HashingVectorizer(analyzer=_tokens, n_features=N_FEATURES, alternate_sign=False, norm=None)


def term_counts(documents: Sequence[Sequence[str]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per document: sorted feature indices and how often each occurs."""
    matrix = _HASHER.transform(documents).tocsr()
    matrix.sort_indices()
    rows = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        rows.append((matrix.indices[start:end].astype(np.int64), matrix.data[start:end].astype(np.float64)))
    return rows


def feature_index(token: str) -> int:
    """The hashed index of one feature string."""
    return int(_HASHER.transform([[token]]).indices[0])


class DocumentFrequencies:
    """Document frequencies of the store plus those of the documents weighted in this run."""

    def __init__(self, known: dict[int, int], documents: int) -> None:
        self.df = dict(known)
        self.documents = documents
        self.added: dict[int, int] = {}

    def add(self, indices: np.ndarray, counts: np.ndarray) -> Vector:
        """Count one more document with these features; return its TF-IDF vector."""
        self.documents += 1
        for index in indices.tolist():
            self.df[index] = self.df.get(index, 0) + 1
            self.added[index] = self.added.get(index, 0) + 1
        df = np.array([self.df[i] for i in indices.tolist()], dtype=np.float64)
        weights = (1.0 + np.log(counts)) * (np.log((1.0 + self.documents) / (1.0 + df)) + 1.0)
        norm = float(np.linalg.norm(weights))
        return Vector(indices, weights / norm if norm else weights)


__all__ = ["N_FEATURES", "DocumentFrequencies", "Vector", "feature_index", "term_counts"]
