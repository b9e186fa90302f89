"""DocMemory: short names, pronouns and definite agents resolve to earlier actors in one document."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from detente.actors import ActorResolver, DocMemory
from detente.models import Actor

ON = dt.date(2021, 3, 18)
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr"}


def _resolve_document(nlp: Language, resolver: ActorResolver, text: str) -> dict[str, list[Actor]]:
    """Resolve every argument head in reading order; result keyed by head text (last wins)."""
    memory = resolver.new_memory()
    found: dict[str, list[Actor]] = {}
    for token in nlp(text):
        if token.dep_ in ARGUMENT_DEPS and token.pos_ in {"NOUN", "PROPN", "PRON"}:
            found[token.text] = resolver.resolve_token(token, on=ON, memory=memory)
    return found


@pytest.mark.parametrize("text,word,expected", [
    ("Russian Ambassador Ivan Petrovsky met reporters. Later Petrovsky left the building.", "Petrovsky",
     ("Ivan Petrovsky", "RUS", "GOV")),
    ("Russian President Vladimir Putin spoke on Tuesday. Putin said the talks were useful.", "Putin",
     ("Vladimir Putin", "RUS", "GOV")),
    ("Russian Ambassador Ivan Petrovsky met reporters. He left the building.", "He",
     ("Ivan Petrovsky", "RUS", "GOV")),
    ("The Russian Foreign Ministry announced that it had decided to act.", "it",
     ("Russian Foreign Ministry", "RUS", "GOV")),
    ("Chinese troops crossed the border. They fired warning shots.", "They",
     ("Chinese Troops", "CHN", "MIL")),
    ("The Iranian Foreign Ministry summoned envoys. The ministry said talks would follow.", "ministry",
     ("Iranian Foreign Ministry", "IRN", "GOV")),
    ("The French embassy issued a warning. The embassy urged caution.", "embassy",
     ("French Embassy", "FRA", "GOV")),
])
def test_actors_memory_across_sentences(nlp_md: Language, resolver: ActorResolver, text: str, word: str,
                                        expected: tuple) -> None:
    actors = _resolve_document(nlp_md, resolver, text)[word]
    assert [(a.name, a.country, a.sector) for a in actors] == [expected]
    assert actors[0].text == word or actors[0].text.endswith(word)


def test_actors_memory_pronoun_without_referent(nlp_md: Language, resolver: ActorResolver) -> None:
    assert _resolve_document(nlp_md, resolver, "He left early.")["He"] == []


def test_actors_memory_possessive_owner(nlp_md: Language, resolver: ActorResolver) -> None:
    actors = _resolve_document(nlp_md, resolver, "Russia recalled its ambassador.")["ambassador"]
    assert [(a.country, a.sector) for a in actors] == [("RUS", "GOV")]


@pytest.mark.parametrize("word,expected", [
    ("he", "Sam Person"), ("she", "Ann Person"), ("it", "Some Ministry"), ("they", "Some Ministry"),
])
def test_actors_memory_pronoun_rules(word: str, expected: str) -> None:
    memory = DocMemory()
    memory.remember(Actor(text="Sam Person", name="Sam Person", country="FRA", kind="person"))
    memory.remember(Actor(text="Ann Person", name="Ann Person", country="FRA", kind="person"))
    memory.remember(Actor(text="Some Ministry", name="Some Ministry", country="FRA", kind="org"),
                    agent="ministry")
    referent = memory.pronoun(word)
    assert referent is not None and referent.name == expected


def test_actors_memory_they_prefers_latest_group() -> None:
    memory = DocMemory()
    memory.remember(Actor(text="Ministry", country="FRA", kind="org"), agent="ministry")
    memory.remember(Actor(text="troops", country="FRA", kind="group"), agent="troops", plural=True)
    memory.remember(Actor(text="Ann", country="FRA", kind="person"))
    referent = memory.pronoun("they")
    assert referent is not None and referent.text == "troops"


def test_actors_memory_they_is_the_whole_coordinated_mention() -> None:
    memory = DocMemory()
    memory.remember(Actor(text="troops", country="FRA", kind="group"), agent="troops", plural=True)
    memory.remember_group([Actor(text="Chile", country="CHL", kind="country"),
                           Actor(text="Peru", country="PER", kind="country")])
    assert [a.country for a in memory.group("they")] == ["CHL", "PER"]
    assert memory.group("it") == []


def test_actors_memory_they_after_coordinated_subject(nlp_md: Language, resolver: ActorResolver) -> None:
    text = "Chile and Peru said they would recall their envoys."
    actors = _resolve_document(nlp_md, resolver, text)["they"]
    assert [(a.text, a.country) for a in actors] == [("they", "CHL"), ("they", "PER")]


def test_actors_memory_by_agent_needs_country() -> None:
    memory = DocMemory()
    memory.remember(Actor(text="the ministry", kind="org"), agent="ministry")
    assert memory.by_agent("ministry") is None


@pytest.mark.parametrize(("pronoun", "expected"), [
    ("she", "Angela Merkel"),  # the latest woman, though a man was named after her
    ("he", "Emmanuel Macron"),
    ("her", "Angela Merkel"),
])
def test_actors_memory_pronoun_gender(pronoun: str, expected: str) -> None:
    memory = DocMemory()
    memory.remember(Actor(text="Angela Merkel", name="Angela Merkel", country="DEU", sector="GOV",
                          kind="person"), subject=True)
    memory.remember(Actor(text="Macron", name="Emmanuel Macron", country="FRA", sector="GOV",
                          kind="person"), subject=True)
    referent = memory.pronoun(pronoun)
    assert referent is not None and referent.name == expected


def test_actors_memory_she_is_never_a_man() -> None:
    memory = DocMemory()
    memory.remember(Actor(text="Antonov", name="Anatoly Antonov", country="RUS", sector="GOV", kind="person"))
    assert memory.pronoun("she") is None


def test_actors_memory_he_prefers_a_salient_person_of_the_same_sentence(nlp_md: Language,
                                                                         resolver: ActorResolver) -> None:
    text = ("Prime Minister Narendra Modi spoke to reporters. Letters reached Modi's office about "
            "Imran Khan's speech, in which he criticised India.")
    actors = _resolve_document(nlp_md, resolver, text)["he"]
    assert [a.name for a in actors] == ["Imran Khan"]
