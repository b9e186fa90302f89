"""Constructions (data/ontology/constructions.json), end to end on wire-style sentences written for
these tests from the CAMEO codebook's definitions (en_core_web_md): agentless passives, event nouns
and weapons as subjects of occurrence verbs, event nouns as objects of light verbs, and actors named
only as "people" or by a number."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.events.coding import code_text

from detente.models import Event

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2019, 6, 1)
DATELINE = "LAGOS, Nigeria — "


def coded(text: str) -> list[Event]:
    return code_text(DATELINE + text, PUBLISHED)


def sector_of(event: Event, side: str) -> str | None:
    actor = event.source if side == "source" else event.target
    return actor.code if actor else None


@pytest.mark.parametrize(("text", "root", "source", "target"), [
    # an agentless passive: the agent the act's code implies, the country the dateline gives
    ("Dozens of protesters were detained on Friday.", "17", "NGACOP", "NGACVLOPP"),
    ("The opposition leader was arrested on Friday.", "17", "NGACOP", "NGAOPP"),
    ("The prisoners were freed on Friday.", "08", "NGAGOV", "NGACRM"),
    # victims named only as people or by a number are civilians; the attacker stays unknown (UNK)
    ("Three people were shot dead on Friday.", "19", "NGAUNK", "NGACVL"),
    ("A bomb went off near a market on Friday, killing five people.", "18", "NGAUNK", "NGACVL"),
    # event nouns and weapons as subjects of occurrence verbs
    ("Protests erupted in the capital on Friday.", "14", "NGACVL", "NGA"),
    ("A rally took place outside parliament on Friday.", "14", "NGACVL", "NGA"),
    ("Fighting broke out between rival militias on Friday.", "19", "NGAUAF", "NGA"),
    ("Shells landed near the airport on Friday.", "19", "NGAUNK", "NGA"),
    # event nouns as objects of light verbs
    ("Thousands joined the march on Friday.", "14", "NGACVL", "NGA"),
    ("Soldiers carried out raids in the north on Friday.", "17", "NGAMIL", "NGA"),
    ("The army launched an offensive against the rebels on Friday.", "19", "NGAMIL", "NGAREB"),
])
def test_events_constructions_code_the_act(text: str, root: str, source: str | None, target: str | None):
    events = [e for e in coded(text) if e.cameo_root == root]
    assert events, [(e.cameo, e.trigger.text) for e in coded(text)]
    assert (sector_of(events[0], "source"), sector_of(events[0], "target")) == (source, target)


@pytest.mark.parametrize("text", [
    "A member of the movement jailed a year ago spoke to reporters on Friday.",  # a description
    "The court issued an arrest warrant for the former minister on Friday.",  # a warrant, no arrest
    "The army entered the town on Friday, two days after the rebels withdrew.",  # a precedent
])
def test_events_constructions_imply_no_act(text: str):
    found = [(e.cameo, e.trigger.text) for e in coded(text)]
    assert not [f for f in found if f[1] in {"jailed", "arrest", "withdrew"}], found


def test_events_constructions_clash_between_two_sides():
    events = [e for e in coded("Clashes broke out between police and protesters on Friday.")
              if e.trigger.text == "Clashes"]
    assert {(sector_of(e, "source"), sector_of(e, "target")) for e in events} >= {("NGACOP", "NGACVLOPP")}
