"""Clustering killed at random moments leaves consistent tables, and the next run completes them
with exactly the result of a run that was never interrupted (issue 12, item 4)."""

from __future__ import annotations

import random

import duckdb
import pytest

from tests.dedup.crash import inconsistencies, kill_and_resume
from tests.dedup.eventdb import load_corpus

KILLS = 3


@pytest.mark.issue(12)
def test_dedup_kill_at_random_moments_then_resume(tmp_path):
    store = tmp_path / "store.duckdb"
    con = duckdb.connect(str(store))
    load_corpus(con, part="local_")
    con.close()
    report = kill_and_resume(store, tmp_path, kills=KILLS, seed=random.randrange(2**32))
    assert report.kills >= 1, "no kill landed while clustering ran"
    assert report.problems == []
    assert report.differences == []


@pytest.mark.issue(12)
def test_dedup_repairs_rows_a_crash_left_missing(tmp_path, corpus):
    """A store damaged by an older detente (members without their cluster rows) is repaired."""
    con, _ = corpus
    from detente.dedup import update_clusters

    update_clusters(con)
    before = con.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall()
    con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM clusters LIMIT 5)")
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT story_id FROM stories LIMIT 3)")
    update_clusters(con)
    assert con.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall() == before
    path = tmp_path / "copy.duckdb"
    con.execute(f"ATTACH '{path}' AS copy")
    con.execute("COPY FROM DATABASE memory TO copy")
    con.execute("DETACH copy")
    assert inconsistencies(path) == []
