"""Event dates: resolve news time expressions against the publication date.

News is past-oriented: a bare weekday or month is the most recent one up to publication (a
bare weekday that is the publication's own weekday is that day: "on Monday" in a Monday paper);
future-tense clauses take the next one.
A resolved date carries a precision: "day", "month" (the date is the 1st of the month) or
"year" (the date is 1 January). Week expressions ("this week", "last week") have no week
precision, so they resolve to the finest unit containing the whole week.

``resolve_event_date`` reads the trigger's own clause first, then the rest of the sentence,
then falls back to the publication date; ``find_event_date`` says which it was. A deadline or an
end ("by 2025", "until 2020", "before March") is not when the event happens, so it is no
candidate. Reads: spaCy parse and DATE/TIME entities.

Hand-written rather than dateparser, measured (``bench/dates_dateparser.py`` on the cases of
tests/dates/test_dates_expressions.py): detente 58/58 right, dateparser 1.5.0 52/58 (it reads a
bare "Sunday" in a Sunday paper as a week earlier, misses "earlier this month" and
"mid-February", gives "a week ago" a week's precision and "the 1990s" today's date), and
dateparser as a fallback for what these patterns leave unresolved 57/58 (it turns a non-point
into a date); dateparser resolves about 150 phrases/s here against about 180,000.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.models import DatePrecision
from detente.nlp.language import span_ents

log = logging.getLogger(__name__)

Resolved = tuple[dt.date, DatePrecision]
Handler = Callable[[re.Match[str], dt.date, bool], "Resolved | None"]

MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {abbr: i for i, abbr in enumerate(calendar.month_abbr) if abbr}
MONTHS["Sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_GOVERNORS = frozenset({"plan", "schedule", "expect", "intend", "due", "set", "aim", "prepare"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "xcomp"})
ABSOLUTE_BASE = dt.date(2000, 1, 1)  # any date: absolute expressions ignore it
MODIFIER_DEPS = frozenset({"nummod", "amod", "compound", "poss"})  # "the 1973 building"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})

# Month names are case-sensitive ("May", "March"), so "they may march" is no date.
_MONTH = r"(?-i:(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_NUMBER = r"(?P<number>\d{1,2}|" + "|".join(NUMBERS) + r")"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"


def add_days(day: dt.date, days: int | dt.timedelta) -> dt.date:
    """``day`` moved by ``days``, held to the calendar's ends (0001-01-01 and 9999-12-31)."""
    delta = days if isinstance(days, dt.timedelta) else dt.timedelta(days=days)
    if delta < dt.timedelta(0):
        return day + delta if day - dt.date.min >= -delta else dt.date.min
    return day + delta if dt.date.max - day >= delta else dt.date.max


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_in(published: dt.date, month: int, future: bool) -> Resolved:
    year = published.year
    if future and month < published.month:
        year += 1
    elif not future and month > published.month:
        year -= 1
    return dt.date(year, month, 1), "month"


def _day_in(published: dt.date, month: int, day: int, future: bool) -> Resolved | None:
    step = 1 if future else -1
    for offset in range(9):  # 29 February may be up to eight years away
        year = published.year + step * offset
        if day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if (candidate >= published) if future else (candidate <= published):
                return candidate, "day"
    return None


def _weekday(match: re.Match[str], published: dt.date, future: bool) -> Resolved:
    target = WEEKDAYS[match["weekday"].lower()]
    modifier = (match["mod"] or "").lower()
    if not modifier and not future and target == published.weekday():
        return published, "day"  # "on Monday" in a paper dated Monday: that same day
    if modifier == "next" or (future and modifier != "last"):
        return published + dt.timedelta(days=(target - published.weekday() - 1) % 7 + 1), "day"
    return published - dt.timedelta(days=(published.weekday() - target - 1) % 7 + 1), "day"


def _relative_day(match: re.Match[str], published: dt.date, future: bool) -> Resolved:
    word = match["word"].lower()
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    return published + dt.timedelta(days=offset), "day"


def _ago(match: re.Match[str], published: dt.date, future: bool) -> Resolved:
    raw = match["number"].lower()
    count = NUMBERS[raw] if raw in NUMBERS else int(raw)
    unit = match["unit"].lower()
    if unit == "day":
        return published - dt.timedelta(days=count), "day"
    if unit == "week":
        return published - dt.timedelta(weeks=count), "day"
    if unit == "month":
        return _shift_month(published, -count), "month"
    return dt.date(published.year - count, 1, 1), "year"


