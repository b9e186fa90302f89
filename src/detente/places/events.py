"""Where each event happened, and what that says about its actors.

Reads: the parsed Doc, the document's place mentions (``PlaceResolver.places_in``) and each
event's trigger and actors. Writes: ``Event.location``; the country of role-only actors
("police", "protesters") from that place, the dateline or the document's dominant country, with
how it was found (``detente.actors.country_context``); a place target for protests, crackdowns
and attacks that name no recipient. Drops events none of whose actors has a country or a sector.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from detente.actors.country_context import dominant_country, give_countries, has_political_actor
from detente.actors.tables import PSEUDO_COUNTRIES
from detente.models import Actor, CountrySource, Document, Event, Location
from detente.places.resolver import PlaceMention, PlaceResolver, in_lead

# With no explicit recipient, a protest, a crackdown or an attack is aimed at the state or people
# of the place where it happens (PLOVER codes such events with that country as target).
PLACE_TARGET_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT"})
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE"})


def locate_events(doc: Doc, document: Document, events: list[Event]) -> list[Event]:
    """Give each event the place of its clause, sentence or (for current news) dateline."""
    places = PlaceResolver.default()
    mentions = places.places_in(doc, document)
    index = _MentionIndex(mentions)
    dominant = _dominant_country(doc, mentions, events)
    states = _sentence_states(events)
    located = []
    for event in events:
        own_states = states.get(event.sentence_index, frozenset())
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is None:
            located.append(give_countries(event, from_dateline=False, dominant=dominant,
                                          sentence_states=own_states))
            continue
        # locate_event reads only the sentence's mentions and the datelines.
        within = index.within(trigger.sent.start_char, trigger.sent.end_char)
        nearby = [m for m in within if not m.is_dateline] + index.datelines
        candidates = [m for m in nearby if not _names_actor(m.start, m.end, event)]
        location = places.locate_event(doc, trigger.sent, trigger[0], candidates, lead_only=False)
        event = _actors_as_places(event, index)
        from_dateline = _from_dateline(location, within, index.datelines)
        event = give_countries(replace(event, location=location), from_dateline=from_dateline,
                               dominant=dominant, sentence_states=own_states)
        event = _place_actors(event, "dateline" if from_dateline else "sentence_place")
        if from_dateline and not _dateline_applies(event, trigger.sent, index.datelines):
            event = replace(event, location=None)  # its actors' country, but not where it happened
        located.append(event)
    return [event for event in located if has_political_actor(event)]


def _dateline_applies(event: Event, sent: Span, datelines: list[PlaceMention]) -> bool:
    """The dateline is where current news happened: not an old or unreal event, and a dated
    article's first-sentence place only for its first paragraph."""
    return event.status == "current" and all(in_lead(m, sent) for m in datelines)


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


def _dominant_country(doc: Doc, mentions: list[PlaceMention], events: list[Event]) -> str | None:
    """The document's one main country: counted once per sentence that names it, as a place or as
    the country of an actor, so that one sentence never makes a country dominant."""
    starts = [sent.start_char for sent in doc.sents]
    named = {(event.sentence_index, actor.country) for event in events
             for actor in (event.source, event.target) if actor is not None and actor.country}
    placed = {(bisect.bisect_right(starts, m.start) - 1, m.location.country) for m in mentions}
    return dominant_country(country for _, country in named | placed)


def _sentence_states(events: list[Event]) -> dict[int, frozenset[str]]:
    """The states the actors of each sentence's events name."""
    found: dict[int, set[str]] = {}
    for event in events:
        for actor in (event.source, event.target):
            if actor is not None and actor.country and actor.country not in PSEUDO_COUNTRIES:
                found.setdefault(event.sentence_index, set()).add(actor.country)
    return {index: frozenset(states) for index, states in found.items()}


def _from_dateline(location: Location | None, within: list[PlaceMention],
                   datelines: list[PlaceMention]) -> bool:
    """The event's place is the dateline's: its sentence (mentions ``within``) names no place of its
    own."""
    if location is None or any(not m.is_dateline and not m.is_actor for m in within):
        return False
    return any(m.location == location for m in datelines)


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


def _place_actors(event: Event, found: CountrySource = "sentence_place") -> Event:
    """A protest, crackdown or attack with no recipient is aimed at the place where it happened."""
    if event.target is not None or event.plover not in PLACE_TARGET_TYPES:
        return event
    return replace(event, target=_place_target(event, event.location, found))


def _place_target(event: Event, location: Location | None, found: CountrySource) -> Actor | None:
    """The country where a protest, crackdown or attack happened; for protests and crackdowns with
    no place given, the source's own country (a domestic protest addresses its own state)."""
    if location is not None and location.country:
        return Actor(text=location.text, name=location.name, country=location.country, kind="place",
                     country_source=found)
    source = event.source
    if source is not None and source.country and event.plover in DOMESTIC_TYPES:
        return Actor(text=source.country, country=source.country, kind="place",
                     country_source=source.country_source)
    return None


__all__ = ["locate_events"]
