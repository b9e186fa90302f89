"""What story clustering reads from a stored document: words, names, numbers and places.

Reads a document's title and text (and the places of its coded events, when it has any). The
result is a list of string features for the TF-IDF vector plus the places and ages that can rule a
pair of documents out:

- words: scikit-learn's word analyser (lower case, English stop words dropped, no digits), without
  the names of weekdays and months (when things happened is the date window's to judge), reduced
  to their Snowball stems so that a paraphrase's "protesters" and "protested" meet "protest";
- ``name:`` multi-word capitalised names ("Darnell Pruitt", "Salem Avenue"), which are rarer than
  their words;
- ``age:`` and ``num:`` numbers: ages ("24-year-old", "aged 18 and 20", "Pruitt, 24,"), counts and
  amounts ("12 people", "$35 million"); years are left out;
- ``country:`` the country that a country's name, adjective or demonym, or a seat of power stands
  for (the actor tables: "Russia", "Russian", "Moscow", "the Kremlin" are all ``country:RUS``),
  so that reports naming one side in different words meet;
- ``event:`` the type and the actor countries of each event coded in the document
  ("event:SANCTION:RUS:USA"): "recalled its ambassador" and "summoned its envoy home" are worded
  apart but coded alike.

Places are kept apart from the tokens, and so are the words of their names: two reports from one
city share its name whatever they report, and reports from two cities are told apart by the
places themselves. The places are the gazetteer ids of those named where a place is expected
(the dateline, after a locative preposition "in Dayton", "of Trotwood", before a qualifier
"Portland, Oregon" or "police"/"'s") and of countries, regions and big cities anywhere, plus the
places of the document's events. They serve as blocking keys and to tell two cities apart. The
spaCy-based place resolver runs during coding only; this scan needs no parse, so documents without
events get places too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

from detente.actors.tables import ActorTables, load_tables, normalise
from detente.dedup.similarity import Place
from detente.places import PlaceResolver
from detente.places.gazetteer import Candidate

WORD_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"  # words of two letters or more, no digits
CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}")
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,40}?)\s*(?:,[^—–\n]{1,30})?\s*(?:\([^)\n]{1,40}\))?\s*[—–-]+\s")
LOCATIVE = frozenset({"in", "at", "near", "outside", "from", "across", "around", "through", "into", "of",
                      "toward", "towards", "throughout", "inside", "between"})
PLACE_FOLLOWERS = re.compile(
    r"^(?:['’]s\b|\s+police\b|-based\b|\s*,\s*(?P<qualifier>[A-Z][\w.]*(?:\s[A-Z]\w*)?))"
)
POSSESSIVE = re.compile(r"['’]s\b")
BIG_CITY = 1_000_000  # a city this large is a place wherever its name appears
AGE_PATTERNS = (
    re.compile(r"\b(\d{1,3})-year-old"),
    re.compile(r"\baged (\d{1,3})(?:,? (?:and|or) (\d{1,3}))?"),
    re.compile(
        r"[^\W\d_]\w*,\s(\d{1,3})(?:\s(?:and|or)\s(\d{1,3}))?[,.;]"
    ),  # "Pruitt, 24," "The suspects, 18 and 20,"
)
NUMBER = re.compile(r"(?<![\w.,])[$£€]?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s(million|billion))?(?![\w-])")
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12}  # "one" is too common to count
COUNTED = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\s+[a-z]+", re.IGNORECASE)
YEARS = range(1900, 2101)
CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december"})
MAX_AGE = 110
MAX_NAME_WORDS = 4


class Dyad(NamedTuple):
    """What a coded event says about its document's story: its type and its actors' countries."""

    kind: str
    source: str | None
    target: str | None

    def token(self) -> str:
        return f"event:{self.kind}:{self.source or '-'}:{self.target or '-'}"


@dataclass(frozen=True)
class DocumentText:
    """The stored parts of a document that story clustering reads."""

    doc_id: str
    day: dt.date | None
    title: str | None
    text: str
    event_places: tuple[Place, ...] = ()
    dyads: tuple[Dyad, ...] = ()


@dataclass(frozen=True)
class DocumentFeatures:
    doc_id: str
    day: dt.date | None
    tokens: tuple[str, ...]  # words, names and numbers, repeated as often as they occur
    places: frozenset[Place]  # every place named (country, region or city)
    ages: frozenset[int]


@cache
def _word_analyzer() -> object:
    return HashingVectorizer(stop_words="english", token_pattern=WORD_PATTERN).build_analyzer()


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@cache
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def words(text: str) -> list[str]:
    """Content words, lower-cased and stemmed."""
    analyse = _word_analyzer()
    return [stem(word) for word in analyse(text) if word not in CALENDAR_WORDS]  # type: ignore[operator]


def names(text: str) -> list[str]:
    """Multi-word capitalised names, lower-cased, without a leading stop word ("The Kremlin"); a
    longer run also gives its last two words, so that "State Antony Blinken" meets "Antony Blinken"."""
    found = []
    for match in CAPITALISED.finditer(text):
        parts = match.group().split()
        while parts and parts[0].lower() in ENGLISH_STOP_WORDS:
            parts = parts[1:]
        if len(parts) >= 2 and not any(part.isupper() and len(part) > 1 for part in parts):
            found.append(" ".join(parts).lower())
            if len(parts) > 2:
                found.append(" ".join(parts[-2:]).lower())
    return found


def ages(text: str) -> set[int]:
    found: set[int] = set()
    for pattern in AGE_PATTERNS:
        for match in pattern.finditer(text):
            found.update(int(group) for group in match.groups() if group and 0 < int(group) <= MAX_AGE)
    return found


def numbers(text: str) -> list[str]:
    """Counts and amounts as ``num:`` features ("12", "250000", "35 million"); years left out."""
    found = []
    for match in NUMBER.finditer(text):
        value = match.group(1).replace(",", "")
        if match.group(2) is None and value.isdigit() and int(value) in YEARS:
            continue
        found.append(f"num:{value}" + (f" {match.group(2)}" if match.group(2) else ""))
    found.extend(f"num:{NUMBER_WORDS[m.group(1).lower()]}" for m in COUNTED.finditer(text))
    return found


def _country_of(span: str, tables: ActorTables) -> str | None:
    span = POSSESSIVE.sub("", span)  # "Spain's farm organisations"
    key = normalise(span)
    if key in tables.capital_keys and not span.replace(".", "").isupper():
        return None  # "US" and "UN" only in capitals, never the pronoun "us"
    if key in tables.aliases:
        return tables.aliases[key][0]
    seat = tables.seats.get(key)
    return seat.country if seat else None


def countries(text: str, tables: ActorTables) -> list[str]:
    """The countries named in the text (ISO3), once per mention: the longest name within each
    capitalised run ("South Korea", then "Korea")."""
    found = []
    for match in CAPITALISED.finditer(text):
        parts = match.group().split()
        start = 0
        while start < len(parts):
            for end in range(min(len(parts), start + MAX_NAME_WORDS), start, -1):
                country = _country_of(" ".join(parts[start:end]), tables)
                if country:
                    found.append(country)
                    start = end
                    break
            else:
                start += 1
    return found


def _qualified(text: str, start: int, end: int) -> tuple[bool, str | None]:
    """Whether the name at text[start:end] stands where a place is expected, and its qualifier."""
    before = text[max(0, start - 12) : start].split()
    follow = PLACE_FOLLOWERS.match(text[end : end + 40])
    qualifier = follow.group("qualifier") if follow else None
    return bool(before and before[-1].lower() in LOCATIVE) or follow is not None, qualifier


def _is_landmark(candidates: list[Candidate]) -> bool:
    """A country, a region or a big city: a place wherever it is named."""
    return any(
        c.exact and (c.entry.precision != "city" or c.entry.population >= BIG_CITY) for c in candidates
    )


def place_names(text: str, resolver: PlaceResolver) -> list[str]:
    """Names in the text that stand for places (see the module docstring)."""
    gazetteer = resolver.gazetteer
    found = []
    dateline = DATELINE.match(text)
    if dateline and gazetteer.lookup(dateline.group(1).strip()):
        found.append(dateline.group(1).strip())
    for match in CAPITALISED.finditer(text, dateline.end() if dateline else 0):
        name = match.group()
        candidates = [c for c in gazetteer.lookup(name) if c.exact]
        if not candidates:
            continue
        placed, qualifier = _qualified(text, match.start(), match.start() + len(name))
        if _is_landmark(candidates) or placed or (qualifier and gazetteer.lookup(qualifier)):
            found.append(name)
    return found


def _placed_anywhere(name: str, text: str) -> bool:
    """Whether the name stands where a scene is expected at least once: the dateline, "in
    Nairobi", "Nairobi police" (a possessive, "Moscow's embassy", is the government's)."""
    dateline = DATELINE.match(text)
    if dateline and dateline.group(1).strip() == name:
        return True
    for match in CAPITALISED.finditer(text):
        if match.group() != name or name.endswith(("'s", "’s")):
            continue
        placed, _ = _qualified(text, match.start(), match.end())
        if placed and not POSSESSIVE.match(text, match.end()):
            return True
    return False


def seats_named(text: str, found: Iterable[str], tables: ActorTables) -> dict[str, str]:
    """Of the place names found, the seats of power that stand only for their governments
    ("Nairobi and Dodoma have pledged"): name -> country. Such a capital is an actor, not the
    scene, so it counts as its country."""
    seats = {}
    for name in set(found):
        seat = tables.seats.get(normalise(POSSESSIVE.sub("", name)))
        if seat is not None and not _placed_anywhere(name, text):
            seats[name] = seat.country
    return seats


def places(text: str, resolver: PlaceResolver, tables: ActorTables | None = None) -> dict[str, Place]:
    """The places named in the text (name -> place), each resolved with the others as context; a
    seat of power named only as an actor is its country."""
    found = place_names(text, resolver)
    seats = seats_named(text, found, tables or load_tables())
    resolved = {name: Place(None, "country", country, None) for name, country in seats.items()}
    for name in found:
        if name in seats:
            continue
        location = resolver.resolve_name(name, context=[other for other in found if other != name])
        if location is not None:
            resolved[name] = Place(
                location.geonames_id, location.precision, location.country, location.admin1
            )
    return resolved


def place_token(place: Place) -> str:
    return f"place:{place.geonames_id}"


def document_features(
    document: DocumentText, resolver: PlaceResolver, tables: ActorTables | None = None
) -> DocumentFeatures:
    """Every feature of one document (title and text together)."""
    text = f"{document.title}.\n{document.text}" if document.title else document.text
    tables = tables or load_tables()
    named = places(document.text, resolver, tables)
    named_countries = countries(text, tables)
    found = [
        *named.values(),
        *document.event_places,
        *(Place(None, "country", country, None) for country in named_countries),
    ]
    found_ages = ages(text)
    place_words = {word for name in named for word in words(name)}
    tokens = [
        *(word for word in words(text) if word not in place_words),
        *(f"name:{name}" for name in names(text)),
        *(f"age:{age}" for age in sorted(found_ages)),
        *numbers(text),
        *(f"country:{country}" for country in named_countries),
        *(dyad.token() for dyad in document.dyads),
    ]
    return DocumentFeatures(
        document.doc_id, document.day, tuple(tokens), frozenset(found), frozenset(found_ages)
    )


def features_of(documents: Iterable[DocumentText]) -> list[DocumentFeatures]:
    resolver = PlaceResolver.default()
    tables = load_tables()
    return [document_features(document, resolver, tables) for document in documents]


__all__ = [
    "DocumentFeatures",
    "DocumentText",
    "Dyad",
    "ages",
    "countries",
    "document_features",
    "features_of",
    "names",
    "numbers",
    "place_names",
    "place_token",
    "places",
    "seats_named",
    "stem",
    "words",
]
