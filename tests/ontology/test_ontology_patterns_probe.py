"""Pattern lookups for the senses added in patterns 1.8.0 after the CAMEO probe
(tests/data/coder/cameo_probe.jsonl) showed them missing (no spaCy model needed)."""

from __future__ import annotations

import pytest
from tests.ontology.contexts import ctx

from detente.ontology import Ontology
from detente.ontology.patterns import NO_EVENT, PatternContext, select_pattern

VERB_CASES = [
    # moods about a process: pessimistic 012, optimistic 013
    ("be", ctx(attr="gloomy"), "012"),
    ("be", ctx(attr="hopeful"), "013"),
    ("be", ctx(attr="tired"), None),
    # speeches, condolences, apologies
    ("address", ctx(object="nation"), "010"),
    ("address", ctx(object="problem"), None),
    ("send", ctx(object="telegram", preps={"of": "condolence"}), "018"),
    ("send", ctx(object="letter"), None),
    ("ask", ctx(preps={"for": "forgiveness"}), "055"),
    ("seek", ctx(object="pardon"), "055"),
    # mediation
    ("act", ctx(preps={"as": "intermediary"}), "045"),
    ("act", ctx(preps={"as": "spokesman"}), None),
    # intelligence and aid handed over "with"
    ("provide", ctx(object="police", preps={"with": "information"}), "064"),
    ("provide", ctx(object="army", preps={"with": "rifle"}), "072"),
    ("supply", ctx(object="rebel", preps={"with": "ammunition"}), "072"),
    ("give", ctx(object="intelligence"), "064"),
    ("hand", ctx(particle="over", object="kingpin"), "063"),
    # aid flown in, mandates, deposits, tranches
    ("fly", ctx(object="tent", preps={"to": "country"}), "073"),
    ("fly", ctx(object="delegation", preps={"to": "capital"}), "042"),
    ("extend", ctx(object="mandate", preps={"of": "peacekeeper"}), "074"),
    ("extend", ctx(object="mandate", preps={"of": "commission"}), None),
    ("deposit", ctx(preps={"in": "bank"}), "071"),
    ("release", ctx(object="tranche"), "071"),
    ("disburse", ctx(object="money"), "071"),
    # investigations
    ("question", ctx(object="governor", preps={"over": "embezzlement"}), "091"),
    ("question", ctx(object="policy"), None),
    ("set", ctx(particle="up", object="panel", preps={"of": "inquiry"}), "090"),
    ("set", ctx(particle="up", object="probe"), "090"),
    ("set", ctx(particle="up", object="company"), None),
    ("exhume", ctx(object="body"), "092"),
    # opposition rallied, blockades, obstruction
    ("build", ctx(object="coalition", preps={"against": "regime"}), "113"),
    ("close", ctx(object="canal"), "191"),
    ("chain", ctx(object="themselves", preps={"to": "railing"}), "144"),
    # relations broken off
    ("break", ctx(particle="off", object="tie"), "161"),
    # bombs and exchanges of fire
    ("explode", ctx(preps={"outside": "embassy"}), "183"),
    ("blow", ctx(particle="up", object="herself"), "1831"),
    ("detonate", ctx(object="himself"), "1831"),
    ("trade", ctx(object="gunfire"), "190"),
    ("trade", ctx(object="artillery"), "194"),
    ("trade", ctx(preps={"with": "japan"}), "061"),
    # chemical weapons
    ("drop", ctx(object="sarin"), "2041"),
    ("release", ctx(object="chlorine"), "2041"),
]


@pytest.mark.parametrize(
    ("lemma", "context", "cameo"), VERB_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(VERB_CASES)]
)
def test_ontology_patterns_probe_verb_lookup(ontology: Ontology, lemma: str, context: PatternContext,
                                             cameo: str | None) -> None:
    chosen = select_pattern(ontology.patterns_for(lemma, "VERB"), context)
    assert (chosen.cameo if chosen and chosen.cameo != NO_EVENT else None) == cameo


NOUN_CASES = [
    ("show", ctx(preps={"of": "strength"}), "150"),
    ("show", ctx(preps={"of": "hand"}), None),
    ("expulsion", ctx(preps={"of": "envoy"}), "161"),
    ("expulsion", ctx(preps={"of": "minority"}), "201"),
    ("expulsion", ctx(preps={"of": "inspector"}), "1662"),
    ("expulsion", ctx(preps={"of": "journalist"}), "174"),
]


@pytest.mark.parametrize(
    ("lemma", "context", "cameo"), NOUN_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(NOUN_CASES)]
)
def test_ontology_patterns_probe_noun_lookup(ontology: Ontology, lemma: str, context: PatternContext,
                                             cameo: str | None) -> None:
    chosen = select_pattern(ontology.patterns_for(lemma, "NOUN"), context)
    assert (chosen.cameo if chosen else None) == cameo


@pytest.mark.parametrize(
    ("lemma", "context"),
    [
        ("sign", ctx(object="goalkeeper")),
        ("visit", ctx(object="museum")),
    ],
)
def test_ontology_patterns_probe_non_event_senses(ontology: Ontology, lemma: str,
                                                  context: PatternContext) -> None:
    """Sports transfers and sightseeing veto the trigger, so the classifier cannot code it either."""
    chosen = select_pattern(ontology.patterns_for(lemma, "VERB"), context)
    assert chosen is not None and chosen.cameo == NO_EVENT
