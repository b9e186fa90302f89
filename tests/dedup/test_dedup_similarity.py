from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from detente.dedup.similarity import (
    Report,
    actors_compatible,
    char_shingles,
    code_similarity,
    days_apart,
    jaccard,
    period_end,
    periods_compatible,
    word_shingles,
)

REPORT = Report(event_id="a", doc_id="d1", date=dt.date(2021, 3, 18), negated=False,
                source=("USA", None, None), target=("CHN", None, None), cameo="040", cameo_root="04",
                plover="CONSULT", words=frozenset(), chars=frozenset())


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
    assert actors_compatible(left, right) is expected
    assert actors_compatible(right, left) is expected


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


def test_dedup_a_month_precise_date_covers_its_month():
    day = REPORT
    first = dt.date(2021, 3, 1)
    month = replace(day, event_id="b", date=first, last=period_end(first, "month"))
    assert month.last == dt.date(2021, 3, 31)
    assert days_apart(day, month) == 0 and periods_compatible(day, month, 3)
    april = replace(day, event_id="c", date=dt.date(2021, 4, 6))
    assert days_apart(april, month) == 6 and not periods_compatible(april, month, 3)
