from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from detente.dedup.similarity import (
    ActorKey,
    Place,
    Report,
    actors_agree,
    actors_compatible,
    can_merge,
    char_shingles,
    code_similarity,
    days_apart,
    jaccard,
    match_score,
    period_end,
    periods_compatible,
    places_compatible,
    word_shingles,
)

REPORT = Report(
    event_id="a",
    doc_id="d1",
    date=dt.date(2021, 3, 18),
    negated=False,
    source=ActorKey("USA", None, "united states", True),
    target=ActorKey("CHN", None, None),
    cameo="040",
    cameo_root="04",
    plover="CONSULT",
    words=frozenset(),
    chars=frozenset(),
    published=dt.date(2021, 3, 18),
)
DAYTON = Place(4509884, "city", "USA", "US.OH")
TOLEDO = Place(5174035, "city", "USA", "US.OH")
OHIO = Place(5165418, "admin1", "USA", "US.OH")
OREGON = Place(5744337, "admin1", "USA", "US.OR")
USA = Place(6252001, "country", "USA", None)


def on(day: str) -> Report:
    return replace(REPORT, event_id=day, date=dt.date.fromisoformat(day))


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (("RUS", "GOV", "russia"), ("RUS", "GOV", "moscow"), True),
        (("RUS", None, "russia"), ("RUS", "GOV", "kremlin"), True),  # a null sector is compatible
        (("RUS", "MIL", "army"), ("RUS", "GOV", "kremlin"), False),
        (("RUS", "GOV", "russia"), ("UKR", "GOV", "ukraine"), False),
        ((None, "REB", "houthis"), (None, "REB", "houthis"), True),
        ((None, "REB", "houthis"), (None, "REB", "hamas"), False),
        ((None, None, "houthis"), ("YEM", "REB", "houthis"), False),
        (None, None, True),
        (None, ("RUS", "GOV", "russia"), False),
    ],
)
def test_dedup_actor_compatibility(left, right, expected):
    left, right = (ActorKey(*a) if a else None for a in (left, right))
    assert actors_compatible(left, right) is expected
    assert actors_compatible(right, left) is expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (("USA", "COP", "police"), None, True),  # an unknown actor matches anything
        (("USA", "EDU", "students"), ("USA", "CVL", "protesters"), True),  # both civil
        ((None, "CVL", "protesters"), ("USA", "CVL", "residents"), True),  # a country on one side only
        (("USA", "UNK", "man"), ("USA", "CVL", "woman"), True),  # UNK is no sector
        (("USA", "COP", "police"), ("USA", "CVL", "protesters"), False),  # official against civil
        (("KEN", "CVL", "protesters"), ("UGA", "CVL", "protesters"), False),
        (("USA", "GOV", "officials"), ("USA", "MIL", "army"), True),  # both official
    ],
)
def test_dedup_actors_agree_inside_a_story(left, right, expected):
    left, right = (ActorKey(*a) if a else None for a in (left, right))
    assert actors_agree(left, right) is expected
    assert actors_agree(right, left) is expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (DAYTON, DAYTON, True),
        (DAYTON, TOLEDO, False),  # two cities
        (DAYTON, OHIO, True),  # the region holds the city
        (TOLEDO, OREGON, False),
        (OHIO, OREGON, False),
        (DAYTON, USA, True),  # a country is often an actor's, not the scene
        (DAYTON, None, True),
    ],
)
def test_dedup_place_compatibility(left, right, expected):
    assert places_compatible(left, right) is expected
    assert places_compatible(right, left) is expected


@pytest.mark.parametrize(
    ("left", "right", "window", "expected"),
    [
        ("2021-03-17", "2021-03-20", 3, True),
        ("2021-03-17", "2021-03-21", 3, False),
        ("2021-03-17", "2021-03-24", 3, False),
        ("2021-03-17", "2021-03-17", 0, True),
    ],
)
def test_dedup_date_window(left, right, window, expected):
    assert periods_compatible(on(left), on(right), window) is expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("040", "040", 1.0),
        ("0871", "087", 0.5),
        ("040", "046", 0.25),
        ("040", "111", 0.0),
    ],
)
def test_dedup_code_similarity(left, right, expected):
    assert code_similarity(left, right) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("Russia recalled its ambassador", "Russia recalled its ambassador", 1.0),
        ("Russia recalled the ambassador", "recalling Russia's ambassador", 1.0),  # stems, stop words
        ("Russia recalled", "China protested", 0.0),
    ],
)
def test_dedup_word_shingle_jaccard(left, right, expected):
    assert jaccard(word_shingles(left), word_shingles(right)) == pytest.approx(expected)


