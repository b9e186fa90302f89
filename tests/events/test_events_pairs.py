"""Source-target pairs from the actors of an event's arguments."""

from __future__ import annotations

import pytest

from detente.events.pairs import reciprocal_pairs, same_actor, source_target_pairs, unique_actors
from detente.models import Actor

CHILE = Actor(text="Chile", country="CHL", sector="GOV", start=0, end=5)
BOLIVIA = Actor(text="Bolivia", country="BOL", sector="GOV", start=10, end=17)
TROOPS = Actor(text="troops", country="CHL", sector="MIL", start=20, end=26)


@pytest.mark.parametrize(("sources", "targets", "pairs"), [
    ([CHILE], [BOLIVIA], [(CHILE, BOLIVIA)]),
    ([CHILE], [], [(CHILE, None)]),
    ([TROOPS], [TROOPS], [(TROOPS, None)]),  # "troops were put on alert": no target but itself
    ([None], [BOLIVIA], [(None, BOLIVIA)]),
])
def test_events_pairs_source_target(sources, targets, pairs):
    assert source_target_pairs(sources, targets) == pairs


def test_events_pairs_reciprocal_each_way():
    assert reciprocal_pairs([CHILE, BOLIVIA]) == [(CHILE, BOLIVIA), (BOLIVIA, CHILE)]
    assert reciprocal_pairs([CHILE, CHILE]) == []


def test_events_pairs_same_and_unique():
    assert same_actor(CHILE, Actor(text="it", country="CHL", sector="GOV", start=0, end=2))
    assert not same_actor(CHILE, TROOPS)
    assert unique_actors([CHILE, CHILE, TROOPS]) == [CHILE, TROOPS]
