"""detente.relations.count_events and the period handling shared with dyad_series."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import ConfigError
from detente.filters import EventFilter
from detente.relations import count_events, dyad_series, next_period, period_range


def _cells(rows: list[dict], *keys: str) -> list[tuple]:
    return [tuple(row[key] for key in keys) for row in rows]


@pytest.mark.issue(14)
def test_relations_counts_by_country_month_keep_empty_periods(status_db):
    rows = [r for r in count_events(status_db, by="country", period="month") if r["country"] == "RUS"]
    assert _cells(rows, "period", "events", "as_source", "as_target", "q1", "q3", "q4", "empty") == [
        ("2021-01-01", 2, 1, 1, 1, 1, 0, False),
        ("2021-02-01", 0, 0, 0, 0, 0, 0, True),
        ("2021-03-01", 1, 1, 0, 0, 0, 1, False),
        ("2021-04-01", 1, 1, 0, 0, 0, 1, False),  # RUSMIL -> UKRMIL; the rest is not current
    ]
    assert _cells(rows[:2], "goldstein_sum", "goldstein_mean") == [(2.0, 1.0), (0.0, None)]
    assert {r["country"] for r in count_events(status_db)} == {"RUS", "USA", "UKR"}


@pytest.mark.issue(14)
def test_relations_counts_by_dyad_and_year(status_db):
    rows = count_events(status_db, by="dyad", period="year", filters=EventFilter.of(include="all"))
    assert _cells(rows, "source", "target", "period", "events") == [
        ("FRA", "DEU", "2021-01-01", 1),
        ("RUS", "UKR", "2021-01-01", 1),
        ("RUS", "USA", "2021-01-01", 4),
        ("USA", "RUS", "2021-01-01", 3),
    ]


@pytest.mark.issue(14)
def test_relations_counts_follow_the_filters(status_db):
    april = EventFilter.of(since="2021-03-20", until="2021-05-10", include="future", min_confidence=0.5)
    rows = count_events(status_db, by="dyad", period="month", filters=april)
    assert _cells(rows, "source", "target", "period", "events", "empty") == [
        ("RUS", "UKR", "2021-03-01", 0, True),
        ("RUS", "UKR", "2021-04-01", 1, False),
        ("RUS", "UKR", "2021-05-01", 0, True),
        ("RUS", "USA", "2021-03-01", 0, True),
        ("RUS", "USA", "2021-04-01", 1, False),
        ("RUS", "USA", "2021-05-01", 0, True),
    ]


@pytest.mark.parametrize(("options", "message"), [
    ({"by": "region"}, "unknown grouping 'region'"),
    ({"period": "quarter"}, "unknown period 'quarter'"),
])
def test_relations_counts_bad_options(status_db, options: dict, message: str):
    with pytest.raises(ConfigError, match=message):
        count_events(status_db, **options)


@pytest.mark.issue(14)
def test_relations_dyad_marks_empty_periods(status_db):
    rows = [p.to_row() for p in dyad_series(status_db, "RUS", "USA", by="month")]
    assert _cells(rows, "period", "a_to_b_total", "b_to_a_total", "a_to_b_net_cooperation",
                  "b_to_a_net_cooperation", "empty") == [
        ("2021-01-01", 1, 1, 1, -1, False),
        ("2021-02-01", 0, 0, None, None, True),
        ("2021-03-01", 1, 0, -1, None, False),
    ]


@pytest.mark.issue(14)
def test_relations_unknown_dyad_actor_is_an_error(status_db):
    with pytest.raises(ConfigError, match="actor_b: unknown actor code 'USX'; close matches: USA"):
        dyad_series(status_db, "RUS", "usx")


@pytest.mark.parametrize(("start", "by", "following"), [
    ("2021-01-31", "day", "2021-02-01"),
    ("2021-03-15", "week", "2021-03-22"),
    ("2021-12-01", "month", "2022-01-01"),
    ("2020-01-01", "year", "2021-01-01"),
])
def test_relations_next_period(start: str, by: str, following: str):
    assert next_period(dt.date.fromisoformat(start), by) == dt.date.fromisoformat(following)


def test_relations_period_range_widens_to_the_filter():
    window = EventFilter(since=dt.date(2020, 11, 20), until=dt.date(2021, 1, 3))
    assert period_range([dt.date(2020, 12, 5)], "month", window) == [
        dt.date(2020, 11, 1), dt.date(2020, 12, 1), dt.date(2021, 1, 1)]
    assert period_range([], "month", EventFilter()) == []
