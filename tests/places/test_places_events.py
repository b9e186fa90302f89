"""Event places and what they say about role-only actors (hand-built events; one test parses)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.actors.country_context import give_countries
from detente.models import Actor, Document, Event, Location, Trigger
from detente.pipeline import get_coder
from detente.places.events import _names_actor, _place_actors, locate_events

NAIROBI = Location(
    text="Nairobi",
    name="Nairobi",
    country="KEN",
    admin1=None,
    lat=-1.28,
    lon=36.82,
    geonames_id=184745,
    precision="city",
)


def event(source: Actor | None, target: Actor | None, plover: str, location: Location | None = None) -> Event:
    return Event(
        event_id="e",
        doc_id="d",
        sentence_index=0,
        sentence="s",
        source=source,
        target=target,
        cameo="141",
        cameo_root="14",
        cameo_name="Demonstrate",
        plover=plover,
        plover_mode=None,
        goldstein=-6.5,
        quad_class=3,
        date=None,
        date_precision=None,
        negated=False,
        modality="asserted",
        confidence=0.8,
        coder="test",
        trigger=Trigger("marched", 0, 7),
        ontology_version="t",
        detente_version="t",
        location=location,
    )


POLICE = Actor(text="police", sector="COP", start=0, end=6)
TEHRAN = Actor(text="Tehran", country="IRN", sector="GOV", start=0, end=6)
WASHINGTON = Actor(text="Washington", country="USA", sector="GOV", start=16, end=26)


def test_places_events_role_actors_take_the_place_country() -> None:
    placed = _place_actors(give_countries(event(POLICE, None, "COERCE", NAIROBI), from_dateline=False,
                                          dominant=None))
    assert placed.source.country == "KEN"
    assert placed.target is not None and placed.target.country == "KEN"  # the place is the target


def test_places_events_protest_without_place_targets_own_state() -> None:
    protesters = Actor(text="Kenyan protesters", country="KEN", sector="CVL")
    assert _place_actors(event(protesters, None, "PROTEST")).target.country == "KEN"


def test_places_events_accusation_gets_no_place_target() -> None:
    assert _place_actors(event(TEHRAN, None, "ACCUSE", NAIROBI)).target is None


@pytest.mark.parametrize(
    ("plover", "start", "end", "is_actor"),
    [
        ("ACCUSE", 16, 26, True),  # "Tehran accused Washington": Washington is no place here
        ("ACCUSE", 40, 47, False),
        ("CONSULT", 16, 26, False),  # a visit to Washington happens there
    ],
)
def test_places_events_own_actors_are_not_places(plover: str, start: int, end: int, is_actor: bool) -> None:
    assert _names_actor(start, end, event(TEHRAN, WASHINGTON, plover)) is is_actor


@pytest.mark.model
def test_places_events_a_place_name_actor_stands_for_its_country(nlp_md: Language) -> None:
    text = "Government jets bombed Aleppo on Monday."
    document = Document(doc_id="t", text=text)
    doc = nlp_md(text)
    events, _ = get_coder().code(doc, document)
    located = locate_events(doc, document, events)
    assert [(e.target.text, e.target.country) for e in located if e.target] == [("Aleppo", "SYR")]
