"""The document-level scorer: reading the gold, matching events, the scores and `eval --documents`."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import detente.evaluation.documents as documents
from detente.errors import InputError
from detente.evaluation.document_gold import GoldActor, GoldDocEvent, GoldPlace, read_articles
from detente.evaluation.documents import (
    ArticleResult,
    OutputActor,
    OutputEvent,
    actor_matches,
    date_right,
    match_events,
    names_country,
    place_right,
    score_documents,
    scored,
)
from detente.evaluation.report import format_document_errors

FIXTURE = Path(__file__).parent / "data" / "documents_fixture.jsonl"


Pair = tuple[str | None, str | None]


def ours(plover: str, source: Pair | None, target: Pair | None, *, confidence: float = 0.8,
         date: dt.date | None = None, place: tuple[str, str] | None = None) -> OutputEvent:
    return OutputEvent(
        plover=plover, cameo="000", confidence=confidence, date=date,
        source=OutputActor(*source) if source else None, target=OutputActor(*target) if target else None,
        place_names=(place[0],) if place else (), place_country=place[1] if place else None)


def gold(plover: str, source: GoldActor | None, target: GoldActor | None, *, alt: tuple[str, ...] = ()
         ) -> GoldDocEvent:
    return GoldDocEvent(event_id="e", source=source, target=target, plover=plover, alt_plover=alt)


DEU_GOV = GoldActor("Germany", "DEU", "GOV")
REB = GoldActor("Gunmen", None, "REB")


def test_documents_read_fixture():
    articles = read_articles(FIXTURE)
    assert [a.doc_id for a in articles] == ["fixture:talks", "fixture:rebels", "fixture:football"]
    assert [a.political for a in articles] == [True, True, False]
    second = articles[0].events[1]
    assert (second.date, second.date_precision) == (dt.date(2019, 3, 1), "month")
    assert articles[1].events[0].source == REB


@pytest.mark.parametrize(("line", "message"), [
    ("not json", "not JSON"),
    ('{"doc_id": "a", "text": "x"}', "'political' must be true or false"),
    ('{"doc_id": "a", "text": "x", "political": true, "events": [{}]}', "lacks the field 'plover'"),
    ('{"doc_id": "a", "text": "x", "political": true, "date": "2019-13-01"}', "not a date"),
])
def test_documents_read_errors_name_the_line(tmp_path: Path, line: str, message: str):
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read_articles(path)
    assert f"{path}:1" in str(caught.value)


@pytest.mark.parametrize(("gold_actor", "our_actor", "expected"), [
    (DEU_GOV, ("DEU", "MIL"), True),  # a named country: the sector is not compared
    (DEU_GOV, ("FRA", "GOV"), False),
    (DEU_GOV, None, False),
    (REB, (None, "REB"), True),  # no country on either side, the sectors equal
    (REB, (None, "COP"), False),
    (REB, ("AFG", "REB"), False),
    (GoldActor("the UN", "IGO", None), ("UNO", None), True),
    (None, None, True),  # no gold target: no target, or one without a country
    (None, (None, "CVL"), True),
    (None, ("DEU", "GOV"), False),
])
def test_documents_actor_matches(gold_actor, our_actor, expected):
    assert actor_matches(gold_actor, OutputActor(*our_actor) if our_actor else None) is expected


def test_documents_matching_is_maximum_and_one_to_one():
    golds = [gold("ASSAULT", REB, None), gold("ASSAULT", REB, None, alt=("COERCE",))]
    # The confident output fits both gold events, the other only the first: both are matched.
    output = [ours("ASSAULT", (None, "REB"), None, confidence=0.9),
              ours("ASSAULT", (None, "REB"), None, confidence=0.5)]
    assert len(match_events(golds, output)) == 2
    assert match_events(golds[:1], output) == ((0, 0),)


@pytest.mark.parametrize(("mutual", "source", "target", "expected"), [
    (False, ("DEU", "GOV"), ("FRA", "GOV"), True),
    (False, ("FRA", "GOV"), ("DEU", "GOV"), False),
    (True, ("FRA", "GOV"), ("DEU", "GOV"), True),  # no direction: either way round
    (True, ("FRA", "GOV"), None, False),
])
def test_documents_mutual_event_matches_either_way(mutual, source, target, expected):
    talks = GoldDocEvent("e", DEU_GOV, GoldActor("France", "FRA", "GOV"), "CONSULT", mutual=mutual)
    assert match_events([talks], [ours("CONSULT", source, target)]) == (((0, 0),) if expected else ())


@pytest.mark.parametrize(("status", "negated", "plover", "expected"), [
    ("current", False, "ASSAULT", True),
    ("background", False, "ASSAULT", False),
    ("current", True, "ASSAULT", False),
    ("current", False, None, False),  # a CAMEO 01 statement: no PLOVER type, no event of the gold
])
def test_documents_scored_events(status: str, negated: bool, plover: str | None, expected: bool):
    from tests.places.test_places_events import event

    made = replace(event(None, None, "ASSAULT"), status=status, negated=negated, plover=plover)
    assert scored(made) is expected


@pytest.mark.parametrize(("gold_date", "precision", "our_date", "expected"), [
    (dt.date(2019, 3, 4), "day", dt.date(2019, 3, 4), True),
    (dt.date(2019, 3, 4), "day", dt.date(2019, 3, 5), False),
    (dt.date(2019, 3, 1), "month", dt.date(2019, 3, 20), True),
    (dt.date(2019, 1, 1), "year", dt.date(2019, 12, 31), True),
    (dt.date(2019, 1, 1), "year", None, False),
])
def test_documents_date_right(gold_date, precision, our_date, expected):
    event = GoldDocEvent("e", None, None, "ASSAULT", date=gold_date, date_precision=precision)
    assert date_right(event, ours("ASSAULT", None, None, date=our_date)) is expected


@pytest.mark.parametrize(("place", "our_place", "expected"), [
    (GoldPlace("Berlin", "DEU"), ("Berlin", "DEU"), True),
    (GoldPlace("Berlin", "DEU"), ("Hamburg", "DEU"), False),
    (GoldPlace("Germany", "DEU"), ("Hamburg", "DEU"), True),  # the gold names only the country
    (GoldPlace("Berlin", "DEU"), None, False),
])
def test_documents_place_right(place, our_place, expected):
    assert place_right(place, ours("CONSULT", None, None, place=our_place), names_country) is expected


def test_documents_scores():
    articles = read_articles(FIXTURE)
    talks = [ours("CONSULT", ("DEU", "GOV"), ("FRA", "GOV"), date=dt.date(2019, 3, 4),
                  place=("Berlin", "DEU")),
             ours("ACCUSE", ("DEU", "GOV"), ("FRA", "GOV"))]
    outputs = [talks, [], [ours("ASSAULT", (None, None), None)]]
    results = [ArticleResult(a, tuple(o), match_events(a.events, o))
               for a, o in zip(articles, outputs, strict=True)]
    scores = score_documents(results)
    assert (scores.gold_events, scores.matched, scores.output_events) == (3, 1, 2)
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.precision == 0.5
    assert (scores.empty_political, scores.empty_share) == (1, 0.5)
    assert (scores.false_events, scores.false_per_article) == (1, 1.0)
    assert (scores.date_accuracy, scores.place_accuracy) == (1.0, 1.0)
    errors = format_document_errors(results)
    assert "missed: e2 COERCE DEUCOP -> DEUCVL: police detained three protesters" in errors
    assert "fixture:football (non-political)" in errors
    assert "extra:  ACCUSE 000 DEUGOV -> FRAGOV (0.80)" in errors


def run_cli(*args: str):
    from detente.cli import main

    return CliRunner().invoke(main, ["eval", *args])


def test_documents_cli_with_fixed_answer(monkeypatch: pytest.MonkeyPatch):
    def fake(articles, *, model="md"):
        return [ArticleResult(a, (), ()) for a in articles]

    monkeypatch.setattr(documents, "run_articles", fake)
    result = run_cli("--documents", str(FIXTURE), "--output-format", "json", "--errors")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert (payload["recall"], payload["empty_share"], payload["false_per_article"]) == (0.0, 1.0, 0.0)
    assert [e["doc_id"] for e in payload["errors"]] == ["fixture:talks", "fixture:rebels"]


@pytest.mark.parametrize("args", [(), ("gold.jsonl", "--documents", "articles.jsonl")])
def test_documents_cli_needs_one_gold(args: tuple[str, ...]):
    assert run_cli(*args).exit_code == 2


@pytest.mark.model
def test_documents_cli_runs_the_pipeline():
    result = run_cli("--documents", str(FIXTURE))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("articles: 3 (2 political, 1 not)\nrecall: ")
