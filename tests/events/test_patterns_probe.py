"""Verb senses added in patterns 1.8.0 after the CAMEO probe, end to end on sentences written for
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
        ("Ghana's finance minister said he was pessimistic about the loan negotiations with the IMF.",
         "was", "012", "GHA", ANY),
        ("The Austrian president sent a letter of sympathy to the Portuguese prime minister after the "
         "forest fires.", "sent", "018", "AUT", "PRT"),
        ("The Estonian president addressed parliament on Monday.", "addressed", "010", "EST", None),
        ("The Belgian king asked Rwanda for forgiveness for the colonial abuses.", "asked", "055", "BEL",
         "RWA"),
        ("Swiss diplomats acted as mediators between Armenia and Turkey.", "acted", "045", "CHE", ANY),
        ("Morocco provided Spain with information about the smuggling network.", "provided", "064", "MAR",
         "ESP"),
        ("Washington provided the Afghan army with weapons.", "provided", "072", "USA", "AFG"),
        ("Japan flew blankets and tents to Nepal.", "flew", "073", "JPN", "NPL"),
        ("The Security Council extended the mandate of the peacekeeping mission in Liberia.", "extended",
         "074", "UNO", "LBR"),
        ("Kuwait deposited $500 million in Egypt's central bank.", "deposited", "071", "KWT", "EGY"),
        ("The IMF released a new tranche of its loan to Ukraine.", "released", "071", "IGO", "UKR"),
        ("Mexican prosecutors questioned the former governor over the embezzlement of state funds.",
         "questioned", "091", "MEX", ANY),
        ("The Kenyan parliament set up a commission of inquiry into the hospital scandal.", "set", "090",
         "KEN", None),
        ("Washington tried to build a coalition against Libya.", "build", "113", "USA", "LBY"),
        ("Britain broke off diplomatic relations with Iran.", "broke", "161", "GBR", "IRN"),
        ("Indonesian and Malaysian soldiers traded mortar fire across the border.", "traded", "194", "IDN",
         "MYS"),
        ("Sudanese and Chadian troops traded fire along the frontier.", "traded", "190", "SDN", "TCD"),
    ],
)
def test_patterns_probe_codes(text: str, trigger: str, cameo: str, source: str, target: str | None) -> None:
    event = on_trigger(text, trigger)
    assert event.cameo == cameo
    assert event.source is not None and event.source.country == source
    if target != ANY:
        assert (event.target.country if event.target else None) == target


@pytest.mark.parametrize(
    "text",
    [
        "Barcelona signed the Brazilian midfielder for 40 million euros.",
        "Millions of tourists visited the museums in Italy.",
    ],
)
def test_patterns_probe_no_event(text: str) -> None:
    assert code(text) == []
