from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from detente.dedup import (
    ClusterSettings,
    StorySettings,
    bcubed_scores,
    load_clusters,
    load_stories,
    pairwise_scores,
    story_id_for,
    update_clusters,
)
from detente.dedup.features import Dyad
from detente.dedup.stories import dyads_conflict
from detente.dedup.tables import DEDUP_DDL, ensure_cluster_tables
from detente.store.check import check_store
from tests.dedup.eventdb import (
    add_alias,
    add_document,
    add_event,
    create_store,
    expected_clusters,
    expected_stories,
    load_corpus,
)


@pytest.fixture
def local(local_corpus) -> duckdb.DuckDBPyConnection:
    con, _ = local_corpus
    update_clusters(con)
    return con


def _stories(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT doc_id, story_id FROM story_members").fetchall())


@pytest.mark.issue(12)
def test_dedup_stories_match_the_local_gold(local):
    stories = _stories(local)
    gold = {doc: label for doc, label in expected_stories().items() if doc in stories}
    predicted = {doc: stories[doc] for doc in gold}
    scores = pairwise_scores(gold, predicted)
    assert scores.precision == 1.0
    assert scores.recall >= 0.9
    assert bcubed_scores(gold, predicted).precision == 1.0


@pytest.mark.issue(12)
def test_dedup_local_events_match_the_gold(local_corpus):
    local, keys = local_corpus
    update_clusters(local)
    members = dict(local.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
    gold = {key: label for key, label in expected_clusters("local_").items() if key in keys}
    predicted = {key: members[keys[key]] for key in gold}
    assert pairwise_scores(gold, predicted).f1 == 1.0


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("b01", "b06"),  # a killing the same night in another city
        ("b01", "b04"),  # a shooting in the same city two days later
        ("b01", "b30"),  # another crime, same city, same day, same outlet
        ("b08", "b11"),  # a stabbing the same day in the neighbouring city
        ("b12", "b15"),  # a school protest the same day in another city
        ("b12", "b16"),  # the same cause, same city, ten days later
        ("b17", "b20"),  # a fuel protest the same day in another city
        ("b17", "b21"),  # fuel protests in the same city a week later
        ("b24", "b26"),  # a hit-and-run in the same city three days later
        ("b27", "b29"),  # the same street and day, another story
    ],
)
def test_dedup_story_near_misses_stay_apart(local, left, right):
    stories = _stories(local)
    assert stories[left] != stories[right]


def test_dedup_stories_without_events(local):
    """Hit-and-run reports code no event, and still make a story."""
    record = next(s for s in load_stories(local) if "b24" in s.doc_ids)
    assert (record.doc_ids, record.num_events, record.cluster_ids) == (("b24", "b25"), 0, ())
    assert (record.num_documents, record.num_sources) == (2, 2)
    assert record.title == "Pedestrian, 67, killed in Bellaire Boulevard hit-and-run"
    assert record.story_id == story_id_for("b24")


def test_dedup_stories_filters(local):
    assert {s.story_id for s in load_stories(local, min_documents=3)} == {
        s for s in set(_stories(local).values()) if list(_stories(local).values()).count(s) >= 3
    }
    autumn = load_stories(local, since=dt.date(2023, 10, 1))
    assert sorted(d for s in autumn for d in s.doc_ids) == ["b27", "b28", "b29"]


@pytest.mark.parametrize("batch_size", [1, 4])
def test_dedup_stories_do_not_depend_on_batches(local, batch_size):
    other = duckdb.connect()
    load_corpus(other, part="local_")
    update_clusters(other, settings=ClusterSettings(batch_size=batch_size,
                                                    stories=StorySettings(batch_size=batch_size)))
    for table, key in (("story_members", "doc_id"), ("stories", "story_id"), ("story_terms", "feature"),
                       ("cluster_members", "event_id")):
        sql = f"SELECT * FROM {table} ORDER BY {key}"
        assert other.execute(sql).fetchall() == local.execute(sql).fetchall()


