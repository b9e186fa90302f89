"""Golden tests: the real pipeline on real and hand-written articles, with must / must-not events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from detente.models import Document
from detente.pipeline import code_documents
from tests.golden.matching import describe, matches

HERE = Path(__file__).parent
ARTICLES = sorted((HERE / "articles").glob("*.json"))
SEED_TEXT = HERE.parents[1] / "examples" / "antonov_recall.txt"
SEED_EXPECTED = json.loads((HERE / "seed_expected.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.model


def code_text(doc_id: str, text: str, published: str) -> list[dict[str, Any]]:
    document = Document(doc_id=doc_id, text=text, date=dt.date.fromisoformat(published))
    coded = next(code_documents([document]))
    return [event.to_dict() for event in coded.events if not event.negated]


@pytest.fixture(scope="module")
def seed_events() -> list[dict[str, Any]]:
    published = SEED_EXPECTED["document"]["published"]
    return code_text("article", SEED_TEXT.read_text(encoding="utf-8"), published)


@pytest.mark.parametrize("expected", SEED_EXPECTED["must"], ids=lambda e: e["id"])
def test_golden_seed_must(seed_events: list[dict[str, Any]], expected: dict[str, Any]) -> None:
    assert any(matches(e, expected) for e in seed_events), describe(seed_events)


@pytest.mark.parametrize("expected", SEED_EXPECTED["must_not"], ids=lambda e: e["id"])
def test_golden_seed_must_not(seed_events: list[dict[str, Any]], expected: dict[str, Any]) -> None:
    assert not [e for e in seed_events if matches(e, expected)], describe(seed_events)


def _cases(kind: str) -> list[Any]:
    cases = []
    for path in ARTICLES:
        article = json.loads(path.read_text(encoding="utf-8"))
        cases += [pytest.param(article, exp, id=f"{path.stem}:{exp['id']}") for exp in article[kind]]
    return cases


@pytest.fixture(scope="module")
def article_events() -> dict[str, list[dict[str, Any]]]:
    out = {}
    for path in ARTICLES:
        article = json.loads(path.read_text(encoding="utf-8"))
        out[article["id"]] = code_text(article["id"], article["text"], article["published"])
    return out


@pytest.mark.parametrize(("article", "expected"), _cases("must"))
def test_golden_article_must(article_events: dict[str, list[dict[str, Any]]], article: dict[str, Any],
                             expected: dict[str, Any]) -> None:
    events = article_events[article["id"]]
    assert any(matches(e, expected) for e in events), describe(events)


@pytest.mark.parametrize(("article", "expected"), _cases("must_not"))
def test_golden_article_must_not(article_events: dict[str, list[dict[str, Any]]], article: dict[str, Any],
                                 expected: dict[str, Any]) -> None:
    events = article_events[article["id"]]
    assert not [e for e in events if matches(e, expected)], describe(events)
