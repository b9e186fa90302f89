"""An ingest run: read documents, code the new and changed ones, store them, cluster, checkpoint.

    report = ingest_items(read_documents("articles/"), db="news.duckdb", on_skip=print)
    report.summary()

The run goes in batches of ``batch_size`` documents. For each batch the database is opened for
writing twice, briefly: once to plan (``detente.store.plan``: which documents are new, changed,
unchanged or aliases), once to write the coded documents, each in its own transaction. The
coding itself (minutes for a big batch with model loading) runs with the database closed, so that
readers (``detente events``, ``export``, ...) get in between batches; they wait for the lock
rather than fail (``detente.store.connect``). At the end the run brings the event clusters up to
date (``detente.dedup.update_clusters``, also when nothing new was stored, so that a run killed
before clustering is completed by the next) and checkpoints, so that no data is left only in
the write-ahead log.

A run killed at any moment leaves whole documents only; running it again stores what is missing,
so the database ends as a run that was never killed leaves it.
"""

from __future__ import annotations

import functools
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from detente.dedup import update_clusters
from detente.errors import StoreError
from detente.ingest import codes
from detente.ingest.limits import DEFAULT_LIMITS, Limits
from detente.models import CodedDocument, Document, Rejected
from detente.pipeline import code_items
from detente.places import PlaceResolver
from detente.store import Plan, Store

log = logging.getLogger(__name__)

BATCH_DOCUMENTS = 32
Skip = Callable[[Rejected], None]


@dataclass
class IngestReport:
    """What one run did; ``skipped`` counts rejected inputs by code."""

    read: int = 0
    coded: int = 0  # documents coded and stored (new, or replacing a changed version)
    recoded: int = 0  # of ``coded``: replacing a stored version whose text or metadata changed
    aliased: int = 0  # same text as a stored document under another id: stored as its alias
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: int = 0  # documents the database refused (D304)
    events: int = 0
    quotes: int = 0
    clustered: int = 0

    def summary(self) -> str:
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{code}: {count}" for code, count in sorted(self.skipped.items()))
        line = (f"{self.read} documents read: {self.coded} coded ({self.recoded} of them changed), "
                f"{self.aliased} aliased (same text as a stored document), {self.unchanged} unchanged, "
                f"{skipped} skipped" + (f" ({reasons})" if reasons else ""))
        if self.failed:
            line += f", {self.failed} not stored (database error)"
        return f"{line}; {self.events} events and {self.quotes} quotes written"


def ingest_items(items: Iterable[Document | Rejected], *, db: str, model: str = "md",
                 limits: Limits = DEFAULT_LIMITS, batch_size: int = BATCH_DOCUMENTS,
                 on_skip: Skip | None = None) -> IngestReport:
    """Store every document of ``items`` into ``db`` (see the module docstring); rejected inputs
    and documents the coder rejects go to ``on_skip`` and into the report."""
    report = IngestReport()
    skip = _skipper(report, on_skip)
    ingest_batch = functools.partial(_ingest_batch, db=db, model=model, limits=limits, report=report,
                                     skip=skip, retried=set())
    pending: list[Document] = []  # documents to plan again: the store changed under their plan
    batches = 0
    for batch in _batches(items, batch_size, report, skip):
        pending = ingest_batch(pending + batch)
        batches += 1
    while pending:
        pending = ingest_batch(pending)
    if batches:
        finish_run(db, report)
    return report


def finish_run(db: str, report: IngestReport | None = None) -> None:
    """Bring the clusters up to date and checkpoint the database."""
    PlaceResolver.default()  # story clustering reads places: load the gazetteer before taking the lock
    with Store(db) as store:
        try:
            clustered = update_clusters(store.connection)  # in transactions of its own (detente.dedup)
        except StoreError:
            raise
        except Exception as err:  # a safety net: the documents are stored; say so, never a traceback
            log.exception("clustering failed")
            raise StoreError(f"{db}: the documents are stored, but clustering failed ({type(err).__name__}: "
                             f"{err}); please report it", code="D310") from err
        if report is not None:
            report.clustered = clustered
        store.checkpoint()


def _skipper(report: IngestReport, on_skip: Skip | None) -> Skip:
    def skip(rejected: Rejected) -> None:
        report.skipped[rejected.code] += 1
        log.info("%s", rejected.message())
        if on_skip is not None:
            on_skip(rejected)
    return skip


def _batches(items: Iterable[Document | Rejected], size: int, report: IngestReport,
             skip: Skip) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        report.read += 1
        if isinstance(item, Rejected):
            skip(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ingest_batch(documents: list[Document], *, db: str, model: str, limits: Limits, report: IngestReport,
                  skip: Skip, retried: set[str]) -> list[Document]:
    """Plan, code and write one batch; returns the documents to plan again (once each)."""
    with Store(db) as store:
        plans = store.plan(documents)
    to_code = [plan.document for plan in plans if plan.needs_coding]
    to_code += [plan.promote for plan in plans if plan.promote is not None]
    results = dict(zip([(d.doc_id, d.content_hash) for d in to_code],
                       code_items(to_code, model=model, limits=limits), strict=True))
    again: list[Document] = []
    with Store(db) as store:
        for plan in plans:
            if _write(store, plan, results, report, skip):
                continue
            if plan.document.doc_id in retried:
                skip(Rejected(plan.document.path or plan.document.doc_id, codes.CODING_FAILED,
                              f"id {plan.document.doc_id!r}: could not be stored after planning twice"))
            else:
                retried.add(plan.document.doc_id)
                again.append(plan.document)
    return again


Results = dict[tuple[str, str], CodedDocument | Rejected]


def _write(store: Store, plan: Plan, results: Results, report: IngestReport, skip: Skip) -> bool:
    """Store one planned document; False when it must be planned again (the store changed)."""
    document = plan.document
    if plan.action == "unchanged":
        if not store.holds(document):  # an alias whose text went with this batch: plan it again
            return False
        report.unchanged += 1
        return True
    promote = plan.promote
    promoted = results.get((promote.doc_id, promote.content_hash)) if promote is not None else None
    if isinstance(promoted, Rejected) and promote is not None:
        skip(Rejected(document.path or document.doc_id, promoted.code, f"id {document.doc_id!r} not "
                      f"updated: its alias {promote.doc_id!r} would keep its old text, which is "
                      f"rejected: {promoted.detail}"))
        return True
    coded = results.get((document.doc_id, document.content_hash)) if plan.needs_coding else None
    if isinstance(coded, Rejected):
        skip(coded)
        return True
    try:
        outcome = (store.add(coded, promoted=[promoted] if promoted else []) if coded is not None
                   else store.add_alias(document, promoted=[promoted] if promoted else []))
    except StoreError as err:
        if err.code == "D307":  # the text it shares is not stored (its owner was rejected): plan again
            return False
        report.failed += 1
        log.error("%s", err)
        return True
    _count(report, outcome, coded, promoted)
    return True


def _count(report: IngestReport, outcome: str, coded: CodedDocument | None,
           promoted: CodedDocument | None) -> None:
    if outcome == "unchanged":
        report.unchanged += 1
    elif outcome == "aliased":
        report.aliased += 1
    else:
        report.coded += 1
        report.recoded += outcome == "replaced"
    for item in (coded if outcome in ("stored", "replaced") else None, promoted):
        if item is not None:
            report.events += len(item.events)
            report.quotes += len(item.quotes)


__all__ = ["BATCH_DOCUMENTS", "IngestReport", "finish_run", "ingest_items"]
