"""Records shared by every stage, defined once.

The flow is ingest -> nlp -> actors -> events -> dates/places/quotes -> dedup -> store -> query.
This module imports no stage. Records are frozen dataclasses; stages build new ones with
``dataclasses.replace`` rather than mutating. ``to_dict`` gives the documented JSON shape.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any, Literal

Modality = Literal["asserted", "reported", "intended", "hypothetical", "denied"]
DatePrecision = Literal["day", "month", "year"]
QuoteKind = Literal["direct", "indirect", "partial"]
# Whether an event is news of the report: it happened now, long before, is yet to come, is only
# supposed, or is denied. Status sits beside modality (how the text presents the event).
EventStatus = Literal["current", "background", "future", "hypothetical", "denied"]
# How an actor's country was found: named in the mention, a place in its sentence, the
# article's dateline, the document's one dominant country, or not at all.
CountrySource = Literal["named", "sentence_place", "dateline", "document", "none"]


@dataclass(frozen=True)
class Document:
    """One article as read from the input, before any analysis."""

    doc_id: str
    text: str
    title: str | None = None
    date: dt.date | None = None  # publication date
    source: str | None = None  # outlet name
    url: str | None = None
    language: str | None = None
    path: str | None = None  # where it was read from

    @property
    def content_hash(self) -> str:
        """sha256 of the text: the store uses it to ignore re-ingested documents."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rejected:
    """An input that could not become a Document, with a stable code and a readable reason."""

    input: str  # file path, "path:line", or "-" for standard input
    code: str  # e.g. "D101"
    detail: str

    def message(self) -> str:
        return f"[{self.code}] {self.input}: {self.detail}"


ACTOR_KEYS = ("text", "name", "country", "sector", "code", "country_source")


@dataclass(frozen=True)
class Actor:
    """A resolved (or unresolved) mention of a political actor.

    ``country`` is ISO 3166 alpha-3, or a PLOVER pseudo-country such as "IGO"; ``sector`` a
    PLOVER/CAMEO agent code (GOV, MIL, JRN, CVL, ...). Unknown actors keep their text with
    null country and sector. ``start``/``end`` are character offsets in the document.
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None
    kind: str | None = None  # person, org, country, group, place (for memory and quotes)
    posted_to: str | None = None  # ISO3 country a diplomat is posted to ("ambassador to the US")
    country_source: CountrySource | None = None

    @property
    def code(self) -> str | None:
        if not self.country and not self.sector:
            return None
        return f"{self.country or '---'}{self.sector or ''}"

    def to_dict(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in ACTOR_KEYS}


@dataclass(frozen=True)
class Trigger:
    """The words that carry an event, with character offsets in the document."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Location:
    """A gazetteer entry chosen for an event or mention."""

    text: str
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: str  # "city", "admin1", "country"
    feature_class: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country, "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon, "geonames_id": self.geonames_id,
                "precision": self.precision}


@dataclass(frozen=True)
class Quote:
    """A quotation attributed (or not) to a speaker."""

    quote_id: str
    doc_id: str
    speaker: Actor | None
    text: str
    start: int
    end: int
    kind: QuoteKind
    verb: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"quote_id": self.quote_id, "doc_id": self.doc_id,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "verb": self.verb}


EVENT_FIELDS = (
    "event_id", "doc_id", "sentence_index", "sentence", "source", "target", "cameo", "cameo_root",
    "cameo_name", "plover", "plover_mode", "goldstein", "quad_class", "date", "date_precision",
    "negated", "modality", "status", "confidence", "coder", "trigger", "ontology_version",
    "detente_version", "location", "quote_id",
)


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, when, where, with its evidence."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    cameo_name: str
    plover: str | None
    plover_mode: str | None
    goldstein: float | None
    quad_class: int | None
    date: dt.date | None
    date_precision: DatePrecision | None
    negated: bool
    modality: Modality
    confidence: float
    coder: str
    trigger: Trigger
    ontology_version: str
    detente_version: str
    location: Location | None = None
    quote_id: str | None = None
    status: EventStatus = "current"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in EVENT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, Actor | Trigger | Location):
                value = value.to_dict()
            elif isinstance(value, dt.date):
                value = value.isoformat()
            out[name] = value
        return out


def actor_key(actor: Actor | None) -> str:
    """What tells two actors of one event apart: "American and Chinese diplomats" share a span."""
    return "-" if actor is None else f"{actor.start}:{actor.code}:{actor.name}"


def make_event_id(doc_id: str, sentence_index: int, trigger_start: int, cameo: str,
                  source: Actor | None = None, target: Actor | None = None) -> str:
    """Stable id from document, sentence, trigger and code, and the source and target, so that
    "Russia and China sanctioned the US" gives two distinct events."""
    key = "\x1f".join((doc_id, str(sentence_index), str(trigger_start), cameo, actor_key(source),
                       actor_key(target)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CodedDocument:
    """Everything the pipeline produced for one document."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()


def event_from_dict(data: dict[str, Any]) -> Event:
    """Inverse of Event.to_dict (used by tests; the derived actor "code" is dropped)."""
    values = dict(data)
    for role in ("source", "target"):
        if values.get(role):
            values[role] = Actor(**{k: v for k, v in values[role].items() if k != "code"})
    values["trigger"] = Trigger(**values["trigger"])
    if values.get("location"):
        values["location"] = Location(**values["location"])
    if isinstance(values.get("date"), str):
        values["date"] = dt.date.fromisoformat(values["date"])
    values.setdefault("status", "current")
    return Event(**{k: values.get(k) for k in EVENT_FIELDS})


__all__ = [
    "ACTOR_KEYS",
    "EVENT_FIELDS",
    "Actor",
    "CodedDocument",
    "CountrySource",
    "DatePrecision",
    "Document",
    "Event",
    "EventStatus",
    "Location",
    "Modality",
    "Quote",
    "QuoteKind",
    "Rejected",
    "Sentence",
    "Trigger",
    "actor_key",
    "event_from_dict",
    "make_event_id",
]
