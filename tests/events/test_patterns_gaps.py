"""Verb senses added in patterns 1.7.0, end to end on sentences written for these tests
(en_core_web_md): support given to armed groups, permission granted, inspections, accidents that
are no attacks, travel warnings, weapons and rioters named in a passive 'by' phrase."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.events.coding import code_text, event_on

from detente.models import Event

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2021, 3, 17)


def code(text: str) -> list[Event]:
    return code_text(text, PUBLISHED)


def on_trigger(text: str, trigger: str) -> Event:
    return event_on(text, trigger, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "trigger", "cameo", "target"),
    [
        # support or backing handed over is aid; to an armed group it is military aid
        ("Venezuela gave support to the Colombian rebels.", "gave", "072", "COL"),
        ("Uganda provided backing to the Congolese army.", "provided", "072", "COD"),
        ("The Saudi government provides support to Yemen.", "provides", "070", "YEM"),
        ("Armenia offered support to the Georgian army.", "offered", "0332", "GEO"),
        # a refusal to provide it is a rejection of a request for military aid
        ("Greece said it would not provide support to the Libyan militias.", "provide", "1222", "LBY"),
        # permission granted is a concession; letting foreign aircraft in is international involvement
        ("Oman granted permission to the Iranian delegation.", "granted", "080", "IRN"),
        ("Qatar allowed American jets to fly over its territory.", "allowed", "086", None),
        # inspections and inquiries
        ("The Swiss government will examine the weapons depots in Nigeria.", "examine", "090", "NGA"),
        ("Austria wants to inspect the nuclear plants in Slovakia.", "inspect", "090", "SVK"),
        ("Prosecutors in Portugal will look into the claims by Angolan officials.", "look", "090", None),
        # travel advisories reduce relations with the country named
        ("Canada issued a travel warning for Honduras.", "issued", "160", "HND"),
        ("Ireland issued a travel advisory for Zimbabwe.", "issued", "160", "ZWE"),
        # a missile that blows something up is military fire, not a makeshift bomb
        ("A bridge in Armenia was blown up by an Azerbaijani missile.", "blown", "194", "ARM"),
        ("A minibus was blown up by a bomb in Mogadishu.", "blown", "183", "SOM"),
        # property wrecked by a crowd is a violent protest
        ("The Cuban consulate was ransacked by a mob in Caracas.", "ransacked", "145", "CUB"),
        ("The tax office was burned by rioters in Senegal.", "burned", "145", "SEN"),
        ("The Danish embassy was attacked by protesters in Tehran.", "attacked", "145", "DNK"),
    ],
)
def test_patterns_gaps_codes(text: str, trigger: str, cameo: str, target: str | None) -> None:
    event = on_trigger(text, trigger)
    assert event.cameo == cameo
    if target is not None:
        assert event.target is not None and event.target.country == target


@pytest.mark.parametrize(
    "text",
    [
        "Fourteen miners were killed in a landslide in Peru.",
        "Nine passengers were killed in a bus crash in Bolivia.",
        "Twenty pilgrims were killed in a stampede in Iraq.",
        "The victims killed by the ferry disaster were buried in Tanzania on Monday.",
        "Coastal villages in Vanuatu were hit by a cyclone.",
        "Eleven Chilean soldiers were killed in a helicopter crash.",
    ],
)
def test_patterns_gaps_accidents_are_no_attacks(text: str) -> None:
    assert [e for e in code(text) if e.cameo_root in {"18", "19", "20"}] == []


@pytest.mark.parametrize(
    "text",
    [
        "Six civilians were killed in an air strike in Somalia.",
        "Four soldiers were killed in a bomb blast in Niger.",
    ],
)
def test_patterns_gaps_attacks_stay_attacks(text: str) -> None:
    assert any(e.cameo_root in {"18", "19"} for e in code(text))


@pytest.mark.parametrize(
    "text",
    [
        "The new rules allow farmers to sell their crops abroad.",
        "The doctor examined the patient on Tuesday.",
        "The committee will examine the proposal next week.",
    ],
)
def test_patterns_gaps_everyday_senses_are_no_events(text: str) -> None:
    assert code(text) == []
