"""The whole coding pipeline for a stream of documents: nlp -> actors -> events -> dates/places/quotes.

`code_documents` parses documents in batches with spaCy's `nlp.pipe` and yields one
`CodedDocument` per input document, in input order. `code_items` does the same but never stops on
a bad document: each one it cannot code (over a limit of ``detente.ingest.limits``, or one the
coder fails on) comes out as a `Rejected` in its place, and the run goes on.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import InputError
from detente.events import EventCoder
from detente.events.acts import one_event_per_act
from detente.events.antecedents import with_antecedent_targets, with_claimed_attackers
from detente.events.classifier import EventClassifier
from detente.events.similar import SimilarVerbs
from detente.ingest import codes
from detente.ingest.limits import DEFAULT_LIMITS, Limits
from detente.models import CodedDocument, Document, Rejected, Sentence
from detente.nlp import BATCH_SIZE
from detente.nlp.language import load_nlp
from detente.ontology import load_ontology
from detente.places.events import locate_events
from detente.quotes import attach_quotes, extract_quotes

log = logging.getLogger(__name__)

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
    pairs = ((document.text, document) for document in _within_limits(documents, nlp))
    parsed = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)
    for count, (doc, document) in enumerate(parsed, 1):
        yield code_doc(doc, document, coder)
        if progress and count % PROGRESS_EVERY == 0:
            log.info("coded %d documents", count)


def _within_limits(documents: Iterable[Document], nlp: Language) -> Iterator[Document]:
    for document in documents:
        if len(document.text) >= nlp.max_length:
            raise InputError(f"{document.doc_id}: {len(document.text):,} characters, more than spaCy parses "
                             f"at once ({nlp.max_length:,}); read it with detente.ingest, which splits it",
                             code=codes.TOO_LONG)
        yield document


def code_items(documents: Iterable[Document], *, model: str = "md", limits: Limits = DEFAULT_LIMITS,
               batch_size: int = BATCH_SIZE) -> Iterator[CodedDocument | Rejected]:
    """One `CodedDocument` or `Rejected` per document, in input order (see the module docstring)."""
    nlp = load_nlp(model)
    coder = get_coder(model)
    nlp.max_length = max(nlp.max_length, limits.document_chars + 1)
    iterator = iter(documents)
    while batch := list(itertools.islice(iterator, batch_size)):
        fitting = [document for document in batch if len(document.text) <= limits.document_chars]
        parsed = dict(zip((id(d) for d in fitting), _parse(nlp, fitting), strict=True))
        for document in batch:
            doc = parsed.get(id(document))
            yield _too_long(document, limits) if doc is None else _code_checked(doc, document, coder, limits)


def _parse(nlp: Language, documents: list[Document]) -> list[Doc | None]:
    """spaCy's parses of the batch; if the batch fails, each document alone (None where that fails)."""
    try:
        return list(nlp.pipe((document.text for document in documents), batch_size=len(documents) or 1))
    except Exception:  # a safety net: one document must not take its batch down with it
        log.warning("parsing a batch failed; parsing its %d documents one by one", len(documents))
    return [_parse_one(nlp, document) for document in documents]


def _parse_one(nlp: Language, document: Document) -> Doc | None:
    try:
        return nlp(document.text)
    except Exception:  # a safety net, as in _parse: logged with its traceback, rejected by the caller
        log.exception("%s: spaCy failed to parse the document", document.doc_id)
        return None


def _too_long(document: Document, limits: Limits) -> Rejected:
    label = document.path or document.doc_id
    if len(document.text) <= limits.document_chars:
        return Rejected(label, codes.CODING_FAILED, f"id {document.doc_id!r}: spaCy could not parse it "
                        "(logged with its traceback)")
    return Rejected(label, codes.TOO_LONG, f"id {document.doc_id!r}: {len(document.text):,} characters, over "
                    f"the limit document_chars ({limits.document_chars:,}); detente.ingest splits such texts")


def _code_checked(doc: Doc, document: Document, coder: EventCoder,
                  limits: Limits) -> CodedDocument | Rejected:
    label = document.path or document.doc_id
    sentences = sum(1 for _ in doc.sents)
    if sentences > limits.sentences:
        return _over(label, document, "sentences", sentences, limits.sentences)
    try:
        coded = code_doc(doc, document, coder)
    except Exception as err:  # a safety net: a coder bug on one document must not stop the run
        log.exception("%s: coding failed", document.doc_id)
        return Rejected(label, codes.CODING_FAILED, f"id {document.doc_id!r}: coding failed "
                        f"({type(err).__name__}: {err}); please report it")
    for name, found in (("quotes", len(coded.quotes)), ("events", len(coded.events))):
        if found > getattr(limits, name):
            return _over(label, document, name, found, getattr(limits, name))
    return coded


def _over(label: str, document: Document, name: str, found: int, limit: int) -> Rejected:
    return Rejected(label, codes.OVER_LIMIT, f"id {document.doc_id!r}: {found:,} {name}, over the limit "
                    f"{name} ({limit:,})")


def code_doc(doc: Doc, document: Document, coder: EventCoder) -> CodedDocument:
    """Code one parsed document."""
    events, state = coder.code_with_state(doc, document)
    actors = state.resolved()
    quotes = extract_quotes(doc, document, resolver=coder.resolver, memory=state.memory, known=state.actors)
    located = with_claimed_attackers(doc, locate_events(doc, document, events), coder.ontology)
    located = with_antecedent_targets(doc, located, coder.ontology, lambda head: coder.actors_of(head, state))
    events = attach_quotes(one_event_per_act(located), quotes)
    sentences = tuple(Sentence(i, s.text.strip(), s.start_char, s.end_char) for i, s in enumerate(doc.sents))
    return CodedDocument(document=document, sentences=sentences, actors=tuple(actors), events=tuple(events),
                         quotes=tuple(quotes))


__all__ = ["code_doc", "code_documents", "code_items", "get_coder", "load_nlp"]