def test_dedup_stories_follow_changed_and_removed_documents(local):
    story = _stories(local)["b05"]
    local.execute("DELETE FROM documents WHERE doc_id = 'b05'")
    local.execute("UPDATE documents SET text = 'The council met.', title = NULL, content_hash = 'new' "
                  "WHERE doc_id = 'b25'")
    update_clusters(local)
    stories = _stories(local)
    assert "b05" not in stories
    assert local.execute("SELECT num_documents FROM stories WHERE story_id = ?", [story]).fetchone() == (1,)
    assert stories["b25"] == story_id_for("b25")  # clustered again, alone now
    local.execute("UPDATE documents SET date = DATE '2023-09-15' WHERE doc_id = 'b24'")  # re-dated
    update_clusters(local)
    day = local.execute("SELECT day FROM story_members WHERE doc_id = 'b24'").fetchone()
    assert day == (dt.date(2023, 9, 15),)
    terms = local.execute("SELECT sum(df) FROM story_terms").fetchone()[0]
    features = local.execute("SELECT sum(len(features)) FROM story_members").fetchone()[0]
    assert terms == features


def test_dedup_a_document_without_text_or_date_is_its_own_story(con):
    add_document(con, "empty", text="")
    update_clusters(con)
    row = con.execute("SELECT story_id, title, num_documents FROM stories").fetchall()
    assert row == [(story_id_for("empty"), None, 1)]


@pytest.mark.issue(12)
def test_dedup_aliases_count_as_reports(local):
    """b31 is b06's text under another id: a second report, in story and event counts alike."""
    story = _stories(local)["b06"]
    cluster_of = ("SELECT c.num_mentions, c.num_articles, c.num_sources FROM clusters c JOIN cluster_members "
                  "m USING (cluster_id) JOIN events e USING (event_id) WHERE e.doc_id = 'b06'")
    story_of = "SELECT num_documents, num_sources FROM stories WHERE story_id = ?"
    before = local.execute(cluster_of).fetchone()
    add_alias(local, "b31", "b06", source="Buckeye News Service")
    update_clusters(local)
    assert local.execute(story_of, [story]).fetchone() == (3, 3)
    assert local.execute(cluster_of).fetchone() == (before[0] + 1, before[1] + 1, before[2] + 1)
    record = next(s for s in load_stories(local) if s.story_id == story)
    assert record.doc_ids == ("b06", "b07", "b31") and record.alias_ids == ("b31",)
    assert [p for p in check_store(local) if "count" in p.check] == []  # `detente check` counts alike
    local.execute("DELETE FROM document_aliases")
    update_clusters(local)
    assert local.execute(cluster_of).fetchone() == before
    assert local.execute(story_of, [story]).fetchone() == (2, 2)
    add_alias(local, "b31", "b06", source="Buckeye News Service")
    update_clusters(local)
    cluster = next(c for c in load_clusters(local) if "b06" in c.doc_ids)
    assert cluster.doc_ids == ("b06", "b07", "b31")


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("left", "right", "conflict"),
    [
        ([("SANCTION", "RUS", "USA")], [("SANCTION", "RUS", "GBR")], True),  # another target
        ([("SANCTION", "RUS", "USA")], [("SANCTION", "RUS", None)], False),  # unknown on one side
        ([("SANCTION", "RUS", "USA")], [("ACCUSE", "DEU", "RUS")], False),  # other types say nothing
        ([("CONSULT", "USA", "CHN"), ("CONSULT", "CHN", "USA")], [("CONSULT", "CHN", "USA")], False),
        ([("COERCE", "EUR", "CHN")], [("COERCE", "CHN", None)], True),  # the other side's reply
        ([], [("COERCE", "CHN", None)], False),
    ],
)
def test_dedup_stories_dyads_conflict(left, right, conflict):
    assert dyads_conflict([Dyad(*d) for d in left], [Dyad(*d) for d in right]) is conflict


