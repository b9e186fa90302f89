"""leaders.csv terms: the same name resolves by the date of the text."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.actors.conftest import Resolve


@pytest.mark.parametrize("sentence,head,on,expected", [
    ("Biden criticised the plan.", "Biden", dt.date(2005, 6, 1), ("USA", "LEG")),
    ("Biden criticised the plan.", "Biden", dt.date(2015, 6, 1), ("USA", "GOV")),
    ("Biden criticised the plan.", "Biden", dt.date(2021, 6, 1), ("USA", "GOV")),
    ("Biden criticised the plan.", "Biden", dt.date(2019, 6, 1), ("USA", "ELI")),
    ("Medvedev criticised the plan.", "Medvedev", dt.date(2010, 6, 1), ("RUS", "GOV")),
    ("Medvedev criticised the plan.", "Medvedev", dt.date(2019, 6, 1), ("RUS", "GOV")),
    ("Guterres criticised the plan.", "Guterres", dt.date(2000, 6, 1), ("PRT", "GOV")),
    ("Guterres criticised the plan.", "Guterres", dt.date(2020, 6, 1), ("UNO", "GOV")),
    ("Stoltenberg criticised the plan.", "Stoltenberg", dt.date(2018, 6, 1), ("IGO", "MIL")),
    ("Stoltenberg criticised the plan.", "Stoltenberg", dt.date(2010, 6, 1), ("NOR", "GOV")),
    ("Obama criticised the plan.", "Obama", dt.date(1990, 6, 1), ("USA", None)),
])
def test_actors_dates_terms(resolve: Resolve, sentence: str, head: str, on: dt.date,
                            expected: tuple) -> None:
    assert [(a.country, a.sector) for a in resolve(sentence, head, on=on)] == [expected]


def test_actors_dates_role_choice(resolver) -> None:  # type: ignore[no-untyped-def]
    roles = resolver.tables.roles["Dmitry Medvedev"]
    assert [r.role for r in roles if r.active(dt.date(2010, 6, 1))] == ["president"]
    assert [r.role for r in roles if r.active(dt.date(2019, 6, 1))] == ["prime minister"]


def test_actors_dates_no_date_uses_latest_term(resolve: Resolve) -> None:
    (actor,) = resolve("Lavrov criticised the plan.", "Lavrov", on=None)
    assert (actor.country, actor.sector) == ("RUS", "GOV")
