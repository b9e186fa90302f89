"""Fixtures shared by the dedup, relations and export tests: the hand-coded corpora in a store.

The last line of every run says whether ../shared is present: the suite needs only the repository,
and the few extra checks over the full shared corpora are skipped where it is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from detente.dedup import update_clusters
from tests.dedup.eventdb import add_document, add_event, create_store, load_corpus
from tests.paths import SHARED


def pytest_report_header() -> str:
    return _shared_note()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(_shared_note())


def _shared_note() -> str:
    if SHARED.is_dir():
        return f"extra checks: {SHARED} is present, so the full shared corpora are read too"
    return f"extra checks: {SHARED} is absent; the repository's data covers every test, a few extras skip"


@pytest.fixture
def corpus_db() -> Iterator[duckdb.DuckDBPyConnection]:
    """The dedup corpus in an in-memory store, clustered."""
    connection = duckdb.connect(":memory:")
    load_corpus(connection)
    update_clusters(connection)
    yield connection
    connection.close()


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    """The dedup corpus in a DuckDB file, clustered as `detente ingest` leaves it, for CLI tests."""
    path = tmp_path / "corpus.duckdb"
    connection = duckdb.connect(str(path))
    load_corpus(connection)
    update_clusters(connection)
    connection.close()
    return path


# (date, source, target, cameo, plover, status, confidence, negated): one document each, so that
# every row is its own cluster. RUS/USA relations from January to April 2021 with no event in
# February; the statuses and confidences exercise the defaults of detente.filters.
STATUS_ROWS = (
    ("2021-01-05", "RUSGOV", "USAGOV", "036", "CONSULT", "current", 0.9, False),
    ("2021-01-20", "USAGOV", "RUSGOV", "111", "ACCUSE", "current", 0.8, False),
    ("2021-03-03", "RUSGOV", "USAGOV", "161", "SANCTION", "current", 0.3, False),
    ("2021-03-10", "USAGOV", "RUSGOV", "042", "CONSULT", "background", 0.9, False),
    ("2021-04-02", "RUSGOV", "USAGOV", "190", "ASSAULT", "future", 0.7, False),
    ("2021-04-15", "USAGOV", "RUSGOV", "130", "THREATEN", "hypothetical", 0.6, False),
    ("2021-04-20", "RUSGOV", "USAGOV", "057", "AGREE", "current", 0.8, True),
    ("2021-04-25", "RUSMIL", "UKRMIL", "190", None, "current", 0.85, False),
    ("2021-04-26", "FRAGOV", "DEUGOV", "040", "CONSULT", "denied", 0.9, False),
)
GOLDSTEIN = {"036": 4.0, "111": -2.0, "161": -4.0, "042": 1.9, "190": -10.0, "130": -4.4, "057": 8.0,
             "040": 1.0}


def _status_actor(code: str) -> dict[str, str]:
    return {"text": code, "name": code, "country": code[:3], "sector": code[3:]}


def load_status_rows(con: duckdb.DuckDBPyConnection) -> None:
    create_store(con)
    for number, (date, source, target, cameo, plover, status, confidence, negated) in enumerate(STATUS_ROWS):
        doc_id = f"s{number:02d}"
        add_document(con, doc_id, date=date, source=f"Outlet {number}", url=f"https://news.example/{doc_id}")
        add_event(con, {"doc_id": doc_id, "sentence": f"Sentence {number}.", "cameo": cameo, "plover": plover,
                        "goldstein": GOLDSTEIN[cameo], "date": date, "status": status,
                        "confidence": confidence, "negated": negated,
                        "source": _status_actor(source), "target": _status_actor(target)})


@pytest.fixture
def status_db() -> Iterator[duckdb.DuckDBPyConnection]:
    """A clustered in-memory store of STATUS_ROWS."""
    connection = duckdb.connect(":memory:")
    load_status_rows(connection)
    update_clusters(connection)
    yield connection
    connection.close()


@pytest.fixture
def status_file(tmp_path: Path) -> Path:
    """STATUS_ROWS in a DuckDB file, clustered as `detente ingest` leaves it, for CLI tests."""
    path = tmp_path / "status.duckdb"
    connection = duckdb.connect(str(path))
    load_status_rows(connection)
    update_clusters(connection)
    connection.close()
    return path
