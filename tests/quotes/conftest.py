"""Fixtures for the quote tests: the spaCy pipeline and the actor resolver, loaded once per session."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from detente.actors import ActorResolver
from detente.models import Document, Quote
from detente.nlp.language import load_nlp
from detente.quotes import extract_quotes

GOLDEN = Path(__file__).with_name("golden_paragraphs.jsonl")

Extract = Callable[..., list[Quote]]


def golden_cases() -> list[dict[str, Any]]:
    """Hand-written paragraphs with the quotes (and speakers) they contain."""
    with GOLDEN.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp("md")


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver.default()


@pytest.fixture(scope="session")
def extract(nlp: Language, resolver: ActorResolver) -> Extract:
    """extract(text, date="YYYY-MM-DD") -> the quotes of that text as one document."""

    def run(text: str, date: str | None = None, doc_id: str = "test") -> list[Quote]:
        document = Document(doc_id=doc_id, text=text, date=dt.date.fromisoformat(date) if date else None)
        return extract_quotes(nlp(text), document, resolver=resolver, memory=resolver.new_memory())

    return run


def quote_containing(quotes: list[Quote], words: str) -> Quote | None:
    """The shortest quote whose text contains `words`."""
    found = [q for q in quotes if words in q.text]
    return min(found, key=lambda q: q.end - q.start) if found else None
