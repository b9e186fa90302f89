"""Document-level scores: our events on whole articles against a coder's list (docs/document_eval.md).

An output event counts for a gold event of the same article when its PLOVER type is the gold type
or an accepted alternative, and source and target match: the countries are equal (no country on
both sides is equal too) and, where the gold actor has no country but a sector, the sectors are
equal; a gold event with no target takes an output with no target or one without a country; a
mutual gold event (talks, clashes: no direction) also matches with source and target swapped. UN
and EU codes (UNO, EUR) match a gold IGO. Each event is matched at most once, and the matching is
a maximum one (augmenting paths), so the order of events never costs a match. Only events reported
by default are scored (status current, not negated), and only those with a PLOVER type.

- recall and precision are over political articles;
- ``empty_share``: the share of political articles with no scored event;
- ``false_per_article``: scored events per non-political article;
- date and place accuracy are over matched pairs whose gold gives a date (or place). A date is
  right at the gold's precision (same day, month or year); a place when the country is the same
  and, where the gold names a place below the country, the name is the same too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from detente.evaluation.document_gold import GoldActor, GoldArticle, GoldDocEvent, GoldPlace, read_articles
from detente.models import Actor, CodedDocument, Document, Event

COUNTRY_EQUIVALENTS = {"UNO": "IGO", "EUR": "IGO"}


@dataclass(frozen=True)
class OutputActor:
    country: str | None
    sector: str | None
    code: str | None = None


@dataclass(frozen=True)
class OutputEvent:
    """What the document scorer reads from one of our events."""

    plover: str | None
    cameo: str
    source: OutputActor | None
    target: OutputActor | None
    confidence: float
    sentence: str = ""
    trigger: str = ""
    date: dt.date | None = None
    place_names: tuple[str, ...] = ()  # the location's name and the text that named it
    place_country: str | None = None


@dataclass(frozen=True)
class ArticleResult:
    article: GoldArticle
    output: tuple[OutputEvent, ...]
    pairs: tuple[tuple[int, int], ...]  # (gold index, output index) matched

    @property
    def missed(self) -> list[GoldDocEvent]:
        matched = {g for g, _ in self.pairs}
        return [event for i, event in enumerate(self.article.events) if i not in matched]

    @property
    def spurious(self) -> list[OutputEvent]:
        matched = {o for _, o in self.pairs}
        return [event for i, event in enumerate(self.output) if i not in matched]


@dataclass(frozen=True)
class DocumentScores:
    articles: int
    political: int
    gold_events: int
    output_events: int  # on political articles
    matched: int
    recall: float
    precision: float
    empty_political: int
    empty_share: float
    non_political: int
    false_events: int
    false_per_article: float
    date_scored: int
    date_accuracy: float
    place_scored: int
    place_accuracy: float

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def output_event(event: Event) -> OutputEvent:
    def actor(found: Actor | None) -> OutputActor | None:
        return None if found is None else OutputActor(found.country, found.sector, found.code)

    location = event.location
    return OutputEvent(
        plover=event.plover, cameo=event.cameo, source=actor(event.source), target=actor(event.target),
        confidence=event.confidence, sentence=event.sentence, trigger=event.trigger.text, date=event.date,
        place_names=(location.name, location.text) if location else (),
        place_country=location.country if location else None,
    )


def scored(event: Event) -> bool:
    """The events reported by default (current and not negated) that have a PLOVER type: CAMEO 01
    statements have none, and the gold lists plain statements as no events."""
    return event.status == "current" and not event.negated and event.plover is not None


def _country(code: str | None) -> str | None:
    return COUNTRY_EQUIVALENTS.get(code, code) if code else None


def actor_matches(gold: GoldActor | None, ours: OutputActor | None) -> bool:
    if gold is None:
        return ours is None or not ours.country
    country = ours.country if ours else None
    if _country(gold.country) != _country(country):
        return False
    if gold.country is None and gold.sector:
        return ours is not None and ours.sector == gold.sector
    return True


def event_matches(gold: GoldDocEvent, ours: OutputEvent) -> bool:
    if ours.plover not in gold.types:
        return False
    if actor_matches(gold.source, ours.source) and actor_matches(gold.target, ours.target):
        return True
    return gold.mutual and actor_matches(gold.source, ours.target) and actor_matches(gold.target, ours.source)


def match_events(gold: Sequence[GoldDocEvent], output: Sequence[OutputEvent]) -> tuple[tuple[int, int], ...]:
    """A maximum matching of gold to output events; among equals, more confident outputs first."""
    order = sorted(range(len(output)), key=lambda o: -output[o].confidence)
    options = [[o for o in order if event_matches(event, output[o])] for event in gold]
    owner: dict[int, int] = {}  # output index -> gold index

    def assign(g: int, seen: set[int]) -> bool:
        for o in options[g]:
            if o in seen:
                continue
            seen.add(o)
            if o not in owner or assign(owner[o], seen):
                owner[o] = g
                return True
        return False

    for g in range(len(gold)):
        assign(g, set())
    return tuple(sorted((g, o) for o, g in owner.items()))


def date_right(gold: GoldDocEvent, ours: OutputEvent) -> bool:
    if gold.date is None or ours.date is None:
        return False
    if gold.date_precision == "year":
        return gold.date.year == ours.date.year
    if gold.date_precision == "month":
        return (gold.date.year, gold.date.month) == (ours.date.year, ours.date.month)
    return gold.date == ours.date


def place_right(gold: GoldPlace, ours: OutputEvent, is_country_name: Callable[[str, str], bool]) -> bool:
    if not gold.country or _country(gold.country) != _country(ours.place_country):
        return False
    if is_country_name(gold.name, gold.country):
        return True
    return gold.name.casefold() in {name.casefold() for name in ours.place_names}


def names_country(name: str, country: str) -> bool:
    """The place name is the country itself ("Afghanistan"), by the actor tables' country names."""
    from detente.actors.tables import load_tables, normalise

    tables = load_tables()
    found = tables.aliases.get(normalise(name))
    known = tables.countries.get(country)
    return (found is not None and found[0] == country) or (
        known is not None and normalise(known.name) == normalise(name))


