"""Event status: whether an event is news of the report, and when it happened.

Status sits beside modality (how the text presents the event):

- ``denied`` and ``hypothetical`` follow the modality ("denied that it attacked", "if X attacks",
  "could attack");
- ``background``: the event's own date is more than a year before publication ("in 2001"), or its
  own clause dates it before the days the report covers (a day more than a week before
  publication, an earlier month or year); or its clause places it before the report by its
  wording ("the last time", "in the past", "decades ago", "in the 1990s", "last week",
  "recently"), by a perfect summed over a span ("have protested since June", "has increased
  cooperation over the last few years"), as the precedent of the news ("the move comes after
  the EU sanctioned Iran"), or by a past perfect that is not only a report's tense shift ("had
  ruled for 37 years", "had bid to host", but not "officials said the rebels had attacked"), or
  by an earlier year of the occasion it is set in ("voted in a 2016 referendum");
- ``future``: an intended or announced event (modality ``intended``), one dated after
  publication, a scheduled one ("are to hold", "scheduled to meet") or one announced with the
  day it starts ("called a 48-hour strike from Thursday");
- ``current`` otherwise.

A background event keeps its own date (the year or month it names, with that precision) and is
never given the article's date: with no date of its own its date is None.

Reads: the trigger's clause in the spaCy parse, the modality, the publication date. Word lists:
data/events/status_words.json.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from spacy.tokens import Span, Token

from detente.dates import EventDate, clause_tokens, find_event_date
from detente.events.frames import clause_words
from detente.models import DatePrecision, EventStatus, Modality

BACKGROUND_DAYS = 365  # an event dated more than this before publication is no news of the report
NEWS_WINDOW_DAYS = 7  # the days a report covers: the document gold's current acts are 0 to 6 days old
ARGUMENT_OF_VERB = frozenset({"nsubj", "nsubjpass", "dobj"})  # an event noun takes its verb's time
PERFECT_AUX = frozenset({"have", "has", "had", "'ve", "'s", "'d"})
SPAN_UNITS = frozenset({"week", "weeks", "month", "months", "year", "years", "decade", "decades"})
ADVERBIAL_DEPS = frozenset({"advmod", "npadvmod", "prep", "aux", "auxpass", "tmod"})
PHRASE_DEPS = frozenset({"pobj", "det", "amod", "advmod", "npadvmod", "compound", "nummod", "quantmod",
                         "prep"})
_DECADE = re.compile(r"\b(?:1[89]|20)\d0s\b")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
YEAR_DEPS = frozenset({"compound", "nummod", "amod", "nmod"})


@dataclass(frozen=True)
class Timing:
    """When an event happened and whether it is news of the report."""

    date: dt.date | None
    precision: DatePrecision | None
    status: EventStatus


@cache
def status_words() -> dict[str, frozenset[str]]:
    """The word lists in data/events/status_words.json, as sets."""
    text = files("detente").joinpath("data/events/status_words.json").read_text("utf-8")
    return {key: frozenset(values) for key, values in json.loads(text).items() if not key.startswith("_")}


def event_timing(sent: Span, trigger: Token, modality: Modality, published: dt.date | None) -> Timing:
    """The date, precision and status of the event that ``trigger`` carries in ``sent``."""
    found = find_event_date(sent, trigger, published)
    if modality in ("denied", "hypothetical"):
        return Timing(found.date, found.precision, modality)
    if found.stated and _long_before(found.date, published):
        return Timing(found.date, found.precision, "background")
    if modality == "intended" or (found.stated and _after(found.date, published)) or scheduled(trigger):
        return Timing(found.date, found.precision, "future")
    own_date = found.stated and _dated_in_clause(trigger)
    if own_date and before_window(found, published):
        return Timing(found.date, found.precision, "background")
    if background_date(trigger):
        return Timing(found.date if own_date else None, found.precision if own_date else None, "background")
    year = occasion_year(trigger)
    if year is not None and published is not None and year < published.year:
        return Timing(dt.date(year, 1, 1), "year", "background")
    if background_wording(trigger) and not own_date:
        return Timing(None, None, "background")
    return Timing(found.date, found.precision, "current")


def before_window(found: EventDate, published: dt.date | None) -> bool:
    """The date is before the days the report covers: a day more than a week before publication,
    or an earlier month or year at that precision ("in June" in a July report)."""
    day = found.date
    if day is None or published is None:
        return False
    if found.precision == "day":
        return (published - day).days > NEWS_WINDOW_DAYS
    if found.precision == "month":
        return (day.year, day.month) < (published.year, published.month)
    return day.year < published.year


def _dated_in_clause(trigger: Token) -> bool:
    """A date or time named in the trigger's own clause (not one of another clause of the sentence)."""
    return any(trigger.doc[i].ent_type_ in {"DATE", "TIME"} for i in clause_tokens(trigger))


