"""Whether two event reports can describe the same real-world event, and how alike they are.

Hard constraints for every pair: the same polarity (negated or not), the same event type (PLOVER
type when both are known, else the CAMEO root), dates within the window and, unless one of them is
between two countries, compatible places.
The actor test depends on whether the two reports come from documents of the same story:

- inside one story, actors only have to agree: an unknown actor matches anything, and two known
  ones contradict each other only with different countries or different roles (official, armed,
  civil: ``data/dedup/sector_roles.csv``);
- across stories, the strict rule: equal countries and equal sectors where both are known, actors
  without a country must share a name, a missing actor only matches a missing actor, and one of
  the two reports must have a named actor. "Police arrested a man" in one story and in another is
  no evidence of one arrest: without a name an event is only identified by its story.

Inside those constraints a score in 0..1 weighs the exact CAMEO code, date proximity and wording
(Jaccard of word-stem and character shingles).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from detente.errors import OntologyError

WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
STEM_LENGTH = 5  # word prefixes as a cheap stemmer: "recalled"/"recalling" -> "recal"
CHAR_SHINGLE = 4
UNKNOWN_SECTOR = "UNK"
ROLES_FILE = "sector_roles.csv"
ROLES = frozenset({"official", "armed", "civil", "unknown"})
# Function words carry no evidence about which event a sentence reports.
STOP_WORDS = frozenset(
    [
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
    ]
)


class ActorKey(NamedTuple):
    """What de-duplication compares of an actor: country, sector, a normalised label, and whether
    the resolver gave it a name (a person, an organisation, a country) rather than only a noun."""

    country: str | None
    sector: str | None
    label: str | None
    named: bool = False


@dataclass(frozen=True)
class Place:
    """An event's gazetteer place."""

    geonames_id: int | None
    precision: str  # "city", "admin1", "country"
    country: str | None
    admin1: str | None


@dataclass(frozen=True)
class Report:
    """The parts of one stored event that de-duplication compares."""

    event_id: str
    doc_id: str
    date: dt.date | None  # event date, else document date
    negated: bool
    source: ActorKey | None
    target: ActorKey | None
    cameo: str
    cameo_root: str
    plover: str | None
    words: frozenset[str]
    chars: frozenset[str]
    last: dt.date | None = None  # last day of a month- or year-precise date ("last week")
    published: dt.date | None = None  # the document's publication date
    story: str | None = None  # story cluster of the document
    place: Place | None = None


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


@cache
def sector_roles() -> dict[str, str]:
    """Sector code -> role, from ``data/dedup/sector_roles.csv``."""
    path = resources.files("detente") / "data" / "dedup" / ROLES_FILE
    roles: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            if row.get("role") not in ROLES or not row.get("sector"):
                raise OntologyError(f"{ROLES_FILE}:{line}: role must be one of {sorted(ROLES)}", code="D230")
            roles[row["sector"]] = row["role"]
    return roles


def _sector(actor: ActorKey) -> str | None:
    return None if actor.sector == UNKNOWN_SECTOR else actor.sector


def actors_compatible(left: ActorKey | None, right: ActorKey | None) -> bool:
    """The strict rule: same country (and sector when both are known); unknown countries must
    share a name; a missing actor only matches a missing actor."""
    if left is None or right is None:
        return left is None and right is None
    if left.country and right.country:
        l_sector, r_sector = _sector(left), _sector(right)
        return left.country == right.country and (not l_sector or not r_sector or l_sector == r_sector)
    if left.country or right.country:
        return False
    return bool(left.label) and left.label == right.label


def actors_agree(left: ActorKey | None, right: ActorKey | None) -> bool:
    """The rule inside a story: nothing known contradicts (country, then role)."""
    if left is None or right is None:
        return True
    if left.country and right.country and left.country != right.country:
        return False
    roles = sector_roles()
    # a compound code ("GOVMIL") plays the role of its first sector
    l_role, r_role = roles.get((left.sector or "")[:3]), roles.get((right.sector or "")[:3])
    return l_role in {None, "unknown"} or r_role in {None, "unknown"} or l_role == r_role


def identified(report: Report) -> bool:
    """At least one named actor: the event can be told apart outside its story."""
    return any(actor is not None and actor.named for actor in (report.source, report.target))


