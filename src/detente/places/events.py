"""Where each event happened, and what that says about its actors.

Reads: the parsed Doc, the document's place mentions (``PlaceResolver.places_in``) and each
event's trigger and actors. Writes: ``Event.location``; the country of role-only actors
("police", "protesters") from that place; a place target for protests, crackdowns and attacks
that name no recipient. Drops events that end up with no country on either side.
"""

from __future__ import annotations

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
    located = []
    for event in events:
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is None:
            located.append(event)
            continue
        candidates = [m for m in mentions if not _names_actor(m.start, m.end, event)]
        location = places.locate_event(doc, trigger.sent, trigger[0], candidates)
        event = _actors_as_places(event, mentions)
        located.append(_place_actors(replace(event, location=location)))
    return [event for event in located if _has_country(event)]


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


def _actors_as_places(event: Event, mentions: list[PlaceMention]) -> Event:
    """An actor that is only a place name ("jets bombed Idlib", "rebels shelled Aleppo") stands
    for that place's country."""
    def placed(actor: Actor | None) -> Actor | None:
        if actor is None or actor.country or actor.sector or actor.start is None or actor.end is None:
            return actor
        found = next((m for m in mentions if m.start <= actor.start and actor.end <= m.end
                      and m.location.country), None)
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
