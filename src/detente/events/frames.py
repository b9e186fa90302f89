"""Read a predicate's arguments off the dependency parse.

A `Frame` collects, for one trigger token, the heads of its subject, objects, prepositional
objects, open complement and predicative nouns, following control, coordination and relative
clauses so that "the ministry decided to summon X" gives "summon" the subject "ministry".
Reads spaCy Tokens only; knows nothing about actors or codes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})


@cache
def _clause_lists() -> dict[str, tuple[str, ...]]:
    raw = json.loads(files("detente").joinpath("data/events/clause_words.json").read_text("utf-8"))
    return {key: tuple(values) for key, values in raw.items() if not key.startswith("_")}


@cache
def clause_words() -> dict[str, frozenset[str]]:
    """The word lists in data/events/clause_words.json, as sets."""
    return {key: frozenset(values) for key, values in _clause_lists().items()}


def ordered_clause_words(key: str) -> tuple[str, ...]:
    """One list of data/events/clause_words.json in its file order (for lists that rank, such
    as the target prepositions)."""
    return _clause_lists()[key]


@dataclass
class Frame:
    trigger: Token
    subject: Token | None = None
    passive: bool = False
    agent: Token | None = None  # "by X" of a passive verb or of a nominal trigger
    dobj: Token | None = None
    dative: Token | None = None
    preps: list[tuple[str, Token]] = field(default_factory=list)  # (preposition, its object head)
    xcomp: Token | None = None
    attrs: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)  # dobj plus objects of light-verb complements

    def prep_objects(self, prep: str) -> list[Token]:
        return [obj for word, obj in self.preps if word == prep]


def _children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _prep_pairs(token: Token) -> list[tuple[str, Token]]:
    pairs = []
    for prep in _children(token, {"prep", "agent"}):
        if _compound_out(prep):  # "pulled its troops out of X": "out" is a particle, "of X" the prep
            prep = next(c for c in prep.children if c.dep_ == "prep")
        for obj in _children(prep, {"pobj", "pcomp"}):
            pairs.append((prep.lower_, obj))
            pairs.extend((prep.lower_, conj) for conj in obj.conjuncts if conj.dep_ == "conj")
    return pairs


def _compound_out(prep: Token) -> bool:
    """spaCy reads "out of X" as a preposition "out" governing a preposition "of"."""
    return prep.lower_ == "out" and not _children(prep, {"pobj"}) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in prep.children)


def particles(trigger: Token) -> set[str]:
    """The trigger's phrasal particles ("called off"), "out" of "walked out of" included."""
    found = {c.lower_ for c in trigger.children if c.dep_ == "prt"}
    return found | {"out" for c in trigger.children if c.dep_ == "prep" and _compound_out(c)}


def find_subject(token: Token) -> tuple[Token | None, bool]:
    """The subject head of a predicate, inherited through control, coordination and relatives.

    Returns (subject, passive). A relative pronoun subject is replaced by the noun it modifies.
    """
    current, via = token, ""
    for _ in range(8):
        subjects = _children(current, SUBJECT_DEPS)
        if subjects:
            return _unrelativise(_nearest_subject(subjects, current), current), False
        passive = _children(current, {"nsubjpass"})
        if passive:
            # "X was forced/scheduled to visit": X is the one who visits, actively
            return _unrelativise(_nearest_subject(passive, current), current), via != "xcomp"
        if current.dep_ == "relcl":
            return current.head, False
        if current.dep_ == "acl" and current.tag_ == "VBN" and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head, True  # "soldiers killed in the attack": a reduced passive
        if current.dep_ == "acl" and current.head.pos_ in {"NOUN", "PROPN"}:
            owners = _children(current.head, {"poss"})
            return (owners[0], False) if owners else (None, False)
        if current.dep_ not in INHERIT_DEPS or current.head.i == current.i:
            return None, False
        if current.dep_ == "pcomp":
            controller = _object_controller(current)
            if controller is not None:
                return controller, False
            current, via = current.head.head, "pcomp"
        elif current.dep_ == "xcomp" and _object_control(current.head):
            return _children(current.head, {"dobj"})[0], False  # "encouraged X to investigate"
        else:
            current, via = current.head, current.dep_
    return None, False


def _nearest_subject(subjects: list[Token], verb: Token) -> Token:
    """Of two subjects the parser hangs on one verb, the one nearest before it: "KABUL,
    Afghanistan — The United States delivered ..." reads the dateline as a first subject."""
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if len(subjects) > 1 and before else subjects[0]


def _object_control(verb: Token) -> bool:
    """The verb's object is who does its open complement ("urged Iran to talk", "forced X to
    leave"), unless the verb keeps control with its subject ("promised X to ...")."""
    return bool(_children(verb, {"dobj"})) and verb.lemma_.lower() not in clause_words()["subject_control"]


