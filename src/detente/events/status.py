"""Event status: whether an event is news of the report, and when it happened.

Status sits beside modality (how the text presents the event):

- ``denied`` and ``hypothetical`` follow the modality ("denied that it attacked", "if X attacks",
  "could attack");
- ``background``: the event's own date is more than a year before publication ("in 2001"); or
  its clause places it well before the report by its wording ("the last time", "in the past",
  "decades ago", "in the 1990s") or by a past perfect that is not only a report's tense shift
  ("had ruled for 37 years", but not "officials said the rebels had attacked");
- ``future``: an intended or announced event (modality ``intended``), or one dated after
  publication;
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

from detente.dates import find_event_date
from detente.events.frames import clause_words
from detente.models import DatePrecision, EventStatus, Modality

BACKGROUND_DAYS = 365  # an event dated more than this before publication is no news of the report
ADVERBIAL_DEPS = frozenset({"advmod", "npadvmod", "prep", "aux", "auxpass", "tmod"})
PHRASE_DEPS = frozenset({"pobj", "det", "amod", "advmod", "npadvmod", "compound", "nummod", "quantmod",
                         "prep"})
_DECADE = re.compile(r"\b(?:1[89]|20)\d0s\b")


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
    if modality == "intended" or (found.stated and _after(found.date, published)):
        return Timing(found.date, found.precision, "future")
    if background_wording(trigger) and not (found.stated and not _long_before(found.date, published)):
        return Timing(None, None, "background")
    return Timing(found.date, found.precision, "current")


def _long_before(day: dt.date | None, published: dt.date | None) -> bool:
    return day is not None and published is not None and (published - day).days > BACKGROUND_DAYS


def _after(day: dt.date | None, published: dt.date | None) -> bool:
    return day is not None and published is not None and day > published


def background_wording(trigger: Token) -> bool:
    """The trigger's own clause places it well before the report: a background phrase, an
    unnumbered "decades ago", a decade ("in the 1990s"), or a past perfect of its own."""
    clause = sorted(_wording_scope(trigger))
    doc = trigger.doc
    text = " " + " ".join(doc[i].lower_ for i in clause) + " "
    words = status_words()
    if any(f" {phrase} " in text for phrase in words["background_phrases"]):
        return True
    if any(f" {noun} ago " in text or f" {noun} earlier " in text for noun in words["background_ago"]):
        return True
    if any(_DECADE.fullmatch(doc[i].text) for i in clause):
        return True
    return past_perfect(trigger)


def _wording_scope(trigger: Token) -> set[int]:
    """The trigger's own adverbials ("in the past", "decades ago", "previously"), not words inside
    its arguments ("formerly the president"), and for a clause that describes a noun the rest of
    that noun's phrase ("the last time [Russia expelled diplomats]")."""
    scope = {trigger.i}
    stack = [c for c in trigger.children if c.dep_ in ADVERBIAL_DEPS]
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
    talks had failed")."""
    aux = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
    if not any(a.lower_ in {"had", "'d"} for a in aux) or trigger.tag_ not in {"VBN", "VBD"}:
        return False
    words = status_words()
    if any(c.dep_ == "mark" and c.lower_ in words["sequence_marks"] for c in trigger.children):
        return False
    reporting = words["reporting_heads"] | clause_words()["speech"] | clause_words()["cognition"]
    current = trigger
    for _ in range(6):
        if current.dep_ not in {"ccomp", "conj", "advcl", "xcomp", "parataxis", "relcl", "pcomp", "pobj"}:
            return True
        current = current.head
        if current.lemma_.lower() in reporting:
            return False
    return True


__all__ = ["BACKGROUND_DAYS", "Timing", "background_wording", "event_timing", "past_perfect", "status_words"]
