from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from tests.dedup.eventdb import create_store, load_corpus


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    """An empty store (contract tables only) in memory."""
    connection = duckdb.connect(":memory:")
    create_store(connection)
    yield connection
    connection.close()


@pytest.fixture
def corpus() -> Iterator[tuple[duckdb.DuckDBPyConnection, dict[str, str]]]:
    """The dedup corpus loaded into an in-memory store: (connection, coding key -> event_id)."""
    connection = duckdb.connect(":memory:")
    keys = load_corpus(connection)
    yield connection, keys
    connection.close()


@pytest.fixture
def local_corpus() -> Iterator[tuple[duckdb.DuckDBPyConnection, dict[str, str]]]:
    """The local crime and protest corpus in an in-memory store: (connection, coding key -> event_id)."""
    connection = duckdb.connect(":memory:")
    keys = load_corpus(connection, part="local_")
    yield connection, keys
    connection.close()