def scheduled(trigger: Token) -> bool:
    """A scheduled act ("are to hold exercises", "scheduled to meet", "due to resume"), or one
    announced with the day it starts ("called a 48-hour strike from Thursday", "announced a
    two-day strike from Monday")."""
    words, head = status_words(), trigger.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    if trigger.dep_ == "xcomp" and infinitive and head.lemma_.lower() in words["schedule_heads"]:
        return True
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and head.lemma_.lower() in words["announcing_verbs"]:
        return _starting(head) or _starting(trigger)
    if trigger.lemma_.lower() in words["announcing_verbs"]:
        return any(_starting(t) for t in (trigger, *(c for c in trigger.children if c.dep_ == "dobj")))
    return False


def _starting(token: Token) -> bool:
    """The token has a "from Monday" or "for next week": the day an announced act starts."""
    return any(prep.dep_ == "prep" and prep.lower_ in status_words()["start_preps"]
               and any(obj.ent_type_ == "DATE" for obj in prep.children if obj.dep_ == "pobj")
               for prep in token.children)


def _long_before(day: dt.date | None, published: dt.date | None) -> bool:
    return day is not None and published is not None and (published - day).days > BACKGROUND_DAYS


def _after(day: dt.date | None, published: dt.date | None) -> bool:
    return day is not None and published is not None and day > published


def _scope_text(trigger: Token) -> str:
    return " " + " ".join(trigger.doc[i].lower_ for i in sorted(_wording_scope(trigger))) + " "


def background_date(trigger: Token) -> bool:
    """The trigger's own adverbials date it before the report's days ("last week", "earlier this
    month", "recently", "two weeks ago")."""
    text, words = _scope_text(trigger), status_words()
    if any(f" {phrase} " in text for phrase in words["background_dates"]):
        return True
    return any(f" {noun} ago " in text or f" {noun} earlier " in text for noun in words["background_ago"])


def occasion_year(trigger: Token) -> int | None:
    """The year that modifies the occasion the act is set in ("voted in a 2016 referendum", "met
    at the 2018 summit"): a year that dates the occasion, which the date finder leaves out as a
    noun modifier."""
    preps = status_words()["occasion_preps"]
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            years = [c for c in noun.children if c.dep_ in YEAR_DEPS and _YEAR.fullmatch(c.text)]
            if years:
                return int(years[0].text)
    return None


def background_wording(trigger: Token) -> bool:
    """The trigger's own clause places it well before the report: a background phrase, a decade
    ("in the 1990s"), a perfect summed over a span, a precedent of the news, or a past perfect of
    its own."""
    clause = sorted(_wording_scope(trigger))
    text = _scope_text(trigger)
    if any(f" {phrase} " in text for phrase in status_words()["background_phrases"]):
        return True
    if any(_DECADE.fullmatch(trigger.doc[i].text) for i in clause):
        return True
    return spanned_perfect(trigger, text) or precedent(trigger) or past_perfect(trigger)


