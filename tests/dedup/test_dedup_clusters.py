from __future__ import annotations

import duckdb
import pytest

from detente.dedup import (
    ClusterSettings,
    bcubed_scores,
    cluster_id_for,
    load_clusters,
    pairwise_scores,
    update_clusters,
)
from detente.dedup.clusters import _actor_key
from tests.dedup.eventdb import CORPUS, add_document, add_event, expected_clusters, load_corpus, read_jsonl


def _membership(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())


def test_dedup_corpus_matches_gold(corpus):
    con, keys = corpus
    assert update_clusters(con) == len(keys)
    members = _membership(con)
    gold = expected_clusters()
    predicted = {key: members[keys[key]] for key in gold}
    assert pairwise_scores(gold, predicted).f1 == 1.0
    assert bcubed_scores(gold, predicted).f1 == 1.0
    assert len(set(predicted.values())) == len(set(gold.values()))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("a09.1", "a11.1"),  # same dyad and type, a week apart
        ("a26.1", "a28.1"),  # same dyad and type, eight days apart
        ("a01.1", "a04.1"),  # other target, same day, same wording
        ("a17.1", "a20.1"),  # reverse dyad, same day
        ("a13.1", "a16.1"),  # same dyad and day, other type
        ("a29.1", "a31.1"),  # negated report of the same dyad and type
    ],
)
def test_dedup_near_misses_stay_apart(corpus, left, right):
    con, keys = corpus
    update_clusters(con)
    members = _membership(con)
    assert members[keys[left]] != members[keys[right]]


def test_dedup_is_independent_of_insertion_order():
    forward, backward = duckdb.connect(), duckdb.connect()
    size = len(read_jsonl(CORPUS / "codings.jsonl"))
    load_corpus(forward)
    load_corpus(backward, order=list(reversed(range(size))))
    update_clusters(forward)
    update_clusters(backward)
    assert _membership(forward) == _membership(backward)


def test_dedup_incremental_joins_existing_clusters(con):
    for doc_id in ("d1", "d2"):
        add_document(con, doc_id, date="2021-03-17", source=f"outlet-{doc_id}")
    first = add_event(con, _recall("d1", "Russia recalled its ambassador to the United States."))
    assert update_clusters(con) == 1
    assert update_clusters(con) == 0
    second = add_event(con, _recall("d2", "Moscow recalled its envoy from Washington."))
    assert update_clusters(con) == 1
    members = _membership(con)
    assert members[first] == members[second] == cluster_id_for(first)
    row = con.execute(
        "SELECT num_mentions, num_articles, num_sources, founder_event_id FROM clusters"
    ).fetchall()
    assert row == [(2, 2, 2, first)]


def _recall(doc_id: str, sentence: str, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "doc_id": doc_id,
        "sentence": sentence,
        "cameo": "161",
        "plover": "SANCTION",
        "date": "2021-03-17",
        "trigger": {"text": "recalled", "start": 7, "end": 15},
        "source": {"text": "Russia", "name": "Russia", "country": "RUS", "sector": "GOV"},
        "target": {"text": "the United States", "name": "United States", "country": "USA", "sector": None},
    }
    row.update(extra)
    return row


@pytest.mark.parametrize(
    ("sources", "urls", "expected"),
    [
        (("Wire", "Wire", "Ledger"), (None, None, None), 2),
        ((None, None, None), ("https://www.a.example/1", "http://a.example/2", "https://b.example/x"), 2),
        ((None, None, None), (None, None, None), 3),  # falls back to doc_id
        (("", " ", None), (None, None, "https://b.example/"), 3),
    ],
)
def test_dedup_counts_distinct_sources(con, sources, urls, expected):
    for i, (source, url) in enumerate(zip(sources, urls, strict=True)):
        add_document(con, f"d{i}", date="2021-03-17", source=source, url=url)
        add_event(con, _recall(f"d{i}", "Russia recalled its ambassador to the United States."))
    update_clusters(con)
    assert con.execute("SELECT num_mentions, num_articles, num_sources FROM clusters").fetchall() == [
        (3, 3, expected)
    ]


def test_dedup_cluster_fields_come_from_the_representative(corpus):
    con, keys = corpus
    update_clusters(con)
    record = next(r for r in load_clusters(con) if keys["a01.1"] in r.event_ids)
    assert record.representative_event_id == keys["a03.1"]  # highest confidence
    assert record.doc_ids == ("a01", "a02", "a03")
    assert (record.num_mentions, record.num_articles, record.num_sources) == (3, 3, 3)
    assert record.date.isoformat() == "2021-03-17"
    assert record.first_seen.date().isoformat() == "2021-03-17"
    assert record.last_seen.date().isoformat() == "2021-03-18"
    assert record.outlet == "capitalpost.example"


def test_dedup_two_reports_in_one_article_count_one_article(con):
    add_document(con, "d1", date="2021-03-17", source="Wire")
    add_event(con, _recall("d1", "Russia recalled its ambassador.", sentence_index=0))
    add_event(con, _recall("d1", "Russia recalled its ambassador, officials said.", sentence_index=2))
    update_clusters(con)
    assert con.execute("SELECT num_mentions, num_articles FROM clusters").fetchall() == [(2, 1)]


@pytest.mark.parametrize(("window", "clusters"), [(3, 1), (1, 2)])
def test_dedup_window_is_configurable(con, window, clusters):
    for doc_id, day in (("d1", "2021-03-17"), ("d2", "2021-03-19")):
        add_document(con, doc_id, date=day, source=doc_id)
        add_event(con, _recall(doc_id, "Russia recalled its ambassador to the United States.", date=day))
    update_clusters(con, settings=ClusterSettings(window_days=window))
    assert con.execute("SELECT count(*) FROM clusters").fetchone() == (clusters,)


def test_dedup_removed_events_leave_their_clusters(con):
    add_document(con, "d1", date="2021-03-17", source="Wire")
    add_document(con, "d2", date="2021-03-17", source="Ledger")
    first = add_event(con, _recall("d1", "Russia recalled its ambassador."))
    add_event(con, _recall("d2", "Russia recalled its ambassador."))
    update_clusters(con)
    con.execute("DELETE FROM events WHERE event_id = ?", [first])
    update_clusters(con)
    assert con.execute("SELECT num_mentions, num_articles FROM clusters").fetchall() == [(1, 1)]
    assert first not in _membership(con)


@pytest.mark.parametrize(
    ("columns", "named"),
    [
        (("RUS", "GOV", "Russia", "Moscow"), True),
        (("USA", "COP", None, "police"), False),  # an agent noun only
        (("USA", None, "Dayton", "DAYTON"), False),  # a place taken for an actor names no participant
    ],
)
def test_dedup_named_actors(columns, named):
    assert _actor_key(*columns).named is named
