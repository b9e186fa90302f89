"""The whole coding pipeline for a stream of documents: nlp -> actors -> events -> dates/places/quotes.

`code_documents` parses documents in batches with spaCy's `nlp.pipe` and yields one
`CodedDocument` per input document, in input order.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Doc

from detente.events import EventCoder
from detente.events.classifier import EventClassifier
from detente.events.similar import SimilarVerbs
from detente.models import CodedDocument, Document, Sentence
from detente.nlp import load_nlp
from detente.ontology import load_ontology
from detente.places.events import locate_events
from detente.quotes import attach_quotes, extract_quotes

log = logging.getLogger(__name__)

BATCH_SIZE = 16
PROGRESS_EVERY = 50


@cache
def get_coder(model: str = "md") -> EventCoder:
    """One event coder per model (the vector fallback needs the model's word vectors)."""
    ontology = load_ontology()
    nlp = load_nlp(model)
    return EventCoder(ontology=ontology, similar=SimilarVerbs.for_model(nlp, ontology),
                      classifier=EventClassifier.load())


def code_documents(documents: Iterable[Document], *, model: str = "md", progress: bool = False,
                   batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[CodedDocument]:
    """Code every document; logs a progress line every few dozen documents when `progress`.

    ``batch_size`` and ``n_process`` go to spaCy's ``nlp.pipe``: ``n_process`` > 1 parses in that
    many worker processes (-1: one per CPU); the coding after the parse runs in this process.
    """
    nlp = load_nlp(model)
    coder = get_coder(model)
    pairs = ((document.text, document) for document in documents)
    parsed = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)
    for count, (doc, document) in enumerate(parsed, 1):
        yield code_doc(doc, document, coder)
        if progress and count % PROGRESS_EVERY == 0:
            log.info("coded %d documents", count)


def code_doc(doc: Doc, document: Document, coder: EventCoder) -> CodedDocument:
    """Code one parsed document."""
    events, state = coder.code_with_state(doc, document)
    actors = state.resolved()
    quotes = extract_quotes(doc, document, resolver=coder.resolver, memory=state.memory, known=state.actors)
    events = attach_quotes(locate_events(doc, document, events), quotes)
    sentences = tuple(Sentence(i, s.text.strip(), s.start_char, s.end_char) for i, s in enumerate(doc.sents))
    return CodedDocument(document=document, sentences=sentences, actors=tuple(actors), events=tuple(events),
                         quotes=tuple(quotes))


__all__ = ["code_doc", "code_documents", "get_coder", "load_nlp"]
