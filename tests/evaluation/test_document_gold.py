"""The document-level gold sets are well formed: the test set (tests/data/documents/articles.jsonl,
for measurement) and the development set (dev_articles.jsonl, for error analysis).

The format is docs/document_eval.md. The valid codes come from the repository's own tables: PLOVER
types and CAMEO roots from the ontology, countries and sectors from the actor tables. Nothing here
runs the coder.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from detente.actors.tables import NON_ACTOR_SECTORS, PSEUDO_COUNTRIES, SECTORS
from detente.evaluation.document_gold import read_articles as read_for_scoring
from tests.test_no_leakage import shingles

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "tests" / "data" / "documents"
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


@dataclass(frozen=True)
class GoldSet:
    """A document gold file and what it must cover. Its Wikinews articles must lie in `wikinews_years`:
    the 2019 articles of the corpus are for development, the later ones for measurement."""

    path: Path
    wikinews_years: range
    min_articles: int
    min_non_political: int
    min_political_wikinews: int


GOLD_SETS = {
    "test": GoldSet(DOCUMENTS / "articles.jsonl", range(2020, 2100), 44, 8, 26),
    "dev": GoldSet(DOCUMENTS / "dev_articles.jsonl", range(2019, 2020), 36, 6, 30),
}


def read_csv_column(path: Path, column: str) -> frozenset[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row[column] for row in csv.DictReader(handle))


PLOVER_TYPES = read_csv_column(ONTOLOGY / "cameo_plover.csv", "plover_type") | read_csv_column(
    ONTOLOGY / "plover_extensions.csv", "plover_type"
)
CAMEO_ROOTS = read_csv_column(ONTOLOGY / "event_codes.csv", "root")
COUNTRY_CODES = read_csv_column(COUNTRIES, "iso3") | PSEUDO_COUNTRIES
SECTOR_CODES = SECTORS - NON_ACTOR_SECTORS


def read_articles(path: Path) -> list[dict]:
    articles = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        assert isinstance(record, dict), f"{path.name} line {number} is not a JSON object"
        articles.append(record)
    return articles


ARTICLES = {name: read_articles(gold_set.path) for name, gold_set in GOLD_SETS.items()}
EVERY_ARTICLE = [(name, article) for name, articles in ARTICLES.items() for article in articles]
ARTICLE_IDS = [f"{name}:{article.get('doc_id')}" for name, article in EVERY_ARTICLE]


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


@pytest.mark.parametrize(("name", "article"), EVERY_ARTICLE, ids=ARTICLE_IDS)
def test_document_gold_article_is_well_formed(name, article):
    assert set(article) == ARTICLE_KEYS, sorted(set(article) ^ ARTICLE_KEYS)
    assert article["origin"] in LICENSES and article["license"] == LICENSES[article["origin"]]
    assert article["topic"] in TOPICS
    assert article["political"] == (article["topic"] != "non-political")
    published = iso_date(article["date"])
    if article["origin"] == "wikinews":
        assert published.year in GOLD_SETS[name].wikinews_years, f"{published.year} article in the {name} set"
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


def test_document_gold_doc_ids_are_unique_across_the_sets():
    counts = Counter(article["doc_id"] for _, article in EVERY_ARTICLE)
    assert not [doc_id for doc_id, n in counts.items() if n > 1]


def test_document_gold_sets_share_no_text():
    """No stretch of eight words of a test article appears in a development article."""
    test_text = set().union(*(shingles(article["text"]) for article in ARTICLES["test"]))
    shared = {a["doc_id"]: sorted(shingles(a["text"]) & test_text)[:1] for a in ARTICLES["dev"]}
    assert not {doc_id: hit for doc_id, hit in shared.items() if hit}


@pytest.mark.parametrize("name", GOLD_SETS)
def test_document_gold_set_is_read_by_the_scorer(name):
    scored = read_for_scoring(GOLD_SETS[name].path)
    assert [a.doc_id for a in scored] == [a["doc_id"] for a in ARTICLES[name]]
    assert sum(len(a.events) for a in scored) == sum(len(a["events"]) for a in ARTICLES[name])


@pytest.mark.parametrize("name", GOLD_SETS)
def test_document_gold_covers_the_set(name):
    articles, gold_set = ARTICLES[name], GOLD_SETS[name]
    assert len(articles) >= gold_set.min_articles
    assert sum(not article["political"] for article in articles) >= gold_set.min_non_political
    political_wikinews = sum(a["political"] and a["origin"] == "wikinews" for a in articles)
    assert political_wikinews >= gold_set.min_political_wikinews
    assert {article["topic"] for article in articles} == TOPICS


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
