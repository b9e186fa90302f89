"""resolve_expression: each expression type against a fixed publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.dates import find_expressions, resolve_expression

SUNDAY = dt.date(2021, 3, 21)


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("yesterday", dt.date(2021, 3, 20), "day"),
    ("today", dt.date(2021, 3, 21), "day"),
    ("tonight", dt.date(2021, 3, 21), "day"),
    ("last night", dt.date(2021, 3, 20), "day"),
    ("this morning", dt.date(2021, 3, 21), "day"),
    ("on Monday", dt.date(2021, 3, 15), "day"),
    ("Saturday", dt.date(2021, 3, 20), "day"),
    ("Sunday", dt.date(2021, 3, 21), "day"),  # a bare weekday that is the publication weekday: that day
    ("last Wednesday", dt.date(2021, 3, 17), "day"),
    ("on Tuesday night", dt.date(2021, 3, 16), "day"),
    ("late on Friday", dt.date(2021, 3, 19), "day"),
    ("two days ago", dt.date(2021, 3, 19), "day"),
    ("a week ago", dt.date(2021, 3, 14), "day"),
    ("3 months ago", dt.date(2020, 12, 1), "month"),
    ("this week", dt.date(2021, 3, 1), "month"),
    ("last week", dt.date(2021, 3, 1), "month"),
    ("earlier this month", dt.date(2021, 3, 1), "month"),
    ("last month", dt.date(2021, 2, 1), "month"),
    ("in March", dt.date(2021, 3, 1), "month"),
    ("in early April", dt.date(2020, 4, 1), "month"),
    ("mid-February", dt.date(2021, 2, 1), "month"),
    ("in May 2019", dt.date(2019, 5, 1), "month"),
    ("last year", dt.date(2020, 1, 1), "year"),
    ("in 2019", dt.date(2019, 1, 1), "year"),
    ("on March 3", dt.date(2021, 3, 3), "day"),
    ("Sept. 11", dt.date(2020, 9, 11), "day"),
    ("the 3rd of March", dt.date(2021, 3, 3), "day"),
    ("March 3, 2020", dt.date(2020, 3, 3), "day"),
    ("3 March 2020", dt.date(2020, 3, 3), "day"),
    ("2020-03-03", dt.date(2020, 3, 3), "day"),
])
def test_dates_expression_types(text: str, expected: dt.date, precision: str) -> None:
    assert resolve_expression(text, SUNDAY) == (expected, precision)


@pytest.mark.parametrize("text", ["the 1990s", "50 years old", "for three years", "decades", "2020-02-30",
                                  "February 30, 2021", "the talks"])
def test_dates_non_points_give_none(text: str) -> None:
    assert resolve_expression(text, SUNDAY) is None


@pytest.mark.parametrize(("text", "published", "expected", "precision"), [
    ("in March", dt.date(2021, 1, 10), dt.date(2020, 3, 1), "month"),
    ("last Wednesday", dt.date(2021, 1, 2), dt.date(2020, 12, 30), "day"),  # year boundary
    ("yesterday", dt.date(2021, 1, 1), dt.date(2020, 12, 31), "day"),
    ("on Monday", dt.date(2021, 3, 2), dt.date(2021, 3, 1), "day"),
    ("on Sunday", dt.date(2021, 3, 2), dt.date(2021, 2, 28), "day"),  # month rollover
    ("last month", dt.date(2021, 1, 15), dt.date(2020, 12, 1), "month"),
    ("on December 30", dt.date(2021, 1, 2), dt.date(2020, 12, 30), "day"),
    ("last week", dt.date(2021, 3, 3), dt.date(2021, 2, 1), "month"),  # 22-28 February
    ("last week", dt.date(2021, 4, 7), dt.date(2021, 1, 1), "year"),  # 29 March - 4 April
    ("two days ago", dt.date(2020, 3, 1), dt.date(2020, 2, 28), "day"),  # leap year
    ("yesterday", dt.date(2020, 3, 1), dt.date(2020, 2, 29), "day"),
    ("yesterday", dt.date(2021, 3, 1), dt.date(2021, 2, 28), "day"),
    ("February 29", dt.date(2021, 3, 1), dt.date(2020, 2, 29), "day"),
    ("February 29", dt.date(2023, 1, 5), dt.date(2020, 2, 29), "day"),
    ("February 29, 2020", dt.date(2023, 1, 5), dt.date(2020, 2, 29), "day"),
])
def test_dates_relative_to_publication(text: str, published: dt.date, expected: dt.date,
                                       precision: str) -> None:
    assert resolve_expression(text, published) == (expected, precision)


@pytest.mark.parametrize(("text", "expected"), [
    ("on Monday", dt.date(2021, 3, 22)),
    ("Sunday", dt.date(2021, 3, 28)),
    ("in March", dt.date(2021, 3, 1)),
    ("in January", dt.date(2022, 1, 1)),
    ("on March 3", dt.date(2022, 3, 3)),
    ("last Wednesday", dt.date(2021, 3, 17)),
])
def test_dates_future_takes_next(text: str, expected: dt.date) -> None:
    resolved = resolve_expression(text, SUNDAY, future=True)
    assert resolved is not None and resolved[0] == expected


@pytest.mark.parametrize(("text", "found"), [
    ("Theresa May said they may march in May.", ["May"]),
    ("The 1973 law was changed on June 3 and again in early July.", ["June 3", "early July"]),
    ("Talks ended last night, two days ago or yesterday.", ["last night", "two days ago", "yesterday"]),
])
def test_dates_find_expressions_in_text(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in find_expressions(text)] == found


FIRST_DAY, LAST_DAY = dt.date(1, 1, 1), dt.date(9999, 12, 31)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "published", "expected"), [
    ("yesterday", FIRST_DAY, None),
    ("last month", FIRST_DAY, None),
    ("three years ago", FIRST_DAY, None),
    ("in March", FIRST_DAY, None),
    ("tomorrow", FIRST_DAY, (dt.date(1, 1, 2), "day")),
    ("tomorrow", LAST_DAY, None),
    ("next month", LAST_DAY, None),
    ("next year", LAST_DAY, None),
    ("next Monday", LAST_DAY, None),
    ("yesterday", LAST_DAY, (dt.date(9999, 12, 30), "day")),
    ("last week", LAST_DAY, (dt.date(9999, 12, 1), "month")),
])
def test_dates_at_the_calendar_ends(text: str, published: dt.date,
                                    expected: tuple[dt.date, str] | None) -> None:
    """A date that would fall before year 1 or after 9999 is no date, not an OverflowError."""
    assert resolve_expression(text, published) == expected
    resolve_expression(text, published, future=True)  # neither way raises
