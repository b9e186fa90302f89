"""Who is behind an act or a thing named as a target, on parses of sentences written for these
tests (en_core_web_md)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token
from tests.events.coding import event_on

from detente.events.owners import owner_heads, relative_antecedent

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2021, 6, 4)


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(("text", "trigger", "noun", "owner"), [
    ("Egypt rejected Ethiopia's plan.", "rejected", "plan", "Ethiopia"),
    ("Chile praised the Argentine proposal.", "praised", "proposal", "Argentine"),
    ("Peru rejected the plan by Bolivia.", "rejected", "plan", "Bolivia"),
    ("Kenya declined a request from Somalia.", "declined", "request", "Somalia"),
    ("Drones hit oil facilities belonging to Aramco.", "hit", "facilities", "Aramco"),
    ("Police suspended a permit issued by the council.", "suspended", "permit", "council"),
    ("Ghana rejected the plan Togo proposed.", "rejected", "plan", "Togo"),
    ("Unions sent the ministry a proposal, which it rejected.", "rejected", "proposal", "Unions"),
])
def test_events_owners_owner_of_the_noun(nlp_md: Language, text: str, trigger: str, noun: str,
                                         owner: str) -> None:
    doc = nlp_md(text)
    heads = owner_heads(word(doc, noun), word(doc, trigger))
    assert owner in [t.text for t in heads]


def test_events_owners_comment_on_a_clause_is_its_subjects_act(nlp_md: Language) -> None:
    doc = nlp_md('Norway cut its aid by half, a move Tanzania called "regrettable".')
    assert [t.text for t in owner_heads(word(doc, "move"), word(doc, "called"))][:1] == ["Norway"]


def test_events_owners_never_the_trigger_itself(nlp_md: Language) -> None:
    doc = nlp_md("Ghana rejected the plan.")
    assert owner_heads(word(doc, "plan"), word(doc, "rejected")) == []


def test_events_owners_relative_pronoun_stands_for_its_noun(nlp_md: Language) -> None:
    doc = nlp_md("The council drafted a law, which the court struck down.")
    assert relative_antecedent(word(doc, "which")).text == "law"
    assert relative_antecedent(word(doc, "court")).text == "court"


@pytest.mark.parametrize(("text", "trigger", "target"), [
    ("ACCRA — Teachers' unions sent the labour ministry a proposal on Monday, which the ministry "
     "rejected on Tuesday.", "rejected", "GHALAB"),
    ("Drones hit oil facilities belonging to the Kuwait Petroleum Corporation on Sunday.", "Drones",
     "KWTBUS"),
    ('Norway cut its aid to Tanzania by half, a move the Tanzanian government called "regrettable".',
     "called", "NORGOV"),
    ("NAIROBI — The interior minister wrote to the Ugandan embassy asking it to hand over the suspects.",
     "asking", "UGAGOV"),
])
def test_events_owners_target_is_who_is_behind_the_act(text: str, trigger: str, target: str) -> None:
    event = event_on(text, trigger, PUBLISHED)
    assert event.target is not None and event.target.code == target


def test_events_owners_a_weapon_is_no_source() -> None:
    """The weapon is the attack ("drones hit": an aerial attack), its doer unknown."""
    event = event_on("Drones hit oil facilities belonging to the Kuwait Petroleum Corporation on Sunday.",
                     "Drones", PUBLISHED)
    assert event.cameo == "195"
    assert event.source is not None and event.source.sector == "UNK"
