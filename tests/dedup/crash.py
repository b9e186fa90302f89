"""Killing clustering at random moments: the child process, and the checks after each kill.

    python -m tests.dedup.crash DB      (from the repository root) clusters DB in tiny batches,
                                        printing "started" once it is about to begin

``kill_and_resume`` (used by tests/dedup/test_dedup_crash.py and bench/dedup_crash.py) runs that
child on a copy of a store, kills it with SIGKILL at random moments, checks after every kill that
the tables hold a consistent state (the clusters of some finished batch), and finally lets a run
complete and compares its tables with those of a run that was never interrupted.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from detente.dedup import ClusterSettings, StorySettings, update_clusters
from detente.dedup.tables import cluster_counts_sql, story_counts_sql
from detente.places import PlaceResolver

ROOT = Path(__file__).resolve().parents[2]
# Tiny batches: many transactions, so a kill lands between and inside them.
SETTINGS = ClusterSettings(batch_size=3, stories=StorySettings(batch_size=2))
TABLE_ORDER = {
    "story_members": "doc_id",
    "stories": "story_id",
    "story_terms": "feature",
    "cluster_members": "event_id",
    "clusters": "cluster_id",
}


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the de-duplication tables, in a fixed order."""
    con = duckdb.connect(str(path))
    try:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
                for table, key in TABLE_ORDER.items()}
    finally:
        con.close()


def inconsistencies(path: Path) -> list[str]:
    """What does not add up between members and their rows (empty when consistent)."""
    con = duckdb.connect(str(path))
    checks = {
        "story without its row or with wrong counts": f"""
            SELECT story_id FROM ({story_counts_sql()}) m
            FULL JOIN stories s USING (story_id) WHERE s.num_documents IS DISTINCT FROM m.documents""",
        "cluster without its row or with wrong counts": f"""
            SELECT cluster_id FROM ({cluster_counts_sql()}) m
            FULL JOIN clusters c USING (cluster_id) WHERE c.num_mentions IS DISTINCT FROM m.mentions""",
        "document frequencies that do not match the members": """
            SELECT feature FROM (SELECT unnest(features) AS feature, count(*) AS n FROM story_members
                                 GROUP BY 1) m
            FULL JOIN story_terms t USING (feature) WHERE t.df IS DISTINCT FROM m.n""",
    }
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "stories" not in tables:
            return []  # killed before the first transaction: nothing clustered yet
        return [f"{what}: {row[0]}" for what, sql in checks.items() for row in con.execute(sql).fetchall()]
    finally:
        con.close()


@dataclass
class CrashReport:
    kills: int = 0
    kill_times: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)


def _start(path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-m", "tests.dedup.crash", str(path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    if child.stdout is not None:
        child.stdout.readline()  # "started": imports and the gazetteer are loaded
        child.stdout.close()
    return child


def _kill_once(path: Path, moment: float, report: CrashReport) -> None:
    """Start clustering ``path`` in a child, SIGKILL it ``moment`` seconds in, check the tables."""
    child = _start(path)
    time.sleep(moment)
    if child.poll() is None:
        child.kill()
        report.kills += 1
        report.kill_times.append(round(moment, 3))
    child.wait()
    report.problems += inconsistencies(path)


def _differences(expected: dict[str, list[tuple[object, ...]]], path: Path) -> list[str]:
    got = snapshot(path)
    return [table for table in TABLE_ORDER if expected[table] != got[table]]


def kill_and_resume(store: Path, work: Path, *, kills: int, seed: int, fresh: bool = False) -> CrashReport:
    """Kill clustering of a copy of ``store`` ``kills`` times at random moments, then finish and
    compare with a run that was never interrupted. ``fresh``: each kill on a new copy, each
    followed by its own finishing run and comparison (more kills land; slower)."""
    clean, crashed = work / "clean.duckdb", work / "crashed.duckdb"
    shutil.copy(store, clean)
    started = time.perf_counter()
    main(str(clean), announce=False)  # the uninterrupted run, in this process
    duration = time.perf_counter() - started
    expected = snapshot(clean)
    rng, report = random.Random(seed), CrashReport()
    shutil.copy(store, crashed)
    for _ in range(kills):
        if fresh:
            shutil.copy(store, crashed)
        _kill_once(crashed, rng.uniform(0.0, duration), report)
        if fresh:
            _start(crashed).wait()
            report.differences += _differences(expected, crashed)
    if not fresh:
        _start(crashed).wait()
        report.differences = _differences(expected, crashed)
    return report


def main(path: str, *, announce: bool = True) -> None:
    PlaceResolver.default()  # the gazetteer loads before the moment a kill may come
    con = duckdb.connect(path)
    if announce:
        print("started", flush=True)
    update_clusters(con, settings=SETTINGS)
    con.close()


if __name__ == "__main__":
    main(sys.argv[1])