def _period(match: re.Match[str], published: dt.date, future: bool) -> Resolved:
    which = match["which"].lower()
    shift = {"last": -1, "previous": -1, "preceding": -1, "next": 1}.get(which, 0)
    unit = match["unit"].lower()
    if unit == "month":
        return _shift_month(published, shift), "month"
    if unit == "year":
        return dt.date(published.year + shift, 1, 1), "year"
    return _week(published, shift)


def _week(published: dt.date, shift: int) -> Resolved:
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
    last = published if shift == 0 else monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (last.year, last.month):
        return dt.date(monday.year, monday.month, 1), "month"
    if monday.year == last.year:
        return dt.date(monday.year, 1, 1), "year"
    return dt.date(last.year, 1, 1), "year"


def _month_name(match: re.Match[str], published: dt.date, future: bool) -> Resolved:
    month = MONTHS[match["month"]]
    if match["year"]:
        return dt.date(int(match["year"]), month, 1), "month"
    return _month_in(published, month, future)


def _month_day(match: re.Match[str], published: dt.date, future: bool) -> Resolved | None:
    month, day = MONTHS[match["month"]], int(match["day"])
    if not 1 <= day <= 31:
        return None
    if match["year"]:
        year = int(match["year"])
        return (dt.date(year, month, day), "day") if day <= calendar.monthrange(year, month)[1] else None
    return _day_in(published, month, day, future)


def _iso(match: re.Match[str], published: dt.date, future: bool) -> Resolved | None:
    try:
        return dt.date(int(match["year"]), int(match["m"]), int(match["d"])), "day"
    except ValueError:
        return None


def _year(match: re.Match[str], published: dt.date, future: bool) -> Resolved:
    return dt.date(int(match["year"]), 1, 1), "year"


