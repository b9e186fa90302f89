"""`detente ingest` (read, code and store articles) and `detente events` (print stored events)."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import sys
from dataclasses import dataclass

import click
import duckdb

from detente.cli import main
from detente.cli.options import (
    date_option,
    fail_if_nothing,
    limits_option,
    model_option,
    read_inputs,
    table_options,
)
from detente.cli.output import progress, write_events
from detente.cli.reading import filter_options, output_format_option, report_omitted
from detente.errors import ConfigError, DetenteError, StoreError
from detente.filters import EventFilter
from detente.ingest import TableColumns
from detente.ingest.limits import Limits
from detente.models import CodedDocument, Document, Rejected
from detente.pipeline import code_items
from detente.query import omitted_events, query_events
from detente.store import Store

log = logging.getLogger(__name__)

DEFAULT_DB = "detente.duckdb"


@dataclass
class Tally:
    """What one `detente ingest` did, for the summary line."""

    read: int = 0
    stored: int = 0
    unchanged: int = 0
    rejected: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0

    def summary(self) -> str:
        line = (f"{self.read} documents read: {self.stored} stored, {self.unchanged} unchanged "
                f"(already stored), {self.rejected} rejected")
        if self.failed:
            line += f", {self.failed} not stored (database error)"
        return f"{line}; {self.events} events, {self.quotes} quotes"


def _store_one(store: Store, coded: CodedDocument, tally: Tally) -> None:
    try:
        added = store.add(coded)
    except StoreError as err:
        tally.failed += 1
        click.echo(str(err), err=True)
        return
    if not added:
        tally.unchanged += 1
        return
    tally.stored += 1
    tally.events += len(coded.events)
    tally.quotes += len(coded.quotes)


def update_clusters(con: duckdb.DuckDBPyConnection) -> None:
    """Run detente.dedup.update_clusters(con) when that module provides it."""
    try:
        dedup = importlib.import_module("detente.dedup")
    except ModuleNotFoundError as err:
        if err.name != "detente.dedup":
            raise
        return
    update = getattr(dedup, "update_clusters", None)
    if callable(update):
        log.info("%s event reports clustered after ingest", update(con))


def store_documents(documents: list[Document], *, db: str, model: str, tally: Tally,
                    limits: Limits | None = None) -> None:
    """Code the documents not stored yet and store them, counting what happened in ``tally``."""
    with Store(db) as store:
        new = [document for document in documents if not store.contains(document)]
        tally.unchanged += len(documents) - len(new)
        coded = code_items(new, model=model, limits=limits or Limits())
        for item in progress(coded, length=len(new), label="coding"):
            if isinstance(item, Rejected):
                tally.rejected += 1
                click.echo(f"skipped: {item.message()}", err=True)
            else:
                _store_one(store, item, tally)
        if tally.stored:
            _update_clusters_reporting(store.connection)


def _update_clusters_reporting(con: duckdb.DuckDBPyConnection) -> None:
    try:
        update_clusters(con)
    except StoreError as err:
        click.echo(f"documents stored, but {err}", err=True)


@main.command("ingest")
@click.argument("path")
@date_option()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to store into.")
@model_option()
@limits_option()
@table_options
def ingest_command(path: str, date_value: dt.date | None, db: str, model: str, limits: Limits,
                   columns: TableColumns) -> None:
    """Read, code and store the articles at PATH (a file, a folder, a CSV, TSV or Parquet table of
    articles, or - for standard input).

    Documents already stored with the same text are not coded again; a document whose text
    changed replaces its earlier version.

    Example: detente ingest articles/ --date 2024-03-01 --db events.duckdb
    """
    documents, rejected = read_inputs(path, date_value, columns, limits)
    tally = Tally(read=len(documents) + len(rejected), rejected=len(rejected))
    if documents:
        try:
            store_documents(documents, db=db, model=model, tally=tally, limits=limits)
        except DetenteError as err:
            raise click.ClickException(str(err)) from err
    click.echo(tally.summary(), err=True)
    fail_if_nothing(documents, rejected)
    if tally.stored + tally.unchanged == 0:
        raise click.ClickException(f"nothing stored in {db}: every document failed to be written")


@main.command("events")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file written by ingest.")
@filter_options
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@output_format_option(("table", "jsonl", "csv"), "table")
def events_command(db: str, filters: EventFilter, limit: int | None, fmt: str) -> None:
    """Print the stored event reports that match every filter given (current events by default).

    Example: detente events --db events.duckdb --source RUS --cameo-root 16 --output-format csv
    """
    try:
        with Store(db, read_only=True) as store:
            events = query_events(store.connection, filters=filters, limit=limit)
            left_out = omitted_events(store.connection, filters=filters)
    except ConfigError as err:
        raise click.UsageError(str(err)) from err
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    write_events(events, fmt, sys.stdout)
    report_omitted(left_out)


__all__ = ["Tally", "events_command", "ingest_command", "store_documents", "update_clusters"]