ENVOY_TEXT = "Russia recalled its ambassador on Wednesday, the Foreign Ministry in Moscow said."


def _envoy(con: duckdb.DuckDBPyConnection, doc_id: str, target: str) -> None:
    add_document(con, doc_id, date="2021-03-17", text=ENVOY_TEXT)
    add_event(con, {"doc_id": doc_id, "cameo": "161", "plover": "SANCTION", "date": "2021-03-17",
                    "source": {"country": "RUS"}, "target": {"country": target}})


@pytest.mark.issue(12)
@pytest.mark.parametrize(("target", "penalty"), [("USA", 0.0), ("GBR", 0.3), (None, 0.0)])
def test_dedup_stories_conflicting_dyads_weigh_against_a_pair(target, penalty):
    scores = []
    for dyad_penalty in (0.0, 0.3):
        con = duckdb.connect(":memory:")
        create_store(con)
        _envoy(con, "first", "USA")
        _envoy(con, "second", target)
        update_clusters(con, settings=ClusterSettings(stories=StorySettings(dyad_penalty=dyad_penalty)))
        scores.append(con.execute("SELECT score FROM story_members WHERE doc_id = 'second'").fetchone()[0])
        con.close()
    assert scores[0] - scores[1] == pytest.approx(penalty)


@pytest.mark.issue(12)
def test_dedup_story_members_gain_the_dyads_column(con):
    con.execute(DEDUP_DDL.replace(", dyads VARCHAR[]", ""))  # a store clustered before dyads were kept
    add_document(con, "a", date="2021-03-17", text="Traders marched in Lagos.")
    ensure_cluster_tables(con)
    update_clusters(con)
    assert con.execute("SELECT dyads FROM story_members").fetchall() == [([],)]


def _second_score(target: str, settings: StorySettings) -> float:
    con = duckdb.connect(":memory:")
    create_store(con)
    _envoy(con, "first", "USA")
    _envoy(con, "second", target)
    update_clusters(con, settings=ClusterSettings(stories=settings))
    score = con.execute("SELECT score FROM story_members WHERE doc_id = 'second'").fetchone()[0]
    con.close()
    return score


@pytest.mark.issue(12)
@pytest.mark.parametrize(("target", "strengthened"), [("USA", True), ("GBR", False)])
def test_dedup_stories_sentence_vectors_strengthen_an_uncontradicted_pair(target, strengthened):
    words_only = _second_score(target, StorySettings(meaning_weight=0.0, threshold=-1.0))
    settings = StorySettings(threshold=-1.0)
    with_meaning = _second_score(target, settings)
    # the same text: cosine 1, so the score grows by the weight times (1 - floor)
    factor = 1 + settings.meaning_weight * (1 - settings.meaning_floor) if strengthened else 1.0
    assert with_meaning == pytest.approx(words_only * factor, rel=1e-4)


@pytest.mark.issue(12)
def test_dedup_stories_nearest_in_meaning_are_candidates(con):
    """Two reports that share no blocking key are still scored when their sentence vectors are
    among each other's closest."""
    add_document(con, "a", date="2025-06-16", text="Lorry drivers waited for days at the crossing.")
    add_document(con, "b", date="2025-06-16", text="Truckers queued at the frontier post for days.")
    update_clusters(con, settings=ClusterSettings(stories=StorySettings(keys=0, threshold=-1.0)))
    assert con.execute("SELECT score FROM story_members WHERE doc_id = 'b'").fetchone()[0] is not None
    stories = _stories(con)
    assert stories["a"] == stories["b"]


@pytest.mark.issue(12)
def test_dedup_story_members_gain_the_meaning_column(con):
    con.execute(DEDUP_DDL.replace(", meaning FLOAT[]", ""))  # a store clustered before sentence vectors
    add_document(con, "a", date="2021-03-17", text="Traders marched in Lagos.")
    ensure_cluster_tables(con)
    update_clusters(con)
    (meaning,) = con.execute("SELECT meaning FROM story_members").fetchone()
    assert len(meaning) == 384