def spanned_perfect(trigger: Token, text: str) -> bool:
    """"have been protesting since early June", "has increased cooperation over the last few
    years": a perfect summed over a span of weeks or more that began before the report."""
    if not any(c.dep_ in {"aux", "auxpass"} and c.lower_ in PERFECT_AUX for c in trigger.children):
        return False
    if " since " in text or any(c.dep_ == "advcl" and _marked(c, "since") for c in trigger.children):
        return True
    spans = (phrase for phrase in status_words()["span_phrases"] if phrase != "since")
    return any(f" {phrase} " in text for phrase in spans) and any(f" {u} " in text for u in SPAN_UNITS)


def precedent(trigger: Token) -> bool:
    """"The move comes after the EU sanctioned Iran": the act an after-clause of "come" or "follow"
    names is the precedent of the news, not news itself."""
    head = trigger.head
    if head.i == trigger.i or head.lemma_.lower() not in status_words()["precedent_heads"]:
        return False
    after_clause = trigger.dep_ == "advcl" and _marked(trigger, "after")
    return after_clause or (head.dep_ == "prep" and head.lower_ == "after")


def _marked(verb: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in verb.children)


def _wording_scope(trigger: Token) -> set[int]:
    """The trigger's own adverbials ("in the past", "decades ago", "previously"), not words inside
    its arguments ("formerly the president"), and for a clause that describes a noun the rest of
    that noun's phrase ("the last time [Russia expelled diplomats]"). A second conjunct and an
    event noun that is a verb's subject or object share the adverbials before them of the verb
    they depend on ("last week a bombing killed five and wounded 110")."""
    scope = {trigger.i}
    stack = [c for c in trigger.children if c.dep_ in ADVERBIAL_DEPS]
    shared = trigger.head if trigger.dep_ == "conj" or trigger.dep_ in ARGUMENT_OF_VERB else None
    if shared is not None and shared.pos_ in {"VERB", "AUX"}:
        stack += [c for c in shared.children if c.dep_ in ADVERBIAL_DEPS and c.i < trigger.i]
    while stack:
        token = stack.pop()
        scope.add(token.i)
        stack.extend(c for c in token.children if c.dep_ in PHRASE_DEPS)
    if trigger.dep_ in {"relcl", "acl"}:
        inner = {t.i for t in trigger.subtree}
        scope |= {t.i for t in trigger.head.subtree if t.i not in inner}
    return scope


def past_perfect(trigger: Token) -> bool:
    """"had ruled", "had been arrested": a past perfect on the trigger that is not the tense shift
    of a report ("said the rebels had attacked") nor the order of two recent events ("after the
    talks had failed"). An open complement takes the tense of the verb it completes ("had bid to
    host"); "had been travelling" is a past perfect too."""
    verb = trigger
    while verb.dep_ == "xcomp" and not _auxiliaries(verb) - {"to"} and verb.head.i != verb.i:
        verb = verb.head
    aux = _auxiliaries(verb)
    perfect = verb.tag_ in {"VBN", "VBD"} or (verb.tag_ == "VBG" and "been" in aux)
    if not aux & {"had", "'d"} or not perfect:
        return False
    words = status_words()
    if any(c.dep_ == "mark" and c.lower_ in words["sequence_marks"] for c in verb.children):
        return False
    reporting = words["reporting_heads"] | clause_words()["speech"] | clause_words()["cognition"]
    current = verb
    for _ in range(6):
        if current.dep_ not in {"ccomp", "conj", "advcl", "xcomp", "parataxis", "relcl", "pcomp", "pobj"}:
            return True
        current = current.head
        if current.lemma_.lower() in reporting:
            return False
    return True


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


__all__ = ["BACKGROUND_DAYS", "NEWS_WINDOW_DAYS", "Timing", "background_date", "background_wording",
           "before_window", "event_timing", "past_perfect", "precedent", "scheduled", "spanned_perfect",
           "status_words"]
