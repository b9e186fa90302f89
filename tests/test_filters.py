"""detente.filters: the status defaults, --include, --min-confidence, what is left out and why,
and unknown actor codes, through the query functions that use them."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from detente.errors import ConfigError
from detente.filters import EventFilter, Omitted
from detente.query import omitted_clusters, omitted_events, query_clusters, query_events
from tests.conftest import STATUS_ROWS


def dates(records: list[dict]) -> list[str]:
    return [record["date"] for record in records]


def events(con, **options) -> list[dict]:
    return query_events(con, filters=EventFilter.of(**options))


@pytest.mark.issue(10)
def test_filters_default_reads_current_non_negated_events_only(status_db):
    assert dates(events(status_db)) == ["2021-01-05", "2021-01-20", "2021-03-03", "2021-04-25"]
    assert omitted_events(status_db) == Omitted(
        {"background": 1, "denied": 2, "future": 1, "hypothetical": 1})


@pytest.mark.issue(10)
@pytest.mark.parametrize(("include", "added"), [
    ("background", ["2021-03-10"]),
    ("future,hypothetical", ["2021-04-02", "2021-04-15"]),
    (["future", "hypothetical"], ["2021-04-02", "2021-04-15"]),
    ("denied", ["2021-04-20", "2021-04-26"]),  # a negated event counts as denied
    ("DENIED, background", ["2021-03-10", "2021-04-20", "2021-04-26"]),
    ("all", ["2021-03-10", "2021-04-02", "2021-04-15", "2021-04-20", "2021-04-26"]),
])
def test_filters_include_adds_statuses(status_db, include, added: list[str]):
    default = {"2021-01-05", "2021-01-20", "2021-03-03", "2021-04-25"}
    assert dates(events(status_db, include=include)) == sorted(default | set(added))


@pytest.mark.issue(10)
def test_filters_min_confidence_and_its_reason(status_db):
    kept = EventFilter.of(min_confidence=0.5)
    assert dates(query_events(status_db, filters=kept)) == ["2021-01-05", "2021-01-20", "2021-04-25"]
    left_out = omitted_events(status_db, filters=kept)
    assert left_out.reasons["confidence below 0.5"] == 1 and left_out.total == 6
    assert left_out.describe() == ("6 left out: 1 background, 1 future, 1 hypothetical, 2 denied, "
                                   "1 confidence below 0.5")


@pytest.mark.issue(10)
def test_filters_omitted_counts_only_the_selection(status_db):
    april = EventFilter.of(since="2021-04-01", country="USA")
    assert omitted_events(status_db, filters=april).reasons == {"future": 1, "hypothetical": 1, "denied": 1}
    assert Omitted().describe() == "none left out"


@pytest.mark.issue(10)
def test_filters_clusters_follow_their_representative(status_db):
    assert [r.date.isoformat() for r in query_clusters(status_db)] == [
        "2021-01-05", "2021-01-20", "2021-03-03", "2021-04-25"]
    everything = query_clusters(status_db, filters=EventFilter.of(include="all"))
    assert len(everything) == len(STATUS_ROWS)
    assert {r.status for r in everything} == {"current", "background", "future", "hypothetical", "denied"}
    assert omitted_clusters(status_db).total == 5


@pytest.mark.issue(14)
@pytest.mark.parametrize(("options", "expected"), [
    ({"country": "UKR"}, ["2021-04-25"]),
    ({"country": "rus", "source": "RUSMIL"}, ["2021-04-25"]),
    ({"country": "USA", "cameo_root": 3}, ["2021-01-05"]),
    ({"target": "USAGOV", "until": dt.date(2021, 3, 31)}, ["2021-01-05", "2021-03-03"]),
])
def test_filters_select_by_country_actor_type_and_date(status_db, options: dict, expected: list[str]):
    assert dates(events(status_db, **options)) == expected


@pytest.mark.parametrize(("options", "message"), [
    ({"include": "rumour"}, "include: unknown status 'rumour'; use any of background, future"),
    ({"min_confidence": 1.5}, "min_confidence: 1.5 must lie between 0 and 1"),
    ({"min_confidence": "high"}, "min_confidence: 'high' is not a number"),
    ({"since": "yesterday"}, "since: 'yesterday' is not a date"),
    ({"cameo_root": 0}, "not a CAMEO root code"),
])
def test_filters_bad_values_are_config_errors(options: dict, message: str):
    with pytest.raises(ConfigError, match=message):
        EventFilter.of(**options)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("field", "code", "matches"), [
    ("source", "RSU", "RUS"),
    ("target", "USAGVO", "USAGOV"),
    ("country", "Russia", "RUS"),
    ("country", "Ukrainian", "UKR"),
    ("country", "Britain", "GBR"),
])
def test_filters_unknown_actor_code_lists_close_matches(status_db, field: str, code: str, matches: str):
    with pytest.raises(ConfigError, match=rf"{field}: unknown actor code '{code.upper()}'; close matches: "
                                          rf"{matches}\b") as caught:
        events(status_db, **{field: code})
    assert caught.value.code == "D404"


@pytest.mark.issue(14)
def test_filters_known_code_absent_from_the_store_warns(status_db, caplog):
    with caplog.at_level(logging.WARNING, logger="detente.filters"):
        assert events(status_db, source="CHNGOV") == []
    assert "no stored event has actor CHNGOV (China (GOV))" in caplog.text
