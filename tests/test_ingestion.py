"""Ingest runs in a child process (tests/ingestion_child.py): killed with SIGKILL at random moments
and run again, the database must end exactly as a run that was never killed leaves it (timestamps
aside), with nothing left only in the write-ahead log; readers started during a run answer within
5 s and see whole documents only."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from detente.store import Store
from detente.store.check import check_store

ROOT = Path(__file__).resolve().parents[1]
DYADS = ("RUSGOV UKR 163", "USA CHN 042", "FRA DEU 036", "IRN ISR 111", "TUR SYR 190")
TABLES = ("documents", "document_aliases", "sentences", "actors", "events", "quotes", "cluster_members",
          "clusters", "story_members", "stories", "story_terms")


def write_feed(path: Path, count: int = 30) -> Path:
    """``count`` articles over five days; the last five repeat the texts of the first five (aliases)."""
    lines = []
    for number in range(count):
        base = number % (count - 5)
        pairs = "; ".join(DYADS[(base + k) % len(DYADS)] for k in range(1 + base % 3))
        lines.append(json.dumps({"id": f"doc-{number:02d}", "text": f"{pairs}. Report {base} of the wire.",
                                 "date": f"2024-03-{1 + base % 5:02d}", "source": f"Wire {base % 4}"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def child(feed: Path, db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.ingestion_child", str(feed), str(db), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_to_end(feed: Path, db: Path) -> float:
    """Run the child to its end; returns the seconds from "started" to the end."""
    process = child(feed, db)
    assert process.stdout is not None and process.stdout.readline().strip() == "started"
    start = time.monotonic()
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return time.monotonic() - start


def kill_at(feed: Path, db: Path, seconds: float) -> None:
    process = child(feed, db)
    assert process.stdout is not None and process.stdout.readline().strip() == "started"
    time.sleep(seconds)
    process.kill()
    process.communicate(timeout=30)


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, timestamps (when a row was written) left out, in a fixed order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = {}
        for table in TABLES:
            names = [name for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()
                     if kind != "TIMESTAMP"]
            columns = ", ".join(f'"{name}"' for name in names)
            found[table] = con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()
        return found
    finally:
        con.close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float, dict[str, list[tuple]]]:
    folder = tmp_path_factory.mktemp("clean")
    feed = write_feed(folder / "feed.jsonl")
    db = folder / "clean.duckdb"
    seconds = run_to_end(feed, db)
    return feed, db, seconds, snapshot(db)


@pytest.mark.issue(13)
def test_ingestion_clean_run_leaves_no_wal(clean: tuple[Path, Path, float, dict]) -> None:
    _, db, _, rows = clean
    wal = db.with_name(db.name + ".wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert len(rows["documents"]) == 25 and len(rows["document_aliases"]) == 5 and rows["clusters"]
    with Store(db, read_only=True) as store:
        assert check_store(store.connection) == []


@pytest.mark.issue(13)
@pytest.mark.parametrize("seed", [13])
def test_ingestion_killed_then_rerun_matches_clean(clean: tuple[Path, Path, float, dict], tmp_path: Path,
                                                   seed: int) -> None:
    """Four kills in a row at random moments (each run gets further), every one leaving a whole
    database, then a run to the end that gives exactly the clean run's rows."""
    feed, _, seconds, expected = clean
    db = tmp_path / "killed.duckdb"
    moments = sorted(random.Random(seed).sample(range(5, 100), 4))
    for percent in moments:
        kill_at(feed, db, seconds * percent / 100)
        if db.exists():
            with Store(db, read_only=True) as store:
                assert check_store(store.connection) == [], f"after a kill at {percent}%"
    run_to_end(feed, db)
    assert snapshot(db) == expected, f"kills at {moments}% of {seconds:.1f} s"
    with Store(db, read_only=True) as store:
        assert check_store(store.connection) == []


def read_while_ingesting(db: Path) -> tuple[float, dict[str, int]]:
    """(seconds to open and read, events per stored document) for one reader."""
    start = time.monotonic()
    with Store(db, read_only=True) as store:
        rows = store.connection.execute("SELECT d.doc_id, count(e.event_id) FROM documents d "
                                        "LEFT JOIN events e ON e.doc_id = d.doc_id GROUP BY 1").fetchall()
    return time.monotonic() - start, dict(rows)


@pytest.mark.issue(13)
def test_ingestion_readers_answer_during_ingest(clean: tuple[Path, Path, float, dict],
                                                tmp_path: Path) -> None:
    """Readers started while an ingest runs get an answer within 5 s, and see whole documents only."""
    feed, _, _, expected = clean
    events_per_doc: dict[str, int] = {}
    for row in expected["events"]:
        events_per_doc[row[1]] = events_per_doc.get(row[1], 0) + 1
    db = tmp_path / "busy.duckdb"
    writer = child(feed, db, "0.15")  # about 5 s of coding
    answers = []
    try:
        while writer.poll() is None:
            if db.exists():
                answers.append(read_while_ingesting(db))
            time.sleep(0.2)
    finally:
        writer.communicate(timeout=60)
    assert writer.returncode == 0
    assert len(answers) >= 5, "the ingest ended before readers could look"
    assert max(seconds for seconds, _ in answers) < 5.0
    for _, seen in answers:
        assert all(events_per_doc[doc_id] == count for doc_id, count in seen.items()), seen
    assert len({len(seen) for _, seen in answers}) > 1  # readers saw the store grow
