"""Clause structure around a trigger: who speaks, what is asked, intended, refused or threatened.

Reads spaCy Tokens and the word lists in data/events/clause_words.json; knows nothing of codes.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Span, Token

from detente.events.frames import clause_words, find_subject
from detente.events.modality import is_negated, modality_of


def lemma(token: Token) -> str:
    return token.lemma_.lower()


@cache
def structure_verbs() -> frozenset[str]:
    """Verbs that frame other events (say, want, refuse, hold ...): never coded by similarity."""
    words = clause_words()
    groups = ("speech", "cognition", "intent", "refusal", "light_verbs", "non_event_predicates", "denial")
    return frozenset().union(*(words[group] for group in groups))


def refused(trigger: Token) -> bool:
    """A declared refusal rather than a mere non-event: "refused to release", "would not meet
    the demands", "will not negotiate" (not "has not yet accepted")."""
    words = clause_words()
    head = trigger.head if trigger.dep_ == "xcomp" else trigger
    if head.i != trigger.i and lemma(head) in words["refusal"]:
        return True
    aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
    return bool(aux & {"will", "would", "wo", "shall", "can", "could", "ca"}) and not any(
        c.lower_ == "yet" for c in head.children)


def conditional_threat(trigger: Token) -> bool:
    """"Will withdraw its force unless the government ..." is a threat, whatever the action."""
    return any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in trigger.children)


def time_reference(token: Token) -> bool:
    """The verb of a clause that dates the reported act by an earlier one ("two weeks after rebels
    kidnapped peacekeepers", "a day after the army withdrew"): a precedent, not the news."""
    if token.dep_ not in {"advcl", "ccomp"}:  # the parser may read "..., said, two weeks after X" as a ccomp
        return False
    mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in {"after", "since"}), None)
    if mark is None or mark.i == 0:
        return False
    return lemma(token.doc[mark.i - 1]) in clause_words()["time_units"]


def requested(token: Token) -> bool:
    """The token is what a demand asks for ("demands that X grant rights", "calls for X to quit",
    "said the US must be ready to mediate")."""
    requests = clause_words()["request_words"]
    current = token
    for _ in range(3):
        if current.dep_ == "advcl" and _asks(current.head, requests):
            return True  # "faces pressure from X to help Y"
        if current.dep_ == "advcl" and lemma(current.head) in requests and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in current.children):
            return True  # "called for the government to release X" (parsed as a clause with "for")
        asking_noun = current.head.pos_ == "NOUN" and lemma(current.head) in requests
        if current.dep_ in {"advcl", "acl"} and asking_noun:
            return True  # "rejected a call for its forces to be deployed"
        if current.dep_ not in {"ccomp", "acl", "xcomp", "acomp"} or current.head.i == current.i:
            return False
        current = current.head
        if lemma(current) in requests or obliged(current) or wishes_for_other(current):
            return True
    return False


def _asks(verb: Token, requests: frozenset[str]) -> bool:
    return any(c.dep_ == "dobj" and lemma(c) in requests for c in verb.children)


def wishes_for_other(verb: Token) -> bool:
    """"Obama wants Putin to attack X": a wish whose complement has a subject of its own."""
    if lemma(verb) not in clause_words()["desire"]:
        return False
    own, _ = find_subject(verb)
    for clause in (c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}):
        other = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if other is not None and (own is None or other.i != own.i):
            return True
    return False


def obliged(verb: Token) -> bool:
    """A must/should clause reported from someone else: "Egypt said the US must mediate"."""
    if not any(c.dep_ == "aux" and c.lower_ in clause_words()["obligation_aux"] for c in verb.children):
        return False
    return verb.dep_ == "ccomp" and find_speaker(verb) is not None


def is_intention(trigger: Token, modality: str, negated: bool) -> bool:
    """An announced future action ("will send", "is ready to send") or a conditional one
    ("will withdraw unless ..."): coded as an intent or a threat, not as the action."""
    if negated:
        return False
    if modality == "intended":
        return True
    conditions = clause_words()["threat_conditions"]
    return modality == "hypothetical" and any(
        c.dep_ == "advcl" and any(m.lower_ in conditions for m in c.children) for c in trigger.children)


