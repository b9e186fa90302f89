"""Fixtures for the ontology tests: the bundled ontology (loaded once) and a writable copy of its
folder for tests that break a file on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.paths import REFERENCE_DIR

from detente.ontology import DATA_DIR, Ontology, load_ontology


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return load_ontology()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the bundled ontology folder that a test may edit."""
    target = tmp_path / "ontology"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """The reference files the ontology tables derive from (copies in tests/data/reference/)."""
    return REFERENCE_DIR
