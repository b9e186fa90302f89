"""The whole coding pipeline for a stream of documents: nlp -> actors -> events -> dates/places/quotes.

`code_documents` parses documents in batches with spaCy's `nlp.pipe` and yields one
`CodedDocument` per input document, in input order.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from detente.events import EventCoder
from detente.events.classifier import EventClassifier
from detente.events.similar import SimilarVerbs
from detente.models import Actor, CodedDocument, Document, Event, Location, Sentence
from detente.nlp import load_nlp
from detente.ontology import load_ontology
from detente.places import PlaceResolver
from detente.quotes import attach_quotes, extract_quotes

log = logging.getLogger(__name__)

BATCH_SIZE = 16
# With no explicit recipient, a protest, a crackdown or an attack is aimed at the state or people
# of the place where it happens (PLOVER codes such events with that country as target).
PLACE_TARGET_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT"})
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE"})
PROGRESS_EVERY = 50


@cache
def get_coder(model: str = "md") -> EventCoder:
    """One event coder per model (the vector fallback needs the model's word vectors)."""
    ontology = load_ontology()
    nlp = load_nlp(model)
    return EventCoder(ontology=ontology, similar=SimilarVerbs.for_model(nlp, ontology),
                      classifier=EventClassifier.load())


def code_documents(documents: Iterable[Document], *, model: str = "md",
                   progress: bool = False) -> Iterator[CodedDocument]:
    """Code every document; logs a progress line every few dozen documents when `progress`."""
    nlp = load_nlp(model)
    coder = get_coder(model)
    pairs = ((document.text, document) for document in documents)
    for count, (doc, document) in enumerate(nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE), 1):
        yield code_doc(doc, document, coder)
        if progress and count % PROGRESS_EVERY == 0:
            log.info("coded %d documents", count)


def code_doc(doc: Doc, document: Document, coder: EventCoder) -> CodedDocument:
    """Code one parsed document."""
    events, actors = coder.code(doc, document)
    quotes = extract_quotes(doc, document, resolver=coder.resolver, memory=coder.resolver.new_memory())
    events = attach_quotes(locate_events(doc, document, events), quotes)
    sentences = tuple(Sentence(i, s.text.strip(), s.start_char, s.end_char) for i, s in enumerate(doc.sents))
    return CodedDocument(document=document, sentences=sentences, actors=tuple(actors), events=tuple(events),
                         quotes=tuple(quotes))


def locate_events(doc: Doc, document: Document, events: list[Event]) -> list[Event]:
    """Give each event the place of its clause, sentence or dateline."""
    places = PlaceResolver.default()
    mentions = places.places_in(doc, document)
    located = []
    for event in events:
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is None:
            located.append(event)
            continue
        candidates = [m for m in mentions if not _names_actor(m.start, m.end, event)]
        location = places.locate_event(doc, trigger.sent, trigger[0], candidates)
        located.append(_place_actors(replace(event, location=location)))
    return [event for event in located if _has_country(event)]


def _has_country(event: Event) -> bool:
    """An event neither of whose actors can be placed in any country ("a protester demolished the
    building") is not kept; its actors stay in the document's actor list."""
    return any(actor is not None and actor.country for actor in (event.source, event.target))


def _names_actor(start: int, end: int, event: Event) -> bool:
    """The place mention is the event's own source or target ("Tehran accused Washington"): an
    actor, not where the event happened. A visit or meeting does take place at its target."""
    actors = (event.source,) if event.plover == "CONSULT" else (event.source, event.target)
    return any(actor is not None and actor.start is not None and actor.end is not None
               and start < actor.end and actor.start < end for actor in actors)


def _place_actors(event: Event) -> Event:
    """Actors known only by their role ("police", "protesters", "the government") take the country
    where the event happened: its clause, sentence or the article's dateline."""
    location = event.location
    source, target = event.source, event.target
    if location is not None and location.country:
        source, target = (_with_country(a, location.country) for a in (source, target))
    if target is None and event.plover in PLACE_TARGET_TYPES:
        target = _place_target(event, location)
    return replace(event, source=source, target=target)


def _place_target(event: Event, location: Location | None) -> Actor | None:
    """The country where a protest, crackdown or attack happened; for protests and crackdowns with
    no place given, the source's own country (a domestic protest addresses its own state)."""
    if location is not None and location.country:
        return Actor(text=location.text, name=location.name, country=location.country, kind="place")
    source_country = event.source.country if event.source else None
    if source_country and event.plover in DOMESTIC_TYPES:
        return Actor(text=source_country, country=source_country, kind="place")
    return None


def _with_country(actor: Actor | None, country: str) -> Actor | None:
    if actor is None or actor.country or not actor.sector:
        return actor
    return replace(actor, country=country)


__all__ = ["code_doc", "code_documents", "get_coder", "load_nlp"]
