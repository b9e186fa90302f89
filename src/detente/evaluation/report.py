"""Text renderings of scores and misses (the CLI prints what these return)."""

from __future__ import annotations

from collections.abc import Sequence

from detente.evaluation.document_gold import GoldActor, GoldDocEvent
from detente.evaluation.documents import ArticleResult, DocumentScores, OutputActor, OutputEvent
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


def format_document_table(scores: DocumentScores) -> str:
    """The document-level summary lines."""
    return "\n".join([
        f"articles: {scores.articles} ({scores.political} political, {scores.non_political} not)",
        f"recall: {scores.recall:.3f} ({scores.matched} of {scores.gold_events} gold events)",
        f"precision: {scores.precision:.3f} ({scores.matched} of {scores.output_events} events on political"
        " articles)",
        f"political articles with no event: {scores.empty_share:.3f} ({scores.empty_political} of"
        f" {scores.political})",
        f"false events per non-political article: {scores.false_per_article:.2f} ({scores.false_events}"
        f" events)",
        f"date accuracy: {scores.date_accuracy:.3f} (of {scores.date_scored} matched with a gold date)",
        f"place accuracy: {scores.place_accuracy:.3f} (of {scores.place_scored} matched with a gold place)",
    ])


def _gold_actor(actor: GoldActor | None) -> str:
    return "-" if actor is None else f"{actor.country or '---'}{actor.sector or ''}"


def _our_actor(actor: OutputActor | None) -> str:
    return "-" if actor is None else f"{actor.country or '---'}{actor.sector or ''}"


def describe_gold_document_event(event: GoldDocEvent) -> str:
    types = "/".join((event.plover, *event.alt_plover))
    return (f"{event.event_id} {types} {_gold_actor(event.source)} -> {_gold_actor(event.target)}:"
            f" {event.evidence}")


def describe_output_event(event: OutputEvent) -> str:
    return (f"{event.plover or '?'} {event.cameo} {_our_actor(event.source)} -> {_our_actor(event.target)}"
            f" ({event.confidence:.2f}) [{event.trigger}] {event.sentence[:100]}")


def format_document_errors(results: Sequence[ArticleResult]) -> str:
    """One block per article with a missed gold event or an unmatched event of ours."""
    blocks = []
    for result in results:
        missed, spurious = result.missed, result.spurious
        if not missed and not spurious:
            continue
        kind = "political" if result.article.political else "non-political"
        lines = [f"{result.article.doc_id} ({kind}): {result.article.title or ''}".rstrip()]
        lines += [f"  missed: {describe_gold_document_event(e)}" for e in missed]
        lines += [f"  extra:  {describe_output_event(e)}" for e in spurious]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def document_errors_as_dicts(results: Sequence[ArticleResult]) -> list[dict[str, object]]:
    return [
        {"doc_id": r.article.doc_id, "political": r.article.political,
         "missed": [describe_gold_document_event(e) for e in r.missed],
         "extra": [describe_output_event(e) for e in r.spurious]}
        for r in results if r.missed or r.spurious
    ]


__all__ = ["describe_gold", "describe_gold_document_event", "describe_output_event", "describe_predicted",
           "document_errors_as_dicts", "errors_as_dicts", "format_document_errors", "format_document_table",
           "format_errors", "format_table"]
