"""Non-event senses and verbal attacks added in patterns 1.10.0 after a hand-judged precision sample
of coded news, end to end on sentences written for these tests (en_core_web_md)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.events.coding import code_text

from detente.models import Event

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2015, 3, 2)


def code(text: str) -> list[Event]:
    return code_text(text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("With the BBC, the Nigerian senator discusses her background and her campaign.", "discusses"),
        ("In an interview with Reuters, the Kenyan minister discussed his childhood.", "discussed"),
        ("The opposition leader in Peru suffered a panic attack during the rally.", "attack"),
        ("Several Brazilian television networks called the race for the incumbent late on Tuesday.",
         "called"),
        ("The Japanese prime minister called a snap election for October.", "called"),
        ("The Malawian judge considered the suspect a flight risk.", "considered"),
        ("The Irish agency hosts its own email servers in Dublin.", "hosts"),
        ("The late Thai king was cremated on Thursday in Bangkok.", "cremated"),
        ("The Chinese president attended the satellite launch in Sichuan.", "attended"),
    ],
)
def test_patterns_precision_no_event(text: str, trigger: str) -> None:
    assert [e.cameo for e in code(text) if e.trigger.text == trigger] == []


@pytest.mark.parametrize(
    ("text", "trigger", "cameo", "source", "target"),
    [
        ("Senator Rubio attacked President Obama on his tax record.", "attacked", "111", "USA", "USA"),
        ("Senator Rubio attacked President Obama over his budget.", "attacked", "111", "USA", "USA"),
        ("The Polish foreign minister discussed the pipeline with his German counterpart in Berlin.",
         "discussed", "040", "POL", "DEU"),
        ("Kenya hosted the regional summit in Nairobi.", "hosted", "043", "KEN", "KEN"),
        ("The Nigerian president met the Ghanaian leader in Abuja.", "met", "040", "NGA", "GHA"),
    ],
)
def test_patterns_precision_still_codes(text: str, trigger: str, cameo: str, source: str,
                                        target: str) -> None:
    events = [e for e in code(text) if e.trigger.text == trigger]
    assert events, [(e.trigger.text, e.cameo) for e in code(text)]
    assert events[0].cameo == cameo
    assert events[0].source is not None and events[0].source.country == source
    assert events[0].target is not None and events[0].target.country == target
