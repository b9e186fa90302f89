"""detente.query: every filter of query_events and query_quotes, on hand-built stored events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from detente.errors import ConfigError
from detente.filters import EventFilter
from detente.models import Actor, CodedDocument, Document, Event, Quote, Trigger, make_event_id
from detente.query import query_events, query_quotes
from detente.store import Store

D = dt.date
# (doc_id, sentence, trigger start, source, target, cameo, plover, date): names E0..E5 in this order.
ROWS = (
    ("a", 0, 5, "RUSGOV", "UKR", "163", "SANCTION", D(2024, 3, 1)),
    ("a", 0, 40, "RUS", "USAGOV", "042", "CONSULT", D(2024, 3, 1)),
    ("a", 2, 0, "USAMIL", "RUSMIL", "190", "FIGHT", D(2024, 2, 10)),
    ("b", 1, 0, "UKRGOV", "RUSGOV", "112", "ACCUSE", D(2024, 3, 5)),
    ("b", 3, 0, "IGO", None, "010", None, None),
    ("c", 0, 0, None, "RUS", "163", "SANCTION", D(2023, 12, 31)),
)


def actor(code: str | None) -> Actor | None:
    return None if code is None else Actor(text=code, country=code[:3], sector=code[3:] or None)


def build_event(row: tuple) -> Event:
    doc_id, index, start, source, target, cameo, plover, date = row
    return Event(event_id=make_event_id(doc_id, index, start, cameo), doc_id=doc_id, sentence_index=index,
                 sentence="s", source=actor(source), target=actor(target), cameo=cameo,
                 cameo_root=cameo[:2], cameo_name="n", plover=plover, plover_mode=None, goldstein=0.0,
                 quad_class=1, date=date, date_precision="day" if date else None, negated=False,
                 modality="asserted", confidence=0.5, coder="test", trigger=Trigger("t", start, start + 1),
                 ontology_version="t", detente_version="t")


EVENTS = [build_event(row) for row in ROWS]
QUOTES = (
    Quote("qa1", "a", actor("RUSGOV"), "one", 30, 35, "direct", "say"),
    Quote("qa0", "a", Actor("Sergei Lavrov", "Sergei Lavrov", "RUS", "GOV"), "two", 3, 9, "indirect", None),
    Quote("qb0", "b", None, "three", 0, 5, "partial", None),
)


@pytest.fixture(scope="module")
def con() -> Iterator:
    with Store(":memory:") as store:
        for doc_id in ("a", "b", "c"):
            store.add(CodedDocument(
                document=Document(doc_id=doc_id, text=f"text {doc_id}"),
                events=tuple(e for e in EVENTS if e.doc_id == doc_id),
                quotes=tuple(q for q in QUOTES if q.doc_id == doc_id)))
        yield store.connection


def events(con, limit: int | None = None, **filters) -> list[dict]:
    return query_events(con, filters=EventFilter.of(**filters), limit=limit)


def names(records: list[dict]) -> list[str]:
    return [f"E{EVENTS.index(next(e for e in EVENTS if e.event_id == r['event_id']))}" for r in records]


def test_query_all_ordered_by_date_doc_sentence_trigger(con) -> None:
    assert names(query_events(con)) == ["E5", "E2", "E0", "E1", "E3", "E4"]
    assert names(events(con)) == ["E5", "E2", "E0", "E1", "E3", "E4"]


def test_query_returns_event_dicts(con) -> None:
    assert events(con, plover="FIGHT") == [EVENTS[2].to_dict()]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"source": "RUS"}, ["E0", "E1"]),
    ({"source": "rus"}, ["E0", "E1"]),
    ({"source": "RUSGOV"}, ["E0"]),
    ({"source": "USA"}, ["E2"]),
    ({"source": "IGO"}, ["E4"]),
    ({"target": "RUS"}, ["E5", "E2", "E3"]),
    ({"target": "RUSMIL"}, ["E2"]),
    ({"target": "USAGOV"}, ["E1"]),
    ({"source": "RUS", "target": "USA"}, ["E1"]),
    ({"since": D(2024, 3, 1)}, ["E0", "E1", "E3"]),
    ({"since": "2024-03-02"}, ["E3"]),
    ({"until": D(2024, 2, 10)}, ["E5", "E2"]),
    ({"since": "2024-01-01", "until": "2024-03-01"}, ["E2", "E0", "E1"]),
    ({"cameo_root": "16"}, ["E5", "E0"]),
    ({"cameo_root": 4}, ["E1"]),
    ({"cameo_root": "01"}, ["E4"]),
    ({"plover": "sanction"}, ["E5", "E0"]),
    ({"plover": "SANCTION", "source": "RUS"}, ["E0"]),
    ({"limit": 2}, ["E5", "E2"]),
    ({"target": "RUS", "limit": 1}, ["E5"]),
    ({"source": "CHN"}, []),
])
def test_query_event_filters(con, filters: dict, expected: list[str]) -> None:
    assert names(events(con, **filters)) == expected


@pytest.mark.parametrize(("filters", "message"), [
    ({"since": "2024-02-30"}, "since: '2024-02-30' is not a date"),
    ({"until": "March"}, "until: 'March' is not a date"),
    ({"cameo_root": "21"}, "not a CAMEO root code"),
    ({"cameo_root": "x"}, "not a CAMEO root code"),
    ({"limit": 0}, "limit: 0 must be at least 1"),
])
def test_query_bad_filter_is_config_error(con, filters: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        events(con, **filters)


def test_query_filter_value_is_not_sql(con) -> None:
    assert events(con, plover="SANCTION' OR 1=1 --") == []
    with pytest.raises(ConfigError, match="unknown actor code"):
        events(con, source="RUS' OR 1=1 --")


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["qa0", "qa1", "qb0"]),
    ({"doc_id": "b"}, ["qb0"]),
    ({"speaker": "RUS"}, ["qa0", "qa1"]),
    ({"speaker": "sergei lavrov"}, ["qa0"]),
    ({"speaker": "RUSGOV", "doc_id": "b"}, []),
])
def test_query_quote_filters(con, filters: dict, expected: list[str]) -> None:
    assert [q["quote_id"] for q in query_quotes(con, **filters)] == expected


def test_query_quotes_return_quote_dicts(con) -> None:
    assert query_quotes(con, doc_id="a") == [QUOTES[1].to_dict(), QUOTES[0].to_dict()]
    assert query_quotes(con, doc_id="b") == [QUOTES[2].to_dict()]
