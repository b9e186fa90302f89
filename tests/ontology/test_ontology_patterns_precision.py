"""Pattern lookups for the non-event senses and verbal-attack rows added in patterns 1.10.0 after a
hand-judged precision sample of coded news (no spaCy model needed)."""

from __future__ import annotations

import pytest
from tests.ontology.contexts import ctx

from detente.ontology import Ontology
from detente.ontology.patterns import NO_EVENT, PatternContext, select_pattern

VERB_CASES = [
    # interviews are not consultations; real consultations stay 040
    ("discuss", ctx(object="childhood"), NO_EVENT),
    ("discuss", ctx(object="agenda", preps={"with": "reporter"}), NO_EVENT),
    ("discuss", ctx(object="agenda", preps={"with": "newspaper"}), NO_EVENT),
    ("discuss", ctx(object="pipeline", preps={"with": "counterpart"}), "040"),
    ("discuss", ctx(object="border"), "040"),
    # media projections and scheduled votes are no appeals; calls for a vote still are
    ("call", ctx(object="race", preps={"for": "governor"}), NO_EVENT),
    ("call", ctx(object="election"), NO_EVENT),
    ("call", ctx(preps={"for": "election"}), "0241"),
    ("call", ctx(object="strike"), "143"),
    # a judgement about a person is no policy option
    ("consider", ctx(object="defendant", attr="risk"), NO_EVENT),
    ("consider", ctx(object="proposal"), "014"),
    # fulfilling a criterion is no meeting; meeting demands is still yielding
    ("meet", ctx(object="deadline"), NO_EVENT),
    ("meet", ctx(object="target"), NO_EVENT),
    ("meet", ctx(object="demand"), "080"),
    ("meet", ctx(object="minister"), "040"),
    # computing and broadcasting senses of host; hosting talks stays 043
    ("host", ctx(object="server"), NO_EVENT),
    ("host", ctx(object="website"), NO_EVENT),
    ("host", ctx(object="delegation"), "043"),
    # attending a launch or a match is no interaction; funerals and summits keep their rows
    ("attend", ctx(object="launch"), NO_EVENT),
    ("attend", ctx(object="match"), NO_EVENT),
    ("attend", ctx(object="funeral"), "017"),
    ("attend", ctx(object="summit"), "040"),
    # funeral rite, no violence
    ("cremate", ctx(), NO_EVENT),
    # a verbal attack on someone's record or budget is criticism, an attack on a town is force
    ("attack", ctx(object="senator", preps={"on": "record"}), "111"),
    ("attack", ctx(object="mayor", preps={"over": "budget"}), "111"),
    ("attack", ctx(object="town", preps={"on": "monday"}), "190"),
    ("attack", ctx(object="base", preps={"over": "weekend"}), "190"),
]


@pytest.mark.parametrize(("lemma", "context", "expected"), VERB_CASES)
def test_ontology_patterns_precision_verbs(ontology: Ontology, lemma: str, context: PatternContext,
                                           expected: str | None) -> None:
    pattern = select_pattern(ontology.patterns_for(lemma, "VERB"), context)
    assert (pattern.cameo if pattern else None) == expected


@pytest.mark.parametrize("noun", ["panic attack", "heart attack", "asthma attack"])
def test_ontology_patterns_precision_medical_attacks(ontology: Ontology, noun: str) -> None:
    pattern = select_pattern(ontology.patterns_for(noun, "NOUN"), ctx())
    assert pattern is not None and pattern.cameo == NO_EVENT


def test_ontology_patterns_precision_plain_attack_noun_still_codes(ontology: Ontology) -> None:
    pattern = select_pattern(ontology.patterns_for("attack", "NOUN"), ctx(preps={"on": "garrison"}))
    assert pattern is not None and pattern.cameo == "190"
