"""The document-level gold set (tests/data/documents/articles.jsonl) is well formed.

The format is docs/document_eval.md. The valid codes come from the repository's own tables: PLOVER
types and CAMEO roots from the ontology, countries and sectors from the actor tables. Nothing here
runs the coder.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from detente.actors.tables import NON_ACTOR_SECTORS, PSEUDO_COUNTRIES, SECTORS

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "documents" / "articles.jsonl"
ONTOLOGY = ROOT / "src" / "detente" / "data" / "ontology"
COUNTRIES = ROOT / "src" / "detente" / "data" / "actors" / "countries.csv"

ARTICLE_KEYS = frozenset(
    [
        "doc_id",
        "title",
        "date",
        "text",
        "origin",
        "license",
        "url",
        "political",
        "topic",
        "events",
        "not_events",
    ]
)
EVENT_KEYS = frozenset(
    [
        "id",
        "source",
        "target",
        "plover",
        "alt_plover",
        "cameo_root",
        "date",
        "date_precision",
        "place",
        "evidence",
    ]
)
OPTIONAL_EVENT_KEYS = frozenset({"mutual"})
ACTOR_KEYS = frozenset({"text", "country", "sector"})
TOPICS = frozenset(
    ["conflict", "protest", "diplomacy", "aid", "election", "crime", "justice", "domestic", "non-political"]
)
WHY = frozenset(["background", "future", "hypothetical", "denied", "non-political", "not-an-event"])
PRECISIONS = frozenset({"day", "month", "year"})
LICENSES = {"wikinews": "CC BY 2.5", "written": "MIT"}
# Wikinews articles before 2020 are kept for development; the gold set takes only later ones.
FIRST_WIKINEWS_DATE = dt.date(2020, 1, 1)
MIN_ARTICLES = 44
MIN_NON_POLITICAL = 8


def read_csv_column(path: Path, column: str) -> frozenset[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row[column] for row in csv.DictReader(handle))


PLOVER_TYPES = read_csv_column(ONTOLOGY / "cameo_plover.csv", "plover_type") | read_csv_column(
    ONTOLOGY / "plover_extensions.csv", "plover_type"
)
CAMEO_ROOTS = read_csv_column(ONTOLOGY / "event_codes.csv", "root")
COUNTRY_CODES = read_csv_column(COUNTRIES, "iso3") | PSEUDO_COUNTRIES
SECTOR_CODES = SECTORS - NON_ACTOR_SECTORS


def read_articles() -> list[dict]:
    articles = []
    for number, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        assert isinstance(record, dict), f"line {number} is not a JSON object"
        articles.append(record)
    return articles


ARTICLES = read_articles()


def iso_date(value: object) -> dt.date:
    assert isinstance(value, str), value
    return dt.date.fromisoformat(value)


def actor_problems(actor: object, role: str) -> list[str]:
    if actor is None:
        return [] if role == "target" else ["source is null"]
    if not isinstance(actor, dict) or set(actor) != ACTOR_KEYS:
        return [f"{role} keys {sorted(actor) if isinstance(actor, dict) else actor!r}"]
    problems = []
    if actor["country"] is not None and actor["country"] not in COUNTRY_CODES:
        problems.append(f"{role} country {actor['country']!r}")
    if actor["sector"] is not None and actor["sector"] not in SECTOR_CODES:
        problems.append(f"{role} sector {actor['sector']!r}")
    if actor["text"] is not None and not isinstance(actor["text"], str):
        problems.append(f"{role} text {actor['text']!r}")
    return problems


def event_problems(event: dict, text: str) -> list[str]:
    if not EVENT_KEYS <= set(event) <= EVENT_KEYS | OPTIONAL_EVENT_KEYS:
        return [f"keys {sorted(set(event) ^ EVENT_KEYS)}"]
    problems = actor_problems(event["source"], "source") + actor_problems(event["target"], "target")
    if event["plover"] not in PLOVER_TYPES:
        problems.append(f"plover {event['plover']!r}")
    if not set(event["alt_plover"]) <= PLOVER_TYPES or event["plover"] in event["alt_plover"]:
        problems.append(f"alt_plover {event['alt_plover']!r}")
    if event["cameo_root"] not in CAMEO_ROOTS or len(event["cameo_root"]) != 2:
        problems.append(f"cameo_root {event['cameo_root']!r}")
    if event["date_precision"] not in PRECISIONS:
        problems.append(f"date_precision {event['date_precision']!r}")
    iso_date(event["date"])
    place = event["place"]
    if place is not None and (set(place) != {"name", "country"} or place["country"] not in COUNTRY_CODES):
        problems.append(f"place {place!r}")
    if event.get("mutual", False) not in (True, False) or (event.get("mutual") and event["target"] is None):
        problems.append(f"mutual {event['mutual']!r}")
    if event["evidence"] not in text:
        problems.append(f"evidence not in the text: {event['evidence']!r}")
    return problems


@pytest.mark.parametrize("article", ARTICLES, ids=[a.get("doc_id", "?") for a in ARTICLES])
def test_document_gold_article_is_well_formed(article):
    assert set(article) == ARTICLE_KEYS, sorted(set(article) ^ ARTICLE_KEYS)
    assert article["origin"] in LICENSES and article["license"] == LICENSES[article["origin"]]
    assert article["topic"] in TOPICS
    assert article["political"] == (article["topic"] != "non-political")
    published = iso_date(article["date"])
    if article["origin"] == "wikinews":
        assert published >= FIRST_WIKINEWS_DATE
        assert article["url"].startswith("https://en.wikinews.org/wiki/")
    problems = []
    for event in article["events"]:
        problems += [f"{event.get('id')}: {p}" for p in event_problems(event, article["text"])]
    for item in article["not_events"]:
        well_formed = set(item) == {"evidence", "why"} and item["why"] in WHY
        if not well_formed or item["evidence"] not in article["text"]:
            problems.append(f"not_event {item!r}")
    assert not problems, "\n".join(problems)
    ids = [event["id"] for event in article["events"]]
    assert len(ids) == len(set(ids))
    assert bool(article["events"]) == article["political"]


def test_document_gold_doc_ids_are_unique():
    counts = Counter(article["doc_id"] for article in ARTICLES)
    assert not [doc_id for doc_id, n in counts.items() if n > 1]


def test_document_gold_covers_the_set():
    assert len(ARTICLES) >= MIN_ARTICLES
    assert sum(not article["political"] for article in ARTICLES) >= MIN_NON_POLITICAL
    assert {article["topic"] for article in ARTICLES} == TOPICS


@pytest.mark.parametrize(
    ("event", "problem"),
    [
        ({"plover": "ATTACK"}, "plover 'ATTACK'"),
        ({"cameo_root": "190"}, "cameo_root '190'"),
        ({"source": {"text": "x", "country": "XXX", "sector": "GOV"}}, "source country 'XXX'"),
        ({"target": {"text": "x", "country": "USA", "sector": "ARMY"}}, "target sector 'ARMY'"),
        ({"evidence": "not in the article"}, "evidence not in the text: 'not in the article'"),
        ({"mutual": True}, "mutual True"),  # a mutual act has two sides
    ],
)
def test_document_gold_checks_catch_bad_events(event, problem):
    good = {
        "id": "e1",
        "source": {"text": "Ruritania", "country": "USA", "sector": "GOV"},
        "target": None,
        "plover": "ACCUSE",
        "alt_plover": [],
        "cameo_root": "11",
        "date": "2020-01-02",
        "date_precision": "day",
        "place": None,
        "evidence": "Ruritania blamed",
    }
    assert event_problems(good, "Ruritania blamed Freedonia.") == []
    assert event_problems({**good, **event}, "Ruritania blamed Freedonia.") == [problem]
