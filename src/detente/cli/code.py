"""`detente code`: code documents into events and print them."""

from __future__ import annotations

import datetime as dt
import itertools
import sys

import click

from detente.cli import main
from detente.cli.options import Inputs, date_option, format_option, limits_option, model_option, table_options
from detente.cli.output import write_events
from detente.cli.progress import progress
from detente.errors import DetenteError
from detente.ingest import TableColumns
from detente.ingest.limits import Limits
from detente.models import Document, Rejected
from detente.pipeline import code_items


@main.command("code")
@click.argument("path")
@date_option()
@format_option(("jsonl", "table", "csv"), "jsonl")
@model_option()
@limits_option()
@table_options
def code_command(path: str, date_value: dt.date | None, fmt: str, model: str, limits: Limits,
                 columns: TableColumns) -> None:
    """Code the news articles at PATH (a file, a folder, a CSV, TSV or Parquet table of articles,
    or - for standard input) into events.

    Example: detente code article.txt --date 2021-03-21 --output-format table
    """
    inputs = Inputs(path, date_value, columns, limits)  # read lazily: one batch in memory at a time
    documents = (item for item in inputs if isinstance(item, Document))
    first = next(documents, None)  # no model is loaded when every input is rejected
    events: list[dict[str, object]] = []
    coded_count = skipped = 0
    try:
        coded = code_items(itertools.chain([first], documents), model=model, limits=limits) if first else ()
        for item in progress(coded, length=None, label="coding"):
            if isinstance(item, Rejected):
                skipped += 1
                click.echo(f"skipped: {item.message()}", err=True)
                continue
            coded_count += 1
            batch = [event.to_dict() for event in item.events]
            if fmt == "jsonl":
                write_events(batch, fmt, sys.stdout)
            else:
                events.extend(batch)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    inputs.warn_undated()
    if not inputs.documents:
        reason = f"all {inputs.rejected} input(s) were rejected" if inputs.rejected else "no documents found"
        raise click.ClickException(f"nothing to process: {reason}")
    if fmt != "jsonl":
        write_events(events, fmt, sys.stdout)
    if inputs.rejected or skipped:
        click.echo(f"{coded_count} document(s) coded, {inputs.rejected + skipped} skipped", err=True)
