"""Scores of predicted events against gold sentences: pure functions, no model, no I/O.

Definitions (one gold sentence is one unit):

- per-type precision/recall/F1 count (sentence, type) pairs: a type is predicted on a sentence when
  any of our events there has it, and expected when any gold event has it. Sentences expecting no
  event contribute only false positives. Macro-F1 averages F1 over the types that occur in the
  gold set or in our predictions.
- ``top_accuracy``: over sentences that expect events, the share whose top event (highest
  confidence, earliest on ties) has a gold type. No event counts as wrong. For the cameo scheme
  the type is the CAMEO root, so this is also the CAMEO root accuracy.
- ``any_recall``: over sentences that expect events, the share where any of our events has a gold type.
- Countries: UNO and EUR (PLOVER's codes for the UN and the EU) match a gold "IGO" (CAMEO's
  IGOUNO/IGOEUR cut to three letters).
- ``source_accuracy``/``target_accuracy``: over sentences whose type is right (the top event if
  right, else the first event of a gold type), compared with the gold events of that type. Source is
  right when our source country is in a gold source list, or when neither names one. Target is
  right when our target country is in a gold target list, or, when the gold event has no target,
  when ours has no country either (strict: a spurious target is an error, not excluded). A gold
  event with several sources and no target is a joint act whose actors the PLOVER markup tags as
  both source and target ("(SRC/TAR: Jordan) and (SRC/TAR: Britain) agreed"): there, one of those
  sources is also a right target.
- ``false_event_sentences``/``false_events``: on sentences that expect no event, how many got at
  least one event, and how many events in all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from detente.evaluation.gold import GoldEvent, GoldSentence


@dataclass(frozen=True)
class PredictedEvent:
    """What the evaluation needs from one of our events."""

    type: str | None  # PLOVER type or CAMEO root, by scheme; None when the event has none
    confidence: float
    code: str | None = None
    mode: str | None = None
    source: str | None = None  # country
    target: str | None = None


@dataclass(frozen=True)
class SentenceResult:
    gold: GoldSentence
    predicted: tuple[PredictedEvent, ...]


@dataclass(frozen=True)
class TypeScore:
    type: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True)
class Scores:
    sentences: int
    with_events: int
    per_type: tuple[TypeScore, ...]
    macro_f1: float
    top_accuracy: float
    any_recall: float
    type_right: int
    source_accuracy: float
    target_accuracy: float
    no_event_sentences: int
    false_event_sentences: int
    false_events: int
    extra: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "sentences": self.sentences,
            "with_events": self.with_events,
            "macro_f1": self.macro_f1,
            "top_accuracy": self.top_accuracy,
            "any_recall": self.any_recall,
            "type_right": self.type_right,
            "source_accuracy": self.source_accuracy,
            "target_accuracy": self.target_accuracy,
            "no_event_sentences": self.no_event_sentences,
            "false_event_sentences": self.false_event_sentences,
            "false_events": self.false_events,
            "per_type": {
                s.type: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for s in self.per_type
            },
            **self.extra,
        }


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def gold_types(sentence: GoldSentence) -> frozenset[str]:
    return frozenset(event.type for event in sentence.events)


def predicted_types(predicted: Sequence[PredictedEvent]) -> frozenset[str]:
    return frozenset(event.type for event in predicted if event.type)


def top_event(predicted: Sequence[PredictedEvent]) -> PredictedEvent | None:
    """Highest confidence; the earliest wins ties."""
    best: PredictedEvent | None = None
    for event in predicted:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def matched_event(result: SentenceResult) -> PredictedEvent | None:
    """The event whose type is right: the top event if so, else the first one of a gold type."""
    wanted = gold_types(result.gold)
    top = top_event(result.predicted)
    if top is not None and top.type in wanted:
        return top
    return next((event for event in result.predicted if event.type in wanted), None)


def type_scores(results: Sequence[SentenceResult]) -> tuple[TypeScore, ...]:
    """Per-type tp/fp/fn over (sentence, type) pairs, sorted by type."""
    counts: dict[str, list[int]] = {}
    for result in results:
        gold, ours = gold_types(result.gold), predicted_types(result.predicted)
        for kind in gold | ours:
            row = counts.setdefault(kind, [0, 0, 0])
            row[0 if kind in gold and kind in ours else 1 if kind in ours else 2] += 1
    return tuple(TypeScore(kind, *counts[kind]) for kind in sorted(counts))


# The gold files use CAMEO actor codes cut to three letters, where the UN is "IGOUNO" and the EU
# "IGOEUR"; detente follows the PLOVER manual, which codes them UNO and EUR. Both read as "IGO".
# The PLOVER gold also writes Japan once as "JAP".
GOLD_EQUIVALENTS = {"UNO": "IGO", "EUR": "IGO", "JPN": "JAP"}


def country_in(country: str | None, gold_countries: Sequence[str]) -> bool:
    """Our country is among the gold ones (UNO and EUR also match a gold "IGO")."""
    return country is not None and (country in gold_countries
                                    or GOLD_EQUIVALENTS.get(country) in gold_countries)


def source_right(event: PredictedEvent, golds: Sequence[GoldEvent]) -> bool:
    """In a gold source list, or no source where a gold event of the type has none (an attack
    by an unnamed perpetrator)."""
    return any(country_in(event.source, gold.source) or (not gold.source and event.source is None)
               for gold in golds)


def target_right(event: PredictedEvent, golds: Sequence[GoldEvent]) -> bool:
    """In a gold target list, or no target where a gold event of the type has none, or one of
    the joint actors of a gold event with several sources and no target."""
    for gold in golds:
        if not gold.target and event.target is None:
            return True
        if not gold.target and len(gold.source) > 1 and country_in(event.target, gold.source):
            return True
        if country_in(event.target, gold.target):
            return True
    return False


def _actor_counts(results: Sequence[SentenceResult]) -> tuple[int, int, int]:
    right = sources = targets = 0
    for result in results:
        event = matched_event(result)
        if event is None:
            continue
        golds = [gold for gold in result.gold.events if gold.type == event.type]
        right += 1
        sources += source_right(event, golds)
        targets += target_right(event, golds)
    return right, sources, targets


def score(results: Sequence[SentenceResult]) -> Scores:
    """All scores for a list of sentence results (see the module docstring)."""
    expecting = [r for r in results if r.gold.expects_events]
    quiet = [r for r in results if not r.gold.expects_events]
    per_type = type_scores(results)
    top_right = sum(
        1 for r in expecting if (top := top_event(r.predicted)) and top.type in gold_types(r.gold)
    )
    any_right = sum(1 for r in expecting if gold_types(r.gold) & predicted_types(r.predicted))
    type_right, sources, targets = _actor_counts(expecting)
    return Scores(
        sentences=len(results),
        with_events=len(expecting),
        per_type=per_type,
        macro_f1=_ratio(sum(s.f1 for s in per_type), len(per_type)) if per_type else 0.0,
        top_accuracy=_ratio(top_right, len(expecting)),
        any_recall=_ratio(any_right, len(expecting)),
        type_right=type_right,
        source_accuracy=_ratio(sources, type_right),
        target_accuracy=_ratio(targets, type_right),
        no_event_sentences=len(quiet),
        false_event_sentences=sum(1 for r in quiet if r.predicted),
        false_events=sum(len(r.predicted) for r in quiet),
    )


def is_miss(result: SentenceResult) -> bool:
    """A sentence to list under --errors: wrong or missing top type, or events where none are expected."""
    if not result.gold.expects_events:
        return bool(result.predicted)
    top = top_event(result.predicted)
    return top is None or top.type not in gold_types(result.gold)


__all__ = [
    "PredictedEvent",
    "Scores",
    "SentenceResult",
    "TypeScore",
    "gold_types",
    "is_miss",
    "matched_event",
    "predicted_types",
    "score",
    "source_right",
    "target_right",
    "top_event",
    "type_scores",
]
