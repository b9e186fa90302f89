"""Pattern lookups for the senses added in patterns 1.9.0 after the blind PLOVER probe
(tests/data/coder/plover_probe.jsonl) showed them missing (no spaCy model needed)."""

from __future__ import annotations

import pytest
from tests.ontology.contexts import ctx

from detente.ontology import Ontology
from detente.ontology.patterns import NO_EVENT, PatternContext, select_pattern

VERB_CASES = [
    # releases from custody, pardons, acquittals
    ("release", ctx(object="editor", preps={"from": "custody"}), "0841"),
    ("free", ctx(object="bishop", preps={"from": "jail"}), "0841"),
    ("release", ctx(object="report"), None),
    ("pardon", ctx(object="people"), "0841"),
    ("acquit", ctx(object="colonel"), "081"),
    # international involvement let in
    ("allow", ctx(object="observer", preps={"into": "province"}), "0862"),
    ("allow", ctx(object="team", preps={"of": "monitor"}), "0862"),
    ("allow", ctx(object="journalist", preps={"into": "camp"}), "086"),
    ("allow", ctx(object="team", preps={"of": "athlete"}), None),
    # debt relief is economic aid, not a cut in aid
    ("cancel", ctx(object="debt"), "071"),
    ("cancel", ctx(object="franc", preps={"of": "debt"}), "071"),
    ("cancel", ctx(object="loan"), "1621"),
    ("forgive", ctx(object="loan"), "071"),
    ("forgive", ctx(object="enemy"), "056"),
    ("write", ctx(particle="off", object="debt"), "071"),
    ("waive", ctx(object="repayment"), "071"),
    ("approve", ctx(object="loan"), "071"),
    ("approve", ctx(object="dollar", preps={"in": "food"}), "073"),
    ("approve", ctx(object="plan"), None),
    # talks taken up again, transport links, working together
    ("resume", ctx(object="negotiation"), "046"),
    ("resume", ctx(object="relation"), "050"),
    ("open", ctx(object="route"), "061"),
    ("open", ctx(object="factory"), None),
    ("work", ctx(preps={"with": "authority"}), "060"),
    ("work", ctx(), None),
    # aid sent or rushed
    ("send", ctx(object="doctor"), "073"),
    ("send", ctx(object="rescue team"), "073"),
    ("rush", ctx(object="medicine"), "073"),
    ("rush", ctx(object="battery"), "072"),
    # aid cut off
    ("cut", ctx(particle="off", object="aid"), "162"),
    ("cut", ctx(particle="off", object="weapon"), "1622"),
    ("cut", ctx(particle="off", object="military aid"), "1622"),
    ("cut", ctx(particle="off", object="loan"), "1621"),
    # forces moved, missiles test-fired into the sea
    ("move", ctx(object="division"), "154"),
    ("move", ctx(object="headquarters"), None),
    ("fire", ctx(object="missile", preps={"into": "sea"}), "150"),
    ("fire", ctx(object="missile", preps={"at": "town"}), "194"),
    # hacking
    ("hack", ctx(preps={"into": "server"}), "170"),
    ("break", ctx(preps={"into": "network"}), "170"),
    ("break", ctx(preps={"into": "house"}), None),
    # flags burnt in protest; arson stays 171
    ("burn", ctx(object="effigy"), "141"),
    ("burn", ctx(object="shop"), "171"),
]


@pytest.mark.parametrize(
    ("lemma", "context", "cameo"), VERB_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(VERB_CASES)]
)
def test_ontology_patterns_probe2_verb_lookup(ontology: Ontology, lemma: str, context: PatternContext,
                                              cameo: str | None) -> None:
    chosen = select_pattern(ontology.patterns_for(lemma, "VERB"), context)
    assert (chosen.cameo if chosen and chosen.cameo != NO_EVENT else None) == cameo


NOUN_CASES = [
    ("amnesty", ctx(preps={"for": "rebel"}), "0841"),
    ("withdrawal", ctx(preps={"from": "treaty"}), "160"),
    ("withdrawal", ctx(preps={"of": "troop"}), "0874"),
    ("talk", ctx(preps={"between": "leader"}), "046"),
]


@pytest.mark.parametrize(
    ("lemma", "context", "cameo"), NOUN_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(NOUN_CASES)]
)
def test_ontology_patterns_probe2_noun_lookup(ontology: Ontology, lemma: str, context: PatternContext,
                                              cameo: str | None) -> None:
    chosen = select_pattern(ontology.patterns_for(lemma, "NOUN"), context)
    assert (chosen.cameo if chosen else None) == cameo


def test_ontology_patterns_probe2_talks_between_name_their_parties(ontology: Ontology) -> None:
    """"talks between X and Y": the parties in the between-phrase are the actors, with no target."""
    chosen = select_pattern(ontology.patterns_for("talk", "NOUN"), ctx(preps={"between": "delegation"}))
    assert chosen is not None and (chosen.source, chosen.target) == ("prep", "none")


def test_ontology_patterns_probe2_falling_numbers_are_no_refusal(ontology: Ontology) -> None:
    """"exports have declined since 2009" vetoes the trigger; "declined the offer" stays a rejection."""
    falling = select_pattern(ontology.patterns_for("decline", "VERB"), ctx(preps={"since": "2009"}))
    refusal = select_pattern(ontology.patterns_for("decline", "VERB"), ctx(object="offer"))
    assert falling is not None and falling.cameo == NO_EVENT
    assert refusal is not None and refusal.cameo == "120"
