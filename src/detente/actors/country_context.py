"""The country the text supports for an actor it names only by role ("gunmen", "police", "protesters").

Reads: each event's actors and location, the document's place mentions (dateline included).
Writes: ``Actor.country`` of role actors, and ``Actor.country_source`` of every event actor:

- ``named``: the mention (or the actor memory behind a pronoun or short name) gave the country;
- ``sentence_place``: the place of the event's clause or sentence ("police in Nairobi");
- ``dateline``: the article's dateline ("KABUL, Afghanistan —"), the event's place when its
  sentence names none;
- ``document``: the document's one dominant country, when no place is given (see
  `dominant_country`); failing that, in a protest, a show of force, coercion or violence, the
  state of the event's other actor (a domestic act by default);
- ``none``: nothing supports a country. The actor keeps its sector and the event is kept.

An actor with neither a country nor a sector ("a man", "the two men") is no political actor, and an
event whose actors all lack both says nothing about who did what to whom: `has_political_actor`
tells the pipeline to drop it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from detente.actors.tables import PSEUDO_COUNTRIES
from detente.models import Actor, CountrySource, Event, Location

# The document's dominant country must account for at least this many of its country mentions
# (places and named actors, counted once per sentence) and at least this share of them.
DOMINANT_LEAST = 2
DOMINANT_SHARE = 0.5
# Event roots whose unnamed actors are, failing any other sign, of the other actor's state: protest
# (14), force posture (15), coercion (17), assault (18), fighting (19), mass violence (20).
DOMESTIC_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})


def dominant_country(countries: Iterable[str | None]) -> str | None:
    """The one state most mentions belong to (pseudo-countries such as the UN are left out), or
    None when the document is about several states or names too few."""
    counts = Counter(c for c in countries if c and c not in PSEUDO_COUNTRIES)
    if not counts:
        return None
    (country, count), *rest = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if count < DOMINANT_LEAST or count < DOMINANT_SHARE * sum(counts.values()):
        return None
    if rest and rest[0][1] == count:
        return None
    return country


def with_country(actor: Actor | None, *, place: str | None, source: CountrySource,
                 dominant: str | None) -> Actor | None:
    """The actor with its country and how it was found; a role actor takes the event's place
    country (found by `source`), else the document's dominant country."""
    if actor is None:
        return None
    if actor.country:
        return replace(actor, country_source="named")
    if not actor.sector:
        return replace(actor, country_source="none")
    if place:
        return replace(actor, country=place, country_source=source)
    if dominant:
        return replace(actor, country=dominant, country_source="document")
    return replace(actor, country_source="none")


def give_countries(event: Event, *, from_dateline: bool, dominant: str | None,
                   sentence_states: frozenset[str] = frozenset()) -> Event:
    """Both actors of a located event with the countries the text supports; failing those, in a
    protest, a show of force, coercion or violence, a role actor takes the state of the other
    actor when that is the one state its sentence names ("Egyptian police dispersed
    demonstrators": Egyptian demonstrators; not "Britain and France bombed rebel positions")."""
    location: Location | None = event.location
    place = location.country if location is not None else None
    source: CountrySource = "dateline" if from_dateline else "sentence_place"
    actors = [with_country(actor, place=place, source=source, dominant=dominant)
              for actor in (event.source, event.target)]
    if event.cameo_root in DOMESTIC_ROOTS and len(sentence_states) <= 1:
        actors = _domestic(actors)
    return replace(event, source=actors[0], target=actors[1])


def _domestic(actors: list[Actor | None]) -> list[Actor | None]:
    states = [a.country for a in actors if a is not None and a.country and a.country not in PSEUDO_COUNTRIES]
    if len(states) != 1:
        return actors
    return [replace(a, country=states[0], country_source="document")
            if a is not None and a.sector and not a.country else a for a in actors]


def has_political_actor(event: Event) -> bool:
    """Some actor of the event has a country or a sector."""
    return any(actor is not None and (actor.country or actor.sector)
               for actor in (event.source, event.target))


__all__ = ["DOMESTIC_ROOTS", "DOMINANT_LEAST", "DOMINANT_SHARE", "dominant_country", "give_countries",
           "has_political_actor", "with_country"]