def test_dedup_char_shingles_normalise_case_and_spacing():
    assert (
        char_shingles("Air  Strike")
        == char_shingles("air strike")
        == frozenset({"air ", "ir s", "r st", " str", "stri", "trik", "rike"})
    )


@pytest.mark.parametrize(
    ("day", "published", "gap"),
    [
        ("2021-03-18", "2021-03-18", 3),  # inside the month, published three days apart
        ("2021-03-02", "2021-03-02", 19),  # inside the month, but published weeks apart
        ("2021-04-06", "2021-03-21", 6),  # published the same day, but six days after the month
    ],
)
def test_dedup_a_month_precise_date_needs_close_publication(day, published, gap):
    first = dt.date(2021, 3, 1)
    month = replace(
        REPORT, event_id="b", date=first, last=period_end(first, "month"), published=dt.date(2021, 3, 21)
    )
    assert month.last == dt.date(2021, 3, 31)
    other = replace(REPORT, date=dt.date.fromisoformat(day), published=dt.date.fromisoformat(published))
    assert days_apart(other, month) == gap
    assert periods_compatible(other, month, 3) is (gap <= 3)


def test_dedup_month_precise_proximity_counts_the_period():
    first = dt.date(2021, 3, 1)
    month = replace(
        REPORT, event_id="b", date=first, last=period_end(first, "month"), published=dt.date(2021, 3, 21)
    )
    # same code (0.3) and full proximity (0.3): the day inside the month is unknown, not far
    assert match_score(REPORT, month, window_days=3) == pytest.approx(0.6)


NAMED = ActorKey("USA", "CVL", "john doe", True)
PROTESTERS = ActorKey("USA", "CVL", "protesters")


def _unnamed(**changes: object) -> Report:
    values: dict[str, object] = {
        "source": ActorKey("USA", "COP", "police"),
        "target": ActorKey("USA", "CVL", "man"),
        "cameo": "173",
        "cameo_root": "17",
        "plover": "COERCE",
        "place": DAYTON,
    }
    return replace(REPORT, **{**values, **changes})


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (_unnamed(story="s1"), _unnamed(event_id="b", story="s1"), True),
        (_unnamed(story="s1"), _unnamed(event_id="b", story="s2"), False),  # no name: only its story tells
        (_unnamed(story="s1"), _unnamed(event_id="b", story="s1", place=TOLEDO), False),
        (_unnamed(story="s1"), _unnamed(event_id="b", story="s1", target=None), True),  # unknown target
        (
            _unnamed(story="s1"),
            _unnamed(event_id="b", story="s2", target=NAMED),
            True,
        ),  # a name identifies it
        (_unnamed(story="s1"), _unnamed(event_id="b", story="s1", source=PROTESTERS), False),  # two actors
    ],
)
def test_dedup_actor_rules_inside_and_across_stories(left, right, expected):
    assert can_merge(left, right, window_days=3) is expected
    assert can_merge(right, left, window_days=3) is expected


def test_dedup_places_are_not_checked_between_two_countries():
    """"Its envoy in Washington" and "officials in Moscow said" place one recall in two capitals."""
    moscow, washington = Place(524901, "city", "RUS", "RU.48"), Place(4140963, "city", "USA", "US.DC")
    russia, usa = ActorKey("RUS", "GOV", "russia", True), ActorKey("USA", None, "usa")
    recall = replace(REPORT, source=russia, target=usa, cameo="161", cameo_root="16", plover="SANCTION",
                     place=moscow)
    assert can_merge(recall, replace(recall, event_id="b", place=washington), window_days=3)
    domestic = replace(recall, target=ActorKey("RUS", "CVL", "protesters"))
    assert not can_merge(domestic, replace(domestic, event_id="b", place=washington), window_days=3)
