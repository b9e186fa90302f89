"""Senses added in patterns 1.9.0 after the blind PLOVER probe, end to end on sentences written for
these tests (en_core_web_md), different from the probe's own sentences so that the probe stays a
fair check."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.events.coding import ANY, code_text, event_on

from detente.models import Event

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2012, 6, 5)


def code(text: str) -> list[Event]:
    return code_text(text, PUBLISHED)


def on_trigger(text: str, trigger: str) -> Event:
    return event_on(text, trigger, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "trigger", "cameo", "source", "target"),
    [
        ("Belarus released a jailed opposition candidate from prison on Monday.", "released", "0841",
         "BLR", ANY),
        ("Uzbekistan allowed a team of OSCE election observers into the country.", "allowed", "0862",
         "UZB", ANY),
        ("Norway cancelled Ecuador's debt.", "cancelled", "071", "NOR", "ECU"),
        ("Serbian and Albanian negotiators resumed their talks in Brussels.", "resumed", "046", "SRB",
         ANY),
        ("Cuba sent 300 doctors to Haiti after the hurricane.", "sent", "073", "CUB", "HTI"),
        ("The World Bank approved $40 million in loans for Mongolia.", "approved", "071", "IGO", "MNG"),
        ("Ottawa cut off development aid to Mali after the coup.", "cut", "162", "CAN", "MLI"),
        ("Pakistan moved troops toward the Afghan border.", "moved", "154", "PAK", ANY),
        ("Iran test-fired two missiles into the Gulf waters on Sunday.", "fired", "150", "IRN", None),
        ("Protesters burned an effigy of the Thai prime minister outside the embassy in Bangkok.",
         "burned", "141", "THA", ANY),
        ("A court in Ankara acquitted three Kurdish journalists on Tuesday.", "acquitted", "081", "TUR",
         ANY),
        ("Russia announced its withdrawal from the treaty on conventional forces.", "withdrawal", "160",
         "RUS", None),
        ("Dutch police are working with Belgian authorities to find the missing children.", "working",
         "060", "NLD", "BEL"),
    ],
)
def test_patterns_probe2_codes(text: str, trigger: str, cameo: str, source: str, target: str | None) -> None:
    event = on_trigger(text, trigger)
    assert event.cameo == cameo
    assert event.source is not None and event.source.country == source
    if target != ANY:
        assert (event.target.country if event.target else None) == target


def test_patterns_probe2_talks_between_parties() -> None:
    """"talks between X and Y delegations": both parties are actors, each the other's target."""
    events = [e for e in code("Talks between Sudanese and South Sudanese delegations opened in Addis Ababa.")
              if e.trigger.text == "Talks"]
    pairs = {(e.source.country if e.source else None, e.target.country if e.target else None) for e in events}
    assert {e.cameo for e in events} == {"046"}
    assert pairs == {("SDN", "SSD"), ("SSD", "SDN")}


@pytest.mark.parametrize(
    "text",
    [
        "Japan's birth rate has declined since the early 1970s.",
        "Burglars broke into the house of a Lisbon banker.",
    ],
)
def test_patterns_probe2_no_event(text: str) -> None:
    assert code(text) == []
