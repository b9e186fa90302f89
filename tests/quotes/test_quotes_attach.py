"""attach_quotes: events whose trigger lies inside a quote get that quote's id."""

from __future__ import annotations

import pytest

from detente.models import Event, Quote, Trigger
from detente.quotes import attach_quotes, make_quote_id


def event(doc_id: str, start: int, end: int) -> Event:
    return Event(event_id=f"e{start}", doc_id=doc_id, sentence_index=0, sentence="", source=None,
                 target=None, cameo="010", cameo_root="01", cameo_name="", plover=None, plover_mode=None,
                 goldstein=None, quad_class=None, date=None, date_precision=None, negated=False,
                 modality="asserted", confidence=1.0, coder="test", trigger=Trigger("x", start, end),
                 ontology_version="", detente_version="")


def quote(doc_id: str, start: int, end: int) -> Quote:
    return Quote(quote_id=make_quote_id(doc_id, start, end), doc_id=doc_id, speaker=None, text="",
                 start=start, end=end, kind="direct", verb=None)


OUTER, INNER = quote("d", 10, 100), quote("d", 40, 60)


@pytest.mark.parametrize(("trigger", "doc_id", "expected"), [
    ((20, 25), "d", OUTER.quote_id),
    ((45, 50), "d", INNER.quote_id),  # the innermost quote wins
    ((10, 100), "d", OUTER.quote_id),
    ((5, 12), "d", None),  # straddles the opening: not inside
    ((120, 125), "d", None),
    ((45, 50), "other", None),  # another document's quote
])
def test_quotes_attach_by_trigger_span(trigger: tuple[int, int], doc_id: str, expected: str | None) -> None:
    [result] = attach_quotes([event(doc_id, *trigger)], [OUTER, INNER])
    assert result.quote_id == expected


def test_quotes_attach_keeps_order_and_other_fields() -> None:
    events = [event("d", 20, 25), event("d", 120, 125)]
    attached = attach_quotes(events, [OUTER])
    assert [e.event_id for e in attached] == ["e20", "e120"]
    assert attached[0].trigger == events[0].trigger
    assert attached[1] == events[1]


@pytest.mark.parametrize(("a", "b", "same"), [
    (("d", 1, 5), ("d", 1, 5), True),
    (("d", 1, 5), ("d", 1, 6), False),
    (("d", 1, 5), ("e", 1, 5), False),
])
def test_quotes_id_depends_on_document_and_span(a: tuple[str, int, int], b: tuple[str, int, int],
                                                same: bool) -> None:
    assert (make_quote_id(*a) == make_quote_id(*b)) is same