def _object_controller(pcomp: Token) -> Token | None:
    """The object that controls a gerund: "accused X of funding", "blamed X for attacking"."""
    prep, verb = pcomp.head, pcomp.head.head
    if prep.lower_ not in {"of", "for"} or verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _unrelativise(subject: Token, verb: Token) -> Token:
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def build_frame(trigger: Token) -> Frame:
    """Collect the arguments of a verbal or nominal trigger."""
    frame = Frame(trigger=trigger)
    if trigger.pos_ in {"NOUN", "PROPN"}:
        return _nominal_frame(frame)
    frame.subject, frame.passive = find_subject(trigger)
    frame.agent = next((obj for word, obj in _prep_pairs(trigger) if word == "by" and frame.passive), None)
    frame.dobj = next(iter(_children(trigger, {"dobj"})), None)
    frame.preps = _prep_pairs(trigger)
    if frame.passive and frame.subject is not None:
        frame.preps += _prep_pairs(frame.subject)  # "evidence against X was presented"
    frame.dative = _dative(trigger, frame.preps)
    if frame.dobj is not None:
        frame.preps += _prep_pairs(frame.dobj)
        if content_head(frame.dobj).i != frame.dobj.i:
            frame.preps += _prep_pairs(content_head(frame.dobj))
    frame.xcomp = next(iter(_children(trigger, {"xcomp"})), None) or _infinitive_ccomp(trigger)
    frame.attrs = _predicatives(trigger, frame.dobj)
    frame.objects = _objects(frame)
    return frame


def content_head(token: Token) -> Token:
    """Look through quantities: "50 tonnes of supplies" -> supplies, "thousands of protesters"."""
    if token.lemma_.lower() in clause_words()["quantity"]:
        inner = [obj for word, obj in _prep_pairs(token) if word == "of"]
        if inner:
            return inner[0]
    return token


def _infinitive_ccomp(trigger: Token) -> Token | None:
    """spaCy parses "allowed X to hold a rally" with "hold" as a ccomp; treat a to-infinitive
    complement like an open complement."""
    for clause in _children(trigger, {"ccomp"}):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return clause
    return None


def _dative(trigger: Token, preps: list[tuple[str, Token]]) -> Token | None:
    """The indirect object; spaCy labels "to" in "sent aid to X" as dative, so take its object."""
    dative = next(iter(_children(trigger, {"dative"})), None)
    if dative is None or dative.pos_ != "ADP":
        return dative
    objects = _children(dative, {"pobj"})
    preps.extend((dative.lower_, obj) for obj in objects)
    return objects[0] if objects else None


def _objects(frame: Frame) -> list[Token]:
    objects = [content_head(frame.dobj)] if frame.dobj is not None else []
    gap = _relative_gap(frame.trigger)
    if gap is not None and frame.dobj is None:
        objects.append(gap)
    if frame.passive and frame.subject is not None:
        objects.append(content_head(frame.subject))  # "evidence was presented": the logical object
    xcomp = frame.xcomp
    if xcomp is not None and xcomp.lemma_.lower() in clause_words()["light_verbs"]:
        objects += _children(xcomp, {"dobj"})
        frame.preps += [pair for obj in _children(xcomp, {"dobj"}) for pair in _prep_pairs(obj)]
    return objects


def _relative_gap(trigger: Token) -> Token | None:
    """The noun an object relative clause modifies is its verb's object: "the plan Iran proposed",
    "a move Warsame called disappointing" (a clause with a subject of its own and no object, not
    "the city where they fought")."""
    if trigger.dep_ != "relcl" or trigger.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if any(c.dep_ in {"dobj", "nsubjpass"} or c.tag_ in {"WRB"} for c in trigger.children):
        return None
    subjects = _children(trigger, {"nsubj"})
    if not subjects or subjects[0].lower_ in RELATIVE_PRONOUNS:
        return None
    return trigger.head


def _predicatives(trigger: Token, dobj: Token | None) -> list[Token]:
    """Predicative nouns: "call X a killer", "describe X as a killer", "X is a murderer"."""
    attrs = _children(trigger, {"oprd", "attr", "acomp"})
    if dobj is not None:
        attrs += _children(dobj, {"oprd", "attr"})
        attrs += [obj for word, obj in _prep_pairs(dobj) if word == "as"]
    attrs += [obj for word, obj in _prep_pairs(trigger) if word == "as"]
    attrs += [c for prep in _children(trigger, {"prep"}) if prep.lower_ == "as"
              for c in prep.children if c.dep_ in {"amod", "acomp"}]  # "described it as cowardly"
    for xcomp in _children(trigger, {"xcomp", "ccomp"}):
        if xcomp.pos_ in {"NOUN", "PROPN"}:
            attrs.append(xcomp)
    if trigger.lemma_ == "be":
        attrs += _children(trigger, {"nsubj"})
    return attrs


def _nominal_frame(frame: Frame) -> Frame:
    """Arguments of a noun trigger ("sanctions on Iran", "talks with Kyiv", "Russia's invasion")."""
    noun = frame.trigger
    frame.preps = _prep_pairs(noun)
    owners = _children(noun, {"poss", "compound", "amod"})
    owner = next((t for t in owners if t.pos_ in {"PROPN", "NOUN", "ADJ", "PRON"}), None)
    if noun.dep_ in {"dobj", "nsubjpass"}:
        verb = noun.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in clause_words()["light_verbs"]:
            frame.subject, frame.passive = find_subject(verb)
    if owner is not None and (frame.subject is None or noun.dep_ == "nsubj"):
        frame.subject = owner
    frame.objects = [obj for word, obj in frame.preps if word == "of"]  # "the expulsion of X"
    frame.agent = next((obj for word, obj in frame.preps if word == "by"), None) or next(
        (agent for obj in frame.objects for word, agent in _prep_pairs(obj) if word == "by"), None)
    return frame  # "a strike by X"; "the arrest of X by Y" (spaCy hangs "by Y" on X)


__all__ = ["Frame", "build_frame", "clause_words", "content_head", "find_subject", "ordered_clause_words",
           "particles"]
