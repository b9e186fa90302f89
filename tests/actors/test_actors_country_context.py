"""Countries for actors named only by their role, and how each was found."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.events.coding import code_text
from tests.places.test_places_events import NAIROBI, event

from detente.actors.country_context import dominant_country, give_countries, has_political_actor, with_country
from detente.models import Actor

POLICE = Actor(text="police", sector="COP")
KENYA_GOV = Actor(text="Kenya", country="KEN", sector="GOV")
MAN = Actor(text="a man")


@pytest.mark.parametrize(("countries", "expected"), [
    (["KEN", "KEN", "UGA"], "KEN"),
    (["KEN"], None),  # too few mentions
    (["KEN", "KEN", "UGA", "UGA"], None),  # two states, equally
    (["KEN", "KEN", "UGA", "TZA", "RWA"], None),  # less than half
    (["UNO", "UNO", "KEN", "KEN"], "KEN"),  # pseudo-countries are no state
    ([None, "KEN", "KEN"], "KEN"),
])
def test_actors_country_context_dominant_country(countries, expected):
    assert dominant_country(countries) == expected


@pytest.mark.parametrize(("actor", "place", "dominant", "country", "source"), [
    (KENYA_GOV, "UGA", "TZA", "KEN", "named"),  # its own country wins over any place
    (POLICE, "UGA", "TZA", "UGA", "dateline"),
    (POLICE, None, "TZA", "TZA", "document"),
    (POLICE, None, None, None, "none"),
    (MAN, "UGA", "TZA", None, "none"),  # no sector: no political actor, no country given
])
def test_actors_country_context_with_country(actor, place, dominant, country, source):
    found = with_country(actor, place=place, source="dateline", dominant=dominant)
    assert found is not None
    assert (found.country, found.country_source) == (country, source)


def test_actors_country_context_event_takes_its_place():
    placed = give_countries(event(POLICE, MAN, "COERCE", NAIROBI), from_dateline=False, dominant=None)
    assert placed.source is not None and placed.target is not None
    assert (placed.source.country, placed.source.country_source) == ("KEN", "sentence_place")
    assert (placed.target.country, placed.target.country_source) == (None, "none")


@pytest.mark.parametrize(("source", "target", "kept"), [
    (POLICE, None, True),  # a sector is enough
    (None, KENYA_GOV, True),
    (MAN, None, False),
    (MAN, Actor(text="the other man"), False),
])
def test_actors_country_context_political_actor(source, target, kept):
    assert has_political_actor(event(source, target, "ASSAULT")) is kept


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "country_source"), [
    ("KAMPALA, Uganda — Gunmen attacked a police post on Tuesday, killing two officers.", "UGA", "dateline"),
    ("Gunmen attacked a police post in Kampala on Tuesday.", "UGA", "sentence_place"),
    ("Gunmen attacked a police post on Tuesday.", None, "none"),  # kept, with no country
    ("Kenya's president met Uganda's president on Monday. Kenya and Uganda signed a deal. "
     "Kenya's army said gunmen attacked a police post on Tuesday.", "KEN", "document"),
])
def test_actors_country_context_through_the_pipeline(text, source, country_source):
    found = [e for e in code_text(text, dt.date(2019, 6, 7)) if e.trigger.text == "attacked"]
    assert found, "the attack was not coded"
    assert found[0].source is not None
    assert (found[0].source.country, found[0].source.country_source) == (source, country_source)


@pytest.mark.model
def test_actors_country_context_sports_men_are_no_actors():
    assert code_text("The two men scored in the last minute as the home side beat the visitors.",
                     dt.date(2019, 6, 7)) == []
