"""resolve_event_date on sentences parsed by en_core_web_md."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from detente.dates import find_event_date, resolve_event_date

SUNDAY = dt.date(2021, 3, 21)

pytestmark = pytest.mark.model


def _date(nlp: Language, text: str, trigger: str, published: dt.date | None) -> tuple:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return resolve_event_date(token.sent, token, published)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The minister said yesterday that the envoys met on Monday.", "met", dt.date(2021, 3, 15)),
    ("The minister said yesterday that the envoys met on Monday.", "said", dt.date(2021, 3, 20)),
    ("Police arrested five men late on Friday.", "arrested", dt.date(2021, 3, 19)),
    ("Rebels attacked the town on Tuesday night.", "attacked", dt.date(2021, 3, 16)),
    ("He has led the party for three years and resigned two days ago.", "resigned", dt.date(2021, 3, 19)),
    ("The treaty was signed on March 3, 2020.", "signed", dt.date(2020, 3, 3)),
])
def test_dates_event_clause_then_sentence(nlp_md: Language, text: str, trigger: str,
                                          expected: dt.date) -> None:
    assert _date(nlp_md, text, trigger, SUNDAY) == (expected, "day")


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The two leaders will meet on Monday in Geneva.", "meet", dt.date(2021, 3, 22)),
    ("The president plans to visit Kenya on Wednesday.", "visit", dt.date(2021, 3, 24)),
    ("The government said it is going to hold talks on Friday.", "hold", dt.date(2021, 3, 26)),
    ("The two leaders met on Monday in Geneva.", "met", dt.date(2021, 3, 15)),
])
def test_dates_event_future_tense(nlp_md: Language, text: str, trigger: str, expected: dt.date) -> None:
    assert _date(nlp_md, text, trigger, SUNDAY) == (expected, "day")


@pytest.mark.parametrize(("text", "trigger", "published", "expected"), [
    ("The company, founded in the 1990s, fired 50 workers.", "fired", SUNDAY, (SUNDAY, "day")),
    ("The 1973 building collapsed.", "collapsed", SUNDAY, (SUNDAY, "day")),
    ("Protesters marched in the capital.", "marched", SUNDAY, (SUNDAY, "day")),
    ("Envoys met last Wednesday.", "met", dt.date(2021, 1, 2), (dt.date(2020, 12, 30), "day")),
    ("The parliament was dissolved in March.", "dissolved", dt.date(2021, 1, 10),
     (dt.date(2020, 3, 1), "month")),
])
def test_dates_event_fallbacks(nlp_md: Language, text: str, trigger: str, published: dt.date,
                               expected: tuple) -> None:
    assert _date(nlp_md, text, trigger, published) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Envoys met on Monday.", "met", (None, None)),
    ("Protesters marched in the capital.", "marched", (None, None)),
    ("The treaty was signed on March 3, 2020.", "signed", (dt.date(2020, 3, 3), "day")),
    ("Elections were held in 2019 after a long crisis.", "held", (dt.date(2019, 1, 1), "year")),
])
def test_dates_event_without_publication_date(nlp_md: Language, text: str, trigger: str,
                                              expected: tuple) -> None:
    assert _date(nlp_md, text, trigger, None) == expected


@pytest.mark.parametrize(("text", "trigger"), [
    ("The government pledged to cut emissions by 2025.", "cut"),
    ("Pierluisi will be governor until 2020.", "be"),
    ("The parties must agree before the end of March.", "agree"),
])
def test_dates_event_deadline_is_no_event_date(nlp_md: Language, text: str, trigger: str) -> None:
    token = next(t for t in nlp_md(text) if t.text == trigger)
    found = find_event_date(token.sent, token, SUNDAY)
    assert (found.date, found.stated) == (SUNDAY, False)


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry had warned the previous year.", (dt.date(2020, 1, 1), "year")),
    ("Talks broke down the preceding month.", (dt.date(2021, 2, 1), "month")),
])
def test_dates_event_previous_period(nlp_md: Language, text: str, expected: tuple) -> None:
    doc = nlp_md(text)
    token = next(t for t in doc if t.pos_ == "VERB")
    assert resolve_event_date(token.sent, token, SUNDAY) == expected