# Ordered: the first pattern that matches a span wins; longer forms come first.
PATTERNS: tuple[tuple[str, Handler], ...] = (
    (_YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)", _iso),
    (_MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?(?!\d)", _month_day),
    (_DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?", _month_day),
    (r"(?P<word>yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))",
     _relative_day),
    (r"(?:(?P<mod>last|this|next)\s+)?(?:(?:late|early)\s+(?:on\s+)?)?" + _WEEKDAY + _PART, _weekday),
    (_NUMBER + r"\s+(?P<unit>day|week|month|year)s?\s+ago", _ago),
    (r"(?:earlier\s+|later\s+)?(?P<which>this|last|next)\s+(?P<unit>week|month|year)", _period),
    (r"(?:the\s+)?(?P<which>previous|preceding)\s+(?P<unit>week|month|year)", _period),
    (r"(?:(?:early|late|mid)[\s-]+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?", _month_name),
    (r"(?:(?<=\bin )|^)" + _YEAR, _year),
)
_COMPILED = tuple((re.compile(rf"\b{pattern}\b", re.IGNORECASE), handler) for pattern, handler in PATTERNS)
_MONTH_LEAD = re.compile(r"\b(?:in|since|until|by|from|during|of|last|this|next)\s+$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:on|in|at|during|since|by|from|the|of|late|early)\s+)+", re.IGNORECASE)
# A deadline or an end is not when the event happens: "cut emissions by 2025", "governor until 2020".
_DEADLINE_WORDS = r"(?:by|until|till|before|ahead\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?"
_DEADLINE = re.compile(rf"\b{_DEADLINE_WORDS}$", re.IGNORECASE)
_DEADLINE_LEAD = re.compile(rf"^{_DEADLINE_WORDS}", re.IGNORECASE)


def resolve_expression(text: str, published: dt.date, *, future: bool = False) -> Resolved | None:
    """Resolve one time expression ("last Wednesday", "in March", "2020-03-03") or None.

    Durations and other non-points ("for three years", "the 1990s", "50 years old") give None.
    ``future`` picks the next weekday/month instead of the most recent one.
    """
    phrase = _LEAD.sub("", " ".join(text.split()).strip(" ,.")) or text.strip()
    for regex, handler in _COMPILED:
        match = regex.fullmatch(phrase)
        if match:
            return _apply(handler, match, published, future)
    return None


def _apply(handler: Handler, match: re.Match[str], published: dt.date, future: bool) -> Resolved | None:
    """The handler's date, or None when it falls outside the calendar (years 1 to 9999): "yesterday"
    in a paper dated 0001-01-01, "next month" in one dated 9999-12-31."""
    try:
        return handler(match, published, future)
    except (OverflowError, ValueError):
        log.debug("%r from %s falls outside the calendar", match.group(0), published)
        return None


def find_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of time expressions in ``text`` (longest first where they overlap)."""
    spans: list[tuple[int, int]] = []
    for regex, handler in _COMPILED:
        for match in regex.finditer(text):
            if handler is _month_name and not _is_month_reference(match, text):
                continue
            if not any(s < match.end() and match.start() < e for s, e in spans):
                spans.append(match.span())
    return sorted(spans)


def _is_month_reference(match: re.Match[str], text: str) -> bool:
    """A bare month name counts in running text only after "in"/"since"/... or with a year."""
    if match["year"] or match["month"] != match.group(0).rstrip("."):  # a year, or early/late/mid
        return True
    return _MONTH_LEAD.search(text[: match.start()]) is not None


def clause_tokens(trigger: Token) -> set[int]:
    """Token indices of the trigger's own clause: its subtree minus nested clauses."""
    keep: set[int] = set()
    stack = [trigger]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        stack.extend(child for child in token.children if not _is_nested_clause(child))
    return keep


def _is_nested_clause(token: Token) -> bool:
    if token.dep_ not in CLAUSE_DEPS:
        return False
    if token.dep_ == "xcomp":
        return any(child.dep_ in SUBJECT_DEPS for child in token.children)
    return token.pos_ in {"VERB", "AUX"} or any(child.dep_ in SUBJECT_DEPS for child in token.children)


def is_future(trigger: Token) -> bool:
    """True when the trigger's clause is future-oriented (will/shall, "plans to", "is going to")."""
    token = trigger
    while True:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
            return True
        if token is not trigger and (token.lemma_.lower() in FUTURE_GOVERNORS or token.lower_ == "going"):
            return True
        if token.dep_ != "xcomp" or token.head is token:
            return False
        token = token.head


def _candidates(sent: Span) -> list[Span]:
    spans: dict[tuple[int, int], Span] = {}
    for ent in span_ents(sent):
        if ent.label_ in {"DATE", "TIME"} and ent.root.dep_ not in MODIFIER_DEPS:
            spans[(ent.start_char, ent.end_char)] = ent
    for start, end in find_expressions(sent.text):
        span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is not None and not any(s <= span.start_char and span.end_char <= e for s, e in spans):
            spans[(span.start_char, span.end_char)] = span
    return [span for span in spans.values() if not is_deadline(span)]


def is_deadline(span: Span) -> bool:
    """"by 2025", "until 2020", "before the end of March": a limit, not the event's own time."""
    if _DEADLINE_LEAD.match(span.text):
        return True
    before = span.doc.text[max(span.sent.start_char, span.start_char - 24): span.start_char]
    return _DEADLINE.search(before) is not None


def _nearest(spans: Iterable[Span], trigger: Token | None) -> list[Span]:
    if trigger is None:
        return sorted(spans, key=lambda span: span.start)
    return sorted(spans, key=lambda span: min(abs(t.i - trigger.i) for t in span))


def _resolve_first(spans: Iterable[Span], published: dt.date | None, future: bool) -> Resolved | None:
    for span in spans:
        if published is None and not _is_absolute(span.text):
            continue  # relative expressions need a publication date
        resolved = resolve_expression(span.text, published or ABSOLUTE_BASE, future=future)
        if resolved is not None:
            return resolved
    return None


def _is_absolute(text: str) -> bool:
    return re.search(_YEAR, text) is not None


@dataclass(frozen=True)
class EventDate:
    """An event's date, its precision, and whether the text gave it (False: the publication date)."""

    date: dt.date | None
    precision: DatePrecision | None
    stated: bool


def find_event_date(sent: Span, trigger: Token | None, published: dt.date | None) -> EventDate:
    """Date of the event carried by ``trigger`` in ``sent``: own clause, then sentence, then publication.

    The date is None when there is no publication date and no absolute expression.
    """
    candidates = _candidates(sent)
    future = is_future(trigger) if trigger is not None else False
    clause = clause_tokens(trigger) if trigger is not None else set()
    own = [span for span in candidates if any(token.i in clause for token in span)]
    rest = [span for span in candidates if span not in own]
    for group in (own, rest):
        resolved = _resolve_first(_nearest(group, trigger), published, future)
        if resolved is not None:
            return EventDate(resolved[0], resolved[1], stated=True)
    if published is None:
        return EventDate(None, None, stated=False)
    return EventDate(published, "day", stated=False)


def resolve_event_date(sent: Span, trigger: Token | None,
                       published: dt.date | None) -> tuple[dt.date | None, DatePrecision | None]:
    """``find_event_date`` as a (date, precision) pair."""
    found = find_event_date(sent, trigger, published)
    return found.date, found.precision


__all__ = ["EventDate", "clause_tokens", "find_event_date", "find_expressions", "is_deadline", "is_future",
           "resolve_event_date", "resolve_expression"]
