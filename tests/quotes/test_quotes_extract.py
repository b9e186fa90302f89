"""Quotes and speakers on hand-written paragraphs (golden_paragraphs.jsonl)."""

from __future__ import annotations

from typing import Any

import pytest
from tests.quotes.conftest import Extract, golden_cases, quote_containing

CASES = golden_cases()
EXPECTED = [(case, expected) for case in CASES for expected in case["quotes"]]


@pytest.mark.model
@pytest.mark.parametrize(("case", "expected"), EXPECTED,
                         ids=[f"{c['id']}:{e['contains'][:20]}" for c, e in EXPECTED])
def test_quotes_golden_speaker(extract: Extract, case: dict[str, Any], expected: dict[str, Any]) -> None:
    quote = quote_containing(extract(case["text"], case["date"]), expected["contains"])
    assert quote is not None, f"no quote containing {expected['contains']!r}"
    assert quote.kind == expected["kind"]
    if expected["speaker"] is None:
        assert quote.speaker is None
        return
    assert quote.speaker is not None
    assert expected["speaker"].lower() in f"{quote.speaker.name} {quote.speaker.text}".lower()
    if "country" in expected:
        assert quote.speaker.country == expected["country"]
    if "verb" in expected:
        assert quote.verb == expected["verb"]


@pytest.mark.model
@pytest.mark.parametrize("case", [c for c in CASES if not c["quotes"]], ids=lambda c: c["id"])
def test_quotes_golden_nothing_quoted(extract: Extract, case: dict[str, Any]) -> None:
    assert extract(case["text"], case["date"]) == []


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_quotes_offsets_match_text(extract: Extract, case: dict[str, Any]) -> None:
    for quote in extract(case["text"], case["date"]):
        if "\n" not in quote.text:  # a quote over paragraphs leaves out the repeated marks
            assert case["text"][quote.start:quote.end] == quote.text


@pytest.mark.model
@pytest.mark.parametrize(("text", "first", "second"), [
    ("Chancellor Olaf Scholz spoke in Berlin. \"We stand with Kyiv,\" he said, \"and we will not stop.\"",
     "We stand with Kyiv", "and we will not stop"),
])
def test_quotes_split_quote_gives_two_parts_same_speaker(extract: Extract, text: str, first: str,
                                                          second: str) -> None:
    quotes = extract(text, "2022-05-01")
    one, two = quote_containing(quotes, first), quote_containing(quotes, second)
    assert one is not None and two is not None and one.quote_id != two.quote_id
    assert one.speaker is not None and one.speaker == two.speaker
    assert one.kind == two.kind == "direct"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "\"We will never give up.\" The slogan was everywhere in the city.",
    "The leaflets read \"We will never give up on our freedom\" in large letters.",
])
def test_quotes_unattributed_quote_stays_unattributed(extract: Extract, text: str) -> None:
    quote = quote_containing(extract(text, "2022-04-02"), "We will never give up")
    assert quote is not None and quote.speaker is None  # a leaflet nobody carries or issues


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The official \"First Channel\" television network broadcast the speech.",
    "Biden described Putin as a \"killer\" in the interview.",
])
def test_quotes_scare_quotes_are_not_speech(extract: Extract, text: str) -> None:
    assert [q for q in extract(text, "2021-03-18") if q.kind != "indirect"] == []


@pytest.mark.model
def test_quotes_ids_are_stable(extract: Extract) -> None:
    text = "\"We are ready,\" Lavrov said on Monday."
    first, second = extract(text, "2021-06-01"), extract(text, "2021-06-01")
    assert [q.quote_id for q in first] == [q.quote_id for q in second]
