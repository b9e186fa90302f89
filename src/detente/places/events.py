"""Where each event happened, and what that says about its actors.

Reads: the parsed Doc, the document's place mentions (``PlaceResolver.places_in``) and each
event's trigger and actors. Writes: ``Event.location``; the country of role-only actors
("police", "protesters") from that place; a place target for protests, crackdowns and attacks
that name no recipient. Drops events that end up with no country on either side.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc

from detente.models import Actor, Document, Event, Location
from detente.places.resolver import PlaceMention, PlaceResolver

# With no explicit recipient, a protest, a crackdown or an attack is aimed at the state or people
# of the place where it happens (PLOVER codes such events with that country as target).
PLACE_TARGET_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT"})
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE"})


def locate_events(doc: Doc, document: Document, events: list[Event]) -> list[Event]:
    """Give each event the place of its clause, sentence or dateline."""
    places = PlaceResolver.default()
    mentions = places.places_in(doc, document)
    index = _MentionIndex(mentions)
    located = []
    for event in events:
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is None:
            located.append(event)
            continue
        # locate_event reads only the sentence's mentions and the datelines.
        within = index.within(trigger.sent.start_char, trigger.sent.end_char)
        nearby = [m for m in within if not m.is_dateline] + index.datelines
        candidates = [m for m in nearby if not _names_actor(m.start, m.end, event)]
        location = places.locate_event(doc, trigger.sent, trigger[0], candidates)
        event = _actors_as_places(event, index)
        located.append(_place_actors(replace(event, location=location)))
    return [event for event in located if _has_country(event)]


class _MentionIndex:
    """A document's place mentions sorted by offset, so that each event looks only at those near
    it (a scan of every mention per event grows with the square of the document's length)."""

    def __init__(self, mentions: list[PlaceMention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.reach = list(itertools.accumulate((m.end for m in self.mentions), max))
        self.datelines = [m for m in self.mentions if m.is_dateline]

    def within(self, start: int, end: int) -> list[PlaceMention]:
        """Mentions that start in [start, end), in text order."""
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self.mentions[first:last]

    def containing(self, start: int, end: int) -> Iterator[PlaceMention]:
        """Mentions that cover [start, end), in text order."""
        first = bisect.bisect_left(self.reach, end)  # earlier mentions all end before ``end``
        for mention in self.mentions[first:bisect.bisect_right(self.starts, start)]:
            if mention.end >= end:
                yield mention


def _has_country(event: Event) -> bool:
    """An event neither of whose actors can be placed in any country ("a protester demolished the
    building") is not kept; its actors stay in the document's actor list."""
    return any(actor is not None and actor.country for actor in (event.source, event.target))


def _names_actor(start: int, end: int, event: Event) -> bool:
    """The place mention is the event's own source or target ("Tehran accused Washington"): an
    actor, not where the event happened. A visit or meeting does take place at its target."""
    actors = (event.source,) if event.plover == "CONSULT" else (event.source, event.target)
    return any(actor is not None and actor.start is not None and actor.end is not None
               and start < actor.end and actor.start < end for actor in actors)


def _actors_as_places(event: Event, index: _MentionIndex) -> Event:
    """An actor that is only a place name ("jets bombed Idlib", "rebels shelled Aleppo") stands
    for that place's country."""
    def placed(actor: Actor | None) -> Actor | None:
        if actor is None or actor.country or actor.sector or actor.start is None or actor.end is None:
            return actor
        found = next((m for m in index.containing(actor.start, actor.end) if m.location.country), None)
        return replace(actor, country=found.location.country, kind="place") if found else actor

    return replace(event, source=placed(event.source), target=placed(event.target))


def _place_actors(event: Event) -> Event:
    """Actors known only by their role ("police", "protesters", "the government") take the country
    where the event happened: its clause, sentence or the article's dateline."""
    location = event.location
    source, target = event.source, event.target
    if location is not None and location.country:
        source, target = (_with_country(a, location.country) for a in (source, target))
    if target is None and event.plover in PLACE_TARGET_TYPES:
        target = _place_target(event, location)
    return replace(event, source=source, target=target)


def _place_target(event: Event, location: Location | None) -> Actor | None:
    """The country where a protest, crackdown or attack happened; for protests and crackdowns with
    no place given, the source's own country (a domestic protest addresses its own state)."""
    if location is not None and location.country:
        return Actor(text=location.text, name=location.name, country=location.country, kind="place")
    source_country = event.source.country if event.source else None
    if source_country and event.plover in DOMESTIC_TYPES:
        return Actor(text=source_country, country=source_country, kind="place")
    return None


def _with_country(actor: Actor | None, country: str) -> Actor | None:
    if actor is None or actor.country or not actor.sector:
        return actor
    return replace(actor, country=country)


__all__ = ["locate_events"]
