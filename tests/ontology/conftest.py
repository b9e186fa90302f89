"""Fixtures for the ontology tests: the bundled ontology (loaded once) and a writable copy of its
folder for tests that break a file on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detente.ontology import DATA_DIR, Ontology, load_ontology

SHARED_REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "reference"


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
def shared_reference() -> Path:
    """../shared/data/reference, or skip where the shared folder is absent."""
    if not SHARED_REFERENCE.is_dir():
        pytest.skip("shared reference files not present")
    return SHARED_REFERENCE
