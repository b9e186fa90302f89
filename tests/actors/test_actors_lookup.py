"""Knowledge-base lookup (actors/lookup.py): keys, the role a date selects, countries of words."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors.lookup import KnowledgeBase
from detente.actors.tables import normalise


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


@pytest.mark.parametrize("text,expected", [("UN", "un"), ("un", None), ("the Kremlin", "kremlin"),
                                           ("congress", None), ("Congress", "congress")])
def test_actors_lookup_key(kb: KnowledgeBase, text: str, expected: str | None) -> None:
    assert kb.key(text) == expected


@pytest.mark.parametrize("name,on,country,sector", [
    ("Donald Tusk", dt.date(2010, 6, 1), "POL", "GOV"),
    ("Donald Tusk", dt.date(2018, 6, 1), "EUR", "GOV"),
    ("Donald Tusk", dt.date(2023, 12, 13), "POL", "GOV"),
    ("Mikhail Gorbachev", dt.date(1995, 1, 1), "RUS", "ELI"),
])
def test_actors_lookup_date_selects_role(kb: KnowledgeBase, name: str, on: dt.date, country: str,
                                         sector: str) -> None:
    choice = kb.choose_person(kb.tables.people[normalise(name)], on)
    assert (choice.role.country, choice.sector) == (country, sector)
    match = kb.person_match(normalise(name), choice)
    assert match.to_dict()["role"]["start"] is not None and match.source


def test_actors_lookup_phoenix_people_are_in_the_knowledge_base(kb: KnowledgeBase) -> None:
    names = kb.tables.people[normalise("Nguyen Tan Dung")]
    terms = kb.tables.roles[names[0]]
    assert any(t.country == "VNM" and t.sector == "GOV" and t.source.startswith("Phoenix") for t in terms)


@pytest.mark.parametrize("text,expected", [("Istanbul", "TUR"), ("Minneapolis", "USA"), ("Helmand", "AFG"),
                                           ("minneapolis", None), ("London", "GBR"),
                                           ("Tripoli", None), ("Victoria", None)])
def test_actors_lookup_place_country(kb: KnowledgeBase, text: str, expected: str | None) -> None:
    assert kb.place_country(text) == expected


@pytest.mark.parametrize("text,expected", [("Russian", "RUS"), ("Kremlin", "RUS"), ("Hamas", "PSE"),
                                           ("Atlantis", None)])
def test_actors_lookup_owner_of(kb: KnowledgeBase, text: str, expected: str | None) -> None:
    assert kb.owner_of(text) == expected


def test_actors_lookup_agent_name(kb: KnowledgeBase) -> None:
    assert kb.agent_name("RUS", "foreign ministry") == "Russian Foreign Ministry"
    assert kb.agent_name(None, "foreign ministry") is None


@pytest.mark.parametrize("on,sector", [(dt.date(1990, 1, 1), "REB"), (dt.date(1999, 1, 1), "GOV"),
                                       (dt.date(2010, 1, 1), "REB"), (dt.date(2022, 1, 1), "GOV"),
                                       (None, "GOV")])
def test_actors_lookup_organisation_role_by_date(kb: KnowledgeBase, on: dt.date | None, sector: str) -> None:
    found = kb.entity("taliban", on)
    assert found is not None and (found[1].country, found[1].sector) == ("AFG", sector)


@pytest.mark.parametrize("text,expected", [
    ("KABUL, Aug 3 - police said the bomber struck a checkpoint.", "AFG"),
    ("LAHORE, Pakistan (Reuters) - a court acquitted them.", "PAK"),
    ("SEOUL - prosecutors sought a death sentence.", "KOR"),
    ("Police said the bomber struck a checkpoint.", None),
])
def test_actors_lookup_dateline_country(kb: KnowledgeBase, text: str, expected: str | None) -> None:
    assert kb.dateline_country(text) == expected
