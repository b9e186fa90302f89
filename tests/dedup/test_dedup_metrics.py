from __future__ import annotations

import pytest

from detente.dedup import bcubed_scores, pairwise_scores
from detente.errors import InputError

GOLD = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 3}


@pytest.mark.parametrize(
    ("predicted", "precision", "recall"),
    [
        ({"a": 1, "b": 1, "c": 2, "d": 2, "e": 3}, 1.0, 1.0),
        ({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}, 1.0, 0.0),  # all singletons: no predicted pairs
        ({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}, 0.2, 1.0),  # 2 of 10 pairs right
        ({"a": 1, "b": 1, "c": 2, "d": 3, "e": 3}, 0.5, 0.5),
    ],
)
def test_dedup_pairwise_scores(predicted, precision, recall):
    scores = pairwise_scores(GOLD, predicted)
    assert (scores.precision, scores.recall) == pytest.approx((precision, recall))


@pytest.mark.parametrize(
    ("predicted", "precision", "recall"),
    [
        ({"a": 1, "b": 1, "c": 2, "d": 2, "e": 3}, 1.0, 1.0),
        ({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}, 1.0, 0.6),  # (1/2 * 4 + 1) / 5
        ({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}, 0.36, 1.0),  # (2/5 * 4 + 1/5) / 5
    ],
)
def test_dedup_bcubed_scores(predicted, precision, recall):
    scores = bcubed_scores(GOLD, predicted)
    assert (scores.precision, scores.recall) == pytest.approx((precision, recall))


def test_dedup_f1_is_harmonic_mean():
    scores = pairwise_scores(GOLD, {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1})
    assert scores.f1 == pytest.approx(2 * 0.2 * 1.0 / 1.2)


def test_dedup_metrics_reject_different_items():
    with pytest.raises(InputError, match="different items"):
        bcubed_scores(GOLD, {"a": 1})
