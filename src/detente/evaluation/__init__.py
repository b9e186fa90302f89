"""Evaluation against gold sentences and whole articles: read gold files, run the coder, score
(`detente eval`, `detente eval --documents`)."""

from __future__ import annotations

from pathlib import Path

from detente.evaluation.document_gold import GoldArticle, read_articles
from detente.evaluation.documents import DocumentScores, evaluate_documents, score_documents
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
    "DocumentScores",
    "GoldArticle",
    "GoldEvent",
    "GoldSentence",
    "PredictedEvent",
    "Scheme",
    "Scores",
    "SentenceResult",
    "evaluate_documents",
    "evaluate_file",
    "read_articles",
    "read_gold",
    "run_classifier",
    "run_pipeline",
    "score",
    "score_documents",
]
