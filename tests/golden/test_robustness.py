"""Real news (Wikinews 2019, CC BY 2.5, tests/data/news/): the pipeline runs and events are well formed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from detente.models import Document
from detente.pipeline import code_documents
from tests.paths import NEWS_SAMPLE

SAMPLE = 15

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def coded() -> list:
    lines = NEWS_SAMPLE.read_text(encoding="utf-8").splitlines()[:SAMPLE]
    records = [json.loads(line) for line in lines]
    documents = [Document(doc_id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"][:10]))
                 for r in records]
    return list(code_documents(documents))


def test_robustness_every_document_is_coded(coded: list) -> None:
    assert len(coded) == SAMPLE
    assert sum(len(c.events) for c in coded) > SAMPLE  # real news has events


def test_robustness_events_are_well_formed(coded: list) -> None:
    for item in coded:
        text = item.document.text
        for event in item.events:
            assert text[event.trigger.start:event.trigger.end] == event.trigger.text
            assert 0.0 <= event.confidence <= 1.0
            assert event.cameo.startswith(event.cameo_root)
            assert event.quad_class in {1, 2, 3, 4}
            assert -10.0 <= event.goldstein <= 10.0
            assert any(a is not None and a.country for a in (event.source, event.target))
            assert event.sentence and event.sentence in text


def test_robustness_event_ids_are_unique(coded: list) -> None:
    ids = [event.event_id for item in coded for event in item.events]
    assert len(ids) == len(set(ids))


def test_robustness_quotes_point_into_the_text(coded: list) -> None:
    for item in coded:
        for quote in item.quotes:
            assert 0 <= quote.start < quote.end <= len(item.document.text)