def condition_subject(trigger: Token) -> Token | None:
    """Who a conditional threat is aimed at: the subject of its "if"/"unless" clause, on the
    trigger or on the action it threatens ("threatened to stop the talks if the United States
    goes ahead", "will launch an offensive unless Baghdad accepts")."""
    conditions = clause_words()["threat_conditions"]
    verbs = [trigger, *(c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"})]
    for verb in verbs:
        for clause in (c for c in verb.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in conditions for m in clause.children):
                subject, passive = find_subject(clause)
                return None if passive else subject
    return None


def eventive(predicate: Token) -> bool:
    """A predicate that can carry a classifier-coded event: not a copula or possession verb, and
    not negated, hypothetical or denied."""
    if lemma(predicate) in clause_words()["non_event_predicates"] or is_negated(predicate):
        return False
    return modality_of(predicate) not in {"hypothetical", "denied"}


def main_predicate(sent: Span) -> Token | None:
    """The verb that carries the sentence's news: the root, or what a reporting root reports
    ("Washington said [the step enjoyed support]" -> "enjoyed")."""
    words = clause_words()
    reporting = words["speech"] | words["cognition"]
    current = sent.root
    for _ in range(4):
        if current.pos_ not in {"VERB", "AUX"}:
            return None
        if lemma(current) not in reporting:
            return current
        reported = [c for c in current.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}]
        if not reported:
            return current
        current = reported[0]
    return current


def find_speaker(trigger: Token) -> Token | None:
    """The subject of the reporting verb governing the trigger's clause ("X said Y is ...")."""
    words = clause_words()
    reporting = words["speech"] | words["cognition"]
    current = trigger
    for _ in range(8):
        if current.head.i == current.i:
            return None
        relation, current = current.dep_, current.head
        if relation in {"ccomp", "parataxis"} and lemma(current) in reporting:
            subject, _ = find_subject(current)
            return subject
    return None


def alleging_verb(trigger: Token) -> Token | None:
    """The verb of allegation whose clausal complement holds the trigger ("X claimed that Y had
    attacked Z", "X alleged Y was arming rebels"), through coordinated verbs; None otherwise."""
    allegation = clause_words()["allegation"]
    current = trigger
    for _ in range(3):
        if current.dep_ == "ccomp" and lemma(current.head) in allegation:
            return current.head
        if current.dep_ != "conj":
            return None
        current = current.head
    return None


def find_addressee(trigger: Token) -> Token | None:
    """Whom a reporting verb addresses: its dative, or "to X" on it or on the verbs above it."""
    speech = clause_words()["speech"]
    current: Token | None = trigger
    for _ in range(8):
        if current is None or current.head.i == current.i:
            break
        current = current.head
        if current.pos_ == "VERB" and (lemma(current) in speech or current.dep_ == "ROOT"):
            for token in non_clausal_subtree(current):
                if token.dep_ == "dative" or (token.dep_ == "pobj" and token.head.lower_ == "to"):
                    return token
    return None


def non_clausal_subtree(verb: Token) -> Iterable[Token]:
    stack = [c for c in verb.children if c.dep_ not in {"ccomp", "xcomp", "advcl", "conj", "relcl"}]
    while stack:
        token = stack.pop(0)
        yield token
        stack.extend(c for c in token.children if c.dep_ not in {"ccomp", "relcl", "acl"})


def complement_subject(trigger: Token) -> Token | None:
    """The subject of a clausal complement: whom "demanded that X withdraw" addresses."""
    for clause in (c for c in trigger.children if c.dep_ == "ccomp"):
        subject, _ = find_subject(clause)
        if subject is not None:
            return subject
    return None


__all__ = [
    "complement_subject", "conditional_threat", "eventive", "find_addressee", "find_speaker",
    "is_intention", "lemma", "main_predicate", "obliged", "refused", "requested", "structure_verbs",
    "time_reference", "wishes_for_other",
]
