"""Turn the records of a CodedDocument into table rows, in the column order of store.schema."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from detente.models import Actor, CodedDocument, Document, Event, Quote, Sentence

log = logging.getLogger(__name__)

Row = tuple[Any, ...]


def document_row(document: Document, ingested_at: dt.datetime) -> Row:
    return (document.doc_id, document.content_hash, document.title, document.date, document.source,
            document.url, document.language, document.path, document.text, ingested_at)


def alias_row(document: Document, doc_id: str, ingested_at: dt.datetime) -> Row:
    """A second report of stored document ``doc_id``: the same text under ``document.doc_id``."""
    return (document.doc_id, doc_id, document.content_hash, document.title, document.date, document.source,
            document.url, document.language, document.path, ingested_at)


def sentence_row(doc_id: str, sentence: Sentence) -> Row:
    return (doc_id, sentence.index, sentence.text, sentence.start, sentence.end)


def actor_row(doc_id: str, actor: Actor) -> Row:
    return (doc_id, actor.text, actor.name, actor.country, actor.sector, actor.code, actor.start,
            actor.end)


def _actor_columns(actor: Actor | None) -> Row:
    if actor is None:
        return (None, None, None, None, None, None)
    return (actor.text, actor.name, actor.country, actor.sector, actor.code, actor.country_source)


def to_json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def event_row(event: Event) -> Row:
    location = event.location.to_dict() if event.location else None
    return (
        event.event_id, event.doc_id, event.sentence_index, event.sentence,
        *_actor_columns(event.source), *_actor_columns(event.target),
        event.cameo, event.cameo_root, event.cameo_name, event.plover, event.plover_mode,
        event.goldstein, event.quad_class, event.date, event.date_precision, event.negated,
        event.modality, event.status, event.confidence, event.coder, event.trigger.text, event.trigger.start,
        event.trigger.end, event.ontology_version, event.detente_version, to_json(location),
        event.quote_id, to_json(event.to_dict()),
    )


def quote_row(quote: Quote) -> Row:
    return (quote.quote_id, quote.doc_id, *_actor_columns(quote.speaker), quote.text, quote.start,
            quote.end, quote.kind, quote.verb)


def unique_events(coded: CodedDocument) -> list[Event]:
    """The events of a document with exact repeats dropped (same id and same record).

    Two different events sharing an id are kept, so the store's key refuses them loudly.
    """
    seen: dict[str, dict[str, Any]] = {}
    kept: list[Event] = []
    for event in coded.events:
        record = event.to_dict()
        if seen.get(event.event_id) == record:
            log.debug("%s: dropping a repeated event %s", coded.document.doc_id, event.event_id)
            continue
        seen.setdefault(event.event_id, record)
        kept.append(event)
    return kept


def table_rows(coded: CodedDocument, ingested_at: dt.datetime) -> dict[str, list[Row]]:
    """Rows for each table, keyed by table name, in insertion order (documents first)."""
    doc_id = coded.document.doc_id
    return {
        "documents": [document_row(coded.document, ingested_at)],
        "sentences": [sentence_row(doc_id, sentence) for sentence in coded.sentences],
        "actors": [actor_row(doc_id, actor) for actor in coded.actors],
        "events": [event_row(event) for event in unique_events(coded)],
        "quotes": [quote_row(quote) for quote in coded.quotes],
    }


__all__ = ["Row", "alias_row", "table_rows", "to_json", "unique_events"]
