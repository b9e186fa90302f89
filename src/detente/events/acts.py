"""One event per real act: several codings of one act in a document become one event.

Reads: the located events of one document (countries already given, `places.events`). Writes
nothing new; it drops repeats:

- in one sentence, events of the same type by the same source on targets of one country are one
  act told with several verbs or nouns ("attacked a village, killing four farmers", "clashed with
  the police and threw rocks"); an event with no target repeats one with a target. Targets of
  different countries stay apart ("blamed both Israel and the United States": two events, as
  CAMEO coders expand compound actors);
- across sentences, events of the same type, source, target and date are reports of one act
  ("police arrested 20 people ... the arrests").

The kept event is the most informative one: a target with a country over none, people over a
place or an institution, then the highest confidence, then the first in the text. Events of
different status or negation never merge.
"""

from __future__ import annotations

from collections.abc import Sequence

from detente.models import Actor, Event


def _kind(event: Event) -> str:
    return event.plover or f"cameo{event.cameo_root}"


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def _rank(event: Event) -> tuple[bool, bool, float, int]:
    target = event.target
    people = target is not None and target.kind in {"person", "group"}  # "killing three soldiers",
    # not "exploded in Kabul" (a capital read as its government)
    return (_country(target) is not None, people, event.confidence, -event.trigger.start)


def _sentence_key(event: Event) -> tuple[object, ...]:
    return (event.sentence_index, _kind(event), _code(event.source), event.status, event.negated)


def _document_key(event: Event) -> tuple[object, ...]:
    return (_kind(event), _code(event.source), _code(event.target), event.date, event.status, event.negated)


def _merge_sentence(events: Sequence[Event]) -> list[Event]:
    """Events of one sentence key: one per target country; an untargeted one only when alone."""
    best: dict[str | None, Event] = {}
    for event in events:
        country = _country(event.target)
        if country not in best or _rank(event) > _rank(best[country]):
            best[country] = event
    if len(best) > 1:
        best.pop(None, None)
    return list(best.values())


def one_event_per_act(events: Sequence[Event]) -> list[Event]:
    """The document's events with repeats of one act removed, in their original order."""
    groups: dict[tuple[object, ...], list[Event]] = {}
    for event in events:
        groups.setdefault(_sentence_key(event), []).append(event)
    kept = {id(event) for group in groups.values() for event in _merge_sentence(group)}
    best: dict[tuple[object, ...], Event] = {}
    for event in (e for e in events if id(e) in kept):
        key = _document_key(event)
        if key not in best or _rank(event) > _rank(best[key]):
            best[key] = event
    chosen = {id(event) for event in best.values()}
    return [event for event in events if id(event) in chosen]


__all__ = ["one_event_per_act"]
