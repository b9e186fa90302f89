"""Run the pipeline (or the learned classifier alone) over gold sentences and collect results."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from detente.evaluation.gold import GoldSentence, Scheme
from detente.evaluation.metrics import PredictedEvent, SentenceResult
from detente.models import CodedDocument, Document, Event

log = logging.getLogger(__name__)


def gold_documents(sentences: Iterable[GoldSentence]) -> list[Document]:
    """One Document per gold sentence, keyed by the gold id, dated from the record."""
    return [Document(doc_id=s.gold_id, text=s.text, date=s.date, source="gold") for s in sentences]


def predicted_from_event(event: Event, scheme: Scheme) -> PredictedEvent:
    """The parts of an Event the evaluation compares, in the scheme's type vocabulary."""
    kind = event.plover if scheme == "plover" else (event.cameo_root or event.cameo[:2] or None)
    return PredictedEvent(
        type=kind,
        confidence=event.confidence,
        code=event.cameo,
        mode=event.plover_mode,
        source=event.source.country if event.source else None,
        target=event.target.country if event.target else None,
    )


def results_from_coded(
    sentences: Sequence[GoldSentence], coded: Iterable[CodedDocument], scheme: Scheme
) -> list[SentenceResult]:
    """Pair coded documents with their gold sentences by doc_id (a missing document has no events).
    Negated events ("has not withdrawn its troops") say that something did not happen: the gold
    sets code happenings, so they are left out."""
    events_by_id = {c.document.doc_id: [e for e in c.events if not e.negated] for c in coded}
    missing = [s.gold_id for s in sentences if s.gold_id not in events_by_id]
    if missing:
        log.warning("%d gold sentences produced no coded document (first: %s)", len(missing), missing[0])
    return [
        SentenceResult(s, tuple(predicted_from_event(e, scheme) for e in events_by_id.get(s.gold_id, ())))
        for s in sentences
    ]


def run_pipeline(
    sentences: Sequence[GoldSentence], *, scheme: Scheme, model: str = "md"
) -> list[SentenceResult]:
    """Code each gold sentence with detente.pipeline.code_documents."""
    from detente.pipeline import code_documents

    coded = code_documents(gold_documents(sentences), model=model)
    return results_from_coded(sentences, coded, scheme)


def run_classifier(
    sentences: Sequence[GoldSentence], *, model: str = "md", min_probability: float = 0.0
) -> list[SentenceResult]:
    """PLOVER type from the learned classifier's top prediction per sentence (plover scheme only).

    A top prediction of "NONE", or one below ``min_probability``, gives no event.
    """
    from detente.events.classifier import EventClassifier
    from detente.pipeline import load_nlp

    nlp = load_nlp(model)
    classifier = EventClassifier.load()
    results = []
    for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
        label, probability = classifier.predict(doc[:])[0]
        keep = label != "NONE" and probability >= min_probability
        predicted = (PredictedEvent(type=label, confidence=probability),) if keep else ()
        results.append(SentenceResult(sentence, predicted))
    return results


__all__ = ["gold_documents", "predicted_from_event", "results_from_coded", "run_classifier", "run_pipeline"]
