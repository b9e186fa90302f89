"""The child process of the kill tests (tests/test_ingestion.py): one ingest run.

    python -m tests.ingestion_child INPUT DB [PAUSE]     (from the repository root)

It ingests INPUT into DB through ``detente.ingestion.ingest_items`` in batches of three documents,
clustering and checkpointing at the end as `detente ingest` does, with a hand-built coder in place
of spaCy (``coded_from_text``: the events are written in each text) that takes PAUSE seconds a
document (default 0.01), so that a run takes a few seconds and kills land in every phase. It prints
"started" once it is about to read (the gazetteer loaded, as coding loads it in a real run).
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable, Iterable, Iterator

import detente.ingestion
from detente.ingest import read_documents
from detente.models import CodedDocument, Document
from detente.places import PlaceResolver
from tests.store.store_records import make_coded, make_event

BATCH = 3
PAUSE = 0.01  # seconds of "coding" per document


def coded_from_text(document: Document) -> CodedDocument:
    """Events from a text of the form "RUSGOV UKR 163; USA CHN 042. Any words.": one per pair."""
    head = document.text.split(".")[0]
    events = []
    for index, part in enumerate(head.split(";")):
        source, target, cameo = part.split()
        events.append(dataclasses.replace(make_event(document.doc_id, index % 2, source=source, target=target,
                                                     cameo=cameo, plover=None, date=document.date,
                                                     trigger_start=index * 10), sentence=head))
    return dataclasses.replace(make_coded(document.doc_id, document.text, events=tuple(events)),
                               document=document)


def slow_coder(pause: float) -> Callable[..., Iterator[CodedDocument]]:
    def code_items(documents: Iterable[Document], **_: object) -> Iterator[CodedDocument]:
        for document in documents:
            time.sleep(pause)
            yield coded_from_text(document)
    return code_items


def main(source: str, db: str, pause: float = PAUSE) -> None:
    detente.ingestion.code_items = slow_coder(pause)  # type: ignore[assignment]
    PlaceResolver.default()  # loaded by the coder in a real run, before anything is stored
    print("started", flush=True)
    detente.ingestion.ingest_items(read_documents(source), db=db, batch_size=BATCH)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(float(arg) for arg in sys.argv[3:4]))
