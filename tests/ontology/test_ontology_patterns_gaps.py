"""Pattern lookups for the senses added in patterns 1.7.0 (no spaCy model needed)."""

from __future__ import annotations

import pytest
from tests.ontology.contexts import ctx

from detente.ontology import Ontology
from detente.ontology.patterns import NO_EVENT, PatternContext, select_pattern

CASES = [
    # support handed over: aid; to an armed group: military aid; to a plan: endorsement
    ("provide", ctx(object="support"), "070"),
    ("provide", ctx(object="backing", preps={"to": "militia"}), "072"),
    ("give", ctx(object="support", preps={"to": "army"}), "072"),
    ("give", ctx(object="support", preps={"to": "proposal"}), "051"),
    ("lend", ctx(object="support"), "051"),
    ("lend", ctx(object="support", preps={"to": "rebel"}), "072"),
    ("lend", ctx(object="loan"), "071"),
    ("extend", ctx(object="backing", preps={"to": "troop"}), "072"),
    ("offer", ctx(object="support", preps={"to": "force"}), "0332"),
    ("offer", ctx(object="support"), "032"),
    # permission and letting others in
    ("grant", ctx(object="permission"), "080"),
    ("give", ctx(object="clearance"), "080"),
    ("allow", ctx(xcomp="dock"), "086"),
    ("permit", ctx(xcomp="land"), "086"),
    ("permit", ctx(xcomp="rally"), "0811"),
    ("allow", ctx(xcomp="contest"), "0812"),
    ("allow", ctx(xcomp="sell"), None),
    # investigating
    ("examine", ctx(object="refinery"), "090"),
    ("reexamine", ctx(object="complaint"), "090"),
    ("examine", ctx(object="fraud"), "091"),
    ("examine", ctx(object="option"), None),
    ("inspect", ctx(object="warehouse"), "090"),
    ("look", ctx(preps={"into": "allegation"}), "090"),
    ("look", ctx(preps={"into": "future"}), None),
    # accidents and disasters: no attack; weapons stay attacks
    ("kill", ctx(preps={"in": "landslide"}), None),
    ("kill", ctx(preps={"by": "crash"}), None),
    ("strike", ctx(object="town", preps={"by": "earthquake"}), None),
    ("hit", ctx(object="village", preps={"by": "typhoon"}), None),
    ("kill", ctx(preps={"in": "airstrike"}), "190"),
    # travel warnings
    ("issue", ctx(object="travel advisory", preps={"for": "kenya"}), "160"),
    ("issue", ctx(object="warning"), "130"),
    # the passive agent tells a military weapon or a rioting crowd
    ("blow", ctx(particle="up", preps={"by": "rocket"}), "194"),
    ("blow", ctx(particle="up", preps={"by": "drone"}), "195"),
    ("blow", ctx(particle="up", preps={"by": "bomb"}), "183"),
    ("ransack", ctx(preps={"by": "mob"}), "145"),
    ("ransack", ctx(), "171"),
    ("demolish", ctx(preps={"by": "protester"}), "145"),
    ("demolish", ctx(preps={"by": "army"}), "1712"),
]


@pytest.mark.parametrize(
    ("lemma", "context", "cameo"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_ontology_patterns_gaps_lookup(ontology: Ontology, lemma: str, context: PatternContext,
                                       cameo: str | None) -> None:
    chosen = select_pattern(ontology.patterns_for(lemma, "VERB"), context)
    assert (chosen.cameo if chosen and chosen.cameo != NO_EVENT else None) == cameo


@pytest.mark.parametrize("lemma", ["kill", "hit", "strike"])
def test_ontology_patterns_gaps_accident_is_a_non_event_sense(ontology: Ontology, lemma: str) -> None:
    """The accident rows veto the trigger ('-'), so the classifier cannot code it as an attack either."""
    chosen = select_pattern(ontology.patterns_for(lemma, "VERB"), ctx(preps={"by": "avalanche"}))
    assert chosen is not None and chosen.cameo == NO_EVENT
