"""Where an event's arguments are in the parse, beyond subject and object.

Reads one Frame (events/frames.py) and the word lists in data/events/clause_words.json; knows
nothing of actors or codes. The coder uses these to find targets ("condemned the test by X",
"warned against travel to X"), sources of event nouns ("in a show of force"), reciprocal acts
("A and B met") and the subjects that change what an act is (a bomb, a bus, a mob).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.clauses import lemma
from detente.events.frames import Frame, clause_words, find_subject, ordered_clause_words, particles
from detente.events.matching import head_lemmas
from detente.ontology.patterns import VerbPattern


def ordered_preps(frame: Frame) -> list[Token]:
    """Prepositional objects in the rank of data/events/clause_words.json "target_preps"; the
    "of X" of "out of X" ("pulled its troops out of X") comes last."""
    order = ordered_clause_words("target_preps")
    preps = sorted(frame.preps, key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order))
    left = frame.prep_objects("of") if "out" in particles(frame.trigger) else []
    return [obj for word, obj in preps if word in order] + left


def object_agents(frame: Frame) -> list[Token]:
    """Who did what the object names: "condemned the missile test by X", "welcomed the decision
    by X to withdraw", "wrote off the debt owed by X" (also when the parser hangs "by X" on an
    active verb that has an object)."""
    nouns = [*frame.objects, *frame.prep_objects("of")]  # "$5 million of debt"
    heads = [*nouns, *(c for noun in nouns for c in noun.children
                       if c.dep_ == "acl" and c.tag_ == "VBN")]  # "debt owed by X"
    agents = [obj for head in heads for prep in head.children
              if prep.dep_ in {"prep", "agent"} and prep.lower_ == "by"
              for obj in prep.children if obj.dep_ == "pobj"]
    if frame.objects and not frame.passive:
        agents.extend(frame.prep_objects("by"))
    return agents


def destinations(frame: Frame) -> list[Token]:
    """Whom or where a trip or a message in an argument goes to: "warned its citizens against
    travel to X", "in a letter to X, asked for ..."."""
    nouns = clause_words()["destination_nouns"]
    return [obj for _, noun in frame.preps if lemma(noun) in nouns for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "to" for obj in prep.children if obj.dep_ == "pobj"]


def written_to(frame: Frame) -> Token | None:
    """Whom a request told in a participle clause is addressed to: the "to X" (or indirect object)
    of the verb it modifies ("wrote to the embassy asking to waive her immunity", "sent a letter
    to X requesting ..."), when the request has no object of its own."""
    trigger = frame.trigger
    if trigger.dep_ not in {"advcl", "xcomp"} or frame.dobj is not None or frame.dative is not None:
        return None
    verb = trigger.head
    if verb.pos_ != "VERB":
        return None
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "sent a letter to X"
    for head in heads:
        for child in head.children:
            if child.dep_ == "dative" and child.pos_ != "ADP":
                return child
            if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def predicate_words(pattern: VerbPattern, frame: Frame) -> frozenset[int]:
    """The "of" objects a pattern names as part of the predicate ("a show of force", "accused X
    of espionage"): never the target (unlike "support to the army")."""
    if pattern.prep != "of" or not pattern.prep_object:
        return frozenset()
    return frozenset(obj.i for word, obj in frame.preps
                     if word == pattern.prep and head_lemmas(obj) & pattern.prep_object)


def manner_subject(noun: Token) -> Token | None:
    """Who acts "in a show of force", "as a warning" or "for talks": the active subject of the
    verb the phrase modifies ("carriers sailed near the strait in a show of force", "an IMF team
    is in Buenos Aires for talks")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"in", "as", "for"}:
        return None
    if prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    subject, passive = find_subject(prep.head)
    return None if passive else subject


def describing_participle(token: Token) -> bool:
    """An -ing form used as an adjective before its noun ("visiting American senators"), which
    spaCy may also parse as a clause ("told [visiting] senators")."""
    if token.tag_ != "VBG" or token.lower_ not in clause_words()["participle_adjectives"]:
        return False
    return token.dep_ in {"amod", "compound", "xcomp"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in token.children)


def reciprocal(frame: Frame) -> bool:
    """The predicate is something done with one another: "met", "clashed", "held talks", "signed
    a pact", "agreed to a truce"."""
    words = clause_words()["reciprocal"]
    heads = [frame.trigger, *frame.objects, *(o for _, o in frame.preps), frame.xcomp]
    return any(head is not None and lemma(head) in words for head in heads) or joint(frame)


def joint(frame: Frame) -> bool:
    """The object is done jointly: "a joint operation", "bilateral talks"."""
    joint = clause_words()["joint_modifiers"]
    return any(c.dep_ == "amod" and lemma(c) in joint for obj in frame.objects for c in obj.children)


def acted_by(frame: Frame, word_list: str) -> bool:
    """The one who acts (the subject, or the agent of a passive) is a word of the named list in
    clause_words.json: "bombing_means" ("a roadside bomb killed three soldiers": a bombing, 183),
    "civilian_vehicles" ("a bus plunged into a ravine, killing 20": an accident) or "protesters"
    ("rioters set fire to the building": a violent protest, 145)."""
    actor = frame.agent if frame.passive else frame.subject
    if actor is None or modifies_trigger(frame, actor):
        return False
    return lemma(actor) in clause_words()[word_list]


def modifies_trigger(frame: Frame, token: Token) -> bool:
    """The token is a compound modifier of the nominal trigger ("a car bomb"): part of the name
    of the act or weapon, not who does it."""
    return token.dep_ == "compound" and token.head.i == frame.trigger.i


__all__ = [
    "acted_by",
    "describing_participle",
    "destinations",
    "joint",
    "manner_subject",
    "modifies_trigger",
    "object_agents",
    "ordered_preps",
    "predicate_words",
    "reciprocal",
    "written_to",
]
