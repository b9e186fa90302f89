"""One event per real act: several codings of one act in a sentence or a document become one event.

In a sentence (the coder calls these): a verb's open complement is part of its event ("suggested
holding talks"), an event noun the object of a coded verb is coded once, through the verb
("imposed sanctions on X"), and a purpose clause that repeats its verb's event is dropped ("met in
Berlin to discuss the budget").

In a document, `one_event_per_act` (run by the pipeline after places, on events whose countries
are given) drops repeats:

- in one sentence, events of the same type by the same source on targets of one country are one
  act told with several verbs or nouns ("attacked a village, killing four farmers", "clashed with
  the police and threw rocks"); an event with no target repeats one with a target. Targets of
  different countries stay apart ("blamed both Israel and the United States": two events, as
  CAMEO coders expand compound actors). Actors of one country doing one act together are one
  source ("soldiers and police raided a prison": one event, by the document gold's convention 1),
  and an act by no one named beside the same type of act by a named doer is that act's result
  ("carried out an operation against insurgent bases, killing 11 fighters");
- across sentences, events of the same type and source, with targets of one country, on the same
  date are reports of one act ("police arrested 20 people ... the arrests"; "the minister was
  stabbed ... the police chief was also injured").

The kept event is the most informative one: a target with a country over none, a named doer over
unknown attackers, people over a place or an institution, then the highest confidence, then the
first in the text. Events of different status or negation never merge.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from detente.events.clauses import lemma
from detente.events.frames import clause_words
from detente.models import Actor, Event


def _kind(event: Event) -> str:
    return event.plover or f"cameo{event.cameo_root}"


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def unattributed(event: Event) -> bool:
    """The act has no named doer: the coder gave it unknown attackers ("three were killed")."""
    return event.source is None or (event.source.kind == "implied" and event.source.sector == "UNK")


def _rank(event: Event) -> tuple[bool, bool, bool, float, int]:
    target = event.target
    people = target is not None and target.kind in {"person", "group"}  # "killing three soldiers",
    # not "exploded in Kabul" (a capital read as its government)
    return (_country(target) is not None, not unattributed(event), people, event.confidence,
            -event.trigger.start)


def _best(events: Sequence[Event]) -> Event:
    return max(events, key=_rank)


def _act_key(event: Event) -> tuple[object, ...]:
    return (_kind(event), event.status, event.negated)


def _merge_targets(events: Sequence[Event]) -> list[Event]:
    """Events of one act in a sentence: one per target country; an untargeted one only when alone."""
    best: dict[str | None, Event] = {}
    for event in events:
        country = _country(event.target)
        if country not in best or _rank(event) > _rank(best[country]):
            best[country] = event
    if len(best) > 1:
        best.pop(None, None)
    return list(best.values())


def _same_doer(one: Event, other: Event) -> bool:
    """One source, or one trigger done by actors of one country ("soldiers and police raided")."""
    if _code(one.source) == _code(other.source):
        return True
    country = _country(one.source)
    same_trigger = one.trigger.start == other.trigger.start
    return same_trigger and country is not None and country == _country(other.source)


def _merge_sentence(events: Sequence[Event]) -> list[Event]:
    """Events of one sentence and one type: an act by no one named beside one by a named doer is
    that act's result ("carried out an operation against X, killing 11 fighters"); the rest are
    grouped by doer and kept once per target country."""
    named = [event for event in events if not unattributed(event)]
    groups: list[list[Event]] = []
    for event in named or events:
        group = next((g for g in groups if any(_same_doer(event, other) for other in g)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    return [kept for group in groups for kept in _merge_targets(group)]


def _repeats(event: Event, kept: Event) -> bool:
    """``event`` (in a later sentence) reports the act ``kept`` stands for: same type and source,
    a target of the same country, on the same day ("police arrested 20 people ... the arrests")."""
    return (_act_key(event) == _act_key(kept) and _code(event.source) == _code(kept.source)
            and _country(event.target) == _country(kept.target) and event.date == kept.date)


def one_event_per_act(events: Sequence[Event]) -> list[Event]:
    """The document's events with repeats of one act removed, in their original order."""
    sentences: dict[tuple[object, ...], list[Event]] = {}
    for event in events:
        sentences.setdefault((event.sentence_index, *_act_key(event)), []).append(event)
    kept = {id(event) for group in sentences.values() for event in _merge_sentence(group)}
    acts: list[list[Event]] = []
    for event in (e for e in events if id(e) in kept):
        act = next((a for a in acts if _repeats(event, a[0])), None)
        if act is None:
            acts.append([event])
        else:
            act.append(event)
    chosen = {id(_best(act)) for act in acts}
    return [event for event in events if id(event) in chosen]


def trigger_token(event: Event, sent: Span) -> Token | None:
    return next((token for token in sent if token.idx == event.trigger.start), None)


def without_purpose_repeats(events: list[Event], sent: Span) -> list[Event]:
    """"Met in Berlin to discuss the budget": the purpose clause repeats the event of its verb
    (same dyad and code root), so only the verb's event is kept."""
    coded = {(e.trigger.start, _code(e.source), _code(e.target), e.cameo_root) for e in events}

    def repeats(event: Event) -> bool:
        token = trigger_token(event, sent)
        if token is None or token.dep_ != "advcl" or not any(c.lower_ == "to" for c in token.children):
            return False
        return (token.head.idx, _code(event.source), _code(event.target), event.cameo_root) in coded

    return [event for event in events if not repeats(event)]


def complement_of(token: Token) -> int | None:
    """The verb an open complement depends on, or the complement a gerund after a preposition
    depends on ("accused X of crossing" stays codable: the accusation says it happened)."""
    if token.dep_ == "xcomp":
        return token.head.i
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.dep_ == "xcomp":
        return token.head.head.i  # "agreed to cooperate in fighting X"
    return None


def coded_through_verb(noun: Token, coded: set[int]) -> bool:
    """The nominal trigger is the object of a coded verb (directly, through a preposition, or
    through a light-verb complement: "suggested holding talks")."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.i in coded:
        return True
    return verb.dep_ == "xcomp" and lemma(verb) in clause_words()["light_verbs"] and verb.head.i in coded



__all__ = ["coded_through_verb", "complement_of", "one_event_per_act", "trigger_token",
           "without_purpose_repeats"]
