from __future__ import annotations

import pytest
from spacy.language import Language

from detente.pipeline import load_nlp


@pytest.fixture(scope="session")
def nlp_md() -> Language:
    return load_nlp("md")
