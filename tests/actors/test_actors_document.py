"""Document context (actors/document.py): what earlier actors and the sentence add to a phrase."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from detente.actors import ActorResolver
from detente.actors.document import document_country, token_is_subject
from detente.actors.memory import DocMemory
from detente.models import Actor

ON = dt.date(2021, 3, 18)


def _resolve_in_order(nlp: Language, resolver: ActorResolver, text: str, word: str) -> list[Actor]:
    """Resolve every noun head of `text` in order with one memory; the actors of the last `word`."""
    memory = resolver.new_memory()
    found: list[Actor] = []
    for token in nlp(text):
        if token.pos_ in {"PROPN", "NOUN", "PRON"} and token.dep_ not in {"compound", "flat", "amod"}:
            actors = resolver.resolve_token(token, on=ON, memory=memory)
            if token.text == word:
                found = actors
    return found


@pytest.mark.parametrize("text,word,expected", [
    ("Russian Ambassador Anatoly Antonov arrived on Sunday. Antonov said he would return.", "he",
     ("RUS", "GOV")),
    ("Putin met Erdogan in Sochi. The two leaders agreed on a ceasefire.", "leaders", ("RUS", "GOV")),
    ("The Egyptian Foreign Ministry protested. The ministry said it wanted an apology.", "ministry",
     ("EGY", "GOV")),
    ("Iran rejected the plan. Its ambassador left the talks.", "ambassador", ("IRN", "GOV")),
])
def test_actors_document_context(nlp_md: Language, resolver: ActorResolver, text: str, word: str,
                                 expected: tuple[str, str]) -> None:
    actors = _resolve_in_order(nlp_md, resolver, text, word)
    assert actors and (actors[0].country, actors[0].sector) == expected


def test_actors_document_country_needs_a_clear_majority() -> None:
    memory = DocMemory()
    for country in ("KEN", "KEN", "KEN", "UGA"):
        memory.remember(Actor(text="x", country=country, sector="GOV", kind="org"))
    assert document_country(memory) == "KEN"
    for _ in range(2):
        memory.remember(Actor(text="y", country="UGA", sector="GOV", kind="org"))
    assert document_country(memory) is None  # 3 of 6: no majority of 0.6
    assert document_country(None) is None


def test_actors_document_subject(nlp_md: Language) -> None:
    doc = nlp_md("Russia and China said they would veto it.")
    assert token_is_subject(doc[0]) and token_is_subject(doc[2]) and not token_is_subject(doc[7])
