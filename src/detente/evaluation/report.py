"""Text renderings of scores and misses (the CLI prints what these return)."""

from __future__ import annotations

from collections.abc import Sequence

from detente.evaluation.gold import GoldEvent, Scheme
from detente.evaluation.metrics import PredictedEvent, Scores, SentenceResult, is_miss, top_event


def format_table(scores: Scores, *, scheme: Scheme) -> str:
    """Per-type table, then the summary lines."""
    lines = [f"{'type':<12}{'prec':>7}{'rec':>7}{'f1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
    lines += [
        f"{s.type:<12}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
        for s in scores.per_type
    ]
    top_name = "cameo root accuracy (top event)" if scheme == "cameo" else "top-event accuracy"
    lines += [
        "",
        f"sentences: {scores.sentences} ({scores.with_events} with events)",
        f"macro-F1: {scores.macro_f1:.3f}",
        f"{top_name}: {scores.top_accuracy:.3f}",
        f"any-event recall: {scores.any_recall:.3f}",
        f"source country accuracy: {scores.source_accuracy:.3f} (of {scores.type_right} with right type)",
        f"target country accuracy: {scores.target_accuracy:.3f} (of {scores.type_right} with right type)",
        f"false events: {scores.false_event_sentences} of {scores.no_event_sentences} no-event sentences "
        f"({scores.false_events} events)",
    ]
    return "\n".join(lines)


def describe_gold(event: GoldEvent) -> str:
    code = f" {event.code}" if event.code else ""
    return f"{event.type}{code} {'/'.join(event.source) or '-'} -> {'/'.join(event.target) or '-'}"


def describe_predicted(event: PredictedEvent) -> str:
    code = f" {event.code}" if event.code else ""
    return (
        f"{event.type or '?'}{code} {event.source or '-'} -> {event.target or '-'} ({event.confidence:.2f})"
    )


def format_errors(results: Sequence[SentenceResult]) -> str:
    """One block per miss: id, sentence, gold coding, our top event first then the rest."""
    blocks = []
    for result in results:
        if not is_miss(result):
            continue
        top = top_event(result.predicted)
        ours = [top, *[e for e in result.predicted if e is not top]] if top else []
        blocks.append(
            "\n".join(
                [
                    f"{result.gold.gold_id}: {result.gold.text}",
                    f"  gold: {'; '.join(describe_gold(e) for e in result.gold.events) or 'no event'}",
                    f"  ours: {'; '.join(describe_predicted(e) for e in ours) or 'no event'}",
                ]
            )
        )
    return "\n\n".join(blocks)


def errors_as_dicts(results: Sequence[SentenceResult]) -> list[dict[str, object]]:
    """The misses as JSON-ready dicts."""
    return [
        {
            "id": r.gold.gold_id,
            "text": r.gold.text,
            "gold": [describe_gold(e) for e in r.gold.events],
            "ours": [describe_predicted(e) for e in r.predicted],
        }
        for r in results
        if is_miss(r)
    ]


__all__ = ["describe_gold", "describe_predicted", "errors_as_dicts", "format_errors", "format_table"]