def types_compatible(left: Report, right: Report) -> bool:
    if left.plover and right.plover:
        return left.plover == right.plover
    return left.cameo_root == right.cameo_root


def places_compatible(left: Place | None, right: Place | None) -> bool:
    """Unknown places match anything, and so do country-level ones (often the country of an actor
    rather than the scene); otherwise the same city, or a region that contains the city."""
    if left is None or right is None or "country" in {left.precision, right.precision}:
        return True
    if left.geonames_id == right.geonames_id:
        return True
    if "admin1" in {left.precision, right.precision}:
        return left.country == right.country and left.admin1 == right.admin1
    return False


def international(report: Report) -> bool:
    """Source and target of two different countries. The place of such an event is as often an
    actor's ("its envoy in Washington", "officials in Moscow said") as the scene, and the dyad
    already tells such events apart: the place check is for events inside one country."""
    countries = {actor.country for actor in (report.source, report.target) if actor and actor.country}
    return len(countries) > 1


def period_end(day: dt.date | None, precision: str | None) -> dt.date | None:
    """The last day a date of this precision may mean: the month's or the year's last day."""
    if day is None or precision not in {"month", "year"}:
        return None
    if precision == "year" or day.month == 12:
        return dt.date(day.year, 12, 31)
    following = dt.date(day.year, day.month + 1, 1)
    return following - dt.timedelta(days=1)


def _period_gap(left: tuple[dt.date, dt.date], right: tuple[dt.date, dt.date]) -> int:
    """Days between two (first, last) periods, 0 when they overlap."""
    return max((max(left[0], right[0]) - min(left[1], right[1])).days, 0)


def days_apart(left: Report, right: Report) -> int | None:
    """Days between the two reports' dates (0 when their periods overlap); None without dates.

    A month- or year-precise date ("last week", "in March") says little about which day is meant,
    so it matches only inside its period *and* between reports published within the window: the
    gap is then the larger of the period gap and the publication gap.
    """
    if left.date is None or right.date is None:
        return None
    gap = _period_gap((left.date, left.last or left.date), (right.date, right.last or right.date))
    if left.last is None and right.last is None:
        return gap
    if left.published is None or right.published is None:
        return None
    return max(gap, abs((left.published - right.published).days))


def periods_compatible(left: Report, right: Report, window_days: int) -> bool:
    gap = days_apart(left, right)
    if gap is None:
        return left.date is None and right.date is None
    return gap <= window_days


def same_story(left: Report, right: Report) -> bool:
    return left.story is not None and left.story == right.story


def can_merge(left: Report, right: Report, *, window_days: int) -> bool:
    """The hard constraints: polarity, type, date window, place, and the actor rule of the pair."""
    if not (
        left.negated == right.negated
        and types_compatible(left, right)
        and periods_compatible(left, right, window_days)
        and (international(left) or international(right) or places_compatible(left.place, right.place))
    ):
        return False
    if same_story(left, right):
        return actors_agree(left.source, right.source) and actors_agree(left.target, right.target)
    return (
        (identified(left) or identified(right))
        and actors_compatible(left.source, right.source)
        and actors_compatible(left.target, right.target)
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
    """0.3 * CAMEO code likeness + 0.3 * date proximity + 0.4 * wording, for mergeable reports.

    Proximity counts the days between the date periods: a month-precise date is no evidence that
    the events are days apart (``days_apart`` has already kept it to reports published close).
    """
    if left.date is None or right.date is None:
        proximity = 0.0
    else:
        gap = _period_gap((left.date, left.last or left.date), (right.date, right.last or right.date))
        proximity = max(1.0 - gap / (window_days + 1), 0.0)
    return (
        0.3 * code_similarity(left.cameo, right.cameo) + 0.3 * proximity + 0.4 * text_similarity(left, right)
    )


__all__ = [
    "ActorKey",
    "Place",
    "Report",
    "actors_agree",
    "actors_compatible",
    "can_merge",
    "char_shingles",
    "code_similarity",
    "days_apart",
    "identified",
    "international",
    "jaccard",
    "match_score",
    "period_end",
    "periods_compatible",
    "places_compatible",
    "same_story",
    "sector_roles",
    "text_similarity",
    "types_compatible",
    "word_shingles",
]
