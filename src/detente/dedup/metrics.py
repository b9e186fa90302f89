"""Clustering quality: pairwise and B-cubed precision, recall and F1.

Both take two mappings item -> cluster label over the same items (gold and predicted).
Pairwise counts item pairs placed together; B-cubed averages, per item, the share of its
predicted cluster that is in its gold cluster (precision) and the reverse (recall).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from itertools import combinations

from detente.errors import InputError


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def _check_same_items(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> None:
    if set(gold) != set(predicted):
        missing = sorted(set(gold) ^ set(predicted))[:5]
        raise InputError(f"gold and predicted clusterings cover different items, e.g. {missing}", code="D120")


def _together(labels: Mapping[str, Hashable]) -> set[tuple[str, str]]:
    groups: dict[Hashable, list[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, []).append(item)
    return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}


def pairwise_scores(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> Scores:
    """Precision and recall over unordered item pairs; 1.0 when there are no pairs to get wrong."""
    _check_same_items(gold, predicted)
    gold_pairs, pred_pairs = _together(gold), _together(predicted)
    hits = len(gold_pairs & pred_pairs)
    precision = hits / len(pred_pairs) if pred_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    return Scores(precision, recall)


def bcubed_scores(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> Scores:
    """B-cubed precision and recall averaged over items."""
    _check_same_items(gold, predicted)
    if not gold:
        return Scores(1.0, 1.0)
    both = Counter((gold[item], predicted[item]) for item in gold)
    gold_size = Counter(gold.values())
    pred_size = Counter(predicted.values())
    precision = sum(both[(gold[i], predicted[i])] / pred_size[predicted[i]] for i in gold) / len(gold)
    recall = sum(both[(gold[i], predicted[i])] / gold_size[gold[i]] for i in gold) / len(gold)
    return Scores(precision, recall)


__all__ = ["Scores", "bcubed_scores", "pairwise_scores"]
