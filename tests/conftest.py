"""Fixtures shared by the dedup, relations and export tests: the hand-coded corpus in a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from detente.dedup import update_clusters
from tests.dedup.eventdb import load_corpus


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
