"""Event status and the date a status keeps (events/status.py), on sentences parsed by en_core_web_md."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from detente.events.modality import modality_of
from detente.events.status import Timing, event_timing, past_perfect, status_words

PUBLISHED = dt.date(2019, 9, 17)

pytestmark = pytest.mark.model


def _timing(nlp: Language, text: str, trigger: str) -> Timing:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return event_timing(token.sent, token, modality_of(token), PUBLISHED)


@pytest.mark.parametrize(("text", "trigger", "date", "precision"), [
    ("Osama bin Laden was killed by US forces in 2011.", "killed", dt.date(2011, 1, 1), "year"),
    ("The United Kingdom voted on June 23, 2016, to leave the EU.", "voted", dt.date(2016, 6, 23), "day"),
    ("Russia expelled two British diplomats in March 2018.", "expelled", dt.date(2018, 3, 1), "month"),
    ("Iran seized the tanker three years ago.", "seized", dt.date(2016, 1, 1), "year"),
    ("Scottish voters rejected independence in a 2014 referendum.", "rejected", dt.date(2014, 1, 1), "year"),
    ("The two leaders first met at the 2017 summit in Hamburg.", "met", dt.date(2017, 1, 1), "year"),
])
def test_status_background_keeps_its_own_date(nlp_md: Language, text: str, trigger: str, date: dt.date,
                                              precision: str) -> None:
    assert _timing(nlp_md, text, trigger) == Timing(date, precision, "background")


@pytest.mark.parametrize(("text", "trigger"), [
    ("The last time Russia expelled British diplomats, London answered in kind.", "expelled"),
    ("Saudi Arabia has in the past accused Iran of arming the rebels.", "accused"),
    ("The two countries fought a border war decades ago.", "fought"),
    ("Mugabe had ruled Zimbabwe for 37 years when the army removed him.", "ruled"),
    ("Some militias had made threats against US personnel.", "made"),
    ("The army seized power in the 1970s.", "seized"),
])
def test_status_background_by_wording_has_no_article_date(nlp_md: Language, text: str, trigger: str) -> None:
    assert _timing(nlp_md, text, trigger) == Timing(None, None, "background")


@pytest.mark.issue(10)
@pytest.mark.parametrize(("text", "trigger"), [
    ("Police detained the mayor on August 30.", "detained"),
    ("The ministry expelled three journalists in July.", "expelled"),
    ("Last week a truck bomb killed nine soldiers in the capital.", "killed"),
    ("The coalition recently announced new patrols of the strait.", "announced"),
    ("Farmers have been protesting in the capital since early June.", "protesting"),
    ("Over 300 activists have been arrested since the protests began.", "arrested"),
    ("The navy has expanded its cooperation with Oman over the last few years.", "expanded"),
    ("The ban comes after the government arrested two opposition leaders.", "arrested"),
    ("Five cities had bid to host the summit.", "host"),
])
def test_status_before_the_days_of_the_report_is_background(nlp_md: Language, text: str,
                                                            trigger: str) -> None:
    assert _timing(nlp_md, text, trigger).status == "background"


@pytest.mark.issue(10)
@pytest.mark.parametrize(("text", "trigger"), [
    ("Police detained the mayor on Sunday.", "detained"),
    ("The ministry expelled three journalists earlier today.", "expelled"),
    ("Police have detained 30 people since Monday.", "detained"),
    ("The army has withdrawn from the town.", "withdrawn"),
    ("The two leaders met at the 2019 summit in Osaka.", "met"),
])
def test_status_the_days_of_the_report_stay_current(nlp_md: Language, text: str, trigger: str) -> None:
    assert _timing(nlp_md, text, trigger).status == "current"


@pytest.mark.issue(10)
@pytest.mark.parametrize(("text", "trigger"), [
    ("The two navies are to hold joint exercises in April.", "hold"),
    ("The envoys were scheduled to meet in Geneva.", "meet"),
    ("Dock workers' unions called a 24-hour strike from Friday.", "called"),
    ("The federation announced a general strike from Monday.", "strike"),
])
def test_status_scheduled_or_announced_ahead_is_future(nlp_md: Language, text: str, trigger: str) -> None:
    assert _timing(nlp_md, text, trigger).status == "future"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Officials said the rebels had attacked the town.", "attacked"),
    ("Police arrested the driver after he had crashed into a bus.", "crashed"),
    ("Turkey once again accused Greece of violating its airspace.", "accused"),
    ("Russia expelled two British diplomats on Monday.", "expelled"),
])
def test_status_current_news_stays_current(nlp_md: Language, text: str, trigger: str) -> None:
    assert _timing(nlp_md, text, trigger).status == "current"


@pytest.mark.parametrize(("text", "trigger", "status"), [
    ("The president will visit Kenya next month.", "visit", "future"),
    ("The minister plans to meet his Chinese counterpart.", "meet", "future"),
    ("Iran could retaliate against the United States.", "retaliate", "hypothetical"),
    ("If Israel attacks, Iran will respond.", "attacks", "hypothetical"),
    ("Russia denied that its jets bombed the hospital.", "bombed", "denied"),
])
def test_status_follows_modality(nlp_md: Language, text: str, trigger: str, status: str) -> None:
    assert _timing(nlp_md, text, trigger).status == status


@pytest.mark.parametrize(("text", "trigger"), [
    ("The government pledged to cut emissions by 2025.", "cut"),
    ("The envoys agreed to stay in talks until 2021.", "agreed"),
])
def test_status_deadline_is_not_the_event_date(nlp_md: Language, text: str, trigger: str) -> None:
    timing = _timing(nlp_md, text, trigger)
    assert timing.date == PUBLISHED and timing.status != "background"


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Mugabe had ruled the country for decades.", "ruled", True),
    ("Officials said the rebels had attacked the town.", "attacked", False),
    ("The rebels attacked the town.", "attacked", False),
])
def test_status_past_perfect(nlp_md: Language, text: str, trigger: str, expected: bool) -> None:
    doc = nlp_md(text)
    assert past_perfect(next(t for t in doc if t.text == trigger)) is expected


@pytest.mark.parametrize("key", ["background_phrases", "background_ago", "background_dates",
                                 "reporting_heads", "sequence_marks", "span_phrases", "precedent_heads",
                                 "schedule_heads", "announcing_verbs", "start_preps"])
def test_status_words_are_lower_case(key: str) -> None:
    words = status_words()[key]
    assert words and all(word == word.lower() for word in words)
