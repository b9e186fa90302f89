"""Fixtures shared by the dedup, relations and export tests: the hand-coded corpus in a store.

The last line of every run says whether ../shared is present: the suite needs only the repository,
and the few extra checks over the full shared corpora are skipped where it is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from detente.dedup import update_clusters
from tests.dedup.eventdb import load_corpus
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
    """The dedup corpus in a DuckDB file (not yet clustered), for CLI tests."""
    path = tmp_path / "corpus.duckdb"
    connection = duckdb.connect(str(path))
    load_corpus(connection)
    connection.close()
    return path
