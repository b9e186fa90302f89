"""Violence: attacks by no one named, verbal attacks, and the kind of force a subject makes.

Reads Frames, Tokens and the word lists of data/events/clause_words.json; the coder calls these.
CAMEO 18-20 may have an unknown source ("a roadside bomb killed three soldiers"); "Biden attacked
Putin" is criticism (111); a bomb as subject makes a use of force a bombing (183); protesters using
force make a violent protest (145).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.arguments import acted_by, modifies_trigger
from detente.events.clauses import lemma
from detente.events.frames import Frame, clause_words
from detente.events.matching import compound_forms
from detente.models import Actor
from detente.ontology.patterns import VerbPattern

# Attacks by unnamed perpetrators ("a roadside bomb killed three soldiers") are still events when
# the victims are known: CAMEO 18-20 may have an unknown source.
UNKNOWN_SOURCE_ROOTS = frozenset({"18", "19", "20"})


def unattributed_attack(pattern: VerbPattern, frame: Frame) -> bool:
    """An attack whose perpetrator is not named: a passive with no agent ("soldiers were killed")
    or a weapon as subject ("a roadside bomb killed three soldiers"), not "an earthquake struck"."""
    if pattern.cameo[:2] not in UNKNOWN_SOURCE_ROOTS:
        return False
    if frame.passive or frame.subject is None:
        return True
    if modifies_trigger(frame, frame.subject):
        return True  # "a car bomb hit ...": the modifier names the weapon, not who used it
    means = clause_words()["attack_means"]
    return lemma(frame.subject) in means or any(f in means for f in compound_forms(frame.subject))


def verbal_attack(trigger: Token, code: str, source: Actor | None, target: Actor | None) -> bool:
    """"Biden attacked Putin": one named person attacking another is criticism (111), not an
    assault; violence against a person is told with other verbs (shot, stabbed, assassinated)."""
    if code[:2] not in UNKNOWN_SOURCE_ROOTS or lemma(trigger) not in clause_words()["verbal_attack_verbs"]:
        return False
    return all(a is not None and a.kind == "person" and a.name for a in (source, target))


def force_variant(frame: Frame, code: str, source: Actor | None,
                  target: Actor | None) -> tuple[str, str] | None:
    """The code a use of force becomes by who uses it, and the suffix its coder name gets: a verbal
    attack (111), a bombing (183), a violent protest (145); None when it stays as coded."""
    if verbal_attack(frame.trigger, code, source, target):
        return "111", "+verbal"
    if code[:2] == "19" and acted_by(frame, "bombing_means"):
        return "183", "+bombing"
    if code[:2] == "17" and acted_by(frame, "protesters"):
        return "145", "+riot"
    return None


__all__ = ["UNKNOWN_SOURCE_ROOTS", "force_variant", "unattributed_attack", "verbal_attack"]
