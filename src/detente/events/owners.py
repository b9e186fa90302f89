"""Who is behind an act or a thing that an event is aimed at: the author of a plan, the owner of a
facility, the holder of a permit.

"Rejected the plan", "suspended the permit", "hit oil facilities" name no actor, but the phrase
or its clause often does, and the act is aimed at that actor:

- a modifier of the noun: "Iran's plan", "the G7 statement", "the Iranian proposal";
- a "by" or "from" phrase: "the plan by X", "a request from X";
- a clause on the noun: "facilities belonging to X", "a decree issued by X", "the plan Iran
  proposed";
- the clause the noun is the object of: "X sent the police a plan, which they rejected", "X
  cut its contribution, a move Y called disappointing";
- through a preposition, the noun it belongs to: "the plan for the march" (its author).

A relative pronoun stands for the noun its clause modifies ("a plan, which they rejected").
Reads the parse only (and the word list "belonging_verbs" of data/events/clause_words.json); the
coder resolves the tokens returned, nearest first, and takes the first that names an actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.clauses import lemma
from detente.events.frames import clause_words, find_subject

OWNER_PREPS = frozenset({"by", "from"})
OWNER_MODIFIERS = frozenset({"poss", "compound", "nmod", "amod"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
# The noun is what this verb's subject made, sent or did ("X sent a plan", "X issued a decree"),
# or a comment on that clause ("X cut aid, a move Y condemned").
GOVERNED_DEPS = frozenset({"dobj", "dative", "npadvmod", "appos"})
CLIMB_PREPS = frozenset({"for", "of", "on"})
MAX_DEPTH = 2
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def relative_antecedent(token: Token) -> Token:
    """"A plan, which they rejected": a relative pronoun stands for the noun its clause modifies;
    the parser may hang the clause on a date before it ("sent a plan on Monday, which they
    rejected"), which is then the object of the verb the date belongs to."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    if noun.ent_type_ in TIME_ENTITIES and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        return next((c for c in noun.head.head.children if c.dep_ == "dobj"), noun)
    return noun


def owner_heads(noun: Token, trigger: Token, depth: int = 0) -> list[Token]:
    """Tokens that may name who is behind the act or thing `noun`, nearest first; never the
    trigger's own clause."""
    noun = relative_antecedent(noun)
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.i == trigger.i:
        return []
    found = [c for c in reversed(list(noun.lefts)) if c.dep_ in OWNER_MODIFIERS]
    found += _prep_objects(noun, OWNER_PREPS)
    for clause in (c for c in noun.children if c.dep_ in {"acl", "relcl"} and c.i != trigger.i):
        found += _clause_owners(clause)
    found += _governor_owners(noun, trigger)
    if depth < MAX_DEPTH and noun.dep_ == "pobj" and noun.head.lower_ in CLIMB_PREPS:
        holder = noun.head.head
        if holder.pos_ == "NOUN":
            found += owner_heads(holder, trigger, depth + 1)
    return [token for token in found if token.i != trigger.i and token.lower_ not in RELATIVE_PRONOUNS]


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [obj for prep in token.children if prep.dep_ in {"prep", "agent"} and prep.lower_ in preps
            for obj in prep.children if obj.dep_ == "pobj"]


def _clause_owners(clause: Token) -> list[Token]:
    """"Belonging to X", "issued by X", "(the plan) Iran proposed": who holds or made the noun."""
    if lemma(clause) in clause_words()["belonging_verbs"]:
        return _prep_objects(clause, frozenset({"to"}))
    owners = _prep_objects(clause, frozenset({"by"}))
    if clause.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in clause.children):
        owners += [c for c in clause.children if c.dep_ == "nsubj"]  # the object is the gap
    return owners


def _governor_owners(noun: Token, trigger: Token) -> list[Token]:
    """The subject of the verb the noun is the object of, or a comment on ("X sent a plan",
    "X cut aid, a move ..."); the agent when that verb is passive ("a plan drawn up by X")."""
    verb = noun.head
    if verb.i == trigger.i or verb.pos_ not in {"VERB", "AUX"}:
        return []
    if noun.dep_ == "nsubjpass":
        return _prep_objects(verb, frozenset({"by"}))
    if noun.dep_ not in GOVERNED_DEPS:
        return []
    subject, passive = find_subject(verb)
    if passive:
        return _prep_objects(verb, frozenset({"by"}))
    return [subject] if subject is not None else []


__all__ = ["owner_heads", "relative_antecedent"]
