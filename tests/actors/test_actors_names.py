"""Name matching (actors/names.py): transliterations, and when a surname alone is a leader."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from detente.actors import ActorResolver
from detente.actors.names import SkeletonIndex, date_leaves_no_doubt, is_honorific, name_skeleton
from detente.evaluation.actors import mention_actor, resolve_mentions


@pytest.mark.parametrize("left,right", [
    ("Muammar Gaddafi", "Moammar Qadhafi"), ("Muammar Gaddafi", "Muammar al-Qaddafi"),
    ("Mahmoud Ahmadinejad", "Mahmoud Ahmadinezhad"), ("Alexander Lukashenko", "Alyaksandr Lukashenka"),
    ("Gurbanguly Berdymukhammedov", "Gurbanguly Berdimuhamedow"), ("Nouri al-Maliki", "Nuri Al Maliki"),
])
def test_actors_names_transliterations_meet(left: str, right: str) -> None:
    assert name_skeleton(left) is not None and name_skeleton(left) == name_skeleton(right)


@pytest.mark.parametrize("left,right", [("Boris Johnson", "Dustin Johnson"), ("Kim Jong-un", "Kim Jong-il"),
                                        ("George Bush", "George Brown")])
def test_actors_names_different_people_stay_apart(left: str, right: str) -> None:
    assert name_skeleton(left) != name_skeleton(right)


def test_actors_names_short_or_single_names_have_no_key() -> None:
    assert name_skeleton("Putin") is None and name_skeleton("Al Bo") is None


def test_actors_names_skeleton_index_answers_only_unique_keys() -> None:
    index = SkeletonIndex.of_people({"muammar gaddafi": ("Muammar Gaddafi",), "abdul salam": ("Abdul Salam",),
                           "abdel salaam": ("Abdel Salaam",)})
    assert index.person("Moammar Qadhafi") == "Muammar Gaddafi"
    assert index.person("Abdul Salaam") is None  # two people share the key


def test_actors_names_date_leaves_no_doubt(resolver: ActorResolver) -> None:
    roles, people = resolver.tables.roles, resolver.tables.people
    bushes = people["bush"]
    assert date_leaves_no_doubt(roles, bushes, "George W. Bush", dt.date(2003, 3, 20))
    assert not date_leaves_no_doubt(roles, bushes, "George W. Bush", dt.date(2012, 1, 1))
    assert date_leaves_no_doubt(roles, people["gorbachev"], people["gorbachev"][0], dt.date(1995, 1, 1))


@pytest.mark.parametrize("word,expected", [("Mr", True), ("Mrs.", True), ("Sheikh", True),
                                           ("Senator", False)])
def test_actors_names_honorifics(word: str, expected: bool) -> None:
    assert is_honorific(word) is expected


@pytest.mark.parametrize("text,on,mention,expected", [
    ("Dustin Johnson won the Masters on Sunday. Johnson said the green jacket meant everything.",
     dt.date(2020, 11, 15), "Johnson", (None, None)),
    ("Prime Minister Boris Johnson tested positive. Johnson said he would keep working.",
     dt.date(2020, 3, 27), "Johnson", ("GBR", "GOV")),
    ("Golfer Vijay Singh won the tournament. Singh birdied the last two holes.", dt.date(2008, 8, 10),
     "Singh", (None, None)),
    ("Johnson & Johnson said its vaccine would ship this week.", dt.date(2021, 3, 2), "Johnson",
     ("USA", "BUS")),
    ("President Bush spoke on Monday.", dt.date(1990, 8, 8), "Bush", ("USA", "GOV")),
])
def test_actors_names_surname_rule(nlp_md: Language, resolver: ActorResolver, text: str, on: dt.date,
                                   mention: str, expected: tuple[str | None, str | None]) -> None:
    doc = nlp_md(text)
    actor = mention_actor(doc, resolve_mentions(doc, resolver, on), mention)
    got = (actor.country, actor.sector) if actor else (None, None)
    assert got == expected
