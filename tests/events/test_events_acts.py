"""One event per real act: repeats of one act in a sentence or a document are one event."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from tests.places.test_places_events import event

from detente.events.acts import one_event_per_act
from detente.models import Actor, Trigger

POLICE = Actor(text="police", country="KEN", sector="COP")
CROWD = Actor(text="protesters", country="KEN", sector="CVL")
ISRAEL = Actor(text="Israel", country="ISR", sector="GOV")
USA = Actor(text="the United States", country="USA", sector="GOV")


def at(sentence: int, start: int, plover: str, source: Actor | None, target: Actor | None, *,
       confidence: float = 0.8, day: dt.date | None = None):
    made = event(source, target, plover)
    return replace(made, sentence_index=sentence, trigger=Trigger("x", start, start + 1),
                   confidence=confidence, date=day)


@pytest.mark.parametrize(("events", "kept"), [
    # one sentence, one source, one type: one act told twice ("clashed with police and threw rocks")
    ([at(0, 0, "PROTEST", CROWD, POLICE), at(0, 9, "PROTEST", CROWD, POLICE, confidence=0.9)], [1]),
    # an untargeted repeat gives way to the targeted one
    ([at(0, 0, "ASSAULT", POLICE, None, confidence=0.9), at(0, 9, "ASSAULT", POLICE, CROWD)], [1]),
    # targets of two countries are two events ("blamed Israel and the United States")
    ([at(0, 0, "ACCUSE", CROWD, ISRAEL), at(0, 9, "ACCUSE", CROWD, USA)], [0, 1]),
    # different types stay apart
    ([at(0, 0, "ASSAULT", POLICE, CROWD), at(0, 9, "COERCE", POLICE, CROWD)], [0, 1]),
    # across sentences: same type, dyad and date is one act; another date is another act
    ([at(0, 0, "COERCE", POLICE, CROWD, day=dt.date(2019, 1, 2)),
      at(3, 90, "COERCE", POLICE, CROWD, day=dt.date(2019, 1, 2))], [0]),
    ([at(0, 0, "COERCE", POLICE, CROWD, day=dt.date(2019, 1, 2)),
      at(3, 90, "COERCE", POLICE, CROWD, day=dt.date(2019, 1, 5))], [0, 1]),
])
def test_events_acts_one_event_per_act(events, kept):
    assert one_event_per_act(events) == [events[i] for i in kept]
