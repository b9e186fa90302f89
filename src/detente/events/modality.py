"""Negation and modality of a trigger: asserted, reported, intended, hypothetical or denied.

Walks from the trigger up through the clauses that govern it ("X said that Y will attack" is
reported and intended; "X denied that it attacked" is denied; "if X attacks" is hypothetical).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.frames import CLAUSE_DEPS, clause_words
from detente.models import Modality

PRIORITY: tuple[Modality, ...] = ("denied", "hypothetical", "intended", "reported", "asserted")


def is_negated(trigger: Token) -> bool:
    """A negation on the trigger, on a verb it completes ("did not agree to meet"), or a refusal."""
    words = clause_words()
    current = trigger
    for _ in range(4):
        if any(child.dep_ == "neg" or (child.lower_ in words["negation"] and child.dep_ == "advmod")
               for child in current.children):
            return True
        if any(child.dep_ in {"dobj", "nsubjpass"} and any(d.dep_ == "det" and d.lower_ == "no"
                                                          for d in child.children)
               for child in current.children):
            return True  # "expressed no regret", "showed no sign of", "no prisoners were released"
        if current.i != trigger.i and current.lemma_.lower() in words["refusal"]:
            return True
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in words["permission"]:
            current = current.head  # "did not allow the envoy to meet X": the meeting did not happen
            continue
        if current.dep_ != "xcomp":
            return False
        current = current.head
    return False


def _own_modality(verb: Token) -> Modality | None:
    words = clause_words()
    aux = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    marks = {child.lower_ for child in verb.children if child.dep_ == "mark"}
    if "would" in aux and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in words["speech"]:
        return "intended"  # "X said it would blockade Y": the future of the past, not a hypothesis
    if aux & words["hypothetical_aux"] or marks & words["hypothetical_marks"]:
        return "hypothetical"
    if aux & words["future_aux"] or _going_to(verb):
        return "intended"
    return None


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)


def modality_of(trigger: Token) -> Modality:
    """The strongest modality found on the trigger or the clauses above it."""
    words = clause_words()
    found: set[Modality] = set()
    current = trigger
    for _ in range(8):
        own = _own_modality(current)
        if own:
            found.add(own)
        if current.dep_ not in CLAUSE_DEPS | {"pcomp", "pobj"} or current.head.i == current.i:
            break
        relation, current = current.dep_, current.head
        lemma = current.lemma_.lower()
        if lemma in words["denial"] and relation in {"ccomp", "pcomp", "pobj"}:
            found.add("denied")
        elif relation == "xcomp" and (lemma in words["intent"] or lemma in words["intent_adjectives"]):
            found.add("intended")
        elif lemma in words["speech"] | words["cognition"] and relation in {"ccomp", "conj", "parataxis"}:
            found.add("reported")
    if _according_to(trigger):
        found.add("reported")
    return next((m for m in PRIORITY if m in found), "asserted")


def _according_to(trigger: Token) -> bool:
    sent = trigger.sent
    text = sent.text.lower()
    return "according to" in text


__all__ = ["PRIORITY", "is_negated", "modality_of"]
