"""Does a verb pattern's syntactic side fit a frame? Lemmas of argument heads and compounds."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from detente.events.clauses import lemma
from detente.events.frames import Frame, clause_words, particles
from detente.ontology.patterns import VerbPattern


def compound_forms(token: Token) -> list[str]:
    """A noun with the modifiers right before it: its compound, spaced and joined ("air strike" ->
    "air strike", "airstrike"), and each adjective ("joint military exercises" -> "military
    exercise", "joint exercise", "joint military exercise")."""
    if token.pos_ != "NOUN":
        return []
    head = lemma(token)
    forms: list[str] = []
    compound = next((c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1), None)
    if compound is not None:
        forms += [f"{lemma(compound)} {head}", f"{lemma(compound)}{head}"]
    adjectives = [c for c in token.lefts if c.dep_ == "amod" and c.pos_ == "ADJ"]
    forms += [f"{lemma(adjective)} {head}" for adjective in reversed(adjectives)]
    if len(adjectives) > 1:
        forms.append(" ".join([*(lemma(a) for a in adjectives), head]))
    return forms


def compound_object(pattern: VerbPattern, frame: Frame) -> bool:
    """The pattern's object constraint matched a compound form ("launch" + "airstrike")."""
    return bool(pattern.object) and any(form in pattern.object for obj in frame.objects
                                        for form in compound_forms(obj))


def head_lemmas(token: Token) -> set[str]:
    """The lemma of an argument head; for a name, also its titles ("Ambassador Antonov"); for a
    noun, also its compound forms ("air strike", "airstrike")."""
    lemmas = {lemma(token), *compound_forms(token)}
    if token.pos_ == "PROPN":
        lemmas.update(lemma(c) for c in token.children if c.dep_ == "compound")
    return lemmas


def any_lemma_in(tokens: Iterable[Token], allowed: frozenset[str]) -> bool:
    return any(head_lemmas(token) & allowed for token in tokens)


def syntax_matches(pattern: VerbPattern, frame: Frame) -> bool:
    """Every syntactic constraint the pattern sets holds for the frame."""
    trigger = frame.trigger
    found = particles(trigger)
    if pattern.particle and pattern.particle not in found:
        return False
    if not pattern.particle and found & clause_words()["sense_changing_particles"]:
        return False  # "called off the search" is not "called on", "took over" not "took"
    if pattern.object and not any_lemma_in(frame.objects, pattern.object):
        return False
    if pattern.prep:
        objects = frame.prep_objects(pattern.prep)
        if not objects or (pattern.prep_object and not any_lemma_in(objects, pattern.prep_object)):
            return False
    if pattern.xcomp and (frame.xcomp is None or lemma(frame.xcomp) not in pattern.xcomp):
        return False
    return not pattern.attr or any(lemma(a) in pattern.attr for a in frame.attrs)


__all__ = ["compound_forms", "compound_object", "head_lemmas", "syntax_matches"]
