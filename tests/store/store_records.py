"""Hand-built coded documents for the store tests (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

from detente.models import (
    Actor,
    CodedDocument,
    Document,
    Event,
    Location,
    Quote,
    Sentence,
    Trigger,
    make_event_id,
)

KYIV = Location(text="Kyiv", name="Kyiv", country="UKR", admin1="Kyiv City", lat=50.45, lon=30.52,
                geonames_id=703448, precision="city")


def make_actor(code: str | None, text: str = "someone") -> Actor | None:
    """An actor from a code such as "RUSGOV" (country RUS, sector GOV) or "RUS"."""
    if code is None:
        return None
    return Actor(text=text, name=text.title(), country=code[:3], sector=code[3:] or None)


def make_event(doc_id: str, sentence_index: int = 0, *, source: str | None = "RUSGOV",
               target: str | None = "UKR", cameo: str = "163", plover: str | None = "SANCTION",
               date: dt.date | None = dt.date(2024, 3, 1), trigger_start: int = 0,
               location: Location | None = None, quote_id: str | None = None) -> Event:
    return Event(
        event_id=make_event_id(doc_id, sentence_index, trigger_start, cameo), doc_id=doc_id,
        sentence_index=sentence_index, sentence=f"Sentence {sentence_index} of {doc_id}.",
        source=make_actor(source, "Moscow"), target=make_actor(target, "Kyiv"), cameo=cameo,
        cameo_root=cameo[:2], cameo_name=f"name of {cameo}", plover=plover, plover_mode=None,
        goldstein=-4.0, quad_class=4, date=date, date_precision="day" if date else None,
        negated=False, modality="asserted", confidence=0.8, coder="test",
        trigger=Trigger(text="sanctioned", start=trigger_start, end=trigger_start + 10),
        ontology_version="test-1", detente_version="0.0.0", location=location, quote_id=quote_id,
    )


def make_quote(doc_id: str, number: int, speaker: str | None = "RUSGOV") -> Quote:
    return Quote(quote_id=f"{doc_id}-q{number}", doc_id=doc_id,
                 speaker=make_actor(speaker, "the minister"), text=f"quoted words {number}",
                 start=10 * number, end=10 * number + 8, kind="direct", verb="say")


def make_coded(doc_id: str, text: str | None = None, *, events: tuple[Event, ...] | None = None,
               quotes: tuple[Quote, ...] = ()) -> CodedDocument:
    """A document with two sentences, two actors and (by default) two events."""
    text = text if text is not None else f"Text of {doc_id}. Second sentence."
    document = Document(doc_id=doc_id, text=text, title=f"Title {doc_id}", date=dt.date(2024, 3, 2),
                        source="Test Wire", url=f"https://example.org/{doc_id}", language="en",
                        path=f"/in/{doc_id}.txt")
    if events is None:
        events = (make_event(doc_id, 0, location=KYIV), make_event(doc_id, 1, cameo="042",
                                                                   plover="CONSULT"))
    return CodedDocument(
        document=document,
        sentences=(Sentence(0, "Text of it.", 0, 11), Sentence(1, "Second sentence.", 12, 28)),
        actors=(Actor("Moscow", "Moscow", "RUS", "GOV", 0, 6), Actor("Kyiv", None, "UKR", None, 20, 24)),
        events=events, quotes=quotes,
    )
