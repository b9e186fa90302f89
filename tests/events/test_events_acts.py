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
TROOPS = Actor(text="soldiers", country="KEN", sector="MIL")
UNKNOWN = Actor(text="unknown attackers", sector="UNK", kind="implied", country="KEN")
MINISTER = Actor(text="the minister", country="KEN", sector="GOV", kind="person")
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
    # one trigger done by actors of one country is one act ("soldiers and police raided a prison")
    ([at(0, 5, "COERCE", TROOPS, CROWD), at(0, 5, "COERCE", POLICE, CROWD)], [0]),
    # ... but two triggers by actors of one country stay two acts ("police fired, soldiers shot")
    ([at(0, 5, "ASSAULT", TROOPS, CROWD), at(0, 30, "ASSAULT", POLICE, CROWD)], [0, 1]),
    # an act by no one named beside the same act by a named doer is its result ("..., killing 11")
    ([at(0, 0, "ASSAULT", TROOPS, CROWD), at(0, 40, "ASSAULT", UNKNOWN, POLICE, confidence=0.9)], [0]),
    # ... and stands when it is the sentence's only act of its type
    ([at(0, 0, "COERCE", TROOPS, CROWD), at(0, 40, "ASSAULT", UNKNOWN, POLICE)], [0, 1]),
    # across sentences, targets of one country on the same day are one act ("the minister was
    # stabbed ... the police chief was also injured")
    ([at(0, 0, "ASSAULT", UNKNOWN, MINISTER, day=dt.date(2019, 1, 2)),
      at(3, 90, "ASSAULT", UNKNOWN, POLICE, day=dt.date(2019, 1, 2))], [0]),
    # across sentences: same type, dyad and date is one act; another date is another act
    ([at(0, 0, "COERCE", POLICE, CROWD, day=dt.date(2019, 1, 2)),
      at(3, 90, "COERCE", POLICE, CROWD, day=dt.date(2019, 1, 2))], [0]),
    ([at(0, 0, "COERCE", POLICE, CROWD, day=dt.date(2019, 1, 2)),
      at(3, 90, "COERCE", POLICE, CROWD, day=dt.date(2019, 1, 5))], [0, 1]),
])
def test_events_acts_one_event_per_act(events, kept):
    assert one_event_per_act(events) == [events[i] for i in kept]
