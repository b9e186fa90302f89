"""Fixtures for the store tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from detente.store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as memory_store:
        yield memory_store
