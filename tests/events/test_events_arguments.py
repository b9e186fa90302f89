"""Argument helpers on parses of sentences written for these tests (en_core_web_md)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from detente.events.arguments import (
    acted_by,
    describing_participle,
    destinations,
    joint,
    manner_subject,
    object_agents,
    predicate_words,
    reciprocal,
)
from detente.events.frames import build_frame
from detente.ontology.patterns import VerbPattern

pytestmark = pytest.mark.model


def token(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def test_events_arguments_object_agents(nlp_md: Language) -> None:
    frame = build_frame(token(nlp_md, "Japan wrote off the debt owed by Laos.", "wrote"))
    assert [t.text for t in object_agents(frame)] == ["Laos"]


def test_events_arguments_destinations(nlp_md: Language) -> None:
    frame = build_frame(token(nlp_md, "Canada warned its citizens against travel to Haiti.", "warned"))
    assert [t.text for t in destinations(frame)] == ["Haiti"]


def test_events_arguments_manner_subject(nlp_md: Language) -> None:
    noun = token(nlp_md, "Two destroyers sailed past the coast in a show of force.", "show")
    subject = manner_subject(noun)
    assert subject is not None and subject.text == "destroyers"


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Kenya and Uganda held talks.", "held", True),
    ("Egypt and Sudan carried out a joint operation.", "carried", True),
    ("Britain and France bombed the positions.", "bombed", False),
])
def test_events_arguments_reciprocal(nlp_md: Language, text: str, word: str, expected: bool) -> None:
    assert reciprocal(build_frame(token(nlp_md, text, word))) is expected


def test_events_arguments_joint(nlp_md: Language) -> None:
    assert joint(build_frame(token(nlp_md, "Egypt and Sudan carried out a joint operation.", "carried")))


@pytest.mark.parametrize(("text", "word", "word_list"), [
    ("A roadside bomb killed three soldiers.", "killed", "bombing_means"),
    ("A bus plunged into a ravine, killing 20 people.", "killing", "civilian_vehicles"),
    ("Rioters set fire to the ministry.", "set", "protesters"),
])
def test_events_arguments_acted_by(nlp_md: Language, text: str, word: str, word_list: str) -> None:
    assert acted_by(build_frame(token(nlp_md, text, word)), word_list)


def test_events_arguments_describing_participle(nlp_md: Language) -> None:
    assert describing_participle(token(nlp_md, "The ruling party won the vote.", "ruling"))


def test_events_arguments_predicate_words(nlp_md: Language) -> None:
    frame = build_frame(token(nlp_md, "It was a show of force.", "show"))
    pattern = VerbPattern(id="t", lemma="show", cameo="150", prep="of", prep_object=frozenset({"force"}))
    assert [frame.trigger.doc[i].text for i in predicate_words(pattern, frame)] == ["force"]
