"""Evaluation against gold sentences: read gold files, run the coder, score (`detente eval`)."""

from __future__ import annotations

from pathlib import Path

from detente.evaluation.gold import GoldEvent, GoldSentence, Scheme, read_gold
from detente.evaluation.metrics import PredictedEvent, Scores, SentenceResult, score
from detente.evaluation.runner import run_classifier, run_pipeline


def evaluate_file(
    path: str | Path, *, scheme: Scheme | None = None, model: str = "md"
) -> tuple[Scheme, Scores, list[SentenceResult]]:
    """Read a gold file, code its sentences with the pipeline, and score them."""
    chosen, sentences = read_gold(path, scheme=scheme)
    results = run_pipeline(sentences, scheme=chosen, model=model)
    return chosen, score(results), results


__all__ = [
    "GoldEvent",
    "GoldSentence",
    "PredictedEvent",
    "Scheme",
    "Scores",
    "SentenceResult",
    "evaluate_file",
    "read_gold",
    "run_classifier",
    "run_pipeline",
    "score",
]
