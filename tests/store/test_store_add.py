"""Store.add: round trip, idempotency, replacement, rollback."""

from __future__ import annotations

import dataclasses
import json
import logging

import pytest

from detente.errors import StoreError
from detente.models import Sentence, event_from_dict
from detente.query import query_events, query_quotes
from detente.store import Store
from tests.store.store_records import KYIV, make_coded, make_event, make_quote


def rows_of(store: Store, doc_id: str) -> dict[str, int]:
    return {table: store.connection.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?",
                                            [doc_id]).fetchone()[0]
            for table in ("documents", "sentences", "actors", "events", "quotes")}


def test_store_round_trip_events(store: Store) -> None:
    coded = make_coded("a1", quotes=(make_quote("a1", 1),))
    assert store.add(coded) == "stored"
    assert rows_of(store, "a1") == {"documents": 1, "sentences": 2, "actors": 2, "events": 2, "quotes": 1}
    records = query_events(store.connection)
    assert records == [event.to_dict() for event in coded.events]
    assert [event_from_dict(record) for record in records] == list(coded.events)


def test_store_round_trip_columns(store: Store) -> None:
    coded = make_coded("a1")
    store.add(coded)
    row = store.connection.execute(
        "SELECT source_code, source_country, target_code, target_sector, cameo_root, location, date "
        "FROM events WHERE sentence_index = 0").fetchone()
    assert row[:5] == ("RUSGOV", "RUS", "UKR", None, "16")
    assert json.loads(row[5]) == KYIV.to_dict()
    assert row[6] == coded.events[0].date


def test_store_round_trip_document(store: Store) -> None:
    coded = make_coded("a1")
    store.add(coded)
    row = store.connection.execute(
        "SELECT doc_id, content_hash, title, date, source, url, language, path, text FROM documents"
    ).fetchone()
    document = coded.document
    assert row == (document.doc_id, document.content_hash, document.title, document.date,
                   document.source, document.url, document.language, document.path, document.text)


def test_store_round_trip_quotes(store: Store) -> None:
    coded = make_coded("a1", quotes=(make_quote("a1", 2), make_quote("a1", 1, speaker=None)))
    store.add(coded)
    assert query_quotes(store.connection) == [quote.to_dict() for quote in reversed(coded.quotes)]


def test_store_ingest_twice_adds_nothing(store: Store) -> None:
    assert store.add(make_coded("a1")) == "stored"
    before = store.counts()
    assert store.add(make_coded("a1")) == "unchanged"
    assert store.counts() == before


@pytest.mark.issue(13)
def test_store_same_text_other_id_is_an_alias(store: Store) -> None:
    store.add(make_coded("a1", "Same words."))
    assert store.add(make_coded("b2", "Same words.")) == "aliased"
    assert store.counts()["documents"] == 1
    row = store.connection.execute("SELECT alias_id, doc_id, title, url FROM document_aliases").fetchone()
    assert row == ("b2", "a1", "Title b2", "https://example.org/b2")
    assert store.add(make_coded("b2", "Same words.")) == "unchanged"


def test_store_contains(store: Store) -> None:
    coded = make_coded("a1")
    assert not store.contains(coded.document)
    store.add(coded)
    assert store.contains(coded.document)


def test_store_replaces_changed_document(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    store.add(make_coded("a1", "First version."))
    store.add(make_coded("b2"))
    other = rows_of(store, "b2")
    changed = make_coded("a1", "Second version.", events=(make_event("a1", 3, cameo="051"),))
    with caplog.at_level(logging.INFO, logger="detente.store"):
        assert store.add(changed) == "replaced"
    assert "replacing" in caplog.text
    assert rows_of(store, "a1") == {"documents": 1, "sentences": 2, "actors": 2, "events": 1, "quotes": 0}
    assert rows_of(store, "b2") == other
    text = store.connection.execute("SELECT text FROM documents WHERE doc_id = 'a1'").fetchone()[0]
    assert text == "Second version."
    assert [e["cameo"] for e in query_events(store.connection) if e["doc_id"] == "a1"] == ["051"]


def conflicting_events(doc_id: str) -> tuple:
    first = make_event(doc_id, 0)
    return first, dataclasses.replace(first, target=None)


def test_store_failure_leaves_nothing(store: Store) -> None:
    coded = make_coded("a1", events=conflicting_events("a1"), quotes=(make_quote("a1", 1),))
    with pytest.raises(StoreError, match=r"\[D304\].*a1"):
        store.add(coded)
    assert rows_of(store, "a1") == {"documents": 0, "sentences": 0, "actors": 0, "events": 0, "quotes": 0}
    assert store.add(make_coded("a1")) == "stored"


def test_store_failed_replacement_keeps_old_rows(store: Store) -> None:
    store.add(make_coded("a1", "First version."))
    before = rows_of(store, "a1")
    broken = make_coded("a1", "Second version.", events=conflicting_events("a1"))
    with pytest.raises(StoreError):
        store.add(broken)
    assert rows_of(store, "a1") == before
    text = store.connection.execute("SELECT text FROM documents WHERE doc_id = 'a1'").fetchone()[0]
    assert text == "First version."


def test_store_drops_exact_repeated_events(store: Store) -> None:
    event = make_event("a1", 0)
    assert store.add(make_coded("a1", events=(event, event))) == "stored"
    assert rows_of(store, "a1")["events"] == 1


@pytest.mark.parametrize("empty", ["events", "quotes", "both"])
def test_store_document_without_events(store: Store, empty: str) -> None:
    quotes = () if empty in ("quotes", "both") else (make_quote("a1", 1),)
    events = () if empty in ("events", "both") else None
    assert store.add(make_coded("a1", events=events, quotes=quotes)) == "stored"
    assert rows_of(store, "a1")["documents"] == 1


@pytest.mark.parametrize("count", [499, 500, 1201])
def test_store_many_rows_in_chunks(store: Store, count: int) -> None:
    coded = dataclasses.replace(make_coded("a1"), sentences=tuple(
        Sentence(index, f"Sentence {index}.", index * 20, index * 20 + 12) for index in range(count)))
    store.add(coded)
    stored = store.connection.execute(
        "SELECT sentence_index, text FROM sentences ORDER BY sentence_index").fetchall()
    assert stored == [(sentence.index, sentence.text) for sentence in coded.sentences]