def score_documents(results: Sequence[ArticleResult], *,
                    is_country_name: Callable[[str, str], bool] = names_country) -> DocumentScores:
    political = [r for r in results if r.article.political]
    others = [r for r in results if not r.article.political]
    gold_events = sum(len(r.article.events) for r in political)
    output_events = sum(len(r.output) for r in political)
    matched = sum(len(r.pairs) for r in political)
    pairs = [(r.article.events[g], r.output[o]) for r in political for g, o in r.pairs]
    dated = [(g, o) for g, o in pairs if g.date is not None]
    placed = [(g, o) for g, o in pairs if g.place is not None and g.place.country]
    empty = sum(1 for r in political if not r.output)
    false_events = sum(len(r.output) for r in others)
    return DocumentScores(
        articles=len(results), political=len(political), gold_events=gold_events,
        output_events=output_events, matched=matched,
        recall=_ratio(matched, gold_events), precision=_ratio(matched, output_events),
        empty_political=empty, empty_share=_ratio(empty, len(political)),
        non_political=len(others), false_events=false_events,
        false_per_article=_ratio(false_events, len(others)),
        date_scored=len(dated), date_accuracy=_ratio(sum(date_right(g, o) for g, o in dated), len(dated)),
        place_scored=len(placed),
        place_accuracy=_ratio(sum(place_right(g.place, o, is_country_name) for g, o in placed if g.place),
                              len(placed)),
    )


def article_result(article: GoldArticle, events: Iterable[Event]) -> ArticleResult:
    output = tuple(output_event(event) for event in events if scored(event))
    return ArticleResult(article, output, match_events(article.events, output))


def run_articles(articles: Sequence[GoldArticle], *, model: str = "md") -> list[ArticleResult]:
    """Code every article with the pipeline and match its events."""
    from detente.pipeline import code_documents

    documents = [Document(doc_id=a.doc_id, text=a.text, title=a.title, date=a.date, source="gold")
                 for a in articles]
    coded: dict[str, CodedDocument] = {c.document.doc_id: c for c in code_documents(documents, model=model)}
    return [article_result(a, coded[a.doc_id].events if a.doc_id in coded else ()) for a in articles]


def evaluate_documents(path: str | Path, *, model: str = "md") -> tuple[DocumentScores, list[ArticleResult]]:
    """Read a document gold file, code its articles and score them."""
    results = run_articles(read_articles(path), model=model)
    return score_documents(results), results


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


__all__ = [
    "ArticleResult",
    "DocumentScores",
    "OutputActor",
    "OutputEvent",
    "actor_matches",
    "article_result",
    "date_right",
    "evaluate_documents",
    "event_matches",
    "match_events",
    "names_country",
    "output_event",
    "place_right",
    "run_articles",
    "score_documents",
    "scored",
]
