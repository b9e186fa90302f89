"""The shared records: JSON shapes and stable event ids."""

from __future__ import annotations

import pytest

from detente.models import EVENT_FIELDS, Actor, make_event_id


def test_models_event_id_is_stable() -> None:
    source = Actor(text="Russia", country="RUS", sector="GOV", start=0, end=6)
    assert make_event_id("d", 1, 7, "161", source) == make_event_id("d", 1, 7, "161", source)


@pytest.mark.parametrize(("first", "second"), [
    # two actors of one span ("American and Chinese diplomats") are told apart by their codes
    (Actor("American and Chinese diplomats", country="USA", sector="GOV", start=4),
     Actor("American and Chinese diplomats", country="CHN", sector="GOV", start=4)),
    (Actor("Russia", country="RUS", sector="GOV", start=0), None),
])
def test_models_event_id_tells_actors_apart(first: Actor, second: Actor | None) -> None:
    assert make_event_id("d", 0, 10, "040", first) != make_event_id("d", 0, 10, "040", second)


def test_models_actor_code_and_dict() -> None:
    actor = Actor(text="the Kremlin", name="Russian Government", country="RUS", sector="GOV")
    assert actor.code == "RUSGOV"
    assert actor.to_dict() == {"text": "the Kremlin", "name": "Russian Government", "country": "RUS",
                               "sector": "GOV", "code": "RUSGOV", "country_source": None}
    assert Actor(text="someone").code is None


def test_models_event_fields_are_the_documented_ones() -> None:
    assert EVENT_FIELDS[:3] == ("event_id", "doc_id", "sentence_index")
    assert {"location", "quote_id", "ontology_version", "detente_version"} <= set(EVENT_FIELDS)
