"""Whether two event reports can describe the same real-world event, and how alike they are.

Hard constraints (all must hold): the same polarity (negated or not), a compatible source and
target, the same event type (PLOVER type when both are known, else the CAMEO root) and event
dates within the window. Inside those constraints a score in 0..1 weighs the exact CAMEO code,
date proximity and wording (Jaccard of word-stem and character shingles).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
STEM_LENGTH = 5  # word prefixes as a cheap stemmer: "recalled"/"recalling" -> "recal"
CHAR_SHINGLE = 4
# Function words carry no evidence about which event a sentence reports.
STOP_WORDS = frozenset(
    (
        "a",
        "about",
        "after",
        "also",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "no",
        "not",
        "of",
        "on",
        "or",
        "over",
        "said",
        "says",
        "she",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
    )
)


@dataclass(frozen=True)
class Report:
    """The parts of one stored event that de-duplication compares."""

    event_id: str
    doc_id: str
    date: dt.date | None  # event date, else document date
    negated: bool
    source: tuple[str | None, str | None, str | None]  # country, sector, normalised name
    target: tuple[str | None, str | None, str | None]
    cameo: str
    cameo_root: str
    plover: str | None
    words: frozenset[str]
    chars: frozenset[str]
    last: dt.date | None = None  # last day a month- or year-precise date may mean ("last week")


def word_shingles(text: str) -> frozenset[str]:
    """Lower-cased word stems without function words."""
    words = (w.lower() for w in WORD_RE.findall(text))
    return frozenset(w[:STEM_LENGTH] for w in words if w not in STOP_WORDS and len(w) > 1)


def char_shingles(text: str, *, size: int = CHAR_SHINGLE) -> frozenset[str]:
    """Character n-grams of the whitespace-normalised, lower-cased text."""
    norm = " ".join(WORD_RE.findall(text.lower()))
    if len(norm) <= size:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(norm[i : i + size] for i in range(len(norm) - size + 1))


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left and not right:
        return 0.0
    return len(left & right) / len(left | right)


def actors_compatible(left: tuple[str | None, ...] | None, right: tuple[str | None, ...] | None) -> bool:
    """Same country (and sector when both are known); unknown countries must share a name."""
    if left is None or right is None:
        return left is None and right is None
    l_country, l_sector, l_name = left
    r_country, r_sector, r_name = right
    if l_country and r_country:
        return l_country == r_country and (not l_sector or not r_sector or l_sector == r_sector)
    if l_country or r_country:
        return False
    return bool(l_name) and l_name == r_name


def types_compatible(left: Report, right: Report) -> bool:
    if left.plover and right.plover:
        return left.plover == right.plover
    return left.cameo_root == right.cameo_root


def period_end(day: dt.date | None, precision: str | None) -> dt.date | None:
    """The last day a date of this precision may mean: the month's or the year's last day."""
    if day is None or precision not in {"month", "year"}:
        return None
    if precision == "year":
        return dt.date(day.year, 12, 31)
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def days_apart(left: Report, right: Report) -> int | None:
    """Days between the two reports' date periods (0 when they overlap); None without dates."""
    if left.date is None or right.date is None:
        return None
    start = max(left.date, right.date)
    end = min(left.last or left.date, right.last or right.date)
    return max((start - end).days, 0)


def periods_compatible(left: Report, right: Report, window_days: int) -> bool:
    gap = days_apart(left, right)
    if gap is None:
        return left.date is None and right.date is None
    return gap <= window_days


def can_merge(left: Report, right: Report, *, window_days: int) -> bool:
    """The hard constraints: polarity, actors, type and date window."""
    return (
        left.negated == right.negated
        and actors_compatible(left.source, right.source)
        and actors_compatible(left.target, right.target)
        and types_compatible(left, right)
        and periods_compatible(left, right, window_days)
    )


def text_similarity(left: Report, right: Report) -> float:
    """The better of word-stem and character-shingle Jaccard."""
    return max(jaccard(left.words, right.words), jaccard(left.chars, right.chars))


def code_similarity(left: str, right: str) -> float:
    """1 for the same CAMEO code, 0.5 for the same 3-digit base, 0.25 for the same root."""
    if left == right:
        return 1.0
    if left[:3] == right[:3]:
        return 0.5
    return 0.25 if left[:2] == right[:2] else 0.0


def match_score(left: Report, right: Report, *, window_days: int) -> float:
    """0.3 * CAMEO code likeness + 0.3 * date proximity + 0.4 * wording, for mergeable reports."""
    gap = days_apart(left, right)
    proximity = 0.0 if gap is None else 1.0 - gap / (window_days + 1)
    return (
        0.3 * code_similarity(left.cameo, right.cameo) + 0.3 * proximity + 0.4 * text_similarity(left, right)
    )


__all__ = [
    "Report",
    "actors_compatible",
    "can_merge",
    "char_shingles",
    "code_similarity",
    "days_apart",
    "jaccard",
    "match_score",
    "period_end",
    "periods_compatible",
    "text_similarity",
    "types_compatible",
    "word_shingles",
]
